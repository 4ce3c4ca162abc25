import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ListMessagesResponse } from '@gridtong/shared/api/messages';
import WorkMessagesPage from '../../src/worker/pages/messages/index';
import { platform } from '../../src/services/platform';
import { session } from '../../src/services/session';
import { staffLogin } from './fixtures';

const inbox: ListMessagesResponse = {
  messages: [
    { id: 'M2', at: '2026-11-22T02:00:00.000Z', title: '案件已退单', body: '井盖破损被区市政退单：不属于本部门', caseId: 'C01HZXTESTCASE0002', read: false },
    { id: 'M1', at: '2026-11-21T08:00:00.000Z', title: '新案件待立案', body: '榕溪东社区第1网格有一件新上报：行道树倒伏', caseId: 'C01HZXTESTCASE0001', read: true },
  ],
  unreadCount: 1,
  nextCursor: null,
};

describe('worker desk: messages', () => {
  afterEach(() => {
    jest.restoreAllMocks();
    session.clear();
  });

  it('lists messages newest first, opens the case and marks the message read', async () => {
    // Prepare
    session.save(staffLogin('dispatcher', { areas: ['440106001'] }));
    const request = jest.spyOn(platform, 'request').mockImplementation(async (req) => (
      req.method === 'GET' ? { status: 200, data: inbox } : { status: 200, data: { unreadCount: 0 } }
    ));
    const navigateTo = jest.spyOn(platform, 'navigateTo').mockImplementation(() => undefined);
    render(<WorkMessagesPage />);
    const list = await screen.findByRole('list', { name: '消息' });
    expect(within(list).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['未读，案件已退单', '新案件待立案']);

    // Act
    fireEvent.click(within(list).getByRole('button', { name: '未读，案件已退单' }));

    // Assess
    expect(navigateTo).toHaveBeenCalledWith('/worker/pages/case/index?id=C01HZXTESTCASE0002');
    expect(await within(list).findByRole('button', { name: '案件已退单' })).toBeTruthy();
    expect(request).toHaveBeenLastCalledWith(expect.objectContaining({ method: 'POST', url: expect.stringMatching(/\/v1\/messages\/read$/), data: { ids: ['M2'] } }));
    expect(screen.queryByRole('button', { name: '全部已读' })).toBeNull();
  });

  // 代办 visits: a booking message opens the visit on the worker's calendar.
  it('opens a booking message on the 上门代办 calendar at that visit', async () => {
    // Prepare
    session.save(staffLogin('gridWorker'));
    const booked = { id: 'M3', at: '2026-11-22T03:00:00.000Z', title: '新的代办预约', body: '11月24日（周二）14:00 社保卡申领/补换，请尽快确认。', bookingId: 'B0123456789ABCDEF', read: false };
    jest.spyOn(platform, 'request').mockImplementation(async (req) => (
      req.method === 'GET' ? { status: 200, data: { ...inbox, messages: [booked, ...inbox.messages] } } : { status: 200, data: { unreadCount: 1 } }
    ));
    const navigateTo = jest.spyOn(platform, 'navigateTo').mockImplementation(() => undefined);
    render(<WorkMessagesPage />);

    // Act
    fireEvent.click(await screen.findByRole('button', { name: '未读，新的代办预约' }));

    // Assess
    expect(navigateTo).toHaveBeenCalledWith('/worker/pages/visits/index?booking=B0123456789ABCDEF');
  });

  it('marks everything read at once', async () => {
    // Prepare
    session.save(staffLogin('gridWorker'));
    const request = jest.spyOn(platform, 'request').mockImplementation(async (req) => (
      req.method === 'GET' ? { status: 200, data: inbox } : { status: 200, data: { unreadCount: 0 } }
    ));
    render(<WorkMessagesPage />);

    // Act
    fireEvent.click(await screen.findByRole('button', { name: '全部已读' }));

    // Assess
    expect(await screen.findByRole('button', { name: '案件已退单' })).toBeTruthy();
    expect(request).toHaveBeenLastCalledWith(expect.objectContaining({ method: 'POST', data: { all: true } }));
  });

  it('says what will arrive here when there is nothing yet', async () => {
    // Prepare
    session.save(staffLogin('departmentHandler', { departmentId: 'D440106-CG', areas: ['440106'] }));
    jest.spyOn(platform, 'request').mockResolvedValue({ status: 200, data: { messages: [], unreadCount: 0, nextCursor: null } });

    // Act
    render(<WorkMessagesPage />);

    // Assess
    expect(await screen.findByText('暂无消息。新案件、退单、催办和预警会在这里提醒您。')).toBeTruthy();
  });
});
