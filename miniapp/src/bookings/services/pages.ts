import { PAGES } from '../../services/routes';

/** The 代办预约 subpackage's page URLs (the main package knows its front doors, and the detail page for 消息). */
export const BOOKING_PAGES = {
  book: PAGES.bookingNew,
  list: PAGES.myBookings,
  detail: PAGES.bookingDetail,
} as const;

export { bookingUrl } from '../../services/routes';
