import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import MessagesPage from '../src/pages/messages/index';
import CasesPage from '../src/pages/cases/index';
import { platform } from '../src/services/platform';
import { mockServer, ok, queryOf, signedInAs } from './fixtures';

const msg = (id: string, title: string, body: string, read: boolean, at: string, caseId = 'C20261122ABCDEF') => ({ id, at, title, body, caseId, read });

const inbox = {
  messages: [
    msg('M3', '已办结，请评价', '您上报的“行道树倒伏”已处理完毕并核查通过，请对处理结果进行评价。', false, '2026-11-22T06:30:00.000Z'),
    msg('M2', '已派遣', '您上报的“行道树倒伏”已派遣到区园林局处理。', false, '2026-11-22T03:00:00.000Z'),
    msg('M1', '已受理', '您上报的“行道树倒伏”已立案。', true, '2026-11-22T02:00:00.000Z'),
  ],
  unreadCount: 2,
  nextCursor: 'page-2',
};

describe('消息', () => {
  signedInAs();

  it('lists each update with its title, body and Beijing time, unread ones marked in words, and the count on the tab', async () => {
    // Prepare
    mockServer({ 'GET /v1/messages': () => ok(inbox) });
    const badge = jest.spyOn(platform, 'setTabBadge').mockImplementation(() => undefined);

    // Act
    render(<MessagesPage />);

    // Assess
    const list = await screen.findByRole('list', { name: '消息' });
    expect(within(list).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['未读，已办结，请评价', '未读，已派遣', '已受理']);
    const first = within(list).getAllByRole('button')[0]!;
    expect(first.textContent).toContain('请对处理结果进行评价');
    expect(first.textContent).toContain('11月22日 14:30');
    expect(screen.getByText('2 条未读')).toBeTruthy();
    await waitFor(() => expect(badge).toHaveBeenLastCalledWith(2, 2));
  });

  it('opens the case of a message, marks it read and lowers the badge', async () => {
    // Prepare
    const requests = mockServer({ 'GET /v1/messages': () => ok(inbox), 'POST /v1/messages/read': () => ok({ unreadCount: 1 }) });
    const navigateTo = jest.spyOn(platform, 'navigateTo').mockImplementation(() => undefined);
    const badge = jest.spyOn(platform, 'setTabBadge').mockImplementation(() => undefined);
    render(<MessagesPage />);

    // Act
    fireEvent.click(await screen.findByRole('button', { name: '未读，已办结，请评价' }));

    // Assess
    expect(navigateTo).toHaveBeenCalledWith('/pages/case/index?id=C20261122ABCDEF&focus=result');
    expect(await screen.findByRole('button', { name: '已办结，请评价' })).toBeTruthy();
    expect(requests).toHaveBeenCalledWith(expect.objectContaining({ method: 'POST', url: expect.stringMatching(/\/v1\/messages\/read$/), data: { ids: ['M3'] } }));
    await waitFor(() => expect(badge).toHaveBeenLastCalledWith(2, 1));
    expect(screen.getByText('1 条未读')).toBeTruthy();
  });

  it('opens the booking of a booking message, and says 查看预约 on it', async () => {
    // Prepare
    const booked = { id: 'M9', at: '2026-11-22T07:00:00.000Z', title: '预约已确认', body: '网格员已确认 11月24日 14:00 上门办理“社保卡申领/补换”。', bookingId: 'B0123456789ABCDEF', read: false };
    mockServer({ 'GET /v1/messages': () => ok({ ...inbox, messages: [booked, ...inbox.messages] }), 'POST /v1/messages/read': () => ok({ unreadCount: 2 }) });
    const navigateTo = jest.spyOn(platform, 'navigateTo').mockImplementation(() => undefined);
    jest.spyOn(platform, 'setTabBadge').mockImplementation(() => undefined);
    render(<MessagesPage />);
    const row = await screen.findByRole('button', { name: '未读，预约已确认' });
    expect(row.textContent).toContain('查看预约');
    expect(screen.getByRole('button', { name: '未读，已办结，请评价' }).textContent).toContain('查看详情');

    // Act
    fireEvent.click(row);

    // Assess
    expect(navigateTo).toHaveBeenCalledWith('/bookings/pages/detail/index?id=B0123456789ABCDEF');
  });

  it('marks everything read at once: no unread left, badge removed', async () => {
    // Prepare
    const requests = mockServer({ 'GET /v1/messages': () => ok(inbox), 'POST /v1/messages/read': () => ok({ unreadCount: 0 }) });
    const badge = jest.spyOn(platform, 'setTabBadge').mockImplementation(() => undefined);
    render(<MessagesPage />);

    // Act
    fireEvent.click(await screen.findByText('全部标为已读'));

    // Assess
    await waitFor(() => expect(screen.queryByText(/条未读/)).toBeNull());
    expect(screen.queryByRole('button', { name: /^未读/ })).toBeNull();
    expect(requests).toHaveBeenCalledWith(expect.objectContaining({ method: 'POST', data: { all: true } }));
    expect(badge).toHaveBeenLastCalledWith(2, 0);
  });

  it('pages on 加载更多 without repeating a message', async () => {
    // Prepare
    const requests = mockServer({
      'GET /v1/messages': (req) =>
        queryOf(req).cursor === 'page-2'
          ? ok({ messages: [inbox.messages[2], msg('M0', '已提交', '您的上报已提交。', true, '2026-11-22T01:00:00.000Z')], unreadCount: 2, nextCursor: null })
          : ok(inbox),
    });
    jest.spyOn(platform, 'setTabBadge').mockImplementation(() => undefined);
    render(<MessagesPage />);

    // Act
    fireEvent.click(await screen.findByText('加载更多'));

    // Assess
    await screen.findByRole('button', { name: '已提交' });
    expect(within(screen.getByRole('list', { name: '消息' })).getAllByRole('button')).toHaveLength(4);
    expect(screen.getByText('没有更多了')).toBeTruthy();
    expect(queryOf(requests.mock.calls.at(-1)![0])).toMatchObject({ cursor: 'page-2', limit: '20' });
  });

  it('says what will arrive here when there is nothing yet', async () => {
    // Prepare
    mockServer({ 'GET /v1/messages': () => ok({ messages: [], unreadCount: 0, nextCursor: null }) });
    jest.spyOn(platform, 'setTabBadge').mockImplementation(() => undefined);

    // Act
    render(<MessagesPage />);

    // Assess
    expect(await screen.findByText('暂无消息。您上报或关注的问题有进展时，会在这里通知您。')).toBeTruthy();
  });

  it('keeps the badge up to date from the other tabs too', async () => {
    // Prepare
    mockServer({ 'GET /v1/messages': () => ok({ ...inbox, unreadCount: 5 }), 'GET /v1/cases': () => ok({ cases: [], nextCursor: null }) });
    const badge = jest.spyOn(platform, 'setTabBadge').mockImplementation(() => undefined);

    // Act
    render(<CasesPage />);

    // Assess
    await waitFor(() => expect(badge).toHaveBeenCalledWith(2, 5));
  });
});
