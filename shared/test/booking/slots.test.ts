import { availabilitySchema, bookableSlots, findSlot, findVisit, slotsOnDay } from '../../src/booking/availability';
import { createWorkingCalendar } from '../../src/deadlines';

const calendar = createWorkingCalendar();
const at = (iso: string) => new Date(iso);
const tueThu = availabilitySchema.parse({
  weekly: [{ weekday: 2, start: '14:00', end: '17:00' }, { weekday: 4, start: '14:00', end: '17:00' }],
});

describe('slots from a weekly template', () => {
  it('cuts Tue/Thu 14:00–17:00 into six 30-minute slots, Beijing time', () => {
    const slots = slotsOnDay(tueThu, calendar, '2026-11-24');
    expect(slots.map((s) => s.time)).toEqual(['14:00', '14:30', '15:00', '15:30', '16:00', '16:30']);
    expect(slots[0]).toEqual({ start: '2026-11-24T06:00:00.000Z', end: '2026-11-24T06:30:00.000Z', date: '2026-11-24', time: '14:00' });
    expect(slotsOnDay(tueThu, calendar, '2026-11-25')).toEqual([]);
  });

  it('offers only the next 14 days, and nothing starting within 2 hours', () => {
    const slots = bookableSlots(tueThu, calendar, at('2026-11-24T05:00:00.000Z')); // Tue 13:00 Beijing
    expect(slots[0]!.start).toBe('2026-11-24T07:00:00.000Z'); // 15:00, two hours on
    expect(slots[slots.length - 1]!.date).toBe('2026-12-03');
    expect(slots.every((s) => s.date <= '2026-12-07')).toBe(true);
  });

  it('closes public holidays, honours closures, and runs 调休 days as the chosen weekday', () => {
    const withClosure = availabilitySchema.parse({
      weekly: [{ weekday: 3, start: '09:00', end: '10:00' }, { weekday: 5, start: '14:00', end: '15:00' }],
      closures: [{ from: '2026-02-25', to: '2026-02-27' }],
      makeUpDayAs: 3,
    });
    expect(slotsOnDay(withClosure, calendar, '2026-02-18')).toEqual([]); // a Wednesday in 春节
    expect(slotsOnDay(withClosure, calendar, '2026-02-14').map((s) => s.time)).toEqual(['09:00', '09:30']); // 调休 Saturday → Wednesday
    expect(slotsOnDay(withClosure, calendar, '2026-02-25')).toEqual([]); // closed
    expect(slotsOnDay(withClosure, calendar, '2026-03-04')).toHaveLength(2);
  });

  it('finds a slot only at an exact start of the template', () => {
    expect(findSlot(tueThu, calendar, '2026-11-24T14:30:00+08:00')?.end).toBe('2026-11-24T07:00:00.000Z');
    expect(findSlot(tueThu, calendar, '2026-11-24T14:10:00+08:00')).toBeUndefined();
    expect(findSlot(tueThu, calendar, '2026-11-25T14:00:00+08:00')).toBeUndefined();
  });

  it('gives a long visit consecutive slots within one window, never across a gap', () => {
    const split = availabilitySchema.parse({ weekly: [{ weekday: 2, start: '09:00', end: '10:00' }, { weekday: 2, start: '10:30', end: '12:00' }] });
    expect(findVisit(split, calendar, '2026-11-24T09:00:00+08:00', 45)).toEqual({
      start: '2026-11-24T01:00:00.000Z', end: '2026-11-24T02:00:00.000Z', starts: ['2026-11-24T01:00:00.000Z', '2026-11-24T01:30:00.000Z'],
    });
    expect(findVisit(split, calendar, '2026-11-24T09:30:00+08:00', 45)).toBeUndefined(); // 10:00–10:30 is not open
    expect(findVisit(split, calendar, '2026-11-24T11:30:00+08:00', 20)?.starts).toEqual(['2026-11-24T03:30:00.000Z']);
  });

  it('refuses overlapping windows and reversed closures', () => {
    expect(availabilitySchema.safeParse({ weekly: [{ weekday: 2, start: '14:00', end: '16:00' }, { weekday: 2, start: '15:30', end: '17:00' }] }).success).toBe(false);
    expect(availabilitySchema.safeParse({ weekly: [{ weekday: 2, start: '16:00', end: '14:00' }] }).success).toBe(false);
    expect(availabilitySchema.safeParse({ weekly: [], closures: [{ from: '2026-03-02', to: '2026-03-01' }] }).success).toBe(false);
    expect(availabilitySchema.safeParse({ weekly: [], makeUpDayAs: 6 }).success).toBe(false);
  });
});
