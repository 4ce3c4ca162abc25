import type { Context } from 'aws-lambda';
import { BookingDeliverer, type BookingDelivererPorts } from '../../src/bookings/jobs';
import { createBooking } from '../../src/bookings/service';
import { eventIdOf } from '../../src/outbox/outbox';
import { listOutbox, retryParked } from '../../src/outbox/outbox-admin';
import { CASE_OUTBOX } from '../../src/outbox/outbox-store';
import { beijing, bookingWorld, city, WORKER } from '../doubles/booking-world';
import { InMemoryOutboxStore } from '../doubles/outbox-store';

const POLICY = { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 60_000, random: () => 0 };

/** A booked visit with its first event owed to every booking channel, and a deliverer over doubles. */
async function world() {
  const w = bookingWorld();
  const me = w.resident();
  const { booking } = await createBooking(w.ports, w.ctx(me), {
    key: 'outbox-unit-1',
    body: { serviceCode: 'S04', workerId: WORKER.userId, start: beijing('2026-11-24', '15:00').toISOString(), materialsReady: [], address: '榕溪东路 8 号' },
    lambdaContext: { getRemainingTimeInMillis: () => 10_000 } as Context,
  });
  const counted: string[] = [];
  const pushed: string[] = [];
  let messagesFail = 0;
  const ports: BookingDelivererPorts = {
    bookingOutbox: w.bookings.outbox,
    messages: {
      put: async (m) => {
        if (messagesFail > 0) {
          messagesFail--;
          throw new Error('message store down');
        }
        return w.messages.put(m);
      },
    },
    counters: { add: async (_scope, _date, eventId) => (counted.push(eventId), true) },
    subscribePusher: { push: async (userId, eventId) => (pushed.push(`${userId}:${eventId}`), 'noGrant') },
    city: { get: async () => city },
    now: w.clock.now,
  };
  const deliverer = new BookingDeliverer(ports, POLICY);
  const admin = { outbox: new InMemoryOutboxStore(CASE_OUTBOX), bookingOutbox: w.bookings.outbox };
  const failMessages = (times: number) => {
    messagesFail = times;
  };
  const later = (ms: number) => w.clock.set(new Date(w.clock.now().getTime() + ms));
  return { w, me, booking, deliverer, counted, pushed, admin, failMessages, later };
}

describe('delivering a booking event', () => {
  it('hands it to each channel and clears the entry once all succeeded', async () => {
    const { w, booking, deliverer, counted, pushed } = await world();
    const report = await deliverer.deliverDue();
    expect(report).toMatchObject({ cases: 1, delivered: 3, failed: 0, parked: 0 });
    expect(w.messages.of(WORKER.userId)).toHaveLength(1);
    // One add per area the visit counts in (grid up to district), all under the one event id.
    expect(counted.length).toBeGreaterThan(0);
    expect(new Set(counted)).toEqual(new Set([eventIdOf(booking.id, 0)]));
    expect(pushed.length).toBeGreaterThan(0);
    expect((await w.bookings.outbox.read(booking.id))!.entries).toEqual([]);
    expect(await w.bookings.outbox.due(w.clock.now(), 10)).toEqual([]);
  });

  it('is idempotent by event id: a delivery handed over again (bookkeeping lost in a crash) shows once', async () => {
    const { w, booking, deliverer } = await world();
    const before = structuredClone(w.bookings.outbox.items.get(booking.id)!);
    await deliverer.deliverOne(booking.id);
    w.bookings.outbox.items.set(booking.id, before);
    await deliverer.deliverOne(booking.id);
    expect(w.messages.of(WORKER.userId)).toHaveLength(1);
  });

  it('backs off a failing channel, clears the others, and tries it again when due', async () => {
    const { w, booking, deliverer, failMessages, later } = await world();
    failMessages(1);
    expect(await deliverer.deliverDue()).toMatchObject({ delivered: 2, failed: 1 });
    const [entry] = (await w.bookings.outbox.read(booking.id))!.entries;
    expect(Object.keys(entry!.ch)).toEqual(['messages']);
    // The first retry waits half the base delay (no jitter here).
    expect(entry!.ch.messages).toMatchObject({ s: 'pending', n: 1, next: new Date(w.clock.now().getTime() + 500).toISOString(), err: 'Error: message store down' });
    later(499);
    expect(await deliverer.deliverDue()).toMatchObject({ cases: 0 });
    later(1);
    expect(await deliverer.deliverDue()).toMatchObject({ delivered: 1, failed: 0 });
    expect(w.messages.of(WORKER.userId)).toHaveLength(1);
    expect((await w.bookings.outbox.read(booking.id))!.entries).toEqual([]);
  });

  it(`parks a channel after ${POLICY.maxAttempts} failed attempts; an operator's retry puts it back in line`, async () => {
    const { w, booking, deliverer, failMessages, later, admin } = await world();
    failMessages(POLICY.maxAttempts);
    for (let i = 0; i < POLICY.maxAttempts; i++) {
      await deliverer.deliverDue();
      later(POLICY.maxDelayMs);
    }
    const eventId = eventIdOf(booking.id, 0);
    const parked = await listOutbox(admin, { state: 'parked', kind: 'booking', limit: 10 });
    expect(parked).toEqual([expect.objectContaining({ id: eventId, bookingId: booking.id, channels: [expect.objectContaining({ channel: 'messages', state: 'parked', attempts: 3 })] })]);
    // Parked: no run tries it again on its own.
    expect(await deliverer.deliverDue()).toMatchObject({ cases: 0 });
    expect(w.messages.of(WORKER.userId)).toHaveLength(0);

    const retried = await retryParked(admin, { now: w.clock.now() }, eventId);
    expect(retried.channels).toEqual([expect.objectContaining({ channel: 'messages', state: 'pending', attempts: 0 })]);
    expect(await listOutbox(admin, { state: 'parked', kind: 'all', limit: 10 })).toEqual([]);
    expect(await deliverer.deliverDue()).toMatchObject({ delivered: 1 });
    expect(w.messages.of(WORKER.userId)).toHaveLength(1);
    // Nothing parked is left to retry.
    await expect(retryParked(admin, { now: w.clock.now() }, eventId)).rejects.toMatchObject({ code: 'OUTBOX.NOT_FOUND' });
  });

  it('bookkeeping on a stale revision is refused, so two deliverers never undo each other', async () => {
    const { w, booking } = await world();
    const snapshot = (await w.bookings.outbox.read(booking.id))!;
    expect(await w.bookings.outbox.commit(snapshot, new Map([[0, null]]))).toBe(true);
    expect(await w.bookings.outbox.commit(snapshot, new Map([[0, null]]))).toBe(false);
  });
});
