import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import type { LocalStack } from '@gridtong/functions/local/stack';
import { client } from '../support/client';
import { JOURNEY_MS, newPhone, settled, startJourney, stopJourney, visible, type Phone, signInWithCode } from '../support/browser';
import { expectBigTarget, expectBigText } from '../support/elder-floor';
import { reportOver, TEAM_GRID } from '../support/staff';

/**
 * Emergencies first and no dead ends, on the H5 build in headless Chromium at 390×844,
 * normal and 关怀模式: a gas leak opens on its advice and one-tap calls; a fire ends there;
 * a search that finds nothing reaches 其他问题 and 12345; a spot outside every grid explains
 * why and reaches the area picker; an open gas-leak case keeps its advice on the case page.
 */

const artifacts = join(__dirname, 'artifacts', 'safety-journey');

/** Far west of the demo 天河区: inside no grid. */
const OUTSIDE = { latitude: 23.02, longitude: 112.9, accuracy: 10 };

let stack: LocalStack;
let browser: Browser;

beforeAll(async () => {
  ({ stack, browser } = await startJourney(artifacts));
}, JOURNEY_MS);

afterAll(async () => {
  await stopJourney({ stack, browser });
});

// Taro keeps hidden pages in the DOM: only look at what is visible.
const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name }).filter({ visible: true }).first();
const textButton = (page: Page, text: string) => page.locator('.nut-button', { hasText: text }).filter({ visible: true }).first();
const heading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true }).filter({ visible: true }).first();
const region = (page: Page, name: string) => page.getByRole('region', { name }).filter({ visible: true }).first();

async function shot(page: Page, name: string): Promise<void> {
  await settled(page);
  await page.screenshot({ path: join(artifacts, `${name}.png`) });
}

async function login(page: Page, code: string, care: boolean): Promise<void> {
  await signInWithCode(page, stack.url, code, care);
  await region(page, '部件').waitFor();
}

/** A phone whose GPS puts it outside every grid. */
function phone(): Promise<Phone> {
  return newPhone(browser, { geolocation: OUTSIDE, permissions: ['geolocation'] });
}

async function journey(care: boolean): Promise<void> {
  const prefix = care ? 'care' : 'normal';
  const { context, page, errors } = await phone();
  try {
    await steps(page, care, prefix);
  } catch (e) {
    // What the resident saw when the journey broke, for whoever reads the failure.
    await page.screenshot({ path: join(artifacts, `${prefix}-failed.png`) }).catch(() => undefined);
    throw e;
  }
  expect(errors).toEqual([]);
  await context.close();
}

async function steps(page: Page, care: boolean, prefix: string): Promise<void> {
  await login(page, `dev-safety-${prefix}`, care);
  if (care) await visible(page, '.page.care').first().waitFor();

  // 1. 燃气泄漏: the advice and the calls before anything else.
  await button(page, '燃气泄漏').click();
  const advice = region(page, '请先注意安全');
  await advice.waitFor();
  await expect(heading(page, '安全提示').isVisible()).resolves.toBe(true);
  await expect(advice.textContent()).resolves.toContain('请立即远离现场，勿开关电器');
  await expect(visible(page, '.flow-item-description').first().textContent()).resolves.toContain('闻到燃气味');
  const gasCall = advice.getByRole('button', { name: '拨打燃气抢修电话 96833' });
  const fireCall = advice.getByRole('button', { name: '拨打119 火警电话 119' });
  await gasCall.waitFor();
  await fireCall.waitFor();
  // Above the fold: no scrolling to find the number.
  const box = await gasCall.boundingBox();
  expect(box!.y + box!.height).toBeLessThanOrEqual(844);
  if (care) {
    await expectBigText(visible(page, '.safety-text').first());
    await expectBigTarget(gasCall);
    await expectBigTarget(fireCall);
  }
  await shot(page, `${prefix}-01-gas-advice`);
  // A tap dials (a tel: link in H5, which headless Chromium cannot follow; the jsdom test checks the number dialled).

  // 2. Then the report: past photos to the location, where GPS puts the phone outside every grid.
  await textButton(page, '我已安全，继续上报').click();
  await heading(page, '拍照').waitFor();
  await settled(page);
  await textButton(page, '下一步').click();
  await heading(page, '位置').waitFor();
  const outside = page.locator('.outside').filter({ visible: true }).first();
  if (!(await outside.isVisible())) await textButton(page, '使用我当前的位置').click();
  await outside.waitFor();
  await expect(outside.textContent()).resolves.toContain('这个位置不在网格服务范围内');
  const hotline = outside.getByRole('button', { name: '拨打12345 市民服务热线电话 12345' });
  await hotline.waitFor();
  if (care) {
    await expectBigText(visible(page, '.outside .hint').first());
    await expectBigTarget(hotline);
  }
  await shot(page, `${prefix}-02-outside-grids`);
  await textButton(page, '按街道、社区、网格选择位置').click();
  const street = page.getByRole('radiogroup', { name: '街道' }).filter({ visible: true }).first();
  await street.waitFor();
  await expect(street.getByRole('radio').count()).resolves.toBeGreaterThanOrEqual(3);
  await shot(page, `${prefix}-03-area-picker`);

  // 3. A fire must never wait in a queue: the advice and 119, no report form.
  await page.goto(`${stack.url}/#/pages/index/index`);
  await region(page, '部件').waitFor();
  await button(page, '火灾').click();
  const fireAdvice = region(page, '请先注意安全');
  await fireAdvice.waitFor();
  await fireAdvice.getByRole('button', { name: '拨打119 火警电话 119' }).waitFor();
  const firePage = visible(page, '.page').filter({ hasText: '不在这里上报' }).first();
  await firePage.waitFor();
  await expect(firePage.locator('.flow-progress').count()).resolves.toBe(0);
  await expect(firePage.locator('.nut-button', { hasText: '下一步' }).count()).resolves.toBe(0);
  await shot(page, `${prefix}-04-fire-hotline-only`);

  // 4. A search that finds nothing reaches 其他问题, with 12345 beside it.
  await page.goto(`${stack.url}/#/pages/index/index`);
  const search = visible(page, '.menu-search input').first();
  await search.waitFor();
  await search.fill('楼上漏水');
  const results = region(page, '搜索事项');
  await results.waitFor();
  await expect(results.textContent()).resolves.toContain('没有找到相关事项');
  const otherButton = results.getByRole('button', { name: '其他问题' });
  const cityHotline = results.getByRole('button', { name: '拨打12345 市民服务热线电话 12345' });
  await otherButton.waitFor();
  await cityHotline.waitFor();
  if (care) {
    await expectBigTarget(otherButton);
    await expectBigTarget(cityHotline);
  }
  await shot(page, `${prefix}-05-search-miss`);
  await otherButton.click();
  await visible(page, '.flow-progress').first().waitFor();
  await expect(visible(page, '.flow-item-name').first().textContent()).resolves.toContain('其他问题');
  await shot(page, `${prefix}-06-other-item`);

  // 5. The open gas-leak case keeps its advice on the case page.
  const api = client(stack);
  const token = (await api.login(`dev-safety-${prefix}`)).token;
  const caseId = await reportOver(api, token, 'E0502', TEAM_GRID);
  await page.goto(`${stack.url}/#/pages/case/index?id=${caseId}`);
  const caseAdvice = region(page, '请先注意安全');
  await caseAdvice.waitFor();
  await expect(caseAdvice.textContent()).resolves.toContain('请立即远离现场');
  await caseAdvice.getByRole('button', { name: '拨打燃气抢修电话 96833' }).waitFor();
  await shot(page, `${prefix}-07-case-advice`);
}

describe('emergencies first, and no dead ends', () => {
  it('in the normal view', () => journey(false), JOURNEY_MS);
  it('in 关怀模式', () => journey(true), JOURNEY_MS);
});

