import { ApiError, type BodyOf, type ResponseOf } from '../../services/api';
import { DAY_MS, shanghaiIsoDate } from '@gridtong/shared/deadlines/shanghai-time';

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


/** Beijing 'YYYY-MM-DD' of `days` days after the instant. */
export function beijingDay(now: number, days = 0): string {
  return shanghaiIsoDate(now + days * DAY_MS);
}
