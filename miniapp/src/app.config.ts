export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/cases/index',
    'pages/me/index',
    'pages/login/index',
    'pages/report/index',
    // resident case detail and 我的住址 (issue 6)
    'pages/case/index',
    'pages/address/index',
    // hear back and rate (issue 8): the message centre tab
    'pages/messages/index',
  ],
  subPackages: [
    // The worker desk (网格员/调度/处置) lives here so residents never download it.
    { root: 'worker', pages: ['pages/desk/index', 'pages/case/index', 'pages/stats/index', 'pages/messages/index',
      // 代办 visits (issue 9): the worker's calendar
      'pages/visits/index', 'pages/availability/index',
      // 代办 visits (issue 9): the worker's own visit figures
      'pages/visit-stats/index'] },
    // 代办 visits (issue 9): residents book a home visit; only those who book download it.
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
      // hear back and rate (issue 8)
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
