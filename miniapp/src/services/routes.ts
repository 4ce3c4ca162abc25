/** Page URLs, in one place. */
export const PAGES = {
  home: '/pages/index/index',
  cases: '/pages/cases/index',
  me: '/pages/me/index',
  login: '/pages/login/index',
  report: '/pages/report/index',
  workerDesk: '/worker/pages/desk/index',
} as const;
