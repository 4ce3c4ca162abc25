/** The worker subpackage's page URLs. */
export const WORKER_PAGES = {
  desk: '/worker/pages/desk/index',
  case: '/worker/pages/case/index',
  stats: '/worker/pages/stats/index',
  messages: '/worker/pages/messages/index',
  // the worker's calendar
  visits: '/worker/pages/visits/index',
  availability: '/worker/pages/availability/index',
  visitStats: '/worker/pages/visit-stats/index',
} as const;
