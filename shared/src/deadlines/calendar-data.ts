import * as z from 'zod';
import { dayOfIsoDate, isoDateOfDay, isWeekendDay, yearOfDay } from './shanghai-time';

// China's public holidays and 调休 make-up working days, as published each November
// by the State Council General Office. The table is data: when next year's notice
// comes out, an operator adds one entry to `years` and the schema checks it.

/** A national holiday never runs longer than this; a longer period is a typo. */
const MAX_PERIOD_DAYS = 15;

export const isoDateSchema = z.string().refine((value) => dayOfIsoDate(value) !== undefined, {
  message: '日期应为 YYYY-MM-DD 格式的真实日期',
});

export const holidayPeriodSchema = z.object({
  /** 春节, 国庆节... shown to people next to a deadline that skips it. */
  name: z.string().min(1),
  /** First and last day off, inclusive. */
  start: isoDateSchema,
  end: isoDateSchema,
  /** Weekend days that become working days (调休上班) for this holiday. */
  makeUpWorkdays: z.array(isoDateSchema).default([]),
}).superRefine((period, ctx) => {
  const start = dayOfIsoDate(period.start);
  const end = dayOfIsoDate(period.end);
  if (start === undefined || end === undefined) return;
  if (end < start) {
    ctx.addIssue({ code: 'custom', message: '结束日期不能早于开始日期', path: ['end'] });
  } else if (end - start + 1 > MAX_PERIOD_DAYS) {
    ctx.addIssue({ code: 'custom', message: `假期不应超过 ${MAX_PERIOD_DAYS} 天`, path: ['end'] });
  }
});
export type HolidayPeriod = z.infer<typeof holidayPeriodSchema>;

export const holidayYearSchema = z.object({
  year: z.int().min(2000).max(2100),
  /** Which notice the entry transcribes, so a reviewer can check it. */
  notice: z.string().min(1),
  periods: z.array(holidayPeriodSchema),
});

/** Every day of a period, inclusive, as day indexes. */
export function periodDays(period: Pick<HolidayPeriod, 'start' | 'end'>): number[] {
  const start = dayOfIsoDate(period.start);
  const end = dayOfIsoDate(period.end);
  if (start === undefined || end === undefined) return [];
  const days: number[] = [];
  for (let day = start; day <= end; day += 1) days.push(day);
  return days;
}

export const holidayCalendarSchema = z.object({
  years: z.array(holidayYearSchema).min(1),
}).superRefine((calendar, ctx) => {
  const seenYears = new Set<number>();
  const holidays = new Map<number, string>();
  const workdays = new Map<number, string>();

  calendar.years.forEach((entry, y) => {
    if (seenYears.has(entry.year)) {
      ctx.addIssue({ code: 'custom', message: `${entry.year} 年重复`, path: ['years', y, 'year'] });
    }
    seenYears.add(entry.year);

    // A notice may start 元旦 on the last weekend of December, never earlier.
    const belongs = (day: number) => {
      const year = yearOfDay(day);
      return year === entry.year || (year === entry.year - 1 && isoDateOfDay(day).slice(5, 7) === '12');
    };

    entry.periods.forEach((period, p) => {
      const path = ['years', y, 'periods', p];
      for (const day of periodDays(period)) {
        if (!belongs(day)) {
          ctx.addIssue({ code: 'custom', message: `${period.name}的日期不属于 ${entry.year} 年`, path: [...path, 'start'] });
          break;
        }
        if (holidays.has(day)) {
          ctx.addIssue({ code: 'custom', message: `${period.name}与${holidays.get(day)}的日期重叠`, path: [...path, 'start'] });
        }
        holidays.set(day, period.name);
      }
      period.makeUpWorkdays.forEach((date, w) => {
        const day = dayOfIsoDate(date);
        if (day === undefined) return;
        const workdayPath = [...path, 'makeUpWorkdays', w];
        if (!belongs(day)) {
          ctx.addIssue({ code: 'custom', message: `调休上班日 ${date} 不属于 ${entry.year} 年`, path: workdayPath });
        }
        if (!isWeekendDay(day)) {
          ctx.addIssue({ code: 'custom', message: `调休上班日 ${date} 应为周六或周日`, path: workdayPath });
        }
        if (workdays.has(day)) {
          ctx.addIssue({ code: 'custom', message: `调休上班日 ${date} 重复`, path: workdayPath });
        }
        workdays.set(day, period.name);
      });
    });
  });

  for (const day of workdays.keys()) {
    if (holidays.has(day)) {
      ctx.addIssue({ code: 'custom', message: `${isoDateOfDay(day)} 不能既是假日又是调休上班日`, path: ['years'] });
    }
  }
});
export type HolidayCalendar = z.infer<typeof holidayCalendarSchema>;

const officialTable: z.input<typeof holidayCalendarSchema> = {
  years: [
    {
      year: 2024,
      notice: '国务院办公厅关于2024年部分节假日安排的通知（2023年10月25日）',
      periods: [
        { name: '元旦', start: '2023-12-30', end: '2024-01-01' },
        { name: '春节', start: '2024-02-10', end: '2024-02-17', makeUpWorkdays: ['2024-02-04', '2024-02-18'] },
        { name: '清明节', start: '2024-04-04', end: '2024-04-06', makeUpWorkdays: ['2024-04-07'] },
        { name: '劳动节', start: '2024-05-01', end: '2024-05-05', makeUpWorkdays: ['2024-04-28', '2024-05-11'] },
        { name: '端午节', start: '2024-06-08', end: '2024-06-10' },
        { name: '中秋节', start: '2024-09-15', end: '2024-09-17', makeUpWorkdays: ['2024-09-14'] },
        { name: '国庆节', start: '2024-10-01', end: '2024-10-07', makeUpWorkdays: ['2024-09-29', '2024-10-12'] },
      ],
    },
    {
      year: 2025,
      notice: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）',
      periods: [
        { name: '元旦', start: '2025-01-01', end: '2025-01-01' },
        { name: '春节', start: '2025-01-28', end: '2025-02-04', makeUpWorkdays: ['2025-01-26', '2025-02-08'] },
        { name: '清明节', start: '2025-04-04', end: '2025-04-06' },
        { name: '劳动节', start: '2025-05-01', end: '2025-05-05', makeUpWorkdays: ['2025-04-27'] },
        { name: '端午节', start: '2025-05-31', end: '2025-06-02' },
        { name: '国庆节、中秋节', start: '2025-10-01', end: '2025-10-08', makeUpWorkdays: ['2025-09-28', '2025-10-11'] },
      ],
    },
    {
      year: 2026,
      notice: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
      periods: [
        { name: '元旦', start: '2026-01-01', end: '2026-01-03', makeUpWorkdays: ['2026-01-04'] },
        { name: '春节', start: '2026-02-15', end: '2026-02-23', makeUpWorkdays: ['2026-02-14', '2026-02-28'] },
        { name: '清明节', start: '2026-04-04', end: '2026-04-06' },
        { name: '劳动节', start: '2026-05-01', end: '2026-05-05', makeUpWorkdays: ['2026-05-09'] },
        { name: '端午节', start: '2026-06-19', end: '2026-06-21' },
        { name: '中秋节', start: '2026-09-25', end: '2026-09-27' },
        { name: '国庆节', start: '2026-10-01', end: '2026-10-07', makeUpWorkdays: ['2026-09-20', '2026-10-10'] },
      ],
    },
  ],
};

/** The official 2024–2026 table, validated when this module loads. */
export const DEFAULT_HOLIDAY_CALENDAR: HolidayCalendar = holidayCalendarSchema.parse(officialTable);
