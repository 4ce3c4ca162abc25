import { createWorkingCalendar, DEFAULT_HOLIDAY_CALENDAR, toShanghaiIsoString, WorkingCalendar } from '../../src/deadlines';

/** A Shanghai wall-clock time, e.g. at('2025-03-14 17:00'). */
const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const shanghai = (date: Date) => toShanghaiIsoString(date).slice(0, 16).replace('T', ' ');
const HOUR = 3_600_000;

const calendar = createWorkingCalendar();

describe('which days are working days', () => {
  it.each([
    ['2025-03-14', true, 'an ordinary Friday'],
    ['2025-03-15', false, 'an ordinary Saturday'],
    ['2025-02-08', true, 'the 调休 Saturday after Spring Festival 2025'],
    ['2025-01-26', true, 'the 调休 Sunday before Spring Festival 2025'],
    ['2026-02-28', true, 'the 调休 Saturday after Spring Festival 2026'],
    ['2026-01-04', true, 'the 调休 Sunday after 元旦 2026'],
    ['2025-01-29', false, 'Chinese New Year 2025, a Wednesday'],
    ['2026-02-23', false, 'the last day of Spring Festival 2026, a Monday'],
    ['2025-10-08', false, 'the eighth day of National Day 2025, a Wednesday'],
    ['2024-09-16', false, 'Mid-Autumn 2024, a Monday'],
    ['2024-09-14', true, 'the 调休 Saturday before Mid-Autumn 2024'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(calendar.isWorkingDay(at(`${date} 10:00`))).toBe(expected);
  });

  it('reads the day in Shanghai time, not UTC: 01:00 on Monday in Shanghai is still Sunday in UTC', () => {
    expect(calendar.isWorkingDay(at('2025-03-17 01:00'))).toBe(true);
    expect(calendar.isWorkingDay(at('2025-03-16 23:30'))).toBe(false);
  });

  it('tells a supervisor why a day is off or on, with the holiday name', () => {
    expect(calendar.describeDay(at('2025-01-26 10:00'))).toEqual({
      date: '2025-01-26', weekday: 0, kind: 'makeUpWorkday', working: true, holidayName: '春节', covered: true,
    });
    expect(calendar.describeDay(at('2025-10-06 10:00'))).toMatchObject({ kind: 'holiday', working: false, holidayName: '国庆节、中秋节' });
    expect(calendar.describeDay(at('2025-03-15 10:00'))).toMatchObject({ kind: 'weekend', working: false });
  });
});

describe('addWorkingHours', () => {
  it('a case reported Friday 17:00 with 4 working hours is due Monday 12:00', () => {
    // Prepare: 1 hour left on Friday, 3 more on Monday morning
    const reported = at('2025-03-14 17:00');

    // Act
    const due = calendar.addWorkingHours(reported, 4);

    // Assess
    expect(shanghai(due)).toBe('2025-03-17 12:00');
  });

  it('does not count the lunch break: 11:00 plus 2 working hours is 14:30', () => {
    expect(shanghai(calendar.addWorkingHours(at('2025-03-12 11:00'), 2))).toBe('2025-03-12 14:30');
  });

  it('a report during lunch or before opening starts counting when the office opens', () => {
    expect(shanghai(calendar.addWorkingHours(at('2025-03-12 12:40'), 1))).toBe('2025-03-12 14:30');
    expect(shanghai(calendar.addWorkingHours(at('2025-03-12 07:15'), 1))).toBe('2025-03-12 10:00');
    expect(shanghai(calendar.addWorkingHours(at('2025-03-12 21:00'), 1))).toBe('2025-03-13 10:00');
  });

  it('a deadline that uses up the morning is 12:00, not 13:30', () => {
    expect(shanghai(calendar.addWorkingHours(at('2025-03-12 09:00'), 3))).toBe('2025-03-12 12:00');
  });

  it('skips Spring Festival 2025 and works on the 调休 Sunday before it', () => {
    // Friday 2025-01-24 17:00: 1 h Friday, then Sunday 01-26 is a working day
    expect(shanghai(calendar.addWorkingHours(at('2025-01-24 17:00'), 4))).toBe('2025-01-26 12:00');
    // Monday 2025-01-27 16:00: 2 h that day, the holiday runs to 02-04, 2 h on Wednesday 02-05
    expect(shanghai(calendar.addWorkingHours(at('2025-01-27 16:00'), 4))).toBe('2025-02-05 11:00');
  });

  it('skips Spring Festival 2026: a Friday-evening report lands on the 调休 Saturday, a later one after the holiday', () => {
    expect(shanghai(calendar.addWorkingHours(at('2026-02-13 17:00'), 4))).toBe('2026-02-14 12:00');
    expect(shanghai(calendar.addWorkingHours(at('2026-02-14 17:00'), 4))).toBe('2026-02-24 12:00');
  });

  it('skips the eight days of National Day 2025', () => {
    expect(shanghai(calendar.addWorkingHours(at('2025-09-30 16:00'), 4))).toBe('2025-10-09 11:00');
  });

  it('accepts epoch milliseconds as well as Dates', () => {
    expect(calendar.addWorkingHours(at('2025-03-14 17:00').getTime(), 4)).toEqual(at('2025-03-17 12:00'));
  });
});

describe('addWorkingDays (counted from the next day, due at the end of office hours)', () => {
  it('1 working day from Friday 17:00, or from Saturday, is due Monday 18:00', () => {
    expect(shanghai(calendar.addWorkingDays(at('2025-03-14 17:00'), 1))).toBe('2025-03-17 18:00');
    expect(shanghai(calendar.addWorkingDays(at('2025-03-15 10:00'), 1))).toBe('2025-03-17 18:00');
  });

  it('a report before opening on Monday still starts counting on Tuesday', () => {
    expect(shanghai(calendar.addWorkingDays(at('2025-03-17 08:00'), 1))).toBe('2025-03-18 18:00');
  });

  it('5 working days over the National Day week 2024 use the 调休 Sunday and skip the holiday', () => {
    // Fri 09-27 → Sun 09-29 (调休) 1, Mon 09-30 2, holiday 10-01..07, Tue 10-08 3, Wed 4, Thu 10-10 5
    expect(shanghai(calendar.addWorkingDays(at('2024-09-27 15:00'), 5))).toBe('2024-10-10 18:00');
  });

  it('5 working days over Spring Festival 2026 end after the holiday', () => {
    // Thu 02-12 → Fri 02-13 1, Sat 02-14 (调休) 2, holiday 02-15..23, Tue 02-24 3, Wed 4, Thu 02-26 5
    expect(shanghai(calendar.addWorkingDays(at('2026-02-12 10:00'), 5))).toBe('2026-02-26 18:00');
  });

  it('rejects a fractional or non-positive number of days', () => {
    expect(() => calendar.addWorkingDays(at('2025-03-14 10:00'), 1.5)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(at('2025-03-14 10:00'), 0)).toThrow(RangeError);
  });
});

describe('workingMsBetween', () => {
  it('counts 4 working hours from Friday 17:00 to Monday 12:00', () => {
    expect(calendar.workingMsBetween(at('2025-03-14 17:00'), at('2025-03-17 12:00'))).toBe(4 * HOUR);
  });

  it('leaves out the lunch break and the holiday week', () => {
    expect(calendar.workingMsBetween(at('2025-03-12 11:00'), at('2025-03-12 14:30'))).toBe(2 * HOUR);
    expect(calendar.workingMsBetween(at('2025-09-30 18:00'), at('2025-10-09 09:00'))).toBe(0);
  });

  it('is negative when the end comes first, and agrees with addWorkingHours', () => {
    const start = at('2026-02-13 15:20');
    const due = calendar.addWorkingHours(start, 9.25);

    expect(calendar.workingMsBetween(start, due)).toBe(9.25 * HOUR);
    expect(calendar.workingMsBetween(due, start)).toBe(-9.25 * HOUR);
  });
});

describe('a year the holiday table does not cover', () => {
  it('falls back to weekends only and flags the date instead of throwing', () => {
    // 2027-10-01 is a Friday; its National Day is not in the table yet
    const nationalDay2027 = at('2027-10-01 10:00');

    expect(calendar.isCovered(nationalDay2027)).toBe(false);
    expect(calendar.isWorkingDay(nationalDay2027)).toBe(true);
    expect(calendar.describeDay(nationalDay2027)).toMatchObject({ kind: 'workday', covered: false });
    expect(calendar.isWorkingDay(at('2027-10-02 10:00'))).toBe(false);
    expect(shanghai(calendar.addWorkingHours(at('2027-10-01 17:00'), 4))).toBe('2027-10-04 12:00');
  });

  it('lists the uncovered years a deadline crosses, so the plan can be marked as an estimate', () => {
    expect(calendar.uncoveredYearsBetween(at('2026-12-28 10:00'), at('2027-01-05 18:00'))).toEqual([2027]);
    expect(calendar.uncoveredYearsBetween(at('2026-03-01 10:00'), at('2026-03-09 18:00'))).toEqual([]);
    expect(calendar.isCovered(at('2023-12-30 10:00'))).toBe(false);
  });

  it('counts a year as covered once an operator adds its notice', () => {
    const extended = createWorkingCalendar({
      holidays: {
        years: [
          ...DEFAULT_HOLIDAY_CALENDAR.years,
          { year: 2027, notice: '测试通知', periods: [{ name: '国庆节', start: '2027-10-01', end: '2027-10-07', makeUpWorkdays: ['2027-09-26'] }] },
        ],
      },
    });

    expect(extended.isCovered(at('2027-10-01 10:00'))).toBe(true);
    expect(extended.isWorkingDay(at('2027-10-01 10:00'))).toBe(false);
    expect(extended.isWorkingDay(at('2027-09-26 10:00'))).toBe(true);
  });
});

describe('configurable working hours', () => {
  it('a round-the-clock command centre counts every hour of a working day, still not holidays', () => {
    const centre = new WorkingCalendar({ workingHours: [{ start: '00:00', end: '24:00' }] });

    expect(shanghai(centre.addWorkingHours(at('2025-03-14 22:00'), 4))).toBe('2025-03-17 02:00');
    expect(centre.workingDayMs).toBe(24 * HOUR);
  });

  it('rejects overlapping or backwards office hours', () => {
    expect(() => new WorkingCalendar({ workingHours: [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '18:00' }] })).toThrow();
    expect(() => new WorkingCalendar({ workingHours: [{ start: '18:00', end: '09:00' }] })).toThrow();
    expect(() => new WorkingCalendar({ workingHours: [{ start: '9:00', end: '12:00' }] })).toThrow();
  });

  it('defaults to 7.5 hours a day', () => {
    expect(calendar.workingDayMs).toBe(7.5 * HOUR);
  });
});
