import { ApiError, type BodyOf, type ResponseOf } from '../../services/api';

/*
 * The worker's booking routes as the pages name them (types from the route table): the day's
 * visits, each step of a visit, the weekly availability; and Beijing dates for the calendar.
 */

export type WorkDay = ResponseOf<'list-work-bookings'>;
export type Visit = WorkDay['bookings'][number];
export type VisitAction = BodyOf<'act-on-work-booking'>;
export type AvailabilityAnswer = ResponseOf<'get-availability'>;
export type AvailabilityBody = BodyOf<'put-availability'>;
export type RescheduleSlots = ResponseOf<'list-work-booking-slots'>;
export type VisitStats = ResponseOf<'get-visit-stats'>;

/** The visit as it is now, carried by a version conflict. */
export function currentVisitOf(e: unknown): Visit | undefined {
  if (!(e instanceof ApiError) || e.code !== 'BOOKING.VERSION_CONFLICT') return undefined;
  const current = e.current as Visit | undefined;
  return current && typeof current === 'object' && typeof current.id === 'string' ? current : undefined;
}

const OFFSET_MS = 8 * 3600_000;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** Beijing 'YYYY-MM-DD' of `days` days after the instant. */
export function beijingDay(now: number, days = 0): string {
  return new Date(now + OFFSET_MS + days * 86_400_000).toISOString().slice(0, 10);
}

/** '11月24日 周二' for a Beijing date. */
export function dayLabel(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 周${WEEKDAYS[d.getUTCDay()]}`;
}

/** 'HH:MM' in Beijing time. */
export function clockOf(iso: string): string {
  return new Date(Date.parse(iso) + OFFSET_MS).toISOString().slice(11, 16);
}
