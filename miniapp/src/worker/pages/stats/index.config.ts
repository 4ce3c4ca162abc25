export default definePageConfig({
  navigationBarTitleText: '统计考核',
  enablePullDownRefresh: true,
});
