import { fireEvent, render, screen, within } from '@testing-library/react';
import WorkStatsPage from '../../src/worker/pages/stats/index';
import VisitStatsPage from '../../src/worker/pages/visit-stats/index';
import { platform } from '../../src/services/platform';
import { session } from '../../src/services/session';
import type { StatsResponse } from '@gridtong/shared/api/stats';
import { staffLogin } from './fixtures';

const report: StatsResponse = {
  scope: { kind: 'street', code: '440106001', name: '榕溪街道' },
  from: '2026-11-16',
  to: '2026-11-22',
  totals: { received: 40, filed: 36, dispatched: 30, handled: 20, onTime: 15, late: 5, overdue: 4, returned: 6, reopened: 1, closed: 18, rating_verySatisfied: 8, rating_satisfied: 4, rating_dissatisfied: 2 },
  rates: { responseRate: 0.9, resolutionRate: 0.75, satisfactionRate: 0.857 },
  handling: { meanHours: 20.5, medianHoursAtMost: 24 },
  days: [
    { date: '2026-11-21', counters: { received: 10, closed: 3 } },
    { date: '2026-11-22', counters: { received: 5, closed: 6, overdue: 2 } },
  ],
};

// 代办 visits: the same page asks for the area's visit figures too.
const visitStats = {
  scope: { kind: 'street', code: '440106001', name: '榕溪街道' }, from: '2026-11-16', to: '2026-11-22',
  totals: { booked: 12, confirmed: 10, declined: 1, cancelled: 2, rescheduled: 1, completed: 7, noShow: 1, rated: 5 },
  ratings: { verySatisfied: 3, satisfied: 1, basicallySatisfied: 0, dissatisfied: 1, veryDissatisfied: 0 },
  satisfactionRate: 0.8,
  days: [],
};
const answer = (req: { url: string }) => ({ status: 200, data: req.url.includes('/v1/work/visit-stats') ? visitStats : report });
const caseStatsUrls = (request: jest.SpyInstance) => request.mock.calls.map((c: [{ url: string }]) => c[0].url).filter((u) => u.includes('/v1/work/stats'));

describe('worker desk: the figures page', () => {
  afterEach(() => {
    jest.restoreAllMocks();
    session.clear();
  });

  it("shows a dispatcher's street: on-time rate, overdue, returns, satisfaction, as bars", async () => {
    // Prepare
    session.save(staffLogin('dispatcher', { areas: ['440106001'] }));
    const request = jest.spyOn(platform, 'request').mockImplementation(async (req) => answer(req));

    // Act
    render(<WorkStatsPage />);

    // Assess
    expect(await screen.findByRole('group', { name: '按时办结率 75%' })).toBeTruthy();
    expect(screen.getByRole('group', { name: '超期 4' })).toBeTruthy();
    expect(screen.getByRole('group', { name: '退单 6' })).toBeTruthy();
    expect(screen.getByRole('group', { name: '满意率 86%' })).toBeTruthy();
    expect(screen.getByRole('group', { name: '平均处置用时 20.5 小时' })).toBeTruthy();
    const ratings = screen.getByRole('figure', { name: '评价分布' });
    expect(within(ratings).getAllByRole('img').map((b) => b.getAttribute('aria-label'))).toEqual(['非常满意 8', '满意 4', '基本满意 0', '不满意 2', '非常不满意 0']);
    const days = screen.getByRole('figure', { name: '每日受理（件）' });
    expect(within(days).getByRole('img', { name: '11-22 受理 5 · 结案 6 · 超期 2' })).toBeTruthy();
    expect(request).toHaveBeenCalledWith(expect.objectContaining({ url: expect.stringMatching(/\/v1\/work\/stats\?scope=440106001&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/) }));
    // 代办 visits: the street's visits, same scope and range.
    const visits = await screen.findByRole('region', { name: '上门代办' });
    expect(within(visits).getByRole('group', { name: '预约 12' })).toBeTruthy();
    expect(within(visits).getByRole('group', { name: '办结 7' })).toBeTruthy();
    expect(within(visits).getByRole('group', { name: '取消 2' })).toBeTruthy();
    expect(within(visits).getByRole('group', { name: '未见面 1' })).toBeTruthy();
    expect(within(visits).getByRole('group', { name: '满意率 80%' })).toBeTruthy();
    expect(within(within(visits).getByRole('figure', { name: '居民评价' })).getAllByRole('img').map((b) => b.getAttribute('aria-label'))).toEqual(['非常满意 3', '满意 1', '基本满意 0', '不满意 1', '非常不满意 0']);
    expect(request).toHaveBeenCalledWith(expect.objectContaining({ url: expect.stringMatching(/\/v1\/work\/visit-stats\?scope=440106001&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/) }));
  });

  it('shows a grid worker their own visit figures for the last 30 days on 我的上门代办', async () => {
    // Prepare
    session.save(staffLogin('gridWorker'));
    const request = jest.spyOn(platform, 'request').mockImplementation(async (req) => answer(req));

    // Act
    render(<VisitStatsPage />);

    // Assess
    const visits = await screen.findByRole('region', { name: '近 30 天' });
    expect(await within(visits).findByRole('group', { name: '满意率 80%' })).toBeTruthy();
    expect(within(visits).getByRole('group', { name: '办结 7' })).toBeTruthy();
    const url = request.mock.calls[0]![0].url;
    const q = new URLSearchParams(url.split('?')[1]);
    expect(q.get('scope')).toBe('me');
    expect((Date.parse(q.get('to')!) - Date.parse(q.get('from')!)) / 86_400_000 + 1).toBe(30);
  });

  it('asks again for thirty days', async () => {
    // Prepare
    session.save(staffLogin('supervisor'));
    const request = jest.spyOn(platform, 'request').mockImplementation(async (req) => answer(req));
    render(<WorkStatsPage />);
    await screen.findByRole('figure', { name: '评价分布' });

    // Act
    fireEvent.click(screen.getByRole('tab', { name: '近30天' }));

    // Assess
    await screen.findByRole('figure', { name: '评价分布' });
    const urls = caseStatsUrls(request);
    expect(urls).toHaveLength(2);
    const span = (url: string) => {
      const q = new URLSearchParams(url.split('?')[1]);
      return (Date.parse(q.get('to')!) - Date.parse(q.get('from')!)) / 86_400_000 + 1;
    };
    expect([span(urls[0]!), span(urls[1]!)]).toEqual([7, 30]);
  });
});
