/** Page URLs, in one place. */
export const PAGES = {
  home: '/pages/index/index',
  cases: '/pages/cases/index',
  me: '/pages/me/index',
  login: '/pages/login/index',
  report: '/pages/report/index',
  workerDesk: '/worker/pages/desk/index',
  // resident case detail and 我的住址 (issue 6)
  caseDetail: '/pages/case/index',
  homeAddress: '/pages/address/index',
  // hear back and rate (issue 8)
  messages: '/pages/messages/index',
  // 代办 visits (issue 9): the bookings subpackage's front doors
  bookingNew: '/bookings/pages/book/index',
  myBookings: '/bookings/pages/list/index',
  bookingDetail: '/bookings/pages/detail/index',
} as const;

export const caseUrl = (id: string): string => `${PAGES.caseDetail}?id=${encodeURIComponent(id)}`;
export const bookingUrl = (id: string): string => `${PAGES.bookingDetail}?id=${encodeURIComponent(id)}`;

// hear back and rate (issue 8): where 消息 sits in the tab bar (its unread badge).
export const MESSAGES_TAB_INDEX = 2;
