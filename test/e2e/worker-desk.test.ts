import { join } from 'node:path';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { wgs84ToGcj02 } from '@gridtong/shared/geo/index';
import type { LocalStack } from '@gridtong/functions/local/stack';
import { client } from '../support/client';
import { city, directory, pointInGrid } from '../support/places';
import { JOURNEY_MS, settled, signInOnPhone, startJourney, stopJourney, visible } from '../support/browser';
import { expectBigTarget, expectBigText, expectNotClipped, expectOneLine } from '../support/elder-floor';

/**
 * The closed loop on the worker desk, in the H5 build in Chromium against the local stack:
 * worker1 files a resident's report, the street dispatcher dispatches it to the 权责清单's
 * department, chengguan accepts and handles it with a result photo, worker1 checks it on
 * site, and the resident's 我的上报 shows it 已办结. Then the desk in 关怀模式, measured against the
 * elder-mode floor. One screenshot per step in artifacts/.
 */

const artifacts = join(__dirname, 'artifacts', 'worker-desk');


let stack: LocalStack | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  ({ stack, browser } = await startJourney(artifacts));
}, JOURNEY_MS);

afterAll(async () => {
  await stopJourney({ stack, browser });
});

const button = (page: Page, name: string): Locator => visible(page, `[role="button"][aria-label="${name}"]`);

/** A real, decodable JPEG drawn by the browser (the H5 uploader re-encodes what it is given). */
async function drawJpeg(page: Page, label: string, colour: string): Promise<Buffer> {
  const dataUrl = await page.evaluate(([text, fill]) => {
    // Runs in the page; the test project is typed without the DOM library.
    const canvas = (globalThis as any).document.createElement('canvas');
    canvas.width = 1200;
    canvas.height = 900;
    const g = canvas.getContext('2d');
    g.fillStyle = fill!;
    g.fillRect(0, 0, 1200, 900);
    g.fillStyle = '#ffffff';
    g.font = 'bold 120px sans-serif';
    g.textAlign = 'center';
    g.fillText(text!, 600, 490);
    return canvas.toDataURL('image/jpeg', 0.8) as string;
  }, [label, colour]);
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}

/** What wx.uploadFile does with the presigned POST, with these bytes. */
async function upload(api: ReturnType<typeof client>, token: string, bytes: Buffer): Promise<string> {
  const presign = await api.post<{ url: string; fields: Record<string, string>; key: string }>('/v1/uploads', { contentType: 'image/jpeg', size: bytes.length }, token);
  expect(presign.status).toBe(201);
  const form = new FormData();
  for (const [k, v] of Object.entries(presign.body.fields)) form.append(k, v);
  form.append('file', new Blob([bytes], { type: 'image/jpeg' }), 'photo.jpg');
  const res = await fetch(presign.body.url, { method: 'POST', body: form });
  expect(res.status).toBeLessThan(300);
  return presign.body.key;
}

let shot = 0;
async function snap(page: Page, name: string): Promise<void> {
  await settled(page);
  shot += 1;
  await page.screenshot({ path: join(artifacts, `${String(shot).padStart(2, '0')}-${name}.png`) });
}

/** A fresh phone for one person, signed in with their demo account. */
const signIn = (accountLabel: string) => signInOnPhone({ stack: stack!, browser: browser! }, accountLabel);

/** 我的 → 进入工作台: the desk, as staff reach it. */
async function openDesk(page: Page): Promise<void> {
  await visible(page, '.weui-tabbar__item').filter({ hasText: /^我的$/ }).click();
  await visible(page, 'button, .nut-button').filter({ hasText: '进入工作台' }).first().click();
  await visible(page, '.wd-page').first().waitFor();
}

/** Opens the case from the visible queue, then runs one action through its form. */
async function act(page: Page, action: string, fill?: (form: Locator) => Promise<void>): Promise<void> {
  await button(page, action).click();
  const form = visible(page, `[role="form"][aria-label="${action}"]`);
  await form.waitFor();
  if (fill) await fill(form);
  await form.locator(`[role="button"][aria-label="确认${action}"]`).click();
  await form.waitFor({ state: 'detached' });
}

async function statusOf(page: Page): Promise<string> {
  const field = visible(page, '.wd-field').filter({ hasText: '状态' }).first();
  return ((await field.locator('.wd-field-value').textContent()) ?? '').trim();
}

/**
 * A resident's report, with a photo, of something the 权责清单 gives to 城管's department in
 * `gridCode`, handed to the message centre and counters as `npm start`'s timer would.
 */
async function reportForChengguan(api: ReturnType<typeof client>, gridCode: string, departmentId: string | undefined, keyPrefix: string): Promise<{ item: (typeof city.items)[number]; after: Buffer; id: string }> {
  const item = city.items.find((i) => i.active && i.minPhotos <= 1 && i.questions.every((q) => !q.required) && directory.route(gridCode, i.code).departmentId === departmentId);
  expect(item).toBeDefined();
  const resident = await api.login('dev-zhangsan');
  const painter = await browser!.newPage();
  const before = await drawJpeg(painter, '上报照片', '#8a5a2b');
  const after = await drawJpeg(painter, '处置后', '#2e7d32');
  await painter.close();
  const photo = await upload(api, resident.token, before);
  const spot = pointInGrid(gridCode);
  const [lng, lat] = wgs84ToGcj02(spot.lng, spot.lat);
  const created = await api.post<{ id: string }>('/v1/cases', {
    itemCode: item!.code,
    description: `${item!.name}，就在小区门口，影响行人通行`,
    location: { lat, lng, coord: 'gcj02', address: '榕溪东路 8 号门口' },
    photos: [{ key: photo }],
  }, resident.token, { 'idempotency-key': `${keyPrefix}-${Date.now()}` });
  expect(created.status).toBe(201);
  await stack!.jobs.deliver();
  return { item: item!, after, id: created.body.id };
}

it('worker1 files, the dispatcher dispatches, chengguan handles with a photo, worker1 checks; the resident sees 已办结', async () => {
  const api = client(stack!);
  const accounts = (await api.get<{ accounts: { code: string; name: string; departmentId?: string; areas: string[] }[] }>('/v1/dev/accounts')).body.accounts;
  const worker1 = accounts.find((a) => a.code === 'dev-worker1')!;
  const chengguan = accounts.find((a) => a.code === 'dev-chengguan')!;
  const gridCode = worker1.areas[0]!;

  // The resident reports something the 权责清单 gives to 城管 in worker1's grid, with a photo.
  const { item, after, id } = await reportForChengguan(api, gridCode, chengguan.departmentId, 'e2e-desk');
  const caseRow = (page: Page) => visible(page, `.wd-row[data-case-id="${id}"]`);

  // 1. worker1 files it (立案) from the grid queue.
  const w1 = await signIn('worker1，网格员');
  await openDesk(w1.page);
  await caseRow(w1.page).waitFor();
  await snap(w1.page, 'worker1-queue');
  await caseRow(w1.page).click();
  await button(w1.page, '立案').waitFor();
  await snap(w1.page, 'worker1-case');
  await act(w1.page, '立案', async (form) => {
    await form.locator('textarea').fill('已到现场核实，情况属实');
  });
  await expect(statusOf(w1.page)).resolves.toBe('已立案');
  await snap(w1.page, 'worker1-filed');

  // 2. The street dispatcher dispatches it: the 权责清单's department and deadline are the defaults.
  const disp = await signIn('dispatcher，指挥中心调度员');
  await openDesk(disp.page);
  await caseRow(disp.page).waitFor();
  await caseRow(disp.page).click();
  await button(disp.page, '派遣').click();
  const dispatchForm = visible(disp.page, '[role="form"][aria-label="派遣"]');
  await expect(dispatchForm.locator('[role="radio"][aria-checked="true"]').first().getAttribute('aria-label')).resolves.toMatch(/权责清单建议/);
  await snap(disp.page, 'dispatcher-form');
  await dispatchForm.locator('[role="button"][aria-label="确认派遣"]').click();
  await dispatchForm.waitFor({ state: 'detached' });
  await expect(statusOf(disp.page)).resolves.toBe('已派遣');
  await snap(disp.page, 'dispatcher-dispatched');

  // 3. chengguan accepts, starts, and reports the result with a photo from the phone.
  const cg = await signIn('chengguan，职能部门处置人员');
  await openDesk(cg.page);
  await caseRow(cg.page).waitFor();
  await snap(cg.page, 'chengguan-queue');
  await caseRow(cg.page).click();
  await act(cg.page, '签收');
  await act(cg.page, '开始处置');
  await button(cg.page, '处理反馈').click();
  const handleForm = visible(cg.page, '[role="form"][aria-label="处理反馈"]');
  const chooser = cg.page.waitForEvent('filechooser');
  await handleForm.locator('[role="button"][aria-label="添加照片"]').click();
  await (await chooser).setFiles({ name: 'result.jpg', mimeType: 'image/jpeg', buffer: after });
  await handleForm.getByText('已上传').waitFor();
  await handleForm.locator('textarea').fill('已到场处置完毕，恢复正常使用');
  await snap(cg.page, 'chengguan-handle-form');
  await handleForm.locator('[role="button"][aria-label="确认处理反馈"]').click();
  await handleForm.waitFor({ state: 'detached' });
  await expect(statusOf(cg.page)).resolves.toBe('已处置');
  await expect(visible(cg.page, '[aria-label="处置后照片 1"]').count()).resolves.toBe(1);
  await snap(cg.page, 'chengguan-handled');

  // 4. worker1 checks it on site from the verify queue (back on the desk, which reloads on show).
  await w1.page.goBack();
  await visible(w1.page, '[role="tab"]').filter({ hasText: '待核查结案' }).click();
  await caseRow(w1.page).waitFor();
  await snap(w1.page, 'worker1-verify-queue');
  await caseRow(w1.page).click();
  await act(w1.page, '核查通过', async (form) => {
    await form.locator('textarea').fill('现场已恢复通行');
  });
  await expect(statusOf(w1.page)).resolves.toBe('已结案');
  await snap(w1.page, 'worker1-closed');

  // 5. The resident's 我的上报 shows it done.
  const res = await signIn('zhangsan，居民');
  await visible(res.page, '.weui-tabbar__item').filter({ hasText: /^我的上报$/ }).click();
  const row = visible(res.page, '[role="button"]').filter({ hasText: item!.name }).first();
  await row.waitFor();
  await snap(res.page, 'resident-cases');
  await row.click();
  await visible(res.page, 'text=已办结').first().waitFor();
  await snap(res.page, 'resident-case-closed');

  // 6. The figures and the message centre have heard of all of it.
  await stack!.jobs.deliver();
  await disp.page.goBack();
  await visible(disp.page, '[role="link"][aria-label="统计考核"]').click();
  const rates = visible(disp.page, '[role="figure"][aria-label="考核指标"]');
  await rates.waitFor();
  await expect(visible(disp.page, '.wd-kpi').filter({ hasText: '受理' }).locator('.wd-kpi-value').textContent()).resolves.not.toBe('0');
  await snap(disp.page, 'dispatcher-figures');
  // Below the case figures, the same street's 代办 visit figures.
  const visits = visible(disp.page, '[role="region"][aria-label="上门代办"]');
  await visits.scrollIntoViewIfNeeded();
  await expect(visits.textContent()).resolves.toContain('满意率');
  await snap(disp.page, 'dispatcher-visit-figures');

  await w1.page.goBack();
  await visible(w1.page, '[role="link"][aria-label^="消息"]').click();
  const inbox = visible(w1.page, '[role="list"][aria-label="消息"]');
  await inbox.waitFor();
  expect(await inbox.locator('[role="button"]').count()).toBeGreaterThan(0);
  await snap(w1.page, 'worker1-messages');

  for (const who of [w1, disp, cg, res]) expect(who.errors).toEqual([]);
}, JOURNEY_MS);

it('the desk in 关怀模式: the queue and a case keep the elder-mode floor, nothing cut off', async () => {
  const api = client(stack!);
  const accounts = (await api.get<{ accounts: { code: string; departmentId?: string; areas: string[] }[] }>('/v1/dev/accounts')).body.accounts;
  const gridCode = accounts.find((a) => a.code === 'dev-worker1')!.areas[0]!;
  const chengguan = accounts.find((a) => a.code === 'dev-chengguan')!;
  const { id } = await reportForChengguan(api, gridCode, chengguan.departmentId, 'e2e-desk-care');

  // worker1 turns 关怀模式 on in 我的, as an older grid worker would, then opens the desk.
  const w1 = await signIn('worker1，网格员');
  const page = w1.page;
  await visible(page, '.weui-tabbar__item').filter({ hasText: /^我的$/ }).click();
  const toggle = page.getByRole('switch', { name: '关怀模式（长辈版）' }).filter({ visible: true });
  await toggle.click();
  await expect(toggle.getAttribute('aria-checked')).resolves.toBe('true');
  await openDesk(page);
  await visible(page, '.wd-page.care').first().waitFor();

  // The queue: header, tabs, filter, the stage counts and a row.
  const row = visible(page, `.wd-row[data-case-id="${id}"]`);
  await row.waitFor();
  await expectBigText(visible(page, '.wd-title').first());
  await expectNotClipped(visible(page, '.wd-title').first());
  for (const link of await visible(page, '.wd-link').all()) {
    await expectBigTarget(link);
    await expectBigText(link);
  }
  for (const tab of await visible(page, '[role="tab"]').all()) {
    await expectBigTarget(tab);
    await expectBigText(tab);
  }
  const filter = visible(page, '[role="radiogroup"][aria-label="筛选"] [role="radio"]');
  for (const chip of await filter.all()) await expectBigTarget(chip);
  for (const label of await visible(page, '.wd-count-label').all()) {
    await expectBigText(label);
    await expectOneLine(label);
  }
  await expectBigText(row.locator('.wd-row-title'));
  await expectBigText(row.locator('.wd-row-meta').first());
  await expectBigText(row.locator('.gt-chip').first());
  await expectBigTarget(row);
  await snap(page, 'care-worker1-queue');

  // The case: its fields, the actions (each a big target), the timeline.
  await row.click();
  await button(page, '立案').waitFor();
  await visible(page, '.wd-page.care').first().waitFor();
  await expectBigText(visible(page, '.wd-title').first());
  await expectBigText(visible(page, '.wd-field-label').first());
  await expectBigText(visible(page, '.wd-field-value').first());
  for (const action of await visible(page, '.wd-action').all()) {
    await expectBigTarget(action);
    await expectBigText(action);
    await expectNotClipped(action);
  }
  await expectBigText(visible(page, '.wd-tl-head').first());
  await expectBigText(visible(page, '.wd-tl-meta').first());
  await snap(page, 'care-worker1-case');
  const actions = visible(page, '[role="region"][aria-label="可执行的操作"]');
  await actions.scrollIntoViewIfNeeded();
  await snap(page, 'care-worker1-case-actions');

  // The 立案 form keeps the floor too: its field and buttons.
  await button(page, '立案').click();
  const form = visible(page, '[role="form"][aria-label="立案"]');
  await form.waitFor();
  await expectBigText(form.locator('.wd-form-label').first());
  await expectBigTarget(form.locator('[role="button"][aria-label="确认立案"]'));
  await expectBigTarget(form.locator('[role="button"][aria-label="取消"]'));
  await form.scrollIntoViewIfNeeded();
  await snap(page, 'care-worker1-file-form');
  expect(w1.errors).toEqual([]);
}, JOURNEY_MS);
