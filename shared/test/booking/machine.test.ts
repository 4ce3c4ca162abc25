import { applyBookingAction, availableBookingActions, type BookingAction, type BookingActor } from '../../src/booking/machine';
import type { Booking } from '../../src/booking/schema';
import { DomainError } from '../../src/errors';

const resident: BookingActor = { as: 'resident', userId: 'U1', role: 'resident' };
const worker: BookingActor = { as: 'worker', userId: 'Sworker1', role: 'gridWorker', name: '陈网格' };
const SLOT = '2026-11-26T07:00:00.000Z'; // Thu 15:00 Beijing

function booking(over: Partial<Booking> = {}): Booking {
  return {
    id: 'B0123456789ABCDEF', residentId: 'U1', workerId: 'Sworker1', workerName: '陈网格', gridCode: '440106001001001',
    serviceCode: 'S04', slotStart: SLOT, slotEnd: '2026-11-26T07:30:00.000Z', claimedStarts: [SLOT], materialsReady: [], address: '3 栋 502',
    status: 'requested', version: 1, residentReschedules: 0, seat: 1, checklist: [], receiptPhotos: [],
    createdAt: '2026-11-23T01:00:00.000Z', updatedAt: '2026-11-23T01:00:00.000Z',
    timeline: [{ seq: 0, at: '2026-11-23T01:00:00.000Z', actor: { role: 'resident', userId: 'U1' }, action: 'request', from: null, to: 'requested' }],
    ...over,
  };
}

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
  return 'ok';
};

describe('booking state machine', () => {
  const monday = new Date('2026-11-23T01:00:00.000Z');

  it('runs requested → confirmed → visited → submitted → completed → rated', () => {
    let b = booking();
    const visitTime = new Date('2026-11-26T07:05:00.000Z');
    const steps: [BookingAction, BookingActor, Date][] = [
      [{ type: 'confirm' }, worker, monday],
      [{ type: 'visited', checklist: [{ name: '本人居民身份证原件', collected: true }], photos: [] }, worker, visitTime],
      [{ type: 'submitted' }, worker, visitTime],
      [{ type: 'completed' }, worker, visitTime],
      [{ type: 'rate', level: 'satisfied' }, resident, visitTime],
    ];
    for (const [action, as, now] of steps) {
      b = applyBookingAction(b, action, as, now).booking;
    }
    expect(b.status).toBe('completed');
    expect(b.rating?.level).toBe('satisfied');
    expect(b.version).toBe(6);
    expect(b.timeline.map((e) => e.action)).toEqual(['request', 'confirm', 'visited', 'submitted', 'completed', 'rate']);
    expect(b.checklist).toEqual([{ name: '本人居民身份证原件', collected: true }]);
  });

  it('lets the resident cancel until 2 h before, not a minute later', () => {
    expect(applyBookingAction(booking(), { type: 'cancel' }, resident, new Date('2026-11-26T05:00:00.000Z')).booking.status).toBe('cancelled');
    expect(codeOf(() => applyBookingAction(booking(), { type: 'cancel' }, resident, new Date('2026-11-26T05:01:00.000Z')))).toBe('BOOKING.CUTOFF_PASSED');
    expect(availableBookingActions(booking(), 'resident', new Date('2026-11-26T05:01:00.000Z'))).toEqual([]);
  });

  it('allows two resident reschedules, each back to 待确认, and refuses a third', () => {
    const slot = (start: string) => ({ start, end: start, starts: [start] });
    let b = applyBookingAction(booking({ status: 'confirmed' }), { type: 'reschedule', slot: slot('2026-12-01T06:00:00.000Z') }, resident, monday).booking;
    expect(b.status).toBe('requested');
    b = applyBookingAction(b, { type: 'reschedule', slot: slot('2026-12-01T06:30:00.000Z') }, resident, monday).booking;
    expect(b.residentReschedules).toBe(2);
    expect(codeOf(() => applyBookingAction(b, { type: 'reschedule', slot: slot('2026-12-01T07:00:00.000Z') }, resident, monday))).toBe('BOOKING.RESCHEDULE_LIMIT');
    // The worker may still move it, with a reason, and it stands confirmed.
    expect(codeOf(() => applyBookingAction(b, { type: 'reschedule', slot: slot('2026-12-01T07:00:00.000Z') }, worker, monday))).toBe('BOOKING.REASON_REQUIRED');
    const moved = applyBookingAction(b, { type: 'reschedule', slot: slot('2026-12-01T07:00:00.000Z'), reason: '开会' }, worker, monday);
    expect(moved.booking.status).toBe('confirmed');
    expect(moved.event).toMatchObject({ action: 'workerReschedule', reason: '开会', data: { fromStart: '2026-12-01T06:30:00.000Z', toStart: '2026-12-01T07:00:00.000Z' } });
  });

  it('keeps each actor to their own actions and each status to its steps', () => {
    expect(codeOf(() => applyBookingAction(booking(), { type: 'confirm' }, resident, monday))).toBe('BOOKING.INVALID_TRANSITION');
    expect(codeOf(() => applyBookingAction(booking(), { type: 'submitted' }, worker, monday))).toBe('BOOKING.INVALID_TRANSITION');
    expect(codeOf(() => applyBookingAction(booking({ status: 'confirmed' }), { type: 'noShow' }, worker, monday))).toBe('BOOKING.TOO_EARLY');
    expect(codeOf(() => applyBookingAction(booking(), { type: 'rate', level: 'satisfied' }, resident, monday))).toBe('BOOKING.INVALID_TRANSITION');
    expect(codeOf(() => applyBookingAction(booking({ status: 'cancelled' }), { type: 'cancel' }, resident, monday))).toBe('BOOKING.INVALID_TRANSITION');
  });
});
