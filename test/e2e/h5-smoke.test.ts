import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startLocalStack, type LocalStack } from '@gridtong/functions/local/stack';
import { CHROMIUM_ARGS, chromiumPath, ensureH5Build, h5Dir, JOURNEY_MS, UI_WAIT_MS } from '../support/browser';

/**
 * The H5 build of the mini-program against the real local stack, in Debian's Chromium:
 * log in with a demo account and see the catalog menu.
 */

const artifacts = join(__dirname, 'artifacts');

let stack: LocalStack | undefined;
let context: BrowserContext | undefined;
let userDataDir: string | undefined;

beforeAll(async () => {
  await ensureH5Build();
  stack = await startLocalStack({ port: 0, h5Dir, quiet: true });
  userDataDir = mkdtempSync(join(tmpdir(), 'gridtong-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
  });
  context.setDefaultTimeout(UI_WAIT_MS);
  context.setDefaultNavigationTimeout(UI_WAIT_MS);
}, JOURNEY_MS);

afterAll(async () => {
  await context?.close();
  await stack?.stop();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

// Taro keeps hidden pages in the DOM: only look at what is visible.
const visible = (page: Page, selector: string) => page.locator(selector).filter({ visible: true });

it('a resident logs in with a demo account and sees the catalog menu', async () => {
  const page = await context!.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  // No session yet: the home page sends us to login, which lists the demo accounts.
  await page.goto(stack!.url);
  const resident = visible(page, '[role="button"][aria-label$="，居民"]').first();
  await resident.waitFor();
  expect(page.url()).toContain('#/pages/login/index');
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, 'h5-login.png') });

  await resident.click();

  // Back on the home page with the menu: 部件 before 事件, each with real items.
  const components = visible(page, '[role="region"][aria-label="部件"]');
  const events = visible(page, '[role="region"][aria-label="事件"]');
  await components.waitFor();
  await events.waitFor();
  await expect(components.locator('.kind-title').textContent()).resolves.toBe('部件');
  await expect(events.locator('.kind-title').textContent()).resolves.toBe('事件');

  const items = visible(page, '.menu-item[role="button"]');
  const names = (await items.allTextContents()).map((t) => t.trim());
  expect(names.length).toBeGreaterThanOrEqual(10);
  const firstName = await items.first().getAttribute('aria-label');
  expect(firstName).toBeTruthy();

  await page.screenshot({ path: join(artifacts, 'h5-home.png') });

  // Tapping an item opens the report page for it.
  await items.first().click();
  await visible(page, '.flow-item-name').waitFor();
  await expect(visible(page, '.flow-item-name').textContent()).resolves.toContain(firstName!);
  // The old page slides out; wait until the menu is gone before taking the picture.
  await components.waitFor({ state: 'hidden' });
  await page.screenshot({ path: join(artifacts, 'h5-report.png') });

  expect(pageErrors).toEqual([]);
}, JOURNEY_MS);
