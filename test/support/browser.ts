import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { startLocalStack, type LocalStack } from '@gridtong/functions/local/stack';

/** What every Chromium test drives: the H5 build of the mini-program, served by the local stack. */
export const miniappDir = resolve(__dirname, '../../miniapp');
export const h5Dir = join(miniappDir, 'dist/h5');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium from hanging on a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const SOURCES = [join(miniappDir, 'src'), resolve(__dirname, '../../shared/src')];
const LOCK = join(miniappDir, '.h5-build.lock');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  const index = join(h5Dir, 'index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return SOURCES.every((dir) => newestMtime(dir) <= built);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Makes sure the H5 build matches the sources: `npm test` builds it once before jest, so
 * this normally finds it fresh. Otherwise one test file builds it while the others (jest
 * runs files in parallel) wait on a lock directory, so two builds never write dist/ at once.
 */
export async function ensureH5Build(timeoutMs = 600_000): Promise<void> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  const deadline = Date.now() + timeoutMs;
  while (!isFresh()) {
    let mine = false;
    try {
      mkdirSync(LOCK);
      mine = true;
    } catch {
      // Someone else is building: wait for them, then look again.
      if (Date.now() > deadline) throw new Error(`the H5 build did not finish in time (lock ${LOCK})`);
      await sleep(1000);
      continue;
    }
    try {
      if (!isFresh()) {
        // jest sets NODE_ENV=test, which would give a development bundle: build for production.
        execFileSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: miniappDir, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
      }
    } finally {
      if (mine) rmdirSync(LOCK);
    }
  }
}

/** A Chromium journey's parts: the local stack serving the H5 build, and the browser. */
export interface Journey {
  stack: LocalStack;
  browser: Browser;
}

/** Builds H5 if stale, starts the local stack serving it (with `options`), launches Chromium, and makes the screenshot folder. */
export async function startJourney(artifactsDir: string, options: Parameters<typeof startLocalStack>[0] = {}): Promise<Journey> {
  await ensureH5Build();
  const stack = await startLocalStack({ port: 0, h5Dir, quiet: true, ...options });
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
  mkdirSync(artifactsDir, { recursive: true });
  return { stack, browser };
}

export async function stopJourney(journey: Partial<Journey> | undefined): Promise<void> {
  await journey?.browser?.close();
  await journey?.stack?.stop();
}

/** Taro keeps hidden pages in the DOM: only look at what is visible. */
export const visible = (page: Page, selector: string): Locator => page.locator(selector).filter({ visible: true });

/**
 * How long a journey waits for something the user should see before calling it missing. A guard,
 * never a pause: every wait ends the moment the state is on screen. Generous, because CI shares two
 * cores with the builds and the other suites, and a slow answer is not a wrong one.
 */
export const UI_WAIT_MS = 90_000;
/** A whole journey's jest timeout: many waits, each bounded by UI_WAIT_MS. */
export const JOURNEY_MS = 900_000;

export interface Phone {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors of the page, for the journey to assert there were none. */
  errors: string[];
}

/** A fresh phone (390 × 844, zh-CN, its own storage) for one person; every wait on it is bounded by UI_WAIT_MS. */
export async function newPhone(browser: Browser, options: BrowserContextOptions = {}): Promise<Phone> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', ...options });
  context.setDefaultTimeout(UI_WAIT_MS);
  context.setDefaultNavigationTimeout(UI_WAIT_MS);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

/**
 * Waits until the screen is still, as a person would before looking: no transition or finite
 * animation running (a spinner's endless turn does not count), every toast gone, fonts loaded.
 */
export async function settled(page: Page): Promise<void> {
  // Evaluated in the page (this package has no DOM types): the same test as a person's eye.
  await page.waitForFunction(`(() => {
    const moving = document.getAnimations().some((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity);
    const toast = [...document.querySelectorAll('.taro__toast')].some((e) => e.style.display !== 'none' && getComputedStyle(e).opacity !== '0');
    return !moving && !toast;
  })()`);
  await page.evaluate('document.fonts.ready.then(() => true)');
}

/** A fresh phone for one person, signed in with their demo account. */
export async function signInOnPhone(journey: Journey, accountLabel: string): Promise<Phone> {
  const phone = await newPhone(journey.browser);
  const { page } = phone;
  await page.goto(journey.stack.url);
  const account = visible(page, `[role="button"][aria-label="${accountLabel}"]`).first();
  await account.click();
  await visible(page, '[role="region"][aria-label="部件"]').first().waitFor();
  return phone;
}

/**
 * Signs in on the login page with a login code, then answers the home page's 关怀模式 offer
 * (`care`: 开启 or 暂不开启). `atOffer` runs while the offer is on screen (a screenshot of it).
 */
export async function signInWithCode(page: Page, url: string, code: string, care: boolean, atOffer?: () => Promise<void>): Promise<void> {
  await page.goto(url);
  const input = visible(page, 'input').first();
  await input.waitFor();
  await input.fill(code);
  await page.locator('.nut-button', { hasText: '用登录码登录' }).filter({ visible: true }).first().click();
  const offer = page.getByRole('region', { name: '要开启关怀模式吗？' }).filter({ visible: true });
  await offer.waitFor();
  await atOffer?.();
  await offer.locator('.nut-button', { hasText: care ? '开启' : '暂不开启' }).first().click();
  await offer.waitFor({ state: 'hidden' });
}
