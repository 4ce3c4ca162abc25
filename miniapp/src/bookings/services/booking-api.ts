import type { BodyOf, ResponseOf } from '../../services/api-types';
import { ApiError, ROUTES, api, pathWith, withQuery, type ApiClient } from '../../services/api';

/*
 * The resident's booking routes (shared/src/api/bookings.ts), addressed through the route
 * table's rows in ROUTES. Types only from shared: no zod in the bundle.
 */

export type SlotsResponse = ResponseOf<'list-booking-slots'>;
export type SlotView = SlotsResponse['days'][number]['slots'][number];
export type BookingView = ResponseOf<'get-my-booking'>;
export type MyBookings = ResponseOf<'list-my-bookings'>;
export type BookingRow = MyBookings['bookings'][number];
export type CreateBooking = BodyOf<'create-booking'>;
export type BookingAction = BodyOf<'act-on-my-booking'>;

type Transport = Pick<ApiClient, 'request' | 'requestOnce'>;

/** The free slots a 409 (slot taken or no longer bookable) carries, if any. */
export function nextSlotsOf(e: unknown): SlotView[] | undefined {
  if (!(e instanceof ApiError) || e.status !== 409 && e.status !== 422) return undefined;
  const current = e.current as { nextSlots?: unknown } | undefined;
  return Array.isArray(current?.nextSlots) ? (current.nextSlots as SlotView[]) : undefined;
}

/** The booking as it is now, carried by a version conflict. */
export function currentBookingOf(e: unknown): BookingView | undefined {
  if (!(e instanceof ApiError) || e.code !== 'BOOKING.VERSION_CONFLICT') return undefined;
  const current = e.current as BookingView | undefined;
  return current && typeof current === 'object' && typeof current.id === 'string' ? current : undefined;
}

export function createBookingApi(client: Transport = api) {
  return {
    slots: (service: string, from?: string) => client.request<SlotsResponse>('GET', withQuery(ROUTES['list-booking-slots'][1], { service, from })),
    /** One key per draft: a retry after a lost answer lands on the same booking. */
    create: (body: CreateBooking, idempotencyKey: string) => client.requestOnce<BookingView>('POST', ROUTES['create-booking'][1], body, idempotencyKey),
    mine: (cursor?: string) => client.request<MyBookings>('GET', withQuery(ROUTES['list-my-bookings'][1], { cursor })),
    get: (id: string) => client.request<BookingView>('GET', pathWith(ROUTES['get-my-booking'][1], { id })),
    act: (id: string, action: BookingAction) => client.request<BookingView>('POST', pathWith(ROUTES['act-on-my-booking'][1], { id }), action),
  };
}

export const bookingApi = createBookingApi();
