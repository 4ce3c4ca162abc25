import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import CasePage from '../src/pages/case/index';
import CasesPage from '../src/pages/cases/index';
import MePage from '../src/pages/me/index';
import { platform } from '../src/services/platform';
import { session } from '../src/services/session';
import { login, mockServer, ok, queryOf, signedInAs, typeInto } from './fixtures';

const summary = (id: string, status: string, relation: 'reported' | 'followed', extra: object = {}) => ({
  id, itemCode: '0401', itemName: '行道树倒伏', status, statusLabel: status, address: '天河路 1 号', createdAt: '2026-11-22T01:00:00Z', updatedAt: '2026-11-22T01:00:00Z', since: '2026-11-22T01:00:00Z',
  relation, followerCount: 0, nextDeadline: null, warningStage: 'none', warningLabel: '', ...extra,
});

const view = (over: object = {}) => ({
  id: 'C20261122ABCDEF', caseNumber: 'TH2611220001', version: 3, status: 'submitted', statusLabel: '已上报', itemCode: '0401', itemName: '行道树倒伏', urgency: 'urgent',
  description: '树倒了', answers: {}, anonymous: false,
  location: { lat: 23.1, lng: 113.3, address: '天河路 1 号', gridCode: '440106001001001', gridName: '第一网格', communityName: '华康社区', streetName: '天河南街道' },
  photoUrls: ['https://s3.test/p1.jpg'], departmentName: null, dispatchDeadline: '2026-11-22T10:00:00Z', followerCount: 2, urgeCount: 0, reopenRequested: false,
  createdAt: '2026-11-22T01:00:00Z', updatedAt: '2026-11-22T01:00:00Z',
  timelineView: [{ at: '2026-11-22T01:00:00Z', title: '您提交了上报' }],
  availableActions: ['cancel', 'urge'],
  ...over,
});

describe('我的上报', () => {
  signedInAs();

  it('lists my reports and the ones I follow with plain status tags, and pages on 加载更多', async () => {
    // Prepare
    const requests = mockServer({
      'GET /v1/cases': (req) =>
        queryOf(req).cursor === 'next-1'
          ? ok({ cases: [summary('C3', 'dispatched', 'reported')], nextCursor: null })
          : ok({ cases: [summary('C1', 'submitted', 'reported', { caseNumber: 'TH2611220001', nextDeadline: { kind: 'dispatch', at: '2026-11-22T10:00:00Z', label: '11月22日 18:00 前派遣' } }), summary('C2', 'filed', 'followed', { warningStage: 'orange', warningLabel: '橙色预警' })], nextCursor: 'next-1' }),
    });
    const navigateTo = jest.spyOn(platform, 'navigateTo').mockImplementation(() => undefined);
    render(<CasesPage />);

    // Act
    const mine = await screen.findByRole('button', { name: '行道树倒伏，已提交' });
    const followed = screen.getByRole('button', { name: '行道树倒伏，已立案，我关注的' });
    fireEvent.click(screen.getByText('加载更多'));

    // Assess
    expect(mine.textContent).toContain('11月22日 18:00 前派遣');
    expect(mine.textContent).toContain('受理编号 TH 261122 0001');
    expect(followed.textContent).toContain('橙色预警');
    await screen.findByRole('button', { name: '行道树倒伏，已派遣' });
    expect(screen.getByText('没有更多了')).toBeTruthy();
    expect(queryOf(requests.mock.calls.at(-1)![0])).toMatchObject({ cursor: 'next-1' });
    fireEvent.click(mine);
    expect(navigateTo).toHaveBeenCalledWith('/pages/case/index?id=C1');
  });

  it('shows the six steps, the timeline, the photos and only the actions the server allows', async () => {
    // Prepare
    jest.spyOn(platform, 'pageParams').mockReturnValue({ id: 'C20261122ABCDEF' });
    const act = jest.fn(() => ok(view({ version: 4, urgeCount: 1, availableActions: ['cancel'] })));
    mockServer({ 'GET /v1/cases/{id}': () => ok(view()), 'POST /v1/cases/{id}/actions': act });
    const preview = jest.spyOn(platform, 'previewImages').mockImplementation(() => undefined);
    render(<CasePage />);

    // Act
    const steps = await screen.findByRole('list', { name: '办理进度' });
    fireEvent.click(screen.getByRole('button', { name: '查看大图，第 1 张照片' }));
    fireEvent.click(screen.getByText('催办'));

    // Assess
    expect(within(steps).getAllByRole('listitem').map((s) => s.getAttribute('aria-label'))).toEqual(['提交，进行中', '立案', '派遣', '处置', '核查', '评价']);
    // The case page names the case by its 受理编号, never by its long id.
    expect(screen.getByText('受理编号 TH 261122 0001')).toBeTruthy();
    expect(screen.queryByText(/C20261122ABCDEF/)).toBeNull();
    expect(screen.getByRole('region', { name: '办理记录' }).textContent).toContain('您提交了上报');
    expect(screen.getByText('待分派')).toBeTruthy();
    expect(preview).toHaveBeenCalledWith(['https://s3.test/p1.jpg'], 'https://s3.test/p1.jpg');
    expect(screen.queryByText('补充信息')).toBeNull();
    await screen.findByText('已催办，处理人员会看到您的催促。');
    expect(act).toHaveBeenCalledWith(expect.objectContaining({ data: { type: 'urge', version: 3 } }), { id: 'C20261122ABCDEF' });
    await waitFor(() => expect(screen.queryByText('催办')).toBeNull());
  });

  it('answers a request for more information with 补充信息', async () => {
    // Prepare
    jest.spyOn(platform, 'pageParams').mockReturnValue({ id: 'C20261122ABCDEF' });
    const act = jest.fn(() => ok(view({ version: 5, status: 'submitted', availableActions: ['cancel', 'urge'] })));
    mockServer({
      'GET /v1/cases/{id}': () => ok(view({ version: 4, status: 'needsInfo', availableActions: ['supplement', 'cancel'], timelineView: [{ at: '2026-11-22T02:00:00Z', title: '工作人员请您补充信息', detail: '请拍一张树根的照片' }] })),
      'POST /v1/cases/{id}/actions': act,
    });
    render(<CasePage />);
    await screen.findByText('请拍一张树根的照片');

    // Act
    typeInto(screen.getByLabelText('补充信息'), '树根已经翘起来了');
    fireEvent.click(screen.getByText('提交补充'));

    // Assess
    await screen.findByText('已提交补充信息');
    expect(act).toHaveBeenCalledWith(expect.objectContaining({ data: { type: 'supplement', text: '树根已经翘起来了', photos: [], version: 4 } }), { id: 'C20261122ABCDEF' });
    expect(screen.queryByText('提交补充')).toBeNull();
  });

  it('a stale version (409) refreshes the case instead of overwriting it', async () => {
    // Prepare
    jest.spyOn(platform, 'pageParams').mockReturnValue({ id: 'C20261122ABCDEF' });
    let reads = 0;
    mockServer({
      'GET /v1/cases/{id}': () => ok(++reads === 1 ? view() : view({ version: 5, status: 'filed', availableActions: ['urge'] })),
      'POST /v1/cases/{id}/actions': () => ({ status: 409, data: { error: { code: 'CASE.VERSION_CONFLICT', message: '该上报已有新进展' } } }),
    });
    jest.spyOn(platform, 'alert').mockResolvedValue(true);
    render(<CasePage />);

    // Act
    fireEvent.click(await screen.findByText('撤销上报'));

    // Assess
    await screen.findByText('这件上报刚刚有了新进展，已为您刷新，请再看一下。');
    await waitFor(() => expect(screen.queryByText('撤销上报')).toBeNull());
    expect(reads).toBe(2);
  });
});

describe('a followed case', () => {
  beforeEach(() => session.save(login));
  afterEach(() => {
    jest.restoreAllMocks();
    session.clear();
  });

  it('shows the follower view (no reporter text) and stops following on 取消关注', async () => {
    // Prepare
    jest.spyOn(platform, 'pageParams').mockReturnValue({ id: 'C20261122ABCDEF' });
    const unfollow = jest.fn(() => ok({ caseId: 'C20261122ABCDEF', following: false, followerCount: 1 }));
    mockServer({
      'GET /v1/cases/{id}': () =>
        ok({
          relation: 'followed', id: 'C20261122ABCDEF', version: 3, itemCode: '0401', itemName: '行道树倒伏', status: 'dispatched', statusLabel: '已派遣',
          reportedAt: '2026-11-22T01:00:00Z', updatedAt: '2026-11-22T02:00:00Z', followerCount: 2,
          location: { gridName: '第一网格', communityName: '华康社区', streetName: '天河南街道' }, departmentName: '区园林绿化所', photoUrl: null,
          timelineView: [{ at: '2026-11-22T02:00:00Z', title: '已派遣到处理部门' }], availableActions: [],
        }),
      'DELETE /v1/cases/{id}/follow': unfollow,
    });
    render(<CasePage />);

    // Act
    await screen.findByText('区园林绿化所');
    fireEvent.click(screen.getByText('取消关注'));

    // Assess
    expect(screen.getByText('天河南街道 华康社区 第一网格')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: '办理进度' })).getAllByRole('listitem').map((s) => s.getAttribute('aria-label'))).toEqual(['提交，已完成', '立案，已完成', '派遣，已完成', '处置，进行中', '核查', '评价']);
    expect(screen.queryByText('催办')).toBeNull();
    await screen.findByText('已取消关注');
    expect(unfollow).toHaveBeenCalledTimes(1);
  });
});

describe('关怀模式', () => {
  beforeEach(() => session.save(login));
  afterEach(() => {
    jest.restoreAllMocks();
    session.clear();
    platform.removeItem('gridtong.careMode');
  });

  it('switches the tokens of every page from 我的 and remembers the choice', async () => {
    // Prepare
    platform.setItem('gridtong.careMode', 'off');
    mockServer({ 'GET /v1/me': () => ok({ home: null }) });
    const { container } = render(<MePage />);
    const toggle = await screen.findByRole('switch', { name: '关怀模式（长辈版）' });
    expect(container.querySelector('.page')!.classList.contains('care')).toBe(false);

    // Act
    fireEvent.click(toggle);

    // Assess
    await waitFor(() => expect(container.querySelector('.page')!.classList.contains('care')).toBe(true));
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    expect(platform.getItem('gridtong.careMode')).toBe('on');
  });

  it('follows WeChat’s large font setting until the resident chooses', async () => {
    // Prepare
    jest.spyOn(platform, 'fontSizeSetting').mockReturnValue(22);
    mockServer({ 'GET /v1/me': () => ok({ home: null }) });

    // Act
    const { container } = render(<MePage />);

    // Assess
    await screen.findByRole('switch', { name: '关怀模式（长辈版）' });
    expect(container.querySelector('.page')!.classList.contains('care')).toBe(true);
  });
});
