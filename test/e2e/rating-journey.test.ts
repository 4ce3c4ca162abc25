import { join } from 'node:path';
import { type Browser, type Locator, type Page } from 'playwright-core';
import type { LocalStack } from '@gridtong/functions/local/stack';
import { JOURNEY_MS, settled, signInOnPhone, startJourney, stopJourney, visible } from '../support/browser';
import { client, uploadPhoto } from '../support/client';
import { expectBigTarget, expectBigText } from '../support/elder-floor';
import { mustAct, reportOver, TEAM_GRID } from '../support/staff';

/**
 * Rating and reopening, in the H5 build in Chromium against the local stack: the
 * resident opens 消息, sees the case 已办结 and its 处理结果 (the department's notes and its
 * 处置后 photo) above the rating, rates 不满意 and asks for 重办; the dispatcher approves on the
 * desk; after re-handling the resident, now in 关怀模式, sees the new result and rates 满意; the
 * community's figures on 首页 change. One screenshot per step (390×844) in artifacts/, normal
 * and 关怀模式.
 */

const artifacts = join(__dirname, 'artifacts', 'rating');

let stack: LocalStack | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  // The deliverer runs when the test says so (after each step), as the table's stream would.
  ({ stack, browser } = await startJourney(artifacts, { timers: false }));
}, JOURNEY_MS);

afterAll(async () => {
  await stopJourney({ stack, browser });
});

const byLabel = (page: Page, role: string, name: string): Locator => visible(page, `[role="${role}"][aria-label="${name}"]`);
// A tab's text is its label and, when it has one, the badge's count (rendered before the label).
const tab = (page: Page, name: string): Locator => visible(page, '.weui-tabbar__item').filter({ hasText: new RegExp(`^(\\d+|99\\+)?${name}$`) });

let shot = 0;
async function snap(page: Page, name: string): Promise<void> {
  await settled(page);
  shot += 1;
  await page.screenshot({ path: join(artifacts, `${String(shot).padStart(2, '0')}-${name}.png`), fullPage: false });
}

/** A fresh phone for one person, signed in with their demo account. */
const signIn = (accountLabel: string) => signInOnPhone({ stack: stack!, browser: browser! }, accountLabel);

/** The figures on 首页 as a resident reads them: label → value. */
async function figures(page: Page): Promise<Record<string, string>> {
  const list = visible(page, '[role="list"]').filter({ has: page.locator('.figure') }).first();
  await list.waitFor();
  await list.scrollIntoViewIfNeeded();
  const labels = await list.locator('[role="listitem"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  return Object.fromEntries(labels.map((l) => l.split('：') as [string, string]));
}

/** A small photo a browser can show (a cleared pavement, in paint), made by Chromium's own encoder. */
async function afterPhoto(): Promise<Uint8Array> {
  const page = await browser!.newPage();
  const base64 = await page.evaluate(async () => {
    // Runs in the page: the DOM is there, though this package is typed for Node.
    const canvas = (globalThis as any).document.createElement('canvas');
    canvas.width = 800;
    canvas.height = 600;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#9cc7e8';
    ctx.fillRect(0, 0, 800, 260);
    ctx.fillStyle = '#8d8d8d';
    ctx.fillRect(0, 260, 800, 340);
    ctx.fillStyle = '#f2f2f2';
    for (let x = 20; x < 800; x += 160) ctx.fillRect(x, 420, 90, 18);
    ctx.fillStyle = '#3f7d3a';
    ctx.beginPath();
    ctx.arc(660, 170, 110, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#6b4a2b';
    ctx.fillRect(645, 250, 30, 120);
    const blob = await new Promise<Blob>((r) => canvas.toBlob((b: Blob) => r(b), 'image/jpeg', 0.85));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let out = '';
    for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(out);
  });
  await page.close();
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

/** The 处理结果 block as the resident reads it: the notes on screen, the after photo loaded and in view. */
async function expectResult(page: Page, notes: string): Promise<Locator> {
  const result = byLabel(page, 'region', '处理结果');
  await result.waitFor();
  await result.getByText(notes).waitFor();
  const photo = result.locator('[role="button"][aria-label="处置后照片第 1 张，点击查看大图"]');
  await photo.waitFor();
  await page.waitForFunction((img: any) => img.complete && img.naturalWidth > 0, await photo.locator('img').elementHandle());
  // Opened from the 办结 message at the result, which sits above the rating.
  await expect(result.evaluate((el: any) => el.getBoundingClientRect().top < (globalThis as any).innerHeight)).resolves.toBe(true);
  const rating = byLabel(page, 'region', '评价处理结果');
  await expect(result.evaluate((el: any, other: any) => Boolean(el.compareDocumentPosition(other) & 4), await rating.elementHandle())).resolves.toBe(true);
  return result;
}

/** 消息 → the newest message about the case → its page. */
async function openFromMessages(page: Page, titlePart: string): Promise<void> {
  await tab(page, '消息').click();
  const messages = visible(page, '[role="list"][aria-label="消息"]');
  await messages.waitFor();
  // The tab is kept alive between visits: pull the newest from the server.
  await visible(page, '.nut-button').filter({ hasText: /^刷新$/ }).click();
  await messages.locator('[role="button"]').filter({ hasText: titlePart }).first().waitFor();
}

it('the resident hears 已办结 in 消息, rates 不满意 and asks for 重办; the dispatcher approves; after re-handling 满意; the figures move', async () => {
  const api = client(stack!);
  const deliver = async () => {
    await stack!.jobs.deliver();
  };
  const resident = await api.login('dev-zhangsan');
  const staff = Object.fromEntries(await Promise.all(['worker1', 'dispatcher', 'yuanlin'].map(async (n) => [n, (await api.login(`dev-${n}`)).token] as const)));
  expect((await api.call('PUT', '/v1/me/home', { body: { gridCode: TEAM_GRID }, token: resident.token })).status).toBe(200);

  // 首页 before: the resident's community this month.
  const res = await signIn('zhangsan，居民');
  const before = await figures(res.page);
  await snap(res.page, 'home-figures-before');

  // A fallen tree reported, filed, dispatched to 园林, handled and checked (staff over their API).
  const caseId = await reportOver(api, resident.token, '0401', TEAM_GRID);
  await deliver();
  const NOTES = ['已锯断树干', '已清运全部树枝，人行道恢复通行'] as const;
  const picture = await afterPhoto();
  const handle = async (round: 1 | 2) => {
    await mustAct(api, staff.yuanlin!, caseId, { type: 'accept' });
    await mustAct(api, staff.yuanlin!, caseId, { type: 'startHandling' });
    const after = await uploadPhoto(api, staff.yuanlin!, 'image/jpeg', picture);
    await mustAct(api, staff.yuanlin!, caseId, { type: 'handle', notes: NOTES[round - 1], photos: [{ key: after }] });
    await mustAct(api, staff.worker1!, caseId, { type: 'checkPass', note: '现场核查通过' });
    await deliver();
  };
  await mustAct(api, staff.worker1!, caseId, { type: 'file', note: '现场确认，树干压住人行道' });
  await mustAct(api, staff.dispatcher!, caseId, { type: 'dispatch' });
  await deliver();
  await handle(1);

  // 1. 消息: the unread count on the tab, the 已办结 message on top; it opens the case.
  await tab(res.page, '消息').click();
  const messages = visible(res.page, '[role="list"][aria-label="消息"]');
  await messages.waitFor();
  const closedMessage = messages.locator('[role="button"]').filter({ hasText: '已办结' }).first();
  await expect(closedMessage.getAttribute('aria-label')).resolves.toMatch(/^未读，/);
  await expect(visible(res.page, '.weui-tabbar__item .weui-badge').first().textContent()).resolves.toMatch(/^\d+$/);
  await snap(res.page, 'messages-closed');
  await closedMessage.click();

  // 2. What was done, above the rating: the department's notes and its 处置后 photo.
  const rating = byLabel(res.page, 'region', '评价处理结果');
  await rating.waitFor();
  const result = await expectResult(res.page, NOTES[0]);
  await expect(result.textContent()).resolves.toContain('网格员现场核查通过');
  await snap(res.page, 'result-before-rating');

  // 3. The rating card: 不满意 with a tag (no 态度好 for 不满意) and a comment.
  await rating.locator('[role="radio"][aria-label="不满意"]').click();
  await expect(rating.locator('[role="checkbox"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).resolves.toEqual(['未解决']);
  await rating.locator('[role="checkbox"][aria-label="未解决"]').click();
  await rating.locator('textarea').fill('树枝还堆在路边');
  await snap(res.page, 'rate-dissatisfied');
  await rating.locator('.nut-button').filter({ hasText: '提交评价' }).click();

  // 4. 申请重办, the rating comment already there as its reason.
  const reopen = byLabel(res.page, 'region', '申请重办');
  await reopen.waitFor();
  await expect(reopen.locator('textarea').inputValue()).resolves.toBe('树枝还堆在路边');
  await reopen.locator('textarea').fill('树枝还堆在人行道上，老人过不去');
  await snap(res.page, 'reopen-form');
  await reopen.locator('.nut-button').filter({ hasText: '提交重办申请' }).click();
  await visible(res.page, 'text=已申请重办，等待指挥中心审核。').waitFor();
  // Not all green while the centre decides.
  const steps = byLabel(res.page, 'region', '办理进度');
  await expect(steps.textContent()).resolves.toContain('您已申请重办，等待指挥中心审核');
  await steps.locator('[role="listitem"][aria-label="评价，进行中"]').waitFor();
  await steps.scrollIntoViewIfNeeded();
  await snap(res.page, 'reopen-requested');
  await deliver();

  // 5. The dispatcher approves on the desk.
  const disp = await signIn('dispatcher，指挥中心调度员');
  await tab(disp.page, '我的').click();
  await visible(disp.page, '.nut-button').filter({ hasText: '进入工作台' }).first().click();
  const row = visible(disp.page, `.wd-row[data-case-id="${caseId}"]`);
  await row.waitFor();
  await snap(disp.page, 'dispatcher-queue');
  await row.click();
  await byLabel(disp.page, 'button', '批准重办').click();
  const form = byLabel(disp.page, 'form', '批准重办');
  await form.waitFor();
  await snap(disp.page, 'dispatcher-approve');
  await form.locator('[role="button"][aria-label="确认批准重办"]').click();
  await form.waitFor({ state: 'detached' });
  await snap(disp.page, 'dispatcher-approved');
  await deliver();

  // 6. Re-handled: dispatched again, handled, checked.
  await mustAct(api, staff.dispatcher!, caseId, { type: 'dispatch' });
  await deliver();
  await handle(2);

  // 7. The resident, now in 关怀模式, hears of it, sees the new result and rates 满意.
  await res.page.goBack();
  await tab(res.page, '我的').click();
  await byLabel(res.page, 'switch', '关怀模式（长辈版）').click();
  await openFromMessages(res.page, '已办结');
  await snap(res.page, 'care-messages-closed-again');
  await visible(res.page, '[role="list"][aria-label="消息"] [role="button"]').filter({ hasText: '已办结' }).first().click();
  const again = byLabel(res.page, 'region', '评价处理结果');
  await again.waitFor();
  const newResult = await expectResult(res.page, NOTES[1]);
  await expect(newResult.textContent()).resolves.not.toContain(NOTES[0]);
  await expectBigText(newResult.locator('.result-notes'));
  await expectBigText(newResult.locator('.result-who'));
  await expectBigTarget(newResult.locator('[role="button"]').first());
  await snap(res.page, 'care-result-before-rating');
  await again.locator('[role="radio"][aria-label="满意"]').click();
  await expect(again.locator('[role="checkbox"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).resolves.toEqual(['处理及时', '态度好']);
  await again.locator('[role="checkbox"][aria-label="处理及时"]').click();
  await again.locator('.nut-button').filter({ hasText: '提交评价' }).click();
  await visible(res.page, 'text=感谢您的评价！').waitFor();
  await expect(byLabel(res.page, 'region', '我的评价').textContent()).resolves.toContain('满意');
  await snap(res.page, 'care-rated-satisfied');
  await deliver();

  // 8. 首页 (back in the normal mode): the figures moved — one more report, closed, and rated.
  await res.page.goBack();
  await tab(res.page, '我的').click();
  await byLabel(res.page, 'switch', '关怀模式（长辈版）').click();
  await tab(res.page, '首页').click();
  // 首页 refreshes its figures when shown again: wait for the new answer to be on screen.
  await visible(res.page, `[role="listitem"][aria-label^="办结："]:not([aria-label="办结：${before['办结']}"])`).first().waitFor();
  const after = await figures(res.page);
  await snap(res.page, 'home-figures-after');
  const count = (s: string | undefined) => Number(/\d+/.exec(s ?? '')?.[0] ?? NaN);
  expect(count(after['上报'])).toBe(count(before['上报']) + 1);
  expect(count(after['办结'])).toBeGreaterThan(count(before['办结']));
  expect(after['满意率']).not.toBe(before['满意率']);

  // 9. The same screens in 关怀模式.
  await tab(res.page, '我的').click();
  await byLabel(res.page, 'switch', '关怀模式（长辈版）').click();
  await tab(res.page, '首页').click();
  await figures(res.page);
  await snap(res.page, 'care-home-figures');
  await tab(res.page, '消息').click();
  await visible(res.page, '[role="list"][aria-label="消息"]').waitFor();
  await snap(res.page, 'care-messages');
  await visible(res.page, '[role="list"][aria-label="消息"] [role="button"]').first().click();
  await byLabel(res.page, 'region', '我的评价').waitFor();
  await snap(res.page, 'care-case-rated');

  for (const who of [res, disp]) expect(who.errors).toEqual([]);
}, JOURNEY_MS);
