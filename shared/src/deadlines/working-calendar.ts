import * as z from 'zod';
import { DEFAULT_HOLIDAY_CALENDAR, holidayCalendarSchema, periodDays, type HolidayCalendar } from './calendar-data';
import {
  type InstantInput,
  HOUR_MS,
  MINUTE_MS,
  dayOfIsoDate,
  dayStartMs,
  isWeekendDay,
  isoDateOfDay,
  minutesOfClock,
  shanghaiDayIndex,
  toEpochMs,
  weekdayOfDay,
  yearOfDay,
} from './shanghai-time';

const clockSchema = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, '时间应为 HH:MM');

/** Office hours of one working day, Asia/Shanghai local time, in order. */
export const workingHoursSchema = z.array(z.object({ start: clockSchema, end: clockSchema })).min(1)
  .superRefine((intervals, ctx) => {
    let previousEnd = '';
    intervals.forEach((interval, i) => {
      if (interval.end <= interval.start) {
        ctx.addIssue({ code: 'custom', message: '结束时间应晚于开始时间', path: [i, 'end'] });
      }
      if (interval.start < previousEnd) {
        ctx.addIssue({ code: 'custom', message: '时段应按时间先后排列且不重叠', path: [i, 'start'] });
      }
      previousEnd = interval.end;
    });
  });
export type WorkingHours = z.infer<typeof workingHoursSchema>;

/** Morning and afternoon office hours with the usual lunch break. */
export const DEFAULT_WORKING_HOURS: WorkingHours = [
  { start: '09:00', end: '12:00' },
  { start: '13:30', end: '18:00' },
];

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeUpWorkday';

export interface DayInfo {
  /** Shanghai calendar date, 'YYYY-MM-DD'. */
  date: string;
  /** 0 = Sunday ... 6 = Saturday. */
  weekday: number;
  kind: DayKind;
  working: boolean;
  /** The holiday a 'holiday' or 'makeUpWorkday' belongs to. */
  holidayName?: string;
  /** False when the holiday table has no entry for the year: only weekends are known. */
  covered: boolean;
}

export interface WorkingCalendarOptions {
  holidays?: HolidayCalendar;
  workingHours?: WorkingHours;
}

interface DayOverride {
  working: boolean;
  holidayName: string;
}

/**
 * Working time in Asia/Shanghai: weekdays and 调休 make-up days are working days,
 * weekends and public holidays are not, and only office hours count.
 *
 * In a year the holiday table does not list, the calendar falls back to
 * weekends only and says so through `isCovered` / `uncoveredYearsBetween`; it never
 * throws for a date, because a deadline slightly off beats a case with none.
 */
export class WorkingCalendar {
  readonly workingHours: WorkingHours;
  readonly holidays: HolidayCalendar;
  /** Working intervals as [start, end) offsets from local midnight, in ms. */
  private readonly intervals: ReadonlyArray<readonly [number, number]>;
  private readonly overrides = new Map<number, DayOverride>();
  private readonly coveredYears: ReadonlySet<number>;

  constructor(options: WorkingCalendarOptions = {}) {
    this.holidays = holidayCalendarSchema.parse(options.holidays ?? DEFAULT_HOLIDAY_CALENDAR);
    this.workingHours = workingHoursSchema.parse(options.workingHours ?? DEFAULT_WORKING_HOURS);
    this.intervals = this.workingHours.map(({ start, end }) => [clockMs(start), clockMs(end)] as const);
    this.coveredYears = new Set(this.holidays.years.map((entry) => entry.year));
    for (const entry of this.holidays.years) {
      for (const period of entry.periods) {
        for (const day of periodDays(period)) this.overrides.set(day, { working: false, holidayName: period.name });
        for (const date of period.makeUpWorkdays) {
          const day = dayOfIsoDate(date);
          if (day !== undefined) this.overrides.set(day, { working: true, holidayName: period.name });
        }
      }
    }
  }

  /** Working ms in one full working day (7.5 h with the default hours). */
  get workingDayMs(): number {
    return this.intervals.reduce((sum, [start, end]) => sum + end - start, 0);
  }

  isWorkingDay(at: InstantInput): boolean {
    return this.isWorkingDayIndex(shanghaiDayIndex(at));
  }

  describeDay(at: InstantInput): DayInfo {
    const day = shanghaiDayIndex(at);
    const override = this.overrides.get(day);
    const base = { date: isoDateOfDay(day), weekday: weekdayOfDay(day), covered: this.coveredYears.has(yearOfDay(day)) };
    if (override) {
      return { ...base, kind: override.working ? 'makeUpWorkday' : 'holiday', working: override.working, holidayName: override.holidayName };
    }
    return isWeekendDay(day) ? { ...base, kind: 'weekend', working: false } : { ...base, kind: 'workday', working: true };
  }

  /** Whether the holiday table covers the Shanghai year of this instant. */
  isCovered(at: InstantInput): boolean {
    return this.coveredYears.has(yearOfDay(shanghaiDayIndex(at)));
  }

  /** Years between two instants (inclusive, any order) that fall back to weekends only. */
  uncoveredYearsBetween(a: InstantInput, b: InstantInput): number[] {
    const [from, to] = [yearOfDay(shanghaiDayIndex(a)), yearOfDay(shanghaiDayIndex(b))].sort((x, y) => x - y) as [number, number];
    const years: number[] = [];
    for (let year = from; year <= to; year += 1) if (!this.coveredYears.has(year)) years.push(year);
    return years;
  }

  /**
   * The earliest instant at which `amount` ms of working time have passed since
   * `start`. Time before the next office hours does not count, and a deadline that
   * lands on the end of a session stays there (12:00, not 13:30).
   */
  addWorkingMs(start: InstantInput, amount: number): Date {
    const startMs = toEpochMs(start);
    if (!Number.isFinite(amount) || amount < 0) throw new RangeError('Working time to add must be a non-negative number');
    if (amount === 0) return new Date(startMs);
    let remaining = amount;
    for (let day = shanghaiDayIndex(startMs); ; day += 1) {
      if (!this.isWorkingDayIndex(day)) continue;
      const base = dayStartMs(day);
      for (const [open, close] of this.intervals) {
        const from = Math.max(base + open, startMs);
        const to = base + close;
        if (from >= to) continue;
        if (remaining <= to - from) return new Date(from + remaining);
        remaining -= to - from;
      }
    }
  }

  addWorkingHours(start: InstantInput, hours: number): Date {
    return this.addWorkingMs(start, Math.round(hours * HOUR_MS));
  }

  /**
   * Deadline of N working days: the end of office hours on the Nth working day,
   * counting from the day after `start` (开始的当日不计入, as 民法典 art. 201 counts
   * periods in days). A report on Friday 17:00 with 1 working day is due Monday 18:00,
   * and so is one made on Saturday.
   */
  addWorkingDays(start: InstantInput, days: number): Date {
    if (!Number.isInteger(days) || days < 1) throw new RangeError('Working days must be a positive integer');
    const lastClose = this.intervals[this.intervals.length - 1]?.[1] ?? 0;
    let counted = 0;
    for (let day = shanghaiDayIndex(start) + 1; ; day += 1) {
      if (this.isWorkingDayIndex(day)) counted += 1;
      if (counted === days) return new Date(dayStartMs(day) + lastClose);
    }
  }

  /** Working ms in [a, b); negative when b is before a. */
  workingMsBetween(a: InstantInput, b: InstantInput): number {
    const aMs = toEpochMs(a);
    const bMs = toEpochMs(b);
    if (bMs < aMs) return -this.workingMsBetween(bMs, aMs);
    let total = 0;
    const lastDay = shanghaiDayIndex(bMs);
    for (let day = shanghaiDayIndex(aMs); day <= lastDay; day += 1) {
      if (!this.isWorkingDayIndex(day)) continue;
      const base = dayStartMs(day);
      for (const [open, close] of this.intervals) {
        const overlap = Math.min(base + close, bMs) - Math.max(base + open, aMs);
        if (overlap > 0) total += overlap;
      }
    }
    return total;
  }

  private isWorkingDayIndex(day: number): boolean {
    return this.overrides.get(day)?.working ?? !isWeekendDay(day);
  }
}

function clockMs(clock: string): number {
  return minutesOfClock(clock) * MINUTE_MS;
}

export function createWorkingCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  return new WorkingCalendar(options);
}
