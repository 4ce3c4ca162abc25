import { fireEvent, render, screen, within } from '@testing-library/react';
import HomePage from '../src/pages/index/index';
import { forgetCatalog } from '../src/services/catalog';
import { recordItemUse } from '../src/services/item-usage';
import { platform } from '../src/services/platform';
import { session } from '../src/services/session';
import { catalog, login, mockServer, ok, typeInto } from './fixtures';

const worker = { id: 'W1', name: '李网格', title: 'gridWorker', titleLabel: '网格员', phone: '13800000001', dutyHours: '08:30–17:30', onDuty: true };
const home = { source: 'picker', grid: { code: '440106001001001', name: '第一网格', landmark: '天河路以北' }, community: { code: '440106001001', name: '华康社区' }, street: { code: '440106001', name: '天河南街道' }, updatedAt: '2026-11-22T01:00:00Z' };

describe('home page: 我的网格员 and the 点菜 menu', () => {
  beforeEach(() => {
    forgetCatalog();
    session.save(login);
    platform.setItem('gridtong.careMode', 'off');
  });
  afterEach(() => {
    jest.restoreAllMocks();
    session.clear();
    platform.removeItem('gridtong.careMode');
    platform.removeItem('gridtong.itemUse');
  });

  it('groups active items by kind (部件 before 事件) and then by category', async () => {
    // Prepare
    mockServer({ 'GET /v1/catalog': () => ok(catalog), 'GET /v1/me': () => ok({ home: null }) });

    // Act
    render(<HomePage />);

    // Assess
    const component = await screen.findByRole('region', { name: '部件' });
    const event = screen.getByRole('region', { name: '事件' });
    expect(component.compareDocumentPosition(event) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    const facilities = within(component).getByRole('group', { name: '部件·公用设施' });
    expect(within(facilities).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['井盖破损', '路灯不亮']);
    const greenery = within(component).getByRole('group', { name: '部件·园林绿化' });
    expect(within(greenery).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['行道树倒伏']);
    expect(within(event).getByRole('group', { name: '事件·市容环境' })).toBeTruthy();
    expect(within(event).getByRole('group', { name: '事件·突发事件' })).toBeTruthy();
    // Inactive items are not offered.
    expect(screen.queryByText('绿地破坏')).toBeNull();
  });

  it('sends the bearer token and opens the report page for the tapped item', async () => {
    // Prepare
    const request = mockServer({ 'GET /v1/catalog': () => ok(catalog), 'GET /v1/me': () => ok({ home: null }) });
    const navigateTo = jest.spyOn(platform, 'navigateTo').mockImplementation(() => undefined);
    render(<HomePage />);

    // Act
    fireEvent.click(await screen.findByRole('button', { name: '行道树倒伏' }));

    // Assess
    expect(request).toHaveBeenCalledWith(expect.objectContaining({ method: 'GET', url: expect.stringMatching(/\/v1\/catalog$/), headers: { authorization: 'Bearer tok-123' } }));
    expect(navigateTo).toHaveBeenCalledWith('/pages/report/index?code=0401');
  });

  it('shows the server message and retries on 重试', async () => {
    // Prepare
    let calls = 0;
    mockServer({
      'GET /v1/catalog': () => (++calls === 1 ? { status: 500, data: { error: { code: 'INTERNAL', message: '服务器开小差了' } } } : ok(catalog)),
      'GET /v1/me': () => ok({ home: null }),
    });
    render(<HomePage />);
    expect(screen.getAllByRole('status').length).toBeGreaterThan(0);

    // Act
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('服务器开小差了');
    fireEvent.click(within(alert).getByText('重试'));

    // Assess
    expect(await screen.findByRole('button', { name: '井盖破损' })).toBeTruthy();
    expect(calls).toBe(2);
  });

  it('shows my grid worker with duty hours and calls them on tap', async () => {
    // Prepare
    mockServer({ 'GET /v1/catalog': () => ok(catalog), 'GET /v1/me': () => ok({ user: { userId: 'U1', role: 'resident', roleLabel: '居民', areas: [] }, home, workers: [worker] }) });
    const call = jest.spyOn(platform, 'makePhoneCall').mockImplementation(() => undefined);
    render(<HomePage />);

    // Act
    const card = await screen.findByRole('group', { name: '网格员 李网格' });
    fireEvent.click(within(card).getByRole('button', { name: '拨打 李网格 的电话' }));

    // Assess
    expect(card.textContent).toContain('在岗');
    expect(card.textContent).toContain('08:30–17:30');
    expect(call).toHaveBeenCalledWith('13800000001');
  });

  it('offers 设置住址 when no home grid is set', async () => {
    // Prepare
    mockServer({ 'GET /v1/catalog': () => ok(catalog), 'GET /v1/me': () => ok({ home: null }) });
    const navigateTo = jest.spyOn(platform, 'navigateTo').mockImplementation(() => undefined);
    render(<HomePage />);

    // Act
    const region = await screen.findByRole('region', { name: '我的网格员' });
    fireEvent.click(await within(region).findByText('设置住址'));

    // Assess
    expect(navigateTo).toHaveBeenCalledWith('/pages/address/index');
  });

  it('puts my most used items first and finds items by search', async () => {
    // Prepare
    recordItemUse('0102');
    recordItemUse('0401');
    recordItemUse('0401');
    mockServer({ 'GET /v1/catalog': () => ok(catalog), 'GET /v1/me': () => ok({ home: null }) });
    render(<HomePage />);

    // Act
    const frequent = await screen.findByRole('region', { name: '常用' });
    const order = within(frequent).getAllByRole('button').map((b) => b.getAttribute('aria-label'));
    const search = screen.getByLabelText('搜索事项');
    typeInto(search, '井盖');

    // Assess
    expect(order).toEqual(['行道树倒伏', '路灯不亮']);
    const results = await screen.findByRole('region', { name: '搜索事项' });
    expect(within(results).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['井盖破损']);
    expect(screen.queryByRole('region', { name: '部件' })).toBeNull();
  });
});
