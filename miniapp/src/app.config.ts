export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/cases/index',
    'pages/me/index',
    'pages/login/index',
    'pages/report/index',
    'pages/case/index',
    'pages/address/index',
    // the message centre tab
    'pages/messages/index',
  ],
  subPackages: [
    // The worker desk (网格员/调度/处置) lives here so residents never download it.
    { root: 'worker', pages: ['pages/desk/index', 'pages/case/index', 'pages/stats/index', 'pages/messages/index',
      // the worker's calendar
      'pages/visits/index', 'pages/availability/index',
      // the worker's own visit figures
      'pages/visit-stats/index'] },
    // residents book a home visit; only those who book download it.
    { root: 'bookings', pages: ['pages/book/index', 'pages/list/index', 'pages/detail/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '网格通',
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    color: '#555555',
    selectedColor: '#1a56db',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/cases/index', text: '我的上报' },
      { pagePath: 'pages/messages/index', text: '消息' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
  permission: {
    'scope.userLocation': { desc: '用于确定问题发生的位置，并找到负责该位置的网格员' },
  },
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  __usePrivacyCheck__: true,
});
