import { fireEvent, render, screen, within } from '@testing-library/react';
import WorkStatsPage from '../../src/worker/pages/stats/index';
import { platform } from '../../src/services/platform';
import { session } from '../../src/services/session';
import type { StatsResponse } from '@gridtong/shared/api/events';
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

describe('worker desk: the figures page', () => {
  afterEach(() => {
    jest.restoreAllMocks();
    session.clear();
  });

  it("shows a dispatcher's street: on-time rate, overdue, returns, satisfaction, as bars", async () => {
    // Prepare
    session.save(staffLogin('dispatcher', { areas: ['440106001'] }));
    const request = jest.spyOn(platform, 'request').mockResolvedValue({ status: 200, data: report });

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
  });

  it('asks again for thirty days', async () => {
    // Prepare
    session.save(staffLogin('supervisor'));
    const request = jest.spyOn(platform, 'request').mockResolvedValue({ status: 200, data: report });
    render(<WorkStatsPage />);
    await screen.findByRole('figure', { name: '评价分布' });

    // Act
    fireEvent.click(screen.getByRole('tab', { name: '近30天' }));

    // Assess
    await screen.findByRole('figure', { name: '评价分布' });
    const urls = request.mock.calls.map((c) => c[0].url);
    expect(urls).toHaveLength(2);
    const span = (url: string) => {
      const q = new URLSearchParams(url.split('?')[1]);
      return (Date.parse(q.get('to')!) - Date.parse(q.get('from')!)) / 86_400_000 + 1;
    };
    expect([span(urls[0]!), span(urls[1]!)]).toEqual([7, 30]);
  });
});
