import type { Context } from 'aws-lambda';
import { sendDueReminders } from '../../src/bookings/jobs';
import { actOnMyBooking, createBooking } from '../../src/bookings/service';
import { beijing, bookingWorld, WORKER } from '../doubles/booking-world';

const lambdaContext = { getRemainingTimeInMillis: () => 10_000 } as Context;

describe('the day-before reminder', () => {
  it('lands once in the timeline at 10:00 Beijing the day before; a cancelled visit just leaves the index', async () => {
    const w = bookingWorld();
    const body = (time: string) => ({ serviceCode: 'S04', workerId: WORKER.userId, start: beijing('2026-11-24', time).toISOString(), materialsReady: [], address: '榕溪东路 8 号' });
    const kept = await createBooking(w.ports, w.ctx(w.resident()), { key: 'remind-kept-1', body: body('15:00'), lambdaContext });
    const gone = w.resident();
    const cancelled = await createBooking(w.ports, w.ctx(gone), { key: 'remind-gone-1', body: body('16:00'), lambdaContext });
    await actOnMyBooking(w.ports, w.ctx(gone), { id: cancelled.booking.id, body: { type: 'cancel', version: 1 } });
    const ports = { bookings: w.bookings, now: w.clock.now };

    w.clock.set(beijing('2026-11-23', '09:59'));
    expect(await sendDueReminders(ports)).toEqual({ reminded: 0, cleared: 0 });
    w.clock.set(beijing('2026-11-23', '10:00'));
    expect(await sendDueReminders(ports)).toEqual({ reminded: 1, cleared: 0 });
    expect(await sendDueReminders(ports)).toEqual({ reminded: 0, cleared: 0 });
    const reminded = (await w.bookings.get(kept.booking.id))!;
    expect(reminded.timeline.map((e) => e.action)).toEqual(['request', 'remind']);
    // The reminder is an event like any other: owed to every booking channel.
    expect((await w.bookings.outbox.read(kept.booking.id))!.entries.map((e) => e.action)).toEqual(['request', 'remind']);
  });
});
