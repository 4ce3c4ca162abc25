import {
  computeDeadline,
  createWorkingCalendar,
  DEFAULT_TIME_LIMITS,
  durationSchema,
  formatDuration,
  planDispatchDeadline,
  planHandlingDeadline,
  timeLimitsSchema,
  toShanghaiIsoString,
  URGENCY_LABELS,
  urgencySchema,
} from '../../src/deadlines';

const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const shanghai = (date: Date | string) => toShanghaiIsoString(new Date(date)).slice(0, 16).replace('T', ' ');

const calendar = createWorkingCalendar();

describe('time limit schemas', () => {
  it('an item with no limits gets the defaults: dispatch in 24 h; 2 h / 24 h / 5 working days to handle', () => {
    expect(timeLimitsSchema.parse({})).toEqual(DEFAULT_TIME_LIMITS);
    expect(DEFAULT_TIME_LIMITS).toEqual({
      dispatch: { amount: 24, unit: 'calendarHours' },
      handling: {
        urgent: { amount: 2, unit: 'calendarHours' },
        important: { amount: 24, unit: 'calendarHours' },
        normal: { amount: 5, unit: 'workingDays' },
      },
    });
  });

  it('an item that sets one level keeps the defaults for the others', () => {
    // Prepare: 暴露垃圾, 4 working hours
    const parsed = timeLimitsSchema.parse({ handling: { normal: { amount: 4, unit: 'workingHours' } } });

    expect(parsed.handling.normal).toEqual({ amount: 4, unit: 'workingHours' });
    expect(parsed.handling.urgent).toEqual({ amount: 2, unit: 'calendarHours' });
  });

  it('editing one parsed item does not change the defaults of the next', () => {
    const first = timeLimitsSchema.parse({});
    first.dispatch.amount = 1;

    expect(timeLimitsSchema.parse({}).dispatch.amount).toBe(24);
  });

  it.each([
    [{ amount: 0, unit: 'workingHours' }, 'zero time'],
    [{ amount: -2, unit: 'calendarHours' }, 'negative time'],
    [{ amount: 1.5, unit: 'workingDays' }, 'half a working day'],
    [{ amount: 5000, unit: 'workingDays' }, 'a typo of thousands of days'],
    [{ amount: 5, unit: 'weeks' }, 'an unknown unit'],
  ])('rejects %j (%s)', (duration) => {
    expect(durationSchema.safeParse(duration).success).toBe(false);
  });

  it('accepts half a working hour', () => {
    expect(durationSchema.safeParse({ amount: 0.5, unit: 'workingHours' }).success).toBe(true);
  });

  it('names the three urgency levels in Chinese and writes durations people can read', () => {
    expect(urgencySchema.options.map((u) => URGENCY_LABELS[u])).toEqual(['一级（紧急）', '二级（较急）', '三级（一般）']);
    expect(formatDuration({ amount: 5, unit: 'workingDays' })).toBe('5个工作日');
    expect(formatDuration({ amount: 2, unit: 'calendarHours' })).toBe('2小时');
  });
});

describe('computeDeadline', () => {
  it('calendar-hour limits ignore holidays: 24 h from Chinese New Year morning is the next morning', () => {
    expect(shanghai(computeDeadline(calendar, at('2025-01-29 10:00'), { amount: 24, unit: 'calendarHours' }))).toBe('2025-01-30 10:00');
    expect(shanghai(computeDeadline(calendar, at('2025-01-29 23:30'), { amount: 2, unit: 'calendarHours' }))).toBe('2025-01-30 01:30');
  });

  it('calendar days are whole days of elapsed time, weekends and holidays included', () => {
    expect(shanghai(computeDeadline(calendar, at('2025-09-30 16:00'), { amount: 7, unit: 'calendarDays' }))).toBe('2025-10-07 16:00');
  });

  it('working limits follow the calendar', () => {
    expect(shanghai(computeDeadline(calendar, at('2025-03-14 17:00'), { amount: 4, unit: 'workingHours' }))).toBe('2025-03-17 12:00');
    expect(shanghai(computeDeadline(calendar, at('2024-09-27 15:00'), { amount: 5, unit: 'workingDays' }))).toBe('2024-10-10 18:00');
  });
});

describe('planning a case', () => {
  it('a normal case submitted Friday 17:00 must be dispatched by Saturday 17:00 (24 h, the 分流 rule)', () => {
    const due = planDispatchDeadline({ calendar, limits: DEFAULT_TIME_LIMITS, urgency: 'normal', submittedAt: at('2025-03-14 17:00') });

    expect(due).toBe('2025-03-15T09:00:00.000Z');
    expect(shanghai(due)).toBe('2025-03-15 17:00');
  });

  it('an urgent case cannot wait longer to be dispatched than it has to be handled', () => {
    const due = planDispatchDeadline({ calendar, limits: DEFAULT_TIME_LIMITS, urgency: 'urgent', submittedAt: at('2025-03-14 17:00') });

    expect(shanghai(due)).toBe('2025-03-14 19:00');
  });

  it('the handling deadline counts from dispatch: a normal case dispatched before Spring Festival 2025 is due after it', () => {
    // Counting starts Tue 01-28, inside the holiday: Wed 02-05 1, Thu 2, Fri 3, Sat 02-08 (调休) 4, Mon 02-10 5
    const due = planHandlingDeadline({ calendar, limits: DEFAULT_TIME_LIMITS, urgency: 'normal', dispatchedAt: at('2025-01-27 10:00') });

    expect(shanghai(due)).toBe('2025-02-10 18:00');
  });

  it('an important case is due 24 h after dispatch, holiday or not', () => {
    const due = planHandlingDeadline({ calendar, limits: DEFAULT_TIME_LIMITS, urgency: 'important', dispatchedAt: at('2026-02-16 20:00') });

    expect(shanghai(due)).toBe('2026-02-17 20:00');
  });
});
