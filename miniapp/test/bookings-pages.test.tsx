import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import BookPage from '../src/bookings/pages/book/index';
import BookingDetailPage from '../src/bookings/pages/detail/index';
import { forgetCatalog } from '../src/services/catalog';
import { platform, type HttpRequest } from '../src/services/platform';
import { catalog, login, mockServer, ok, signedInAs, typeInto } from './fixtures';

const socialCard = {
  code: 'S04', name: '社保卡申领/补换', agency: '区人力资源和社会保障局', description: '', visitMinutes: 20,
  materials: [{ name: '本人居民身份证原件', required: true }, { name: '数码相片回执', required: false, note: '首次申领需提供' }],
};

const slot = (date: string, time: string, worker = '李网格') => {
  const start = new Date(`${date}T${time}:00+08:00`).toISOString();
  return { workerId: 'W1', workerName: worker, start, end: new Date(Date.parse(start) + 30 * 60_000).toISOString(), date, time };
};

const slotsAnswer = {
  service: { ...socialCard, materials: socialCard.materials.map((m) => ({ ...m, required: m.required })) },
  gridCode: '440106001001001',
  days: [
    { date: '2026-11-24', label: '11月24日 周二', slots: [slot('2026-11-24', '14:00'), slot('2026-11-24', '14:30')] },
    { date: '2026-11-25', label: '11月25日 周三', slots: [] },
    { date: '2026-11-26', label: '11月26日 周四', slots: [slot('2026-11-26', '14:00')] },
  ],
};

const booking = (over: object = {}) => ({
  id: 'B0123456789ABCDEF', version: 1, status: 'requested', statusLabel: '待确认',
  service: { code: 'S04', name: '社保卡申领/补换', agency: '区人力资源和社会保障局', visitMinutes: 20 },
  workerName: '李网格', start: '2026-11-24T06:00:00.000Z', end: '2026-11-24T06:30:00.000Z', slotLabel: '11月24日（周二）14:00',
  materials: [{ name: '本人居民身份证原件', required: true, ready: true }, { name: '数码相片回执', required: false, ready: false }],
  address: '榕溪东路 8 号 3 栋 502', changeDeadline: '2026-11-24T04:00:00.000Z', reschedulesLeft: 2,
  availableActions: ['cancel', 'reschedule'], timeline: [{ at: '2026-11-24T01:00:00.000Z', action: 'request', label: '提交预约' }],
  createdAt: '2026-11-24T01:00:00.000Z',
  ...over,
});

const bodyOf = (req: HttpRequest) => req.data as Record<string, unknown>;

describe('代办预约: booking a visit', () => {
  signedInAs(login, {
    before: () => forgetCatalog(),
  });

  it('walks service → materials → slot → address → confirm, and a lost race offers the next free slots with the same key', async () => {
    // Prepare
    let attempts = 0;
    const requests = mockServer({
      'GET /v1/catalog': () => ok({ ...catalog, services: [socialCard] }),
      'GET /v1/bookings/slots': () => ok(slotsAnswer),
      'POST /v1/bookings': (req) => {
        attempts += 1;
        if (attempts === 1) {
          return { status: 409, data: { error: { code: 'BOOKING.SLOT_TAKEN', message: '这个时段刚刚被其他居民约走了', current: { nextSlots: [slot('2026-11-24', '14:30'), slot('2026-11-26', '14:00')] } } } };
        }
        return ok(booking({ start: bodyOf(req).start }), 201);
      },
    });
    const redirectTo = jest.spyOn(platform, 'redirectTo').mockImplementation(() => undefined);
    jest.spyOn(platform, 'scrollToTop').mockImplementation(() => undefined);
    render(<BookPage />);

    // Act: service, one material ticked, the first slot of the first day with slots.
    fireEvent.click(await screen.findByRole('button', { name: '社保卡申领/补换' }));
    const idCard = screen.getByRole('checkbox', { name: '本人居民身份证原件' });
    fireEvent.click(idCard);
    expect(idCard.getAttribute('aria-checked')).toBe('true');
    expect(screen.getByText('已备好 1 / 2 项')).toBeTruthy();
    fireEvent.click(screen.getByText('下一步'));
    fireEvent.click(await screen.findByRole('radio', { name: '14:00，网格员 李网格' }));
    expect(screen.getByRole('radio', { name: '11月25日 周三，无空闲' })).toBeTruthy();
    fireEvent.click(screen.getByText('下一步'));
    // No address: told in the page, not moved on.
    fireEvent.click(screen.getByText('下一步'));
    expect(screen.getByRole('alert').textContent).toBe('请填写上门地址，网格员才能找到您家');
    typeInto(screen.getByLabelText('上门地址（必填）'), '榕溪东路 8 号 3 栋 502');
    typeInto(screen.getByLabelText('联系电话（选填）'), '13800138000');
    fireEvent.click(screen.getByText('下一步'));
    const review = await screen.findByRole('region', { name: '请核对预约信息' });
    expect(within(review).getByText('2026-11-24 14:00')).toBeTruthy();
    expect(within(review).getByText('本人居民身份证原件')).toBeTruthy();
    fireEvent.click(screen.getByText('确认预约'));

    // Assess: the race is lost; the next free slots are right there.
    expect((await screen.findByRole('alert')).textContent).toMatch(/刚刚被别人约走了/);
    const offered = screen.getByRole('radiogroup', { name: '重新选择时间' });
    fireEvent.click(within(offered).getByRole('radio', { name: '11月26日 14:00，网格员 李网格' }));
    fireEvent.click(screen.getByText('确认预约'));
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith('/bookings/pages/detail/index?id=B0123456789ABCDEF&created=1'));
    const posts = requests.mock.calls.map((c) => c[0]).filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(bodyOf(posts[0]!)).toEqual({ serviceCode: 'S04', workerId: 'W1', start: slot('2026-11-24', '14:00').start, materialsReady: ['本人居民身份证原件'], address: '榕溪东路 8 号 3 栋 502', contactPhone: '13800138000', note: undefined });
    expect(bodyOf(posts[1]!).start).toBe(slot('2026-11-26', '14:00').start);
    // One draft, one key, whatever the retries.
    const keys = posts.map((p) => p.headers?.['idempotency-key']);
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(keys[1]).toBe(keys[0]);
  }, 15_000);

  it('sends a resident without a home to 我的住址 from the slot step', async () => {
    // Prepare
    mockServer({
      'GET /v1/catalog': () => ok({ ...catalog, services: [socialCard] }),
      'GET /v1/bookings/slots': () => ({ status: 409, data: { error: { code: 'BOOKING.HOME_REQUIRED', message: '请先在“我的住址”中设置您住在哪个网格' } } }),
    });
    const navigateTo = jest.spyOn(platform, 'navigateTo').mockImplementation(() => undefined);
    jest.spyOn(platform, 'scrollToTop').mockImplementation(() => undefined);
    render(<BookPage />);

    // Act
    fireEvent.click(await screen.findByRole('button', { name: '社保卡申领/补换' }));
    fireEvent.click(screen.getByText('下一步'));
    fireEvent.click(await screen.findByText('设置住址'));

    // Assess
    expect(screen.getByRole('alert').textContent).toMatch(/我的住址/);
    expect(navigateTo).toHaveBeenCalledWith('/pages/address/index');
  });
});

describe('代办预约: my booking', () => {
  signedInAs(login, {
    before: () => {
      jest.spyOn(platform, 'pageParams').mockReturnValue({ id: 'B0123456789ABCDEF' });
      jest.spyOn(platform, 'scrollToTop').mockImplementation(() => undefined);
    },
  });

  it('shows status, materials and timeline, and cancels in the page with a reason (no pop-up)', async () => {
    // Prepare
    const requests = mockServer({
      'GET /v1/bookings/{id}': () => ok(booking()),
      'POST /v1/bookings/{id}/actions': (req) => ok(booking({ version: 2, status: 'cancelled', statusLabel: '已取消', availableActions: [], timeline: [...booking().timeline, { at: '2026-11-24T02:00:00.000Z', action: 'cancel', label: '已取消预约', reason: bodyOf(req).reason }] })),
    });
    const alert = jest.spyOn(platform, 'alert');
    render(<BookingDetailPage />);

    // Act
    expect(await screen.findByRole('status', { name: '当前状态：待确认' })).toBeTruthy();
    expect(screen.getByText('✓ 已备好')).toBeTruthy();
    expect(screen.getByText('还可改约 2 次')).toBeTruthy();
    fireEvent.click(screen.getByText('取消预约'));
    const form = screen.getByRole('form', { name: '取消预约' });
    typeInto(within(form).getByLabelText('取消原因（选填）'), '家人已帮忙办好');
    fireEvent.click(within(form).getByText('确认取消'));

    // Assess
    expect(await screen.findByRole('status', { name: '当前状态：已取消' })).toBeTruthy();
    expect(screen.getByText('预约已取消')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: '办理进度' })).getAllByRole('listitem')[0]!.getAttribute('aria-label')).toMatch(/已取消预约$/);
    expect(screen.queryByText('取消预约')).toBeNull();
    expect(alert).not.toHaveBeenCalled();
    const post = requests.mock.calls.map((c) => c[0]).find((r) => r.method === 'POST')!;
    expect(post.data).toEqual({ type: 'cancel', version: 1, reason: '家人已帮忙办好' });
  });

  it('rates a completed visit with one of five faces', async () => {
    // Prepare
    const done = booking({ version: 6, status: 'completed', statusLabel: '已办结', availableActions: ['rate'] });
    const requests = mockServer({
      'GET /v1/bookings/{id}': () => ok(done),
      'POST /v1/bookings/{id}/actions': () => ok({ ...done, version: 7, availableActions: [], rating: { level: 'satisfied', label: '满意', comment: '很耐心' } }),
    });
    render(<BookingDetailPage />);

    // Act
    const faces = await screen.findByRole('radiogroup', { name: '评价' });
    expect(within(faces).getAllByRole('radio').map((r) => r.getAttribute('aria-label'))).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    fireEvent.click(screen.getByText('提交评价'));
    expect(screen.getByRole('alert').textContent).toBe('请先选择一个评价');
    fireEvent.click(within(faces).getByRole('radio', { name: '满意' }));
    typeInto(screen.getByLabelText('想说的话（选填）'), '很耐心');
    fireEvent.click(screen.getByText('提交评价'));

    // Assess
    expect(await screen.findByText('感谢您的评价')).toBeTruthy();
    expect(screen.getByText('我的评价')).toBeTruthy();
    expect(screen.queryByRole('radiogroup', { name: '评价' })).toBeNull();
    expect(requests.mock.calls.map((c) => c[0]).find((r) => r.method === 'POST')!.data).toEqual({ type: 'rate', version: 6, level: 'satisfied', comment: '很耐心' });
  });

  it('on a version conflict shows the booking as it now is', async () => {
    // Prepare
    mockServer({
      'GET /v1/bookings/{id}': () => ok(booking()),
      'POST /v1/bookings/{id}/actions': () => ({ status: 409, data: { error: { code: 'BOOKING.VERSION_CONFLICT', message: '预约已有新进展', current: booking({ version: 2, status: 'confirmed', statusLabel: '已确认' }) } } }),
    });
    render(<BookingDetailPage />);

    // Act
    fireEvent.click(await screen.findByText('取消预约'));
    fireEvent.click(screen.getByText('确认取消'));

    // Assess
    expect(await screen.findByRole('status', { name: '当前状态：已确认' })).toBeTruthy();
    expect(screen.getByText('这个预约刚刚有了新进展，已为您显示最新情况，请再看一下。')).toBeTruthy();
  });
});
