import type { BodyOf, ResponseOf } from '../../services/api-types';
import { ApiError, ROUTES, api, pathWith, withQuery, type ApiClient } from '../../services/api';
import { DAY_MS, shanghaiIsoDate } from '@gridtong/shared/deadlines/shanghai-time';

/*
 * The worker's booking routes (shared/src/api/bookings.ts): the day's visits, each step of a
 * visit, the weekly availability. Addressed through the route table's rows; types only.
 */

export type WorkDay = ResponseOf<'list-work-bookings'>;
export type Visit = WorkDay['bookings'][number];
export type VisitAction = BodyOf<'act-on-work-booking'>;
export type AvailabilityAnswer = ResponseOf<'get-availability'>;
export type AvailabilityBody = BodyOf<'put-availability'>;
export type RescheduleSlots = ResponseOf<'list-work-booking-slots'>;
export type VisitStats = ResponseOf<'get-visit-stats'>;

type Transport = Pick<ApiClient, 'request'>;

/** The visit as it is now, carried by a version conflict. */
export function currentVisitOf(e: unknown): Visit | undefined {
  if (!(e instanceof ApiError) || e.code !== 'BOOKING.VERSION_CONFLICT') return undefined;
  const current = e.current as Visit | undefined;
  return current && typeof current === 'object' && typeof current.id === 'string' ? current : undefined;
}

export function createVisitsApi(client: Transport = api) {
  return {
    day: (day?: string) => client.request<WorkDay>('GET', withQuery(ROUTES['list-work-bookings'][1], { day })),
    /** One visit wherever it lies (a message or a subscribe message names only its id). */
    get: (id: string) => client.request<Visit>('GET', pathWith(ROUTES['get-work-booking'][1], { id })),
    /** The caller's own free slots ahead that fit this visit: where 改时间 may move it. */
    rescheduleSlots: (id: string) => client.request<RescheduleSlots>('GET', pathWith(ROUTES['list-work-booking-slots'][1], { id })),
    stats: (query: { scope: string; from: string; to: string }) => client.request<VisitStats>('GET', withQuery(ROUTES['get-visit-stats'][1], query)),
    act: (id: string, action: VisitAction) => client.request<Visit>('POST', pathWith(ROUTES['act-on-work-booking'][1], { id }), action),
    availability: () => client.request<AvailabilityAnswer>('GET', ROUTES['get-availability'][1]),
    publish: (body: AvailabilityBody) => client.request<AvailabilityAnswer>('PUT', ROUTES['put-availability'][1], body),
  };
}

export const visitsApi = createVisitsApi();

/** Beijing 'YYYY-MM-DD' of `days` days after the instant. */
export function beijingDay(now: number, days = 0): string {
  return shanghaiIsoDate(now + days * DAY_MS);
}
