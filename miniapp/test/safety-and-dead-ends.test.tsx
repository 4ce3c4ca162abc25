import { fireEvent, render, screen, within } from '@testing-library/react';
import type { CatalogItem } from '@gridtong/shared/schemas/catalog';
import HomePage from '../src/pages/index/index';
import ReportPage from '../src/pages/report/index';
import { forgetCatalog, groupCatalog } from '../src/services/catalog';
import { draftStore } from '../src/services/draft-store';
import { platform } from '../src/services/platform';
import { catalog, item, login, mockServer, ok, signedInAs, typeInto } from './fixtures';

const gas: CatalogItem = {
  ...item('E0502', '燃气泄漏', 'event', '突发事件', '🔥'),
  description: '闻到燃气味、燃气管道或表具损坏。',
  safetyNotice: '请立即远离现场，勿开关电器，到户外安全处拨打燃气抢修电话。',
  hotlines: [{ name: '燃气抢修', number: '96833', byDistrict: { '440106': '020-83000000' } }, { name: '119 火警', number: '119' }],
  minPhotos: 0,
};
const fire: CatalogItem = {
  ...item('E0505', '火灾', 'event', '突发事件', '🧯'),
  safetyNotice: '请立即拨打 119，沿安全通道撤离。',
  hotlines: [{ name: '119 火警', number: '119' }],
  hotlineOnly: true,
};
const other: CatalogItem = {
  ...item('E9901', '其他问题', 'event', '其他事件', '❓'),
  description: '菜单里找不到的问题，请描述清楚。',
  hotlines: [{ name: '12345 市民服务热线', number: '12345' }],
  minPhotos: 0,
  descriptionRequired: true,
};
// 其他问题 listed first on purpose: the menu must still end with it.
const safetyCatalog = { ...catalog, items: [other, ...catalog.items, gas, fire] };

const here = { lat: 22.5, lng: 114.1, coord: 'wgs84' as const, address: '' };
const heading = (name: string) => screen.findByRole('heading', { name });

function reportPage(code: string, overrides: Parameters<typeof mockServer>[0] = {}) {
  jest.spyOn(platform, 'pageParams').mockReturnValue({ code });
  jest.spyOn(platform, 'currentLocation').mockResolvedValue(here);
  const call = jest.spyOn(platform, 'makePhoneCall').mockImplementation(() => undefined);
  const requests = mockServer({
    'GET /v1/catalog': () => ok(safetyCatalog),
    'GET /v1/cases/nearby': () => ok({ cases: [] }),
    ...overrides,
  });
  render(<ReportPage />);
  return { call, requests };
}

describe('emergencies first', () => {
  signedInAs(login, {
    before: () => forgetCatalog(),
    after: () => ['E0502', 'E0505', 'E9901'].forEach((c) => draftStore.discard(c)),
  });

  it('opens a gas leak on its advice and one-tap calls, before anything else', async () => {
    // Prepare + Act
    const { call, requests } = reportPage('E0502');

    // Assess: step 1 is the advice; nothing was asked of the network beyond the catalog.
    await heading('安全提示');
    expect(screen.getByText(/第 1 步，共 6 步/)).toBeTruthy();
    const advice = screen.getByRole('region', { name: '请先注意安全' });
    expect(advice.textContent).toContain('请立即远离现场，勿开关电器');
    expect(screen.getByText('闻到燃气味、燃气管道或表具损坏。')).toBeTruthy();
    const calls = within(advice).getAllByRole('button').map((b) => b.getAttribute('aria-label'));
    expect(calls).toEqual(['拨打燃气抢修电话 96833', '拨打119 火警电话 119']);
    expect(requests.mock.calls.map(([r]) => r.url).filter((u) => !u.includes('/v1/catalog'))).toEqual([]);

    fireEvent.click(within(advice).getByRole('button', { name: '拨打燃气抢修电话 96833' }));
    expect(call).toHaveBeenCalledWith('96833');

    // Then the resident can report.
    fireEvent.click(screen.getByText('我已安全，继续上报'));
    await heading('拍照');
    expect(screen.queryByRole('region', { name: '请先注意安全' })).toBeNull();
  });

  it('shows the advice in 关怀模式 too', async () => {
    platform.setItem('gridtong.careMode', 'on');
    reportPage('E0502');

    await heading('安全提示');
    expect(document.querySelector('.page.care')).not.toBeNull();
    expect(screen.getByRole('region', { name: '请先注意安全' }).textContent).toContain('勿开关电器');
  });

  it('ends a hotline-only item at the advice and the calls: no steps, no report', async () => {
    const { call } = reportPage('E0505');

    const advice = await screen.findByRole('region', { name: '请先注意安全' });
    fireEvent.click(within(advice).getByRole('button', { name: '拨打119 火警电话 119' }));

    expect(call).toHaveBeenCalledWith('119');
    expect(screen.getByText(/不在这里上报/)).toBeTruthy();
    expect(screen.queryByText(/第 1 步/)).toBeNull();
    expect(screen.queryByText('下一步')).toBeNull();
    expect(draftStore.load('E0505')).toBeUndefined();
  });

  it('asks 其他问题 for a description before going on', async () => {
    draftStore.save({ ...draftStore.create('E9901'), step: 'details' });
    reportPage('E9901');
    await heading('问题描述');

    fireEvent.click(screen.getByText('下一步'));
    const problem = await screen.findByRole('alert');
    expect(problem.textContent).toBe('请描述遇到的问题');
    expect(screen.getByText('问题描述（必填）')).toBeTruthy();

    typeInto(screen.getByLabelText('问题描述'), '小区门口的井盖每晚都响');
    fireEvent.click(screen.getByText('下一步'));
    await heading('确认提交');
  });
});

describe('no dead ends', () => {
  signedInAs(login, {
    before: () => forgetCatalog(),
    after: () => {
      draftStore.discard('E0502');
      platform.removeItem('gridtong.itemUse');
    },
  });

  it('always ends the menu with 其他问题', () => {
    const groups = groupCatalog(safetyCatalog.items);
    const last = groups.at(-1)!.categories.at(-1)!.items.at(-1)!;

    expect(last.code).toBe('E9901');
    expect(groups.flatMap((g) => g.categories.flatMap((c) => c.items)).filter((i) => i.code === 'E9901')).toHaveLength(1);
  });

  it('offers 其他问题 and 12345 when a search finds nothing', async () => {
    // Prepare
    mockServer({ 'GET /v1/catalog': () => ok(safetyCatalog), 'GET /v1/me': () => ok({ home: null }) });
    const navigateTo = jest.spyOn(platform, 'navigateTo').mockImplementation(() => undefined);
    const call = jest.spyOn(platform, 'makePhoneCall').mockImplementation(() => undefined);
    render(<HomePage />);

    // Act
    typeInto(await screen.findByLabelText('搜索事项'), '楼上漏水');
    const results = await screen.findByRole('region', { name: '搜索事项' });

    // Assess
    expect(results.textContent).toContain('没有找到相关事项');
    fireEvent.click(within(results).getByRole('button', { name: '其他问题' }));
    expect(navigateTo).toHaveBeenCalledWith('/pages/report/index?code=E9901');
    fireEvent.click(within(results).getByRole('button', { name: '拨打12345 市民服务热线电话 12345' }));
    expect(call).toHaveBeenCalledWith('12345');
  });

  it('shows what an item covers in the search results', async () => {
    mockServer({ 'GET /v1/catalog': () => ok(safetyCatalog), 'GET /v1/me': () => ok({ home: null }) });
    render(<HomePage />);

    typeInto(await screen.findByLabelText('搜索事项'), '燃气');
    const results = await screen.findByRole('region', { name: '搜索事项' });

    expect(within(results).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['燃气泄漏']);
    expect(results.textContent).toContain('闻到燃气味、燃气管道或表具损坏。');
  });

  it('explains a spot outside the grids and offers the area picker and 12345', async () => {
    // Prepare: past the advice, at the location step.
    draftStore.save({ ...draftStore.create('E0502'), step: 'location' });
    const areas = { streets: [{ code: '440106001', name: '天河南街道', communities: [] }] };
    const { call } = reportPage('E0502', {
      'GET /v1/grids/locate': () => ({ status: 404, data: { error: { code: 'GRID.NOT_FOUND', message: '该位置不在服务范围内' } } }),
      'GET /v1/areas': () => ok(areas),
    });
    await heading('位置');

    // Act
    fireEvent.click(screen.getByText('使用我当前的位置'));
    const outside = await screen.findByRole('alert');

    // Assess
    expect(outside.textContent).toContain('这个位置不在网格服务范围内');
    expect(outside.textContent).toContain('12345');
    fireEvent.click(within(outside).getByRole('button', { name: '拨打12345 市民服务热线电话 12345' }));
    expect(call).toHaveBeenCalledWith('12345');
    fireEvent.click(within(outside).getByText('按街道、社区、网格选择位置'));
    expect(await screen.findByRole('radio', { name: '天河南街道' })).toBeTruthy();
  });
});
