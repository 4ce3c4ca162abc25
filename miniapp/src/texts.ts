
/** Every piece of text a user reads, in one place. */
export const T = {
  appName: '网格通',
  loading: '正在加载…',
  retry: '重试',
  network: {
    offline: '网络连接失败，请检查网络后重试',
    timeout: '网络较慢，请求超时，请稍后重试',
    server: '服务暂时不可用，请稍后重试',
    badAnswer: '服务返回了无法识别的内容，请稍后重试',
  },
  session: {
    expired: '登录已过期，请重新登录',
  },
  login: {
    title: '登录网格通',
    wechatHint: '使用微信身份登录后，即可上报问题并查看办理进度。',
    wechatButton: '微信登录',
    wechatFailed: '微信登录失败，请重试',
    devTitle: '本地演示账号',
    devHint: '网页版没有微信登录，请选择一个演示账号。',
    devCodeLabel: '或输入登录码（如 dev-zhangsan）',
    devCodePlaceholder: 'dev-姓名拼音',
    devCodeButton: '用登录码登录',
    devCodeEmpty: '请输入登录码',
    devLoadFailed: '演示账号加载失败',
    loggingIn: '正在登录…',
    success: '登录成功',
  },
  home: {
    title: '我要上报',
    hint: '选择要反映的问题，网格员会尽快处理。',
    empty: '暂无可上报的事项',
    loadFailed: '事项加载失败',
  },
  report: {
    title: '上报问题',
    chosen: '您选择的事项',
    comingSoon: '拍照、定位并提交上报的功能即将上线。',
    unknownItem: '没有找到这个事项，请返回首页重新选择。',
    back: '返回首页',
  },
  cases: {
    title: '我的上报',
    empty: '您还没有上报过问题。上报后，可以在这里查看办理进度。',
    goReport: '去上报',
  },
  me: {
    title: '我的',
    role: '身份',
    name: '姓名',
    areas: '负责区域',
    notLoggedIn: '尚未登录',
    logout: '退出登录',
    loggedOut: '已退出登录',
    workerDesk: '进入工作台',
  },
  worker: {
    title: '工作台',
    comingSoon: '网格员工作台（核实、立案、派遣、核查）即将上线。',
  },
} as const;

export { ITEM_KIND_LABELS as KIND_LABELS, ROLE_LABELS } from '@gridtong/shared/labels';
