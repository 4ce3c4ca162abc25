import { SHANGHAI_OFFSET_MS, toEpochMs } from './shanghai-time';

/**
 * How dates and times read in Beijing time, for the mini-program and the server alike
 * (Asia/Shanghai is UTC+8 all year: shift and read the UTC fields, no Intl needed on the phone).
 */
export type Instant = string | number | Date;

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const pad = (n: number) => String(n).padStart(2, '0');

/** The Beijing wall clock of an instant, read through the UTC fields. */
function wall(instant: Instant): Date {
  const ms = typeof instant === 'string' ? Date.parse(instant) : toEpochMs(instant);
  return new Date(ms + SHANGHAI_OFFSET_MS);
}

/** '周二' for a weekday, 0 = Sunday … 6 = Saturday (7 is Sunday too). */
export function weekdayName(weekday: number): string {
  return `周${WEEKDAYS[weekday % 7] ?? ''}`;
}

/** '11月22日' */
export function formatMonthDay(instant: Instant): string {
  const d = wall(instant);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** '14:05' */
export function formatClock(instant: Instant): string {
  const d = wall(instant);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** '11月22日 14:05' */
export function formatMonthDayTime(instant: Instant): string {
  return `${formatMonthDay(instant)} ${formatClock(instant)}`;
}

/** '11月24日（周二）14:00': a visit slot. */
export function formatSlotTime(instant: Instant): string {
  return `${formatMonthDay(instant)}（${weekdayName(wall(instant).getUTCDay())}）${formatClock(instant)}`;
}

/** '11月24日 周二' for a Beijing calendar date 'YYYY-MM-DD'. */
export function formatDayLabel(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${weekdayName(d.getUTCDay())}`;
}

/** '2026-11-22 10:30' */
export function formatDateTime(instant: Instant): string {
  const d = wall(instant);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${formatClock(instant)}`;
}

/** '2026年11月22日' */
export function formatFullDate(instant: Instant): string {
  const d = wall(instant);
  return `${d.getUTCFullYear()}年${formatMonthDay(instant)}`;
}
