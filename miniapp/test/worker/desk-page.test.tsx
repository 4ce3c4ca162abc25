import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import WorkerDeskPage from '../../src/worker/pages/desk/index';
import { platform } from '../../src/services/platform';
import { session } from '../../src/services/session';
import { queue, row, staffLogin } from './fixtures';

type Req = Parameters<typeof platform.request>[0];

/** The staff API as the desk would find it: one answer per queue. */
function serveQueues(answers: Record<string, unknown>) {
  return jest.spyOn(platform, 'request').mockImplementation(async (req: Req) => {
    if (req.url.endsWith('/v1/messages')) return { status: 200, data: { messages: [], unreadCount: 3, nextCursor: null } };
    const q = /[?&]queue=([a-z]+)/.exec(req.url)?.[1] ?? '';
    if (q in answers) return { status: 200, data: answers[q] };
    return { status: 404, data: { error: { code: 'NOT_FOUND', message: '未找到' } } };
  });
}

describe('worker desk: the queues', () => {
  afterEach(() => {
    jest.restoreAllMocks();
    session.clear();
  });

  it('shows a grid worker their two queues with counts, the most urgent case first', async () => {
    // Prepare
    session.save(staffLogin('gridWorker'));
    const request = serveQueues({
      grid: queue('grid', [
        row('C01', '路灯不亮', 'none', 20),
        row('C02', '井盖破损', 'overdue', -2, { urgeCount: 2 }),
        row('C03', '暴露垃圾', 'orange', 5, { followerCount: 3 }),
        row('C04', '道路积水', 'red', 1),
      ]),
      verify: queue('verify', [row('C05', '行道树倒伏', 'yellow', 30, { status: 'handled', statusLabel: '已处置' })]),
    });

    // Act
    render(<WorkerDeskPage />);

    // Assess
    const list = await screen.findByRole('list', { name: '共 4 件待办' });
    const names = within(list).getAllByRole('button').map((b) => b.getAttribute('aria-label')?.split('，')[0]);
    expect(names).toEqual(['井盖破损', '道路积水', '暴露垃圾', '路灯不亮']);
    expect(screen.getByRole('tab', { name: '本网格在办 4' }).getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByRole('tab', { name: '待核查结案 1' })).toBeTruthy();
    const counts = screen.getByRole('list', { name: '各预警等级件数' });
    expect(within(counts).getAllByRole('listitem').map((i) => i.getAttribute('aria-label'))).toEqual([
      '已超期 1', '红色预警 1', '橙色预警 1', '黄色预警 0', '正常 1',
    ]);
    // Who is pushing shows on the row.
    expect(within(list).getByText('催办 2')).toBeTruthy();
    expect(within(list).getByText('3 人关注')).toBeTruthy();
    expect(request).toHaveBeenCalledWith(expect.objectContaining({ method: 'GET', url: expect.stringMatching(/\/v1\/work\/cases\?queue=grid$/), headers: { authorization: 'Bearer tok-gridWorker' } }));
  });

  it('switches to the verify queue and opens a case', async () => {
    // Prepare
    session.save(staffLogin('gridWorker'));
    serveQueues({ grid: queue('grid', []), verify: queue('verify', [row('C05', '行道树倒伏', 'yellow', 30, { status: 'handled', statusLabel: '已处置' })]) });
    const navigateTo = jest.spyOn(platform, 'navigateTo').mockImplementation(() => undefined);
    render(<WorkerDeskPage />);
    expect(await screen.findByText('这个队列里没有待办案件。')).toBeTruthy();

    // Act
    fireEvent.click(await screen.findByRole('tab', { name: '待核查结案 1' }));
    fireEvent.click(await screen.findByRole('button', { name: '行道树倒伏，黄色预警，已处置' }));

    // Assess
    expect(navigateTo).toHaveBeenCalledWith('/worker/pages/case/index?id=C05');
  });

  it('gives a dispatcher the dispatch queue only, with escalations and returns visible, and the figures link', async () => {
    // Prepare
    session.save(staffLogin('dispatcher', { areas: ['440106001'] }));
    const request = serveQueues({ dispatch: queue('dispatch', [
      row('C07', '井盖破损', 'red', 2, { status: 'returned', statusLabel: '已退单', returnCount: 2, escalationLevel: 1, departmentName: '区市政管理局' }),
      row('C08', '道路积水', 'yellow', 20, { status: 'handling', statusLabel: '处置中', pendingRequest: 'extension' }),
    ]) });

    // Act
    render(<WorkerDeskPage />);

    // Assess
    const list = await screen.findByRole('list', { name: '共 2 件待办' });
    expect(within(list).getByText('退单 2')).toBeTruthy();
    expect(within(list).getByText('待区级仲裁')).toBeTruthy();
    expect(within(list).getByText('处置部门：区市政管理局')).toBeTruthy();
    expect(within(list).getByText('延期待审批')).toBeTruthy();
    expect(within(list).getAllByText('榕溪东社区第1网格 · 榕溪东路 12 号')).toHaveLength(2);
    expect(screen.queryByRole('tablist')).toBeNull();
    expect(screen.getByText('待派遣')).toBeTruthy();
    expect(screen.getByRole('link', { name: '统计考核' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '消息 3' })).toBeTruthy();
    expect(request.mock.calls.map((c) => c[0].url.replace(/^.*\/v1/, '')).sort()).toEqual(['/messages', '/work/cases?queue=dispatch']);
  });

  it('pages on with 加载更多 and refreshes on 刷新', async () => {
    // Prepare
    session.save(staffLogin('departmentHandler', { departmentId: 'D440106-CG', areas: ['440106'] }));
    const pages = [
      queue('department', [row('C10', '占道经营', 'none', 40)], 'next-1'),
      queue('department', [row('C11', '乱堆物料', 'none', 50)]),
      queue('department', [row('C12', '违法搭建', 'overdue', -1)]),
    ];
    const request = jest.spyOn(platform, 'request').mockImplementation(async (req: Req) => (
      req.url.endsWith('/v1/messages') ? { status: 500, data: { error: { code: 'INTERNAL', message: '服务器开小差了' } } } : { status: 200, data: pages.shift() }
    ));
    render(<WorkerDeskPage />);
    expect(await screen.findByRole('list', { name: '共 1 件待办' })).toBeTruthy();

    // Act
    fireEvent.click(screen.getByText('加载更多'));
    expect(await screen.findByRole('list', { name: '共 2 件待办' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '刷新' }));

    // Assess
    expect(await screen.findByRole('button', { name: '违法搭建，已超期，已上报' })).toBeTruthy();
    // The message count failing leaves the queues alone.
    expect(screen.getByRole('link', { name: '消息' })).toBeTruthy();
    expect(request.mock.calls.map((c) => c[0].url.replace(/^.*\/v1/, '')).filter((u) => u.startsWith('/work'))).toEqual([
      '/work/cases?queue=department',
      '/work/cases?queue=department&cursor=next-1',
      '/work/cases?queue=department',
    ]);
  });

  it('narrows the grid queue to reports still to be filed', async () => {
    // Prepare
    session.save(staffLogin('gridWorker'));
    const request = serveQueues({
      grid: queue('grid', [row('C01', '路灯不亮', 'none', 20), row('C02', '井盖破损', 'red', 2, { status: 'dispatched', statusLabel: '已派遣' })]),
      verify: queue('verify', []),
    });
    render(<WorkerDeskPage />);
    expect(await screen.findByRole('list', { name: '共 2 件待办' })).toBeTruthy();

    // Act
    request.mockImplementation(async (req) => ({ status: 200, data: req.url.includes('queue=grid') ? queue('grid', [row('C01', '路灯不亮', 'none', 20)]) : queue('verify', []) }));
    fireEvent.click(screen.getByRole('radio', { name: '只看待立案' }));

    // Assess
    expect(await screen.findByRole('list', { name: '共 1 件待办' })).toBeTruthy();
    expect(request).toHaveBeenCalledWith(expect.objectContaining({ url: expect.stringMatching(/\/v1\/work\/cases\?queue=grid&status=submitted%2CneedsInfo$/) }));
    expect(screen.getByRole('radio', { name: '只看待立案' }).getAttribute('aria-checked')).toBe('true');
  });

  it('shows each row with its 受理编号', async () => {
    // Prepare
    session.save(staffLogin('gridWorker'));
    serveQueues({ grid: queue('grid', [row('C01', '路灯不亮', 'none', 20, { caseNumber: 'TH2611220012' })]), verify: queue('verify', []) });

    // Act
    render(<WorkerDeskPage />);

    // Assess
    const line = await screen.findByRole('button', { name: '路灯不亮，正常，已上报' });
    expect(line.textContent).toContain('受理编号 TH 261122 0012');
  });

  it('finds a case by the 受理编号 a resident reads out, and says so when it is not theirs to see', async () => {
    // Prepare
    session.save(staffLogin('gridWorker'));
    const queues = serveQueues({ grid: queue('grid', []), verify: queue('verify', []) });
    const request = queues.mockImplementation(async (req: Req) => {
      if (req.url.endsWith('/v1/messages')) return { status: 200, data: { messages: [], unreadCount: 0, nextCursor: null } };
      if (req.url.endsWith('/v1/work/case-numbers/TH2611220007')) return { status: 200, data: { id: 'C07', caseNumber: 'TH2611220007' } };
      if (req.url.includes('/v1/work/case-numbers/')) return { status: 404, data: { error: { code: 'CASE.NOT_FOUND', message: '未找到该案件' } } };
      const q = /[?&]queue=([a-z]+)/.exec(req.url)?.[1] ?? '';
      return { status: 200, data: queue(q, []) };
    });
    const navigateTo = jest.spyOn(platform, 'navigateTo').mockImplementation(() => undefined);
    render(<WorkerDeskPage />);
    const search = await screen.findByRole('search', { name: '按受理编号查找' });
    const typeNumber = async (value: string) => {
      const input = await waitFor(() => {
        const inner = search.querySelector('input');
        if (!inner) throw new Error('no input yet');
        return inner;
      });
      fireEvent.input(input, { target: { value } });
    };

    // Act: half a number, then one outside the caller's reach, then a real one as heard
    await typeNumber('TH26112');
    fireEvent.click(within(search).getByText('查找'));
    const invalid = (await within(search).findByRole('alert')).textContent;
    const asked = request.mock.calls.filter(([r]) => r.url.includes('/case-numbers/')).length;
    await typeNumber('TH2611229999');
    fireEvent.click(within(search).getByText('查找'));
    const notFound = await within(search).findByText('没有找到这个受理编号，或该案件不在您的管辖范围内');
    await typeNumber('th 261122-0007');
    fireEvent.click(within(search).getByText('查找'));

    // Assess
    expect(invalid).toBe('请输入完整的受理编号，例如 TH2612080001');
    expect(asked).toBe(0);
    expect(notFound).toBeTruthy();
    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith('/worker/pages/case/index?id=C07'));
  });
});
