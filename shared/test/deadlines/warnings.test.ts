import {
  createWorkingCalendar,
  type DeadlineWindow,
  nextWarningAt,
  toShanghaiIsoString,
  WARNING_STAGE_LABELS,
  warningStage,
  warningThresholdsSchema,
  type WarningStage,
} from '../../src/deadlines';

const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const shanghai = (date: Date) => toShanghaiIsoString(date).slice(0, 16).replace('T', ' ');
const HOUR = 3_600_000;

const calendar = createWorkingCalendar();

describe('a 24-hour limit (calendar time)', () => {
  const start = at('2025-03-14 08:00');
  const window: DeadlineWindow = { start, deadline: at('2025-03-15 08:00'), unit: 'calendarHours' };
  const after = (hours: number) => new Date(start.getTime() + hours * HOUR);

  it.each<[number, WarningStage]>([
    [0, 'none'],
    [11.99, 'none'],
    [12, 'yellow'],
    [17.99, 'yellow'],
    [18, 'orange'],
    [21.59, 'orange'],
    [21.6, 'red'],
    [23.99, 'red'],
    [24, 'overdue'],
    [100, 'overdue'],
  ])('after %s h the case shows %s', (hours, stage) => {
    expect(warningStage(calendar, window, after(hours))).toBe(stage);
  });

  it('is not yet in any stage if the clock reads before the start', () => {
    expect(warningStage(calendar, window, after(-1))).toBe('none');
  });
});

describe('a working-time limit', () => {
  // Reported Friday 17:00, 4 working hours: due Monday 12:00
  const window: DeadlineWindow = { start: at('2025-03-14 17:00'), deadline: at('2025-03-17 12:00'), unit: 'workingHours' };

  it('does not turn yellow over the weekend: the clock only runs in office hours', () => {
    // 1 of 4 working hours used on Friday: 25 %
    expect(warningStage(calendar, window, at('2025-03-16 20:00'))).toBe('none');
    // Monday 10:00: 2 of 4 used
    expect(warningStage(calendar, window, at('2025-03-17 10:00'))).toBe('yellow');
    expect(warningStage(calendar, window, at('2025-03-17 11:00'))).toBe('orange');
    expect(warningStage(calendar, window, at('2025-03-17 11:36'))).toBe('red');
    expect(warningStage(calendar, window, at('2025-03-17 12:00'))).toBe('overdue');
  });

  it('a 5-working-day case dispatched before Spring Festival 2026 stays calm through the holiday', () => {
    // Thu 02-12 10:00 → due Thu 02-26 18:00: 44 working hours, 21.5 of them used by the
    // 调休 Saturday 02-14; half (22 h) is reached half an hour after the office reopens
    const festival: DeadlineWindow = { start: at('2026-02-12 10:00'), deadline: at('2026-02-26 18:00'), unit: 'workingDays' };

    expect(warningStage(calendar, festival, at('2026-02-23 23:00'))).toBe('none');
    expect(warningStage(calendar, festival, new Date(at('2026-02-24 09:30').getTime() - 1))).toBe('none');
    expect(warningStage(calendar, festival, at('2026-02-24 09:30'))).toBe('yellow');
  });
});

describe('nextWarningAt', () => {
  it('gives the instant each stage begins, so a sweep can wake up exactly then', () => {
    // Prepare: 5 working days over the National Day week 2024
    const window: DeadlineWindow = { start: at('2024-09-27 15:00'), deadline: at('2024-10-10 18:00'), unit: 'workingDays' };
    const seen: string[] = [];

    // Act: follow the schedule from the start
    let now: Date | null = at('2024-09-27 15:00');
    while (now) {
      seen.push(`${shanghai(now)} ${warningStage(calendar, window, now)}`);
      now = nextWarningAt(calendar, window, now);
    }

    // Assess: 3 h Friday + 5 × 7.5 h = 40.5 working hours, 18 of them used by 09-30.
    // Yellow at 20.25 h (10-08 11:15), orange at 30.375 h (10-09 15:22:30), red at 36.45 h (10-10 13:57)
    expect(seen).toEqual([
      '2024-09-27 15:00 none',
      '2024-10-08 11:15 yellow',
      '2024-10-09 15:22 orange',
      '2024-10-10 13:57 red',
      '2024-10-10 18:00 overdue',
    ]);
  });

  it('each stage starts exactly at the returned instant, not a millisecond earlier', () => {
    const window: DeadlineWindow = { start: at('2025-03-12 11:17'), deadline: at('2025-03-13 10:47'), unit: 'workingHours' };
    let now = nextWarningAt(calendar, window, window.start);
    const stages: WarningStage[] = [];

    while (now) {
      const before = warningStage(calendar, window, now.getTime() - 1);
      const exactly = warningStage(calendar, window, now);
      expect(exactly).not.toBe(before);
      stages.push(exactly);
      now = nextWarningAt(calendar, window, now);
    }

    expect(stages).toEqual(['yellow', 'orange', 'red', 'overdue']);
  });

  it('is null once the case is overdue', () => {
    const window: DeadlineWindow = { start: at('2025-03-14 08:00'), deadline: at('2025-03-14 10:00'), unit: 'calendarHours' };

    expect(nextWarningAt(calendar, window, at('2025-03-14 10:00'))).toBeNull();
  });

  it('follows custom thresholds (yellow at 30 %)', () => {
    const window: DeadlineWindow = { start: at('2025-03-14 08:00'), deadline: at('2025-03-14 18:00'), unit: 'calendarHours' };
    const thresholds = { yellow: 0.3, orange: 0.6, red: 0.8 };

    const next = nextWarningAt(calendar, window, window.start, thresholds);

    expect(next && shanghai(next)).toBe('2025-03-14 11:00');
    expect(warningStage(calendar, window, at('2025-03-14 16:00'), thresholds)).toBe('red');
  });
});

describe('warning thresholds', () => {
  it('must rise from yellow to orange to red and stay below 100 %', () => {
    expect(warningThresholdsSchema.safeParse({ yellow: 0.5, orange: 0.75, red: 0.9 }).success).toBe(true);
    expect(warningThresholdsSchema.safeParse({ yellow: 0.8, orange: 0.75, red: 0.9 }).success).toBe(false);
    expect(warningThresholdsSchema.safeParse({ yellow: 0.5, orange: 0.75, red: 1 }).success).toBe(false);
  });

  it('names each stage in Chinese', () => {
    expect(WARNING_STAGE_LABELS.overdue).toBe('已超期');
    expect(WARNING_STAGE_LABELS.yellow).toBe('黄色预警');
  });
});
