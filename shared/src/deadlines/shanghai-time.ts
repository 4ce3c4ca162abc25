// Asia/Shanghai has been UTC+8 without daylight saving since 1991, so local time is
// plain offset arithmetic: shift the epoch by eight hours and read the UTC fields.

/** An instant, as a Date or epoch milliseconds. */
export type InstantInput = Date | number;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

export function toEpochMs(at: InstantInput): number {
  const ms = typeof at === 'number' ? at : at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid instant');
  return ms;
}

/** Days since 1970-01-01 in Shanghai local time. */
export function shanghaiDayIndex(at: InstantInput): number {
  return Math.floor((toEpochMs(at) + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** The instant a Shanghai local day begins (00:00 +08:00). */
export function dayStartMs(dayIndex: number): number {
  return dayIndex * DAY_MS - SHANGHAI_OFFSET_MS;
}

/** 0 = Sunday ... 6 = Saturday; day 0 (1970-01-01) was a Thursday. */
export function weekdayOfDay(dayIndex: number): number {
  return (((dayIndex + 4) % 7) + 7) % 7;
}

export function isWeekendDay(dayIndex: number): boolean {
  const weekday = weekdayOfDay(dayIndex);
  return weekday === 0 || weekday === 6;
}

export function yearOfDay(dayIndex: number): number {
  return new Date(dayIndex * DAY_MS).getUTCFullYear();
}

/** 'YYYY-MM-DD' of a day index. */
export function isoDateOfDay(dayIndex: number): string {
  return new Date(dayIndex * DAY_MS).toISOString().slice(0, 10);
}

/** Day index of a 'YYYY-MM-DD' calendar date, or undefined when it is not a real date. */
export function dayOfIsoDate(isoDate: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return undefined;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2025-02-30 over into March; a round trip catches it.
  if (new Date(ms).toISOString().slice(0, 10) !== isoDate) return undefined;
  return ms / DAY_MS;
}

/** Shanghai calendar date 'YYYY-MM-DD' of an instant. */
export function shanghaiIsoDate(at: InstantInput): string {
  return isoDateOfDay(shanghaiDayIndex(at));
}

/** ISO-8601 with the +08:00 offset, e.g. '2025-01-27T12:00:00+08:00' (what people read). */
export function toShanghaiIsoString(at: InstantInput): string {
  const local = new Date(toEpochMs(at) + SHANGHAI_OFFSET_MS).toISOString();
  const seconds = local.endsWith('.000Z') ? local.slice(0, 19) : local.slice(0, 23);
  return `${seconds}+08:00`;
}

/** Minutes after local midnight for 'HH:MM' ('24:00' allowed as the end of a day). */
export function minutesOfClock(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}
