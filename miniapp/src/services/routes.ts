/** Page URLs, in one place. */
export const PAGES = {
  home: '/pages/index/index',
  cases: '/pages/cases/index',
  me: '/pages/me/index',
  login: '/pages/login/index',
  report: '/pages/report/index',
  workerDesk: '/worker/pages/desk/index',
  caseDetail: '/pages/case/index',
  homeAddress: '/pages/address/index',
  messages: '/pages/messages/index',
  // 代办 visits: the bookings subpackage's front doors
  bookingNew: '/bookings/pages/book/index',
  myBookings: '/bookings/pages/list/index',
  bookingDetail: '/bookings/pages/detail/index',
} as const;

/** A case's page; `focus: 'result'` opens it scrolled to the handling result, when there is one. */
export const caseUrl = (id: string, focus?: 'result'): string => `${PAGES.caseDetail}?id=${encodeURIComponent(id)}${focus ? `&focus=${focus}` : ''}`;
export const bookingUrl = (id: string): string => `${PAGES.bookingDetail}?id=${encodeURIComponent(id)}`;

// Where 消息 sits in the tab bar (its unread badge).
export const MESSAGES_TAB_INDEX = 2;
