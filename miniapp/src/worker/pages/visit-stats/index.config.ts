export default definePageConfig({
  navigationBarTitleText: '我的上门代办',
  enablePullDownRefresh: false,
});
