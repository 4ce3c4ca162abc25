/** The worker subpackage's page URLs. */
export const WORKER_PAGES = {
  desk: '/worker/pages/desk/index',
  case: '/worker/pages/case/index',
  stats: '/worker/pages/stats/index',
  messages: '/worker/pages/messages/index',
} as const;
