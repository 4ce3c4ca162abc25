import { ApiError, type BodyOf, type ResponseOf } from '../../services/api';

/*
 * The resident's booking routes as the pages name them (types from the route table), and
 * what a conflict carries back.
 */

export type SlotsResponse = ResponseOf<'list-booking-slots'>;
export type SlotView = SlotsResponse['days'][number]['slots'][number];
export type BookingView = ResponseOf<'get-my-booking'>;
export type MyBookings = ResponseOf<'list-my-bookings'>;
export type BookingRow = MyBookings['bookings'][number];
export type CreateBooking = BodyOf<'create-booking'>;
export type BookingAction = BodyOf<'act-on-my-booking'>;

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
