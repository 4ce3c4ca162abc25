import { render, screen, within } from '@testing-library/react';
import HomePage from '../src/pages/index/index';
import { forgetCatalog } from '../src/services/catalog';
import { platform } from '../src/services/platform';
import { catalog, login, mockServer, ok, signedInAs } from './fixtures';

const home = { source: 'picker', grid: { code: '440106001001001', name: '第一网格', landmark: '天河路以北' }, community: { code: '440106001001', name: '华康社区' }, street: { code: '440106001', name: '天河南街道' }, updatedAt: '2026-11-22T01:00:00Z' };
const stats = (over: object = {}) => ({
  communityCode: '440106001001', communityName: '华康社区', month: '2026-11', reported: 12, closed: 9, onTimeRate: 0.875, satisfactionRate: 0.8, ratings: 5, meanHandlingHours: 20.4,
  followerVotes: 0, followerSatisfactionRate: null, ...over,
});

describe('首页: my community this month', () => {
  signedInAs(login, {
    before: () => {
      forgetCatalog();
      jest.spyOn(platform, 'setTabBadge').mockImplementation(() => undefined);
    },
  });

  it('shows reported, closed, on-time rate, satisfaction and mean handling time for my home community', async () => {
    // Prepare
    const requests = mockServer({ 'GET /v1/catalog': () => ok(catalog), 'GET /v1/me': () => ok({ user: {}, home, workers: [] }), 'GET /v1/communities/{code}/stats': () => ok(stats()) });

    // Act
    render(<HomePage />);

    // Assess
    const list = await screen.findByRole('list', { name: '华康社区 11月办理情况' });
    expect(within(list).getAllByRole('listitem').map((f) => f.getAttribute('aria-label'))).toEqual([
      '上报：12 件', '办结：9 件', '按时办结率：88%', '满意率：80%', '平均处理用时：20 小时',
    ]);
    expect(screen.getByText('满意率来自 5 条居民评价')).toBeTruthy();
    expect(requests).toHaveBeenCalledWith(expect.objectContaining({ url: expect.stringMatching(/\/v1\/communities\/440106001001\/stats$/) }));
  });

  it('says 暂无 rather than 0% before anything was handled or rated', async () => {
    // Prepare
    mockServer({ 'GET /v1/catalog': () => ok(catalog), 'GET /v1/me': () => ok({ user: {}, home, workers: [] }), 'GET /v1/communities/{code}/stats': () => ok(stats({ reported: 1, closed: 0, onTimeRate: null, satisfactionRate: null, ratings: 0, meanHandlingHours: null })) });

    // Act
    render(<HomePage />);

    // Assess
    const list = await screen.findByRole('list', { name: '华康社区 11月办理情况' });
    expect(within(list).getAllByRole('listitem').map((f) => f.getAttribute('aria-label'))).toEqual([
      '上报：1 件', '办结：0 件', '按时办结率：暂无', '满意率：暂无', '平均处理用时：暂无',
    ]);
    expect(screen.queryByText(/条居民评价/)).toBeNull();
  });

  it('shows no figures until a home is set (nothing to ask for)', async () => {
    // Prepare
    const requests = mockServer({ 'GET /v1/catalog': () => ok(catalog), 'GET /v1/me': () => ok({ user: {}, home: null, workers: [] }) });

    // Act
    render(<HomePage />);

    // Assess
    await screen.findByText('设置住址');
    expect(requests.mock.calls.some(([req]) => req.url.includes('/v1/communities/'))).toBe(false);
    expect(screen.queryByText(/办理情况/)).toBeNull();
  });
});
