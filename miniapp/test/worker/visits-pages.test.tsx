import { fireEvent, render, screen, within } from '@testing-library/react';
import AvailabilityPage from '../../src/worker/pages/availability/index';
import VisitsPage from '../../src/worker/pages/visits/index';
import { mockServer, ok, queryOf, signedInAs, typeInto } from '../fixtures';
import { staffLogin, workerVisit } from './fixtures';

const visit = workerVisit;

describe('worker: 上门代办 calendar', () => {
  signedInAs(staffLogin('gridWorker'));

  it("shows the server's today with the resident's materials, confirms, and declines only with a reason", async () => {
    // Prepare
    const requests = mockServer({
      'GET /v1/work/bookings': (req) => ok({
        day: queryOf(req).day ?? '2026-11-24',
        bookings: queryOf(req).day === '2026-11-25' ? [] : [visit()],
        ahead: [{ date: '2026-11-24', visits: 1, toConfirm: 1 }, { date: '2026-11-25', visits: 0, toConfirm: 0 }],
      }),
      'POST /v1/work/bookings/{id}/actions': () => ok(visit({ version: 2, status: 'confirmed', statusLabel: '已确认', availableActions: ['reschedule'] })),
    });
    render(<VisitsPage />);

    // Act
    const card = await screen.findByRole('region', { name: '14:00–14:30 社保卡申领/补换，待确认' });
    expect(within(card).getByRole('listitem', { name: '本人居民身份证原件 ✓ 已备好' })).toBeTruthy();
    expect(within(card).getByRole('listitem', { name: '数码相片回执 未备好' })).toBeTruthy();
    expect(within(card).getByRole('link', { name: '拨打 13800138000' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: '今天 11月24日 周二，1 个上门，1 个待确认' }).getAttribute('aria-checked')).toBe('true');
    fireEvent.click(within(card).getByRole('button', { name: '婉拒' }));
    fireEvent.click(within(card).getByRole('button', { name: '确认：婉拒' }));
    expect(within(card).getByRole('alert').textContent).toBe('请填写原因');
    fireEvent.click(within(card).getByRole('button', { name: '确认上门' }));
    fireEvent.click(within(card).getByRole('button', { name: '确认：确认上门' }));

    // Assess
    expect(await screen.findByRole('region', { name: '14:00–14:30 社保卡申领/补换，已确认' })).toBeTruthy();
    expect(screen.getByText('已记录：确认上门')).toBeTruthy();
    // The day strip no longer counts it as waiting, without asking the server again.
    expect(screen.getByRole('radio', { name: '今天 11月24日 周二，1 个上门' })).toBeTruthy();
    const posts = requests.mock.calls.map((c) => c[0]).filter((r) => r.method === 'POST');
    expect(posts.map((p) => p.data)).toEqual([{ type: 'confirm', version: 1, note: undefined }]);
    // Another day is another question to the server.
    fireEvent.click(screen.getByRole('radio', { name: '11月25日 周三' }));
    expect(await screen.findByText('这一天没有上门代办。')).toBeTruthy();
  }, 15_000);

  it('reaches visits of earlier days with 前一天 (a submitted visit is completed days later)', async () => {
    // Prepare
    const requests = mockServer({
      'GET /v1/work/bookings': (req) => ok({ day: queryOf(req).day ?? '2026-11-24', bookings: [] }),
    });
    render(<VisitsPage />);
    expect(await screen.findByRole('heading', { name: '今天 11月24日 周二 的上门代办' })).toBeTruthy();

    // Act
    fireEvent.click(screen.getByText('‹ 前一天'));
    expect(await screen.findByRole('heading', { name: '11月23日 周一 的上门代办' })).toBeTruthy();
    fireEvent.click(screen.getByText('‹ 前一天'));
    expect(await screen.findByRole('heading', { name: '11月22日 周日 的上门代办' })).toBeTruthy();
    fireEvent.click(screen.getByText('回到今天'));

    // Assess
    expect(await screen.findByRole('heading', { name: '今天 11月24日 周二 的上门代办' })).toBeTruthy();
    expect(requests.mock.calls.map((c) => c[0].url.replace(/^.*\/v1/, ''))).toEqual([
      '/work/bookings', '/work/bookings?day=2026-11-23', '/work/bookings?day=2026-11-22', '/work/bookings?day=2026-11-24',
    ]);
  });

  it('records the visit with the checklist ticked from what the resident had ready', async () => {
    // Prepare
    const requests = mockServer({
      'GET /v1/work/bookings': () => ok({ day: '2026-11-24', bookings: [visit({ version: 2, status: 'confirmed', statusLabel: '已确认', availableActions: ['visited', 'noShow', 'reschedule'] })] }),
      'POST /v1/work/bookings/{id}/actions': () => ok(visit({ version: 3, status: 'visited', statusLabel: '已上门', availableActions: ['submitted'], checklist: [{ name: '本人居民身份证原件', collected: true }, { name: '数码相片回执', collected: true }] })),
    });
    render(<VisitsPage />);

    // Act
    const card = await screen.findByRole('region', { name: /已确认$/ });
    fireEvent.click(within(card).getByRole('button', { name: '已上门收材料' }));
    const form = within(card).getByRole('form', { name: '已上门收材料' });
    expect(within(form).getByRole('checkbox', { name: '本人居民身份证原件' }).getAttribute('aria-checked')).toBe('true');
    fireEvent.click(within(form).getByRole('checkbox', { name: '数码相片回执' }));
    typeInto(within(form).getByLabelText('备注（选填，居民看不到）'), '原卡已收回');
    fireEvent.click(within(form).getByRole('button', { name: '确认：已上门收材料' }));

    // Assess
    const after = await screen.findByRole('region', { name: /已上门$/ });
    expect(within(after).getByRole('listitem', { name: '数码相片回执 ✓ 已收取' })).toBeTruthy();
    expect(within(after).getByRole('button', { name: '已交办证机关' })).toBeTruthy();
    const post = requests.mock.calls.map((c) => c[0]).find((r) => r.method === 'POST')!;
    expect(post.data).toEqual({
      type: 'visited', version: 2, photos: [], note: '原卡已收回',
      checklist: [{ name: '本人居民身份证原件', collected: true }, { name: '数码相片回执', collected: true }],
    });
  });
});

describe('worker: 可预约时间', () => {
  signedInAs(staffLogin('gridWorker'));

  it('publishes Tue/Thu 14:00–17:00 with a closure, moving a window end by half an hour', async () => {
    // Prepare
    const requests = mockServer({
      'GET /v1/work/availability': () => ok({ gridCode: '440106001001001', workerName: '李网格', availability: null, updatedAt: null, upcomingSlots: 0 }),
      'PUT /v1/work/availability': (req) => ok({ gridCode: '440106001001001', workerName: '李网格', availability: req.data, updatedAt: '2026-11-24T01:00:00.000Z', upcomingSlots: 23 }),
    });
    render(<AvailabilityPage />);

    // Act
    expect(await screen.findByText('您还没有发布可预约时间，居民暂时约不到您。')).toBeTruthy();
    fireEvent.click(screen.getByText('套用：周二、周四 14:00–17:00'));
    const windows = within(screen.getByRole('list', { name: '每周时段' })).getAllByRole('listitem');
    expect(windows.map((w) => w.getAttribute('aria-label'))).toEqual(['周二 14:00–17:00', '周四 14:00–17:00']);
    fireEvent.click(within(windows[1]!).getByRole('button', { name: '结束推后半小时' }));
    fireEvent.click(screen.getByText('添加停约日期'));
    typeInto(screen.getByLabelText('从（如 2026-12-01）'), '2026-12-01');
    typeInto(screen.getByLabelText('到（含当天）'), '2026-11-30');
    fireEvent.click(screen.getByText('保存并发布'));
    expect(screen.getByRole('alert').textContent).toBe('日期应为 YYYY-MM-DD，结束不能早于开始');
    typeInto(screen.getByLabelText('到（含当天）'), '2026-12-02');
    typeInto(screen.getByLabelText('原因（选填）'), '年休假');
    fireEvent.click(screen.getByText('保存并发布'));

    // Assess
    expect(await screen.findByText('已发布，未来 14 天共开放 23 个时段')).toBeTruthy();
    const puts = requests.mock.calls.map((c) => c[0]).filter((r) => r.method === 'PUT');
    expect(puts.map((p) => p.data)).toEqual([{
      slotMinutes: 30,
      weekly: [{ weekday: 2, start: '14:00', end: '17:00' }, { weekday: 4, start: '14:00', end: '17:30' }],
      closures: [{ from: '2026-12-01', to: '2026-12-02', reason: '年休假' }],
      makeUpDayAs: 1,
    }]);
  });
});
