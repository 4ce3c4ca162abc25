import type { Context } from 'aws-lambda';
import type { CreateBookingRequest } from '@gridtong/shared/api/bookings';
import { BOOKING_RULES } from '@gridtong/shared/booking/rules';
import { DomainError } from '@gridtong/shared/errors';
import type { Principal } from '@gridtong/shared/schemas/roles';
import { actOnMyBooking, actOnWorkBooking, createBooking, listMyBookings, listSlots } from '../../src/bookings/service';
import { conflictAggregate } from '../../src/conflict';
import { beijing, bookingWorld, WORKER } from '../doubles/booking-world';
import { refusal } from '../refusal';

type World = ReturnType<typeof bookingWorld>;

const request = (start: Date, over: Partial<CreateBookingRequest> = {}): CreateBookingRequest => ({
  serviceCode: 'S04',
  workerId: WORKER.userId,
  start: start.toISOString(),
  materialsReady: [],
  address: '榕溪东路 8 号 3 栋 502',
  ...over,
});

let keys = 0;
const lambdaContext = { getRemainingTimeInMillis: () => 10_000 } as Context;
const book = (w: World, who: Principal, start: Date, over: Partial<CreateBookingRequest> = {}, key = `unit-key-${++keys}`) =>
  createBooking(w.ports, w.ctx(who), { key, body: request(start, over), lambdaContext });

/** The code of the DomainError `promise` rejects with. */
const refusalCode = async (promise: Promise<unknown>): Promise<string> => (await refusal(promise)).code;

const TUESDAY_1500 = beijing('2026-11-24', '15:00');

describe('booking a slot', () => {
  it('a race of 20 residents for one slot: exactly one wins, the others are told it was taken, with other slots', async () => {
    const w = bookingWorld();
    const racers = Array.from({ length: 20 }, () => w.resident());
    const answers = await Promise.allSettled(racers.map((r) => book(w, r, TUESDAY_1500)));
    const won = answers.filter((a) => a.status === 'fulfilled');
    const lost = answers.flatMap((a) => (a.status === 'rejected' ? [a.reason as DomainError] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const err of lost) {
      expect(err.code).toBe('BOOKING.SLOT_TAKEN');
      const next = (err.current as { nextSlots: { start: string }[] }).nextSlots;
      expect(next.length).toBeGreaterThan(0);
      expect(next.map((s) => s.start)).not.toContain(TUESDAY_1500.toISOString());
    }
    // Only the winner holds the slot, and the losers hold no open-booking place.
    expect([...w.bookings.slots.values()]).toHaveLength(1);
    expect([...w.bookings.seats.values()]).toHaveLength(1);
  });

  it(`the open booking beyond ${BOOKING_RULES.maxOpenBookings} is refused and holds nothing; cancelling one frees a place`, async () => {
    const w = bookingWorld();
    const me = w.resident();
    const a = await book(w, me, beijing('2026-11-24', '14:00'));
    await book(w, me, beijing('2026-11-24', '14:30'));
    expect(await refusalCode(book(w, me, beijing('2026-11-24', '15:00')))).toBe('BOOKING.TOO_MANY_OPEN');
    expect((await listMyBookings(w.ports, w.ctx(me), { limit: 10 })).bookings.map((b) => b.slotStart)).toHaveLength(2);
    // The refused request's slot is still free for a neighbour.
    await expect(book(w, w.resident(), beijing('2026-11-24', '15:00'))).resolves.toMatchObject({ replayed: false });
    await actOnMyBooking(w.ports, w.ctx(me), { id: a.booking.id, body: { type: 'cancel', version: a.booking.version } });
    await expect(book(w, me, beijing('2026-11-24', '16:00'))).resolves.toMatchObject({ replayed: false });
  });

  it('a cancelled booking frees its slot for the next resident', async () => {
    const w = bookingWorld();
    const first = w.resident();
    const made = await book(w, first, TUESDAY_1500);
    await actOnMyBooking(w.ports, w.ctx(first), { id: made.booking.id, body: { type: 'cancel', version: 1 } });
    const slots = await listSlots(w.ports, w.ctx(w.resident()), { service: 'S04' });
    expect(slots.days.flatMap((d) => d.slots).map((s) => s.start)).toContain(TUESDAY_1500.toISOString());
    await expect(book(w, w.resident(), TUESDAY_1500)).resolves.toMatchObject({ replayed: false });
  });
});

describe('once per Idempotency-Key', () => {
  it('the same key is the same booking; the same key with another body is refused', async () => {
    const w = bookingWorld();
    const me = w.resident();
    const first = await book(w, me, TUESDAY_1500, {}, 'same-key-1');
    const again = await book(w, me, TUESDAY_1500, {}, 'same-key-1');
    expect(first.replayed).toBe(false);
    expect(again).toEqual({ booking: first.booking, replayed: true });
    expect(await refusalCode(book(w, me, beijing('2026-11-24', '16:00'), {}, 'same-key-1'))).toBe('IDEMPOTENCY.KEY_REUSED');
    // Another resident's same key is their own.
    await expect(book(w, w.resident(), beijing('2026-11-24', '16:00'), {}, 'same-key-1')).resolves.toMatchObject({ replayed: false });
  });

  it('two taps at once: one booking; the other answer is that booking or "in progress"', async () => {
    const w = bookingWorld();
    const me = w.resident();
    const answers = await Promise.allSettled([0, 1].map(() => book(w, me, TUESDAY_1500, {}, 'double-tap-1')));
    const made = answers.flatMap((a) => (a.status === 'fulfilled' ? [a.value.booking.id] : []));
    expect(made.length).toBeGreaterThan(0);
    expect(new Set(made).size).toBe(1);
    for (const a of answers) if (a.status === 'rejected') expect((a.reason as DomainError).code).toBe('IDEMPOTENCY.IN_PROGRESS');
    expect([...w.bookings.seats.values()]).toHaveLength(1);
  });
});

describe('cut-offs on a controlled clock', () => {
  const cutoffMs = BOOKING_RULES.residentCutoffMinutes * 60_000;

  it(`the resident may cancel until ${BOOKING_RULES.residentCutoffMinutes} minutes before the visit, not after`, async () => {
    const w = bookingWorld();
    const me = w.resident();
    const early = await book(w, me, TUESDAY_1500);
    const late = await book(w, me, beijing('2026-11-24', '16:00'));
    w.clock.set(new Date(TUESDAY_1500.getTime() - cutoffMs - 60_000));
    await expect(actOnMyBooking(w.ports, w.ctx(me), { id: early.booking.id, body: { type: 'cancel', version: 1 } })).resolves.toMatchObject({ status: 'cancelled' });
    w.clock.set(new Date(beijing('2026-11-24', '16:00').getTime() - cutoffMs + 60_000));
    expect(await refusalCode(actOnMyBooking(w.ports, w.ctx(me), { id: late.booking.id, body: { type: 'cancel', version: 1 } }))).toBe('BOOKING.CUTOFF_PASSED');
  });

  it('the resident may reschedule before the cut-off (the old slot is let go), not after', async () => {
    const w = bookingWorld();
    const me = w.resident();
    const made = await book(w, me, TUESDAY_1500);
    const thursday = beijing('2026-11-26', '14:00');
    const moved = await actOnMyBooking(w.ports, w.ctx(me), { id: made.booking.id, body: { type: 'reschedule', version: 1, start: thursday.toISOString() } });
    expect(moved).toMatchObject({ slotStart: thursday.toISOString(), status: 'requested', version: 2 });
    // Tuesday 15:00 is free again for someone else.
    await expect(book(w, w.resident(), TUESDAY_1500)).resolves.toMatchObject({ replayed: false });
    w.clock.set(new Date(thursday.getTime() - cutoffMs + 60_000));
    const body = { type: 'reschedule' as const, version: 2, start: beijing('2026-11-26', '16:00').toISOString() };
    expect(await refusalCode(actOnMyBooking(w.ports, w.ctx(me), { id: made.booking.id, body }))).toBe('BOOKING.CUTOFF_PASSED');
  });

  it('a step on a stale version is refused with the booking as it is now', async () => {
    const w = bookingWorld();
    const me = w.resident();
    const made = await book(w, me, TUESDAY_1500);
    await actOnWorkBooking({ ...w.ports, photos: { assertOwnedAndPresent: async () => {}, adopt: async (_id, p) => p } }, w.ctx(WORKER, '刘丽辉'), {
      id: made.booking.id, body: { type: 'confirm', version: 1 },
    });
    try {
      await actOnMyBooking(w.ports, w.ctx(me), { id: made.booking.id, body: { type: 'cancel', version: 1 } });
      throw new Error('expected a conflict');
    } catch (err) {
      expect((err as DomainError).code).toBe('BOOKING.VERSION_CONFLICT');
      expect(conflictAggregate(err)).toMatchObject({ status: 'confirmed', version: 2 });
    }
  });
});
