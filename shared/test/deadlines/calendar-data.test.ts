import * as z from 'zod';
import { DEFAULT_HOLIDAY_CALENDAR, holidayCalendarSchema } from '../../src/deadlines';

type TableInput = z.input<typeof holidayCalendarSchema>;

const oneYear = (periods: TableInput['years'][number]['periods'], year = 2025): TableInput => ({
  years: [{ year, notice: '测试通知', periods }],
});

const messagesOf = (input: unknown): string[] => {
  const result = holidayCalendarSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('official holiday table', () => {
  it('lists 2024, 2025 and 2026, each with every national holiday', () => {
    // Act
    const years = DEFAULT_HOLIDAY_CALENDAR.years.map((entry) => entry.year);
    const names = DEFAULT_HOLIDAY_CALENDAR.years.map((entry) => entry.periods.map((p) => p.name).join(','));

    // Assess
    expect(years).toEqual([2024, 2025, 2026]);
    expect(names[0]).toBe('元旦,春节,清明节,劳动节,端午节,中秋节,国庆节');
    expect(names[1]).toBe('元旦,春节,清明节,劳动节,端午节,国庆节、中秋节');
    expect(names[2]).toBe('元旦,春节,清明节,劳动节,端午节,中秋节,国庆节');
  });

  it('transcribes the Spring Festival notices: 2025 eight days, 2026 nine days, with their make-up Saturdays and Sundays', () => {
    const springFestival = (year: number) =>
      DEFAULT_HOLIDAY_CALENDAR.years.find((entry) => entry.year === year)?.periods.find((p) => p.name === '春节');

    expect(springFestival(2024)).toEqual({ name: '春节', start: '2024-02-10', end: '2024-02-17', makeUpWorkdays: ['2024-02-04', '2024-02-18'] });
    expect(springFestival(2025)).toEqual({ name: '春节', start: '2025-01-28', end: '2025-02-04', makeUpWorkdays: ['2025-01-26', '2025-02-08'] });
    expect(springFestival(2026)).toEqual({ name: '春节', start: '2026-02-15', end: '2026-02-23', makeUpWorkdays: ['2026-02-14', '2026-02-28'] });
  });
});

describe('holidayCalendarSchema rejects a bad table', () => {
  it('rejects a date that is both a holiday and a make-up working day', () => {
    // Prepare: 2025-02-01 is a Saturday inside the Spring Festival holiday
    const table = oneYear([{ name: '春节', start: '2025-01-28', end: '2025-02-04', makeUpWorkdays: ['2025-02-01'] }]);

    // Act / Assess
    expect(messagesOf(table)).toContain('2025-02-01 不能既是假日又是调休上班日');
  });

  it('rejects the clash even when the two dates sit under different holidays', () => {
    const table = oneYear([
      { name: '春节', start: '2025-01-28', end: '2025-02-04' },
      { name: '元宵', start: '2025-02-10', end: '2025-02-10', makeUpWorkdays: ['2025-02-02'] },
    ]);

    expect(messagesOf(table)).toContain('2025-02-02 不能既是假日又是调休上班日');
  });

  it.each([
    ['2025/10/01', 'slashes'],
    ['2025-10-1', 'a one-digit day'],
    ['2025-02-30', 'a day that does not exist'],
    ['2025-13-01', 'a month that does not exist'],
  ])('rejects the malformed date %s (%s)', (date) => {
    const table = oneYear([{ name: '国庆节', start: date, end: '2025-10-08' }]);

    expect(messagesOf(table)).toContain('日期应为 YYYY-MM-DD 格式的真实日期');
  });

  it('rejects a make-up working day that is not a weekend day (a typo for the real one)', () => {
    // 2025-09-29 is a Monday: it is a working day anyway, so the notice cannot mean it
    const table = oneYear([{ name: '国庆节', start: '2025-10-01', end: '2025-10-08', makeUpWorkdays: ['2025-09-29'] }]);

    expect(messagesOf(table)).toContain('调休上班日 2025-09-29 应为周六或周日');
  });

  it('rejects dates filed under the wrong year, but accepts 元旦 starting on the last days of December', () => {
    const wrongYear = oneYear([{ name: '国庆节', start: '2026-10-01', end: '2026-10-07' }], 2025);
    const bridge = oneYear([{ name: '元旦', start: '2023-12-30', end: '2024-01-01' }], 2024);

    expect(messagesOf(wrongYear)).toContain('国庆节的日期不属于 2025 年');
    expect(messagesOf(bridge)).toEqual([]);
  });

  it('rejects a year listed twice, a period ending before it starts, and overlapping periods', () => {
    const twice: TableInput = {
      years: [
        { year: 2025, notice: '通知', periods: [] },
        { year: 2025, notice: '通知', periods: [] },
      ],
    };
    const backwards = oneYear([{ name: '端午节', start: '2025-06-02', end: '2025-05-31' }]);
    const overlapping = oneYear([
      { name: '国庆节', start: '2025-10-01', end: '2025-10-07' },
      { name: '中秋节', start: '2025-10-06', end: '2025-10-08' },
    ]);

    expect(messagesOf(twice)).toContain('2025 年重复');
    expect(messagesOf(backwards)).toContain('结束日期不能早于开始日期');
    expect(messagesOf(overlapping)).toContain('中秋节与国庆节的日期重叠');
  });

  it('rejects an empty table and a holiday longer than any real one', () => {
    expect(messagesOf({ years: [] }).length).toBeGreaterThan(0);
    expect(messagesOf(oneYear([{ name: '国庆节', start: '2025-10-01', end: '2025-11-08' }]))).toContain('假期不应超过 15 天');
  });
});
