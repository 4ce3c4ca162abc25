import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import BookPage from '../src/bookings/pages/book/index';
import { forgetCatalog } from '../src/services/catalog';
import { platform, type HttpRequest } from '../src/services/platform';
import { subscribe } from '../src/services/subscribe';
import { catalog, login, mockServer, ok, signedInAs, typeInto } from './fixtures';

const socialCard = {
  code: 'S04', name: '社保卡申领/补换', agency: '区人力资源和社会保障局', description: '', visitMinutes: 20,
  materials: [{ name: '本人居民身份证原件', required: true }],
};
const start = '2026-11-24T06:00:00.000Z';
const slotsAnswer = {
  service: socialCard,
  gridCode: '440106001001001',
  days: [{ date: '2026-11-24', label: '11月24日 周二', slots: [{ workerId: 'W1', workerName: '李网格', start, end: '2026-11-24T06:30:00.000Z', date: '2026-11-24', time: '14:00' }] }],
};
const created = {
  id: 'B0123456789ABCDEF', version: 1, status: 'requested', statusLabel: '待确认',
  service: { code: 'S04', name: '社保卡申领/补换', agency: '区人力资源和社会保障局', visitMinutes: 20 },
  workerName: '李网格', start, end: '2026-11-24T06:30:00.000Z', slotLabel: '11月24日（周二）14:00',
  materials: [], address: '榕溪东路 8 号', changeDeadline: '2026-11-24T04:00:00.000Z', reschedulesLeft: 2,
  availableActions: ['cancel'], timeline: [], createdAt: '2026-11-24T01:00:00.000Z',
};
const sub = (kind: string) => ({ kind, templateId: `tpl-${kind}`, longTerm: false, remaining: 0, accepted: false });
const offered = { subscriptions: ['accepted', 'progress', 'closed', 'needsInfo', 'booking'].map(sub) };

/** Service → (materials) → slot → address → the review step, where 确认预约 waits. */
async function walkToConfirm() {
  fireEvent.click(await screen.findByRole('button', { name: '社保卡申领/补换' }));
  fireEvent.click(screen.getByText('下一步'));
  fireEvent.click(await screen.findByRole('radio', { name: '14:00，网格员 李网格' }));
  fireEvent.click(screen.getByText('下一步'));
  typeInto(screen.getByLabelText('上门地址（必填）'), '榕溪东路 8 号');
  fireEvent.click(screen.getByText('下一步'));
  return screen.findByText('确认预约');
}

const hits = (requests: jest.SpyInstance, method: string, path: string) =>
  requests.mock.calls.filter(([req]: [HttpRequest]) => req.method === method && req.url.split('?')[0]!.endsWith(path)).length;

describe('代办预约: asking for booking updates on the confirm tap', () => {
  signedInAs(login, {
    before: () => {
      forgetCatalog();
      subscribe.reset();
      jest.spyOn(platform, 'scrollToTop').mockImplementation(() => undefined);
    },
  });

  it('in WeChat: the tap that confirms the booking asks for the booking template and reports the answer', async () => {
    // Prepare
    jest.replaceProperty(platform, 'name', 'weapp');
    const report = jest.fn((_req: HttpRequest) => ok(offered));
    const requests = mockServer({
      'GET /v1/catalog': () => ok({ ...catalog, services: [socialCard] }),
      'GET /v1/bookings/slots': () => ok(slotsAnswer),
      'POST /v1/bookings': () => ok(created, 201),
      'GET /v1/subscriptions': () => ok(offered),
      'POST /v1/subscriptions': report,
    });
    const ask = jest.spyOn(platform, 'requestSubscribe').mockResolvedValue({ 'tpl-booking': 'accept' });
    const redirectTo = jest.spyOn(platform, 'redirectTo').mockImplementation(() => undefined);
    render(<BookPage />);
    const confirm = await walkToConfirm();
    // The template ids were fetched when the page opened, before the tap.
    expect(hits(requests, 'GET', '/v1/subscriptions')).toBe(1);
    expect(ask).not.toHaveBeenCalled();

    // Act
    fireEvent.click(confirm);

    // Assess: asked within the tap, the booking is made either way.
    expect(ask).toHaveBeenCalledWith(['tpl-booking']);
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith('/bookings/pages/detail/index?id=B0123456789ABCDEF&created=1'));
    await waitFor(() => expect(report).toHaveBeenCalled());
    expect(report.mock.calls[0]![0].data).toEqual({ results: { 'tpl-booking': 'accept' } });
    expect(hits(requests, 'POST', '/v1/bookings')).toBe(1);
  });

  it('on H5: nothing is fetched or asked, and the booking goes through', async () => {
    // Prepare
    const requests = mockServer({
      'GET /v1/catalog': () => ok({ ...catalog, services: [socialCard] }),
      'GET /v1/bookings/slots': () => ok(slotsAnswer),
      'POST /v1/bookings': () => ok(created, 201),
    });
    const ask = jest.spyOn(platform, 'requestSubscribe');
    const redirectTo = jest.spyOn(platform, 'redirectTo').mockImplementation(() => undefined);
    render(<BookPage />);

    // Act
    fireEvent.click(await walkToConfirm());

    // Assess
    await waitFor(() => expect(redirectTo).toHaveBeenCalled());
    expect(ask).not.toHaveBeenCalled();
    expect(hits(requests, 'GET', '/v1/subscriptions')).toBe(0);
    expect(hits(requests, 'POST', '/v1/subscriptions')).toBe(0);
  });
});
