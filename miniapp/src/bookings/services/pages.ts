/** The 代办预约 subpackage's page URLs. */
export const BOOKING_PAGES = {
  book: '/bookings/pages/book/index',
  list: '/bookings/pages/list/index',
  detail: '/bookings/pages/detail/index',
} as const;

export const bookingUrl = (id: string): string => `${BOOKING_PAGES.detail}?id=${encodeURIComponent(id)}`;
