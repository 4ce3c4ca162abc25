import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import CasePage from '../src/pages/case/index';
import { platform } from '../src/services/platform';
import { login, mockServer, ok, signedInAs, typeInto } from './fixtures';

const closedCase = (over: object = {}) => ({
  id: 'C20261122ABCDEF', version: 9, status: 'closed', statusLabel: '已结案', itemCode: '0401', itemName: '行道树倒伏', urgency: 'urgent',
  description: '树倒了', answers: {}, anonymous: false,
  location: { lat: 23.1, lng: 113.3, address: '天河路 1 号', gridCode: '440106001001001', gridName: '第一网格', communityName: '华康社区', streetName: '天河南街道' },
  photoUrls: [], departmentName: '区园林局', dispatchDeadline: '2026-11-22T10:00:00Z', followerCount: 0, urgeCount: 0, reopenRequested: false,
  createdAt: '2026-11-22T01:00:00Z', updatedAt: '2026-11-22T06:00:00Z', closedAt: '2026-11-22T06:00:00Z',
  timelineView: [{ at: '2026-11-22T06:00:00Z', title: '核查通过，已办结' }],
  availableActions: ['rate'],
  ...over,
});

describe('评价 and 申请重办', () => {
  signedInAs(login, {
    before: () => {
      jest.spyOn(platform, 'pageParams').mockReturnValue({ id: 'C20261122ABCDEF' });
      jest.spyOn(platform, 'setTabBadge').mockImplementation(() => undefined);
    },
  });

  it('rates a finished case with a face, tags and a comment', async () => {
    // Prepare
    const act = jest.fn((_req: { data?: unknown }) => ok(closedCase({ version: 10, status: 'rated', availableActions: [], rating: { level: 'satisfied', comment: '很快', ratedAt: '2026-11-22T07:00:00Z' } })));
    mockServer({ 'GET /v1/cases/{id}': () => ok(closedCase()), 'POST /v1/cases/{id}/actions': act });
    render(<CasePage />);
    const panel = await screen.findByRole('region', { name: '评价处理结果' });

    // Act
    fireEvent.click(within(panel).getByText('提交评价'));
    const refused = await within(panel).findByRole('alert');
    fireEvent.click(within(panel).getByRole('radio', { name: '满意' }));
    fireEvent.click(within(panel).getByRole('checkbox', { name: '处理及时' }));
    fireEvent.click(within(panel).getByRole('checkbox', { name: '态度好' }));
    fireEvent.click(within(panel).getByRole('checkbox', { name: '态度好' }));
    typeInto(panel.querySelector('.text-area')!, ' 很快 ');
    fireEvent.click(within(panel).getByText('提交评价'));

    // Assess
    expect(refused.textContent).toBe('请先选择满意程度');
    expect(within(panel).getAllByRole('radio').map((r) => r.getAttribute('aria-label'))).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    await screen.findByText('感谢您的评价！');
    expect(act).toHaveBeenCalledTimes(1);
    expect(act.mock.calls[0]![0].data).toEqual({ type: 'rate', level: 'satisfied', tags: ['处理及时'], comment: '很快', version: 9 });
    const mine = screen.getByRole('region', { name: '我的评价' });
    expect(mine.textContent).toContain('满意');
    expect(screen.queryByRole('region', { name: '评价处理结果' })).toBeNull();
    expect(screen.queryByRole('region', { name: '申请重办' })).toBeNull();
  });

  it('after 不满意 offers 申请重办, which needs a reason, then waits for the centre', async () => {
    // Prepare
    const bad = { level: 'dissatisfied', comment: '', ratedAt: '2026-11-22T07:00:00Z' };
    const act = jest.fn((req: { data?: unknown }) => {
      const body = req.data as { type: string };
      return body.type === 'rate'
        ? ok(closedCase({ version: 10, status: 'rated', rating: bad, availableActions: ['requestReopen'] }))
        : ok(closedCase({ version: 11, status: 'rated', rating: bad, reopenRequested: true, availableActions: [] }));
    });
    mockServer({ 'GET /v1/cases/{id}': () => ok(closedCase()), 'POST /v1/cases/{id}/actions': act });
    render(<CasePage />);

    // Act
    fireEvent.click(await screen.findByRole('radio', { name: '不满意' }));
    fireEvent.click(screen.getByText('提交评价'));
    const reopen = await screen.findByRole('region', { name: '申请重办' });
    fireEvent.click(within(reopen).getByText('提交重办申请'));
    const missing = await within(reopen).findByRole('alert');
    typeInto(reopen.querySelector('.text-area')!, '树干还压在路边');
    fireEvent.click(within(reopen).getByText('提交重办申请'));

    // Assess
    expect(missing.textContent).toBe('请填写申请重办的原因');
    await screen.findByText('重办申请已提交，审核结果会通知您。');
    expect(act.mock.calls.map((c) => c[0].data)).toEqual([
      { type: 'rate', level: 'dissatisfied', version: 9 },
      { type: 'requestReopen', reason: '树干还压在路边', version: 10 },
    ]);
    expect(screen.getByRole('region', { name: '我的评价' }).textContent).toContain('已申请重办，等待指挥中心审核。');
    expect(screen.queryByRole('region', { name: '申请重办' })).toBeNull();
  });

  it('a case that changed meanwhile is reloaded, not rated blindly', async () => {
    // Prepare
    let reads = 0;
    mockServer({
      'GET /v1/cases/{id}': () => ok(reads++ === 0 ? closedCase() : closedCase({ version: 10, status: 'unrated', availableActions: [] })),
      'POST /v1/cases/{id}/actions': () => ({ status: 409, data: { error: { code: 'CASE.VERSION_CONFLICT', message: '案件已更新' } } }),
    });
    render(<CasePage />);

    // Act
    fireEvent.click(await screen.findByRole('radio', { name: '非常满意' }));
    fireEvent.click(screen.getByText('提交评价'));

    // Assess
    await screen.findByText('这件上报刚刚有了新进展，已为您刷新，请再看一下。');
    await waitFor(() => expect(screen.queryByRole('region', { name: '评价处理结果' })).toBeNull());
  });

  it('shows a refusal (e.g. the window closed) in the card, where it stays', async () => {
    // Prepare
    mockServer({
      'GET /v1/cases/{id}': () => ok(closedCase()),
      'POST /v1/cases/{id}/actions': () => ({ status: 422, data: { error: { code: 'CASE.PRECONDITION_FAILED', message: '评价期已过' } } }),
    });
    render(<CasePage />);

    // Act
    fireEvent.click(await screen.findByRole('radio', { name: '基本满意' }));
    fireEvent.click(screen.getByText('提交评价'));

    // Assess
    const panel = screen.getByRole('region', { name: '评价处理结果' });
    expect((await within(panel).findByRole('alert')).textContent).toBe('评价期已过');
  });

  it('a follower votes on a finished case they follow, counted apart; a repeat says the first counts', async () => {
    // Prepare
    const followed = {
      relation: 'followed', id: 'C20261122ABCDEF', version: 10, itemCode: '0401', itemName: '行道树倒伏', status: 'rated', statusLabel: '已评价',
      reportedAt: '2026-11-22T01:00:00Z', updatedAt: '2026-11-22T07:00:00Z', followerCount: 3,
      location: { gridName: '第一网格', communityName: '华康社区', streetName: '天河南街道' }, departmentName: '区园林局', photoUrl: null,
      timelineView: [{ at: '2026-11-22T06:00:00Z', title: '核查通过，已办结' }], availableActions: [],
    };
    let votes = 0;
    const vote = jest.fn((_req: { data?: unknown }) => ok({ level: 'satisfied', counted: votes++ === 0 }));
    mockServer({ 'GET /v1/cases/{id}': () => ok(followed), 'POST /v1/cases/{id}/vote': vote });
    render(<CasePage />);
    const panel = await screen.findByRole('region', { name: '您觉得处理得怎么样？' });

    // Act
    fireEvent.click(within(panel).getByRole('radio', { name: '满意' }));
    fireEvent.click(within(panel).getByText('提交'));
    const first = await within(panel).findByText('感谢您的评价！');
    fireEvent.click(within(panel).getByText('提交'));

    // Assess
    expect(first).toBeTruthy();
    await within(panel).findByText('您已经评价过这件上报，以第一次为准。');
    expect(vote.mock.calls.map((c) => c[0].data)).toEqual([{ level: 'satisfied' }, { level: 'satisfied' }]);
    expect(screen.queryByRole('region', { name: '评价处理结果' })).toBeNull();
  });
});
