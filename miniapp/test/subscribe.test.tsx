import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import CasePage from '../src/pages/case/index';
import { platform } from '../src/services/platform';
import { subscribe, templatesFor } from '../src/services/subscribe';
import { login, mockServer, ok, signedInAs } from './fixtures';

const sub = (kind: string, over: object = {}) => ({ kind, templateId: `tpl-${kind}`, longTerm: false, remaining: 0, accepted: false, ...over });
const offered = { subscriptions: [sub('accepted'), sub('progress'), sub('closed'), sub('needsInfo'), sub('booking')] };

const openCase = {
  id: 'C20261122ABCDEF', version: 3, status: 'dispatched', statusLabel: '已派遣', itemCode: '0401', itemName: '行道树倒伏', urgency: 'urgent',
  description: '树倒了', answers: {}, anonymous: false,
  location: { lat: 23.1, lng: 113.3, address: '天河路 1 号', gridCode: '440106001001001', gridName: '第一网格', communityName: '华康社区', streetName: '天河南街道' },
  photoUrls: [], departmentName: '区园林局', dispatchDeadline: '2026-11-22T10:00:00Z', followerCount: 0, urgeCount: 0, reopenRequested: false,
  createdAt: '2026-11-22T01:00:00Z', updatedAt: '2026-11-22T01:00:00Z', timelineView: [{ at: '2026-11-22T01:00:00Z', title: '您提交了上报' }], availableActions: ['urge'],
};

describe('subscribe prompt', () => {
  signedInAs(login, {
    before: () => {
      subscribe.reset();
      jest.spyOn(platform, 'pageParams').mockReturnValue({ id: 'C20261122ABCDEF' });
      jest.spyOn(platform, 'setTabBadge').mockImplementation(() => undefined);
    },
  });

  it('asks for at most three templates fitting the moment, and not again for a long-term one already accepted', () => {
    expect(templatesFor('submit', offered.subscriptions as never)).toEqual(['tpl-accepted', 'tpl-progress', 'tpl-closed']);
    expect(templatesFor('case', offered.subscriptions as never)).toEqual(['tpl-progress', 'tpl-closed', 'tpl-needsInfo']);
    const longTerm = offered.subscriptions.map((s) => (s.kind === 'progress' ? { ...s, longTerm: true, accepted: true } : s));
    expect(templatesFor('case', longTerm as never)).toEqual(['tpl-closed', 'tpl-needsInfo']);
  });

  it('in WeChat: a tap on 接收微信提醒 asks WeChat and reports the answers', async () => {
    // Prepare
    jest.replaceProperty(platform, 'name', 'weapp');
    const report = jest.fn((_req: { data?: unknown }) => ok(offered));
    const requests = mockServer({ 'GET /v1/cases/{id}': () => ok(openCase), 'GET /v1/subscriptions': () => ok(offered), 'POST /v1/subscriptions': report });
    const ask = jest.spyOn(platform, 'requestSubscribe').mockResolvedValue({ 'tpl-progress': 'accept', 'tpl-closed': 'accept', 'tpl-needsInfo': 'reject' });
    render(<CasePage />);
    const button = await screen.findByText('接收微信提醒');
    // The ids were fetched when the page opened, before any tap.
    await waitFor(() => expect(requests.mock.calls.some(([req]) => req.method === 'GET' && req.url.endsWith('/v1/subscriptions'))).toBe(true));
    await Promise.resolve();

    // Act
    fireEvent.click(button);

    // Assess
    expect(ask).toHaveBeenCalledWith(['tpl-progress', 'tpl-closed', 'tpl-needsInfo']);
    await screen.findByText('已开启提醒，有进展时会通知您。');
    expect(report.mock.calls[0]![0].data).toEqual({ results: { 'tpl-progress': 'accept', 'tpl-closed': 'accept', 'tpl-needsInfo': 'reject' } });
  });

  it('in WeChat: declining everything still says where updates go', async () => {
    // Prepare
    jest.replaceProperty(platform, 'name', 'weapp');
    mockServer({ 'GET /v1/cases/{id}': () => ok(openCase), 'GET /v1/subscriptions': () => ok(offered), 'POST /v1/subscriptions': () => ok(offered) });
    jest.spyOn(platform, 'requestSubscribe').mockResolvedValue({});
    render(<CasePage />);

    // Act
    fireEvent.click(await screen.findByText('接收微信提醒'));

    // Assess
    await screen.findByText('未开启微信提醒，进展仍会出现在“消息”中。');
  });

  it('on H5 there is no prompt and nothing is fetched or reported', async () => {
    // Prepare
    const requests = mockServer({ 'GET /v1/cases/{id}': () => ok(openCase) });
    const ask = jest.spyOn(platform, 'requestSubscribe');

    // Act
    render(<CasePage />);
    await screen.findByText('催办');

    // Assess
    expect(screen.queryByText('接收微信提醒')).toBeNull();
    expect(requests.mock.calls.some(([req]) => req.url.includes('/v1/subscriptions'))).toBe(false);
    await expect(subscribe.ask('submit')).resolves.toBe(false);
    expect(ask).not.toHaveBeenCalled();
  });

  it('the platform adapter itself asks nothing on H5', async () => {
    await expect(platform.requestSubscribe(['tpl-accepted'])).resolves.toBeUndefined();
  });
});
