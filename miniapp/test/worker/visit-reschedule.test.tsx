import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import VisitsPage from '../../src/worker/pages/visits/index';
import { platform, type HttpRequest } from '../../src/services/platform';
import { mockServer, ok, queryOf, signedInAs, typeInto } from '../fixtures';
import { staffLogin, workerVisit } from './fixtures';

// A confirmed visit on Thursday 14:00.
const visit = (over: Parameters<typeof workerVisit>[0] = {}) => workerVisit({
  version: 2, status: 'confirmed', statusLabel: '已确认',
  start: '2026-11-26T06:00:00.000Z', end: '2026-11-26T06:30:00.000Z', slotLabel: '11月26日（周四）14:00',
  materials: [{ name: '本人居民身份证原件', required: true, ready: true }],
  availableActions: ['visited', 'noShow', 'reschedule'],
  timeline: [{ at: '2026-11-24T01:00:00.000Z', action: 'confirm', label: '网格员已确认' }],
  ...over,
});

const other = visit({ id: 'B0000000000OTHER1', start: '2026-11-26T02:00:00.000Z', end: '2026-11-26T02:30:00.000Z', service: { code: 'S01', name: '身份证换领', agency: '公安分局', visitMinutes: 30 } });

const slot = (date: string, time: string) => {
  const start = new Date(`${date}T${time}:00+08:00`).toISOString();
  return { workerId: 'W1', workerName: '李网格', start, end: new Date(Date.parse(start) + 30 * 60_000).toISOString(), date, time };
};
const slotsAnswer = (...slots: ReturnType<typeof slot>[]) => ({
  bookingId: 'B0123456789ABCDEF',
  visitMinutes: 20,
  days: [
    { date: '2026-11-27', label: '11月27日 周五', slots: slots.filter((s) => s.date === '2026-11-27') },
    { date: '2026-11-30', label: '11月30日 周一', slots: slots.filter((s) => s.date === '2026-11-30') },
  ],
});

const posts = (requests: jest.SpyInstance) => requests.mock.calls.map(([r]: [HttpRequest]) => r).filter((r) => r.method === 'POST');

describe('worker: a visit opened from a message, and 改时间', () => {
  signedInAs(staffLogin('gridWorker'));

  it('?booking= opens that visit on its own Beijing day, marked and scrolled to, with 回到今天 still there', async () => {
    // Prepare
    jest.spyOn(platform, 'pageParams').mockReturnValue({ booking: 'B0123456789ABCDEF' });
    const scroll = jest.spyOn(platform, 'scrollToSelector').mockImplementation(() => undefined);
    const requests = mockServer({
      'GET /v1/work/bookings/{id}': () => ok(visit()),
      'GET /v1/work/bookings': (req) => ok({ day: queryOf(req).day ?? '2026-11-24', bookings: queryOf(req).day === '2026-11-26' ? [other, visit()] : [] }),
    });

    // Act
    render(<VisitsPage />);

    // Assess
    expect(await screen.findByRole('heading', { name: '11月26日 周四 的上门代办' })).toBeTruthy();
    const card = await screen.findByRole('region', { name: '14:00–14:30 社保卡申领/补换，已确认' });
    expect(within(card).getByText('您从消息打开的预约')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: '10:00–10:30 身份证换领，已确认' })).queryByText('您从消息打开的预约')).toBeNull();
    await waitFor(() => expect(scroll).toHaveBeenCalledWith('#visit-B0123456789ABCDEF'));
    expect(await screen.findByText('回到今天')).toBeTruthy();
    const urls = requests.mock.calls.map(([r]: [HttpRequest]) => r.url.replace(/^.*\/v1/, ''));
    expect(urls[0]).toBe('/work/bookings/B0123456789ABCDEF');
    expect(urls).toContain('/work/bookings?day=2026-11-26');
  });

  it("the day strip says how many visits each day holds and how many wait for confirmation; a colleague's visit hides the contact", async () => {
    // Prepare
    const colleagues = visit({ id: 'B0000000000OTHER2', mine: false, address: undefined, contactPhone: undefined, note: undefined, workerName: '王网格' });
    mockServer({
      'GET /v1/work/bookings': (req) => ok({
        day: queryOf(req).day ?? '2026-11-26',
        bookings: [colleagues],
        ahead: [{ date: '2026-11-26', visits: 1, toConfirm: 0 }, { date: '2026-11-28', visits: 3, toConfirm: 2 }],
      }),
    });

    // Act
    render(<VisitsPage />);

    // Assess
    const chip = await screen.findByRole('radio', { name: '11月28日 周六，3 个上门，2 个待确认' });
    expect(chip.textContent).toBe('11月28日 周六3 个上门 · 2 待确认');
    expect(screen.getByRole('radio', { name: '今天 11月26日 周四，1 个上门' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: '11月27日 周五' })).toBeTruthy();
    const card = screen.getByRole('region', { name: '14:00–14:30 社保卡申领/补换，已确认' });
    expect(within(card).getByText('住址和电话仅负责的网格员可见')).toBeTruthy();
    expect(within(card).queryByText(/^地址：/)).toBeNull();
  });

  it('?booking= of a visit the worker cannot see says so and shows today', async () => {
    // Prepare
    jest.spyOn(platform, 'pageParams').mockReturnValue({ booking: 'B0123456789ABCDEF' });
    mockServer({
      'GET /v1/work/bookings/{id}': () => ({ status: 404, data: { error: { code: 'BOOKING.NOT_FOUND', message: '未找到该预约' } } }),
      'GET /v1/work/bookings': (req) => ok({ day: queryOf(req).day ?? '2026-11-24', bookings: [] }),
    });

    // Act
    render(<VisitsPage />);

    // Assess
    expect(await screen.findByText('没有找到消息里的这条预约：未找到该预约')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: '今天 11月24日 周二 的上门代办' })).toBeTruthy();
  });

  it('改时间 needs a new slot and a reason; a slot taken meanwhile says so and refreshes; then it moves', async () => {
    // Prepare
    jest.spyOn(platform, 'scrollToTop').mockImplementation(() => undefined);
    let slotCalls = 0;
    let attempts = 0;
    const requests = mockServer({
      'GET /v1/work/bookings': (req) => ok({ day: queryOf(req).day ?? '2026-11-26', bookings: [visit()] }),
      'GET /v1/work/bookings/{id}/slots': () => {
        slotCalls += 1;
        return ok(slotCalls === 1 ? slotsAnswer(slot('2026-11-27', '14:00'), slot('2026-11-27', '14:30'), slot('2026-11-30', '15:00')) : slotsAnswer(slot('2026-11-27', '14:30'), slot('2026-11-30', '15:00')));
      },
      'POST /v1/work/bookings/{id}/actions': (req) => {
        attempts += 1;
        if (attempts === 1) return { status: 409, data: { error: { code: 'BOOKING.SLOT_TAKEN', message: '这个时段刚刚被约走了' } } };
        const body = req.data as { start: string; reason: string };
        return ok(visit({ version: 3, start: body.start, end: new Date(Date.parse(body.start) + 30 * 60_000).toISOString(), timeline: [{ at: '2026-11-26T01:00:00.000Z', action: 'reschedule', label: '网格员改了时间', reason: body.reason }] }));
      },
    });
    render(<VisitsPage />);
    const card = await screen.findByRole('region', { name: '14:00–14:30 社保卡申领/补换，已确认' });

    // Act: open the panel; nothing picked, no reason → told in the card.
    fireEvent.click(within(card).getByRole('button', { name: '改时间' }));
    const form = await within(card).findByRole('form', { name: '改时间' });
    await within(form).findByRole('radio', { name: '11月27日 周五 14:00' });
    fireEvent.click(within(form).getByRole('button', { name: '确认：改时间' }));
    expect(within(form).getByRole('alert').textContent).toBe('请先点选一个新时间');
    fireEvent.click(within(form).getByRole('radio', { name: '11月27日 周五 14:00' }));
    fireEvent.click(within(form).getByRole('button', { name: '确认：改时间' }));
    expect(within(form).getByRole('alert').textContent).toBe('请填写原因');
    typeInto(within(form).getByLabelText('原因（必填，居民会看到）'), '当天要去街道开会，抱歉');
    fireEvent.click(within(form).getByRole('button', { name: '确认：改时间' }));

    // Assess: lost to someone else → the message, the list refreshed without that slot.
    expect((await within(form).findByRole('alert')).textContent).toBe('这个时段刚刚被约走了');
    await waitFor(() => expect(within(form).queryByRole('radio', { name: '11月27日 周五 14:00' })).toBeNull());
    fireEvent.click(within(form).getByRole('radio', { name: '11月30日 周一，1 个空闲' }));
    fireEvent.click(within(form).getByRole('radio', { name: '11月30日 周一 15:00' }));
    fireEvent.click(within(form).getByRole('button', { name: '确认：改时间' }));
    expect(await screen.findByText('已改到 11月30日 周一 15:00，居民会收到通知和您写的原因。')).toBeTruthy();
    expect(posts(requests).map((p) => p.data)).toEqual([
      { type: 'reschedule', version: 2, start: slot('2026-11-27', '14:00').start, reason: '当天要去街道开会，抱歉' },
      { type: 'reschedule', version: 2, start: slot('2026-11-30', '15:00').start, reason: '当天要去街道开会，抱歉' },
    ]);
    // Moved to another day: it leaves this day's list.
    expect(screen.queryByRole('region', { name: /社保卡申领\/补换/ })).toBeNull();
    expect(screen.getByText('这一天没有上门代办。')).toBeTruthy();
  }, 15_000);

  it('改时间 on a visit changed meanwhile shows the visit as it is now', async () => {
    // Prepare
    mockServer({
      'GET /v1/work/bookings': (req) => ok({ day: queryOf(req).day ?? '2026-11-26', bookings: [visit()] }),
      'GET /v1/work/bookings/{id}/slots': () => ok(slotsAnswer(slot('2026-11-27', '14:00'))),
      'POST /v1/work/bookings/{id}/actions': () => ({ status: 409, data: { error: { code: 'BOOKING.VERSION_CONFLICT', message: '预约已变化', current: visit({ version: 3, status: 'cancelled', statusLabel: '居民已取消', availableActions: [] }) } } }),
    });
    render(<VisitsPage />);
    const card = await screen.findByRole('region', { name: '14:00–14:30 社保卡申领/补换，已确认' });

    // Act
    fireEvent.click(within(card).getByRole('button', { name: '改时间' }));
    fireEvent.click(await within(card).findByRole('radio', { name: '11月27日 周五 14:00' }));
    typeInto(within(card).getByLabelText('原因（必填，居民会看到）'), '临时有事');
    fireEvent.click(within(card).getByRole('button', { name: '确认：改时间' }));

    // Assess
    expect(await screen.findByRole('region', { name: '14:00–14:30 社保卡申领/补换，居民已取消' })).toBeTruthy();
    expect(screen.getByText('这条预约刚刚有变化，已显示最新情况，请再确认一次。')).toBeTruthy();
  });
});
