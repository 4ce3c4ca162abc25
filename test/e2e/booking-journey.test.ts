import { join } from 'node:path';
import { type Browser, type Locator, type Page } from 'playwright-core';
import type { LocalStack } from '@gridtong/functions/local/stack';
import { client } from '../support/client';
import { JOURNEY_MS, newPhone, settled, startJourney, stopJourney, visible, signInWithCode } from '../support/browser';
import { expectBigTarget, expectBigText } from '../support/elder-floor';

/**
 * 代办 visits in the H5 build in Chromium against the local stack, on a controlled clock
 * (Tuesday 2026-11-24, 11:50 Beijing): worker1 publishes Tue/Thu afternoons, a resident books
 * a 社保卡 visit, worker1 confirms it on the calendar, the resident sees 已确认; at the visit
 * time (13:40, within everyone's 2-hour session) worker1 records the visit with the checklist,
 * the submission and the delivery; the
 * resident sees 已办结 and rates it. Then the booking screens in 关怀模式. One screenshot per
 * step in artifacts/booking-journey (git-ignored), at 390 × 844.
 */

const artifacts = join(__dirname, 'artifacts', 'booking-journey');

/** 11:50 Beijing on a Tuesday with no holiday near it. Sessions last 2 h of this clock. */
let clock = new Date('2026-11-24T03:50:00.000Z');
let stack: LocalStack | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  ({ stack, browser } = await startJourney(artifacts, { now: () => clock }));
}, JOURNEY_MS);

afterAll(async () => {
  await stopJourney({ stack, browser });
});

const byRole = (page: Page, role: 'button' | 'radio' | 'checkbox' | 'link' | 'form' | 'region' | 'status', name: string | RegExp) =>
  page.getByRole(role, { name }).filter({ visible: true }).first();
const textButton = (page: Page, text: string) => page.locator('.nut-button', { hasText: text }).filter({ visible: true }).first();

let shot = 0;
async function snap(page: Page, name: string): Promise<void> {
  await settled(page);
  shot += 1;
  await page.screenshot({ path: join(artifacts, `${String(shot).padStart(2, '0')}-${name}.png`) });
}

/** A fresh phone, signed in with a login code; 关怀模式 chosen on the home page's offer. */
async function signIn(code: string, care = false): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await newPhone(browser!);
  // The phone reads the stack's clock: a session issued on it must not look expired to the phone.
  await page.clock.setFixedTime(clock);
  await signInWithCode(page, stack!.url, code, care);
  return { page, errors };
}

async function statusOf(page: Page): Promise<string> {
  return ((await visible(page, '.bk-status').first().textContent()) ?? '').trim();
}

/** The worker's visit card for this booking, and a step run through its in-card form. */
const card = (page: Page, id: string) => visible(page, `.wv-card[data-booking-id="${id}"]`);
async function step(page: Page, id: string, label: string, fill?: (form: Locator) => Promise<void>): Promise<void> {
  await card(page, id).getByRole('button', { name: label, exact: true }).click();
  const form = card(page, id).getByRole('form', { name: label });
  await form.waitFor();
  if (fill) await fill(form);
  await form.getByRole('button', { name: `确认：${label}` }).click();
  await form.waitFor({ state: 'detached' });
}

it('a resident books a 社保卡 visit, worker1 confirms it, the resident sees 已确认; the visit is completed and rated', async () => {
  const api = client(stack!);
  const accounts = (await api.get<{ accounts: { code: string; areas: string[] }[] }>('/v1/dev/accounts')).body.accounts;
  const gridCode = accounts.find((a) => a.code === 'dev-worker1')!.areas[0]!;
  const worker1 = await api.login('dev-worker1');
  const workerName = (await api.get<{ workerName: string }>('/v1/work/availability', worker1.token)).body.workerName;
  const resident = await api.login('dev-e2e-booker');
  expect((await api.call('PUT', '/v1/me/home', { token: resident.token, body: { gridCode } })).status).toBe(200);

  // 1. worker1 publishes Tue/Thu 14:00–17:00 from the desk → 上门代办 → 可预约时间.
  const w = await signIn('dev-worker1');
  await visible(w.page, '.weui-tabbar__item').filter({ hasText: /^我的$/ }).click();
  await textButton(w.page, '进入工作台').click();
  await byRole(w.page, 'link', '上门代办').click();
  await visible(w.page, '.page.wv').first().waitFor();
  await byRole(w.page, 'link', '可预约时间').click();
  await textButton(w.page, '套用：周二、周四 14:00–17:00').click();
  await snap(w.page, 'worker-availability');
  await textButton(w.page, '保存并发布').click();
  await w.page.getByText(/^已发布，未来 14 天共开放 24 个时段$/).filter({ visible: true }).first().waitFor();
  await snap(w.page, 'worker-availability-saved');

  // 2. The resident books 社保卡 from 首页: ticks the ID card, takes today's 14:00, gives an address and phone.
  const r = await signIn('dev-e2e-booker');
  const entry = page(r).getByRole('region', { name: '上门代办' }).filter({ visible: true });
  await entry.locator('.nut-button', { hasText: '预约上门代办' }).click();
  await byRole(r.page, 'button', '社保卡申领/补换').click();
  await byRole(r.page, 'checkbox', '本人居民身份证原件').click();
  await expect(byRole(r.page, 'checkbox', '本人居民身份证原件').getAttribute('aria-checked')).resolves.toBe('true');
  await expectBigTarget(byRole(r.page, 'checkbox', '本人居民身份证原件'));
  await snap(r.page, 'resident-materials');
  await textButton(r.page, '下一步').click();
  // worker1's 14:00 (the grid's other demo staff may open the same afternoons).
  const slot = byRole(r.page, 'radio', `14:00，网格员 ${workerName}`);
  await slot.waitFor();
  await expect(byRole(r.page, 'radio', /^11月24日 周二，\d+ 个空闲$/).getAttribute('aria-checked')).resolves.toBe('true');
  await expectBigTarget(slot);
  await slot.click();
  await snap(r.page, 'resident-slot');
  await textButton(r.page, '下一步').click();
  await visible(r.page, '.text-input input').first().fill('榕溪东路 8 号 3 栋 502');
  await visible(r.page, '.text-input input').nth(1).fill('13800138000');
  await visible(r.page, 'textarea').first().fill('老人在家，请先打电话');
  await snap(r.page, 'resident-contact');
  await textButton(r.page, '下一步').click();
  await byRole(r.page, 'region', '请核对预约信息').waitFor();
  await snap(r.page, 'resident-review');
  const created = r.page.waitForResponse((res) => res.url().endsWith('/v1/bookings') && res.request().method() === 'POST');
  await textButton(r.page, '确认预约').click();
  const createdAnswer = await created;
  expect(createdAnswer.status()).toBe(201);
  expect(createdAnswer.request().headers()['idempotency-key']).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  const bookingId = ((await createdAnswer.json()) as { id: string }).id;
  await r.page.getByText('预约已提交，等待网格员确认').filter({ visible: true }).first().waitFor();
  await expect(statusOf(r.page)).resolves.toBe('待确认');
  await snap(r.page, 'resident-requested');

  // 3. worker1 sees it on today's calendar with the materials, and confirms it.
  await w.page.goBack();
  await byRole(w.page, 'button', '刷新').click();
  await card(w.page, bookingId).waitFor();
  await expect(card(w.page, bookingId).getByRole('listitem', { name: '本人居民身份证原件 ✓ 已备好' }).count()).resolves.toBe(1);
  await snap(w.page, 'worker-day');
  await step(w.page, bookingId, '确认上门');
  await expect(card(w.page, bookingId).locator('.wv-status').textContent()).resolves.toBe('已确认');
  await snap(w.page, 'worker-confirmed');

  // 4. The resident sees 已确认 (pull to refresh = reload here).
  await r.page.reload();
  await visible(r.page, '.bk-status').first().waitFor();
  await expect(statusOf(r.page)).resolves.toBe('已确认');
  await byRole(r.page, 'region', '办理进度').getByText('网格员已确认上门时间').waitFor();
  await snap(r.page, 'resident-confirmed');

  // 4a. The 消息 tab has 预约已确认 (delivered as the table's stream would); its row opens the booking.
  await stack!.jobs.bookings();
  // The detail page has no tab bar: open the 消息 tab as a fresh visit would.
  await r.page.goto(`${stack!.url}/#/pages/messages/index`);
  const confirmedRow = byRole(r.page, 'button', /预约已确认$/);
  await confirmedRow.waitFor();
  await expect(confirmedRow.textContent()).resolves.toContain('查看预约');
  await snap(r.page, 'resident-messages');
  await confirmedRow.click();
  await r.page.waitForURL(new RegExp(`bookings/pages/detail/index\\?id=${bookingId}`));
  await visible(r.page, '.bk-status').first().waitFor();
  await expect(statusOf(r.page)).resolves.toBe('已确认');
  await snap(r.page, 'resident-message-opened');

  // 4b. The resident's second visit (booked through the API: the screens are covered above) for 16:00;
  // worker1 moves it to 16:30 from its card (改时间) with a reason the resident reads.
  type Slots = { days: { slots: { workerId: string; workerName: string; start: string; date: string; time: string }[] }[] };
  const sixteen = (await api.get<Slots>('/v1/bookings/slots?service=S04', resident.token)).body.days.flatMap((d) => d.slots)
    .find((sl) => sl.workerName === workerName && sl.date === '2026-11-24' && sl.time === '16:00')!;
  const second = await api.post<{ id: string }>('/v1/bookings', { serviceCode: 'S04', workerId: sixteen.workerId, start: sixteen.start, materialsReady: [], address: '榕溪东路 8 号 3 栋 502' }, resident.token, { 'idempotency-key': 'e2e-second-booking' });
  expect(second.status).toBe(201);
  const secondId = second.body.id;
  await byRole(w.page, 'button', '刷新').click();
  await card(w.page, secondId).waitFor();
  await step(w.page, secondId, '改时间', async (form) => {
    const later = form.getByRole('radio', { name: /11月24日 周二 16:30$/ });
    await later.waitFor();
    await expectBigTarget(later);
    await later.click();
    await form.locator('textarea').first().fill('16:00 要去街道开会，推后半小时，抱歉');
    await snap(w.page, 'worker-reschedule');
  });
  await expect(card(w.page, secondId).locator('.wv-time').textContent()).resolves.toMatch(/^16:30–/);
  await w.page.getByText(/^已改到 11月24日 周二 16:30/).filter({ visible: true }).first().waitFor();
  await snap(w.page, 'worker-rescheduled');

  // 4c. That booking's detail shows the new time and the worker's reason.
  await r.page.goto(`${stack!.url}/#/bookings/pages/detail/index?id=${secondId}`);
  await visible(r.page, '.bk-status').first().waitFor();
  await r.page.getByText('11月24日（周二）16:30').filter({ visible: true }).first().waitFor();
  await byRole(r.page, 'region', '办理进度').getByText('16:00 要去街道开会，推后半小时，抱歉').waitFor();
  await snap(r.page, 'resident-rescheduled');
  // Back to the first booking for the rest of its life.
  await r.page.goto(`${stack!.url}/#/bookings/pages/detail/index?id=${bookingId}`);
  await visible(r.page, '.bk-status').first().waitFor();

  // 5. At 14:00 worker1 is at the door: materials collected (checklist), submitted, delivered.
  clock = new Date('2026-11-24T05:40:00.000Z');
  await byRole(w.page, 'button', '刷新').click();
  await card(w.page, bookingId).getByRole('button', { name: '已上门收材料', exact: true }).waitFor();
  await step(w.page, bookingId, '已上门收材料', async (form) => {
    const photo = form.getByRole('checkbox', { name: '数码相片回执' });
    await photo.click();
    await expect(photo.getAttribute('aria-checked')).resolves.toBe('true');
    await snap(w.page, 'worker-checklist');
  });
  await expect(card(w.page, bookingId).locator('.wv-status').textContent()).resolves.toBe('已上门');
  clock = new Date('2026-11-24T05:44:00.000Z');
  await step(w.page, bookingId, '已交办证机关');
  clock = new Date('2026-11-24T05:48:00.000Z');
  await step(w.page, bookingId, '已办结送达');
  await expect(card(w.page, bookingId).locator('.wv-status').textContent()).resolves.toBe('已办结');
  await snap(w.page, 'worker-completed');

  // 6. The resident sees 已办结 and rates it with a face.
  await r.page.reload();
  await visible(r.page, '.bk-status').first().waitFor();
  await expect(statusOf(r.page)).resolves.toBe('已办结');
  await byRole(r.page, 'radio', '非常满意').click();
  await visible(r.page, '[aria-label="想说的话（选填）"] textarea, textarea[aria-label="想说的话（选填）"]').first().fill('网格员很耐心，卡已经送到家');
  await snap(r.page, 'resident-rate');
  await textButton(r.page, '提交评价').click();
  await r.page.getByText('感谢您的评价').filter({ visible: true }).first().waitFor();
  await r.page.getByText('非常满意').filter({ visible: true }).first().waitFor();
  await snap(r.page, 'resident-rated');

  // 我的预约 lists it.
  await textButton(r.page, '我的预约').click();
  await byRole(r.page, 'button', /^社保卡申领\/补换，已办结，/).waitFor();
  await snap(r.page, 'resident-my-bookings');

  // 7. worker1's own figures (我的上门代办, last 30 days on the phone's calendar = the stack's clock):
  // the visit booked, completed and rated 非常满意 → 满意率 100%.
  await stack!.jobs.bookings();
  await w.page.clock.setFixedTime(clock);
  await byRole(w.page, 'link', '我的上门代办数据').click();
  const figures = byRole(w.page, 'region', '近 30 天');
  await figures.getByRole('group', { name: '满意率 100%' }).waitFor();
  await expect(figures.getByRole('group', { name: '办结 1' }).count()).resolves.toBe(1);
  await expect(figures.getByRole('group', { name: '预约 2' }).count()).resolves.toBe(1);
  await expect(figures.getByRole('img', { name: '非常满意 1' }).count()).resolves.toBe(1);
  await expectBigText(visible(w.page, '.wv .wd-kpi-label').first());
  await snap(w.page, 'worker-figures');

  for (const who of [w, r]) expect(who.errors).toEqual([]);
}, JOURNEY_MS);

it('the booking screens in 关怀模式: text ≥ 18 px, targets ≥ 60 × 60', async () => {
  const api = client(stack!);
  const accounts = (await api.get<{ accounts: { code: string; areas: string[] }[] }>('/v1/dev/accounts')).body.accounts;
  const gridCode = accounts.find((a) => a.code === 'dev-worker1')!.areas[0]!;
  const elder = await api.login('dev-e2e-elder');
  expect((await api.call('PUT', '/v1/me/home', { token: elder.token, body: { gridCode } })).status).toBe(200);

  const e = await signIn('dev-e2e-elder', true);
  expect(await e.page.locator('.page.care').filter({ visible: true }).count()).toBeGreaterThan(0);
  const entry = e.page.getByRole('region', { name: '上门代办' }).filter({ visible: true });
  await expectBigTarget(entry.locator('.nut-button', { hasText: '预约上门代办' }));
  await snap(e.page, 'care-home');
  await entry.locator('.nut-button', { hasText: '预约上门代办' }).click();
  const service = byRole(e.page, 'button', '社保卡申领/补换');
  await service.waitFor();
  await expectBigTarget(service);
  await expectBigText(visible(e.page, '.bk-option-title').first());
  await expectBigText(visible(e.page, '.hint').first());
  await snap(e.page, 'care-services');
  await service.click();
  await expectBigTarget(byRole(e.page, 'checkbox', '本人居民身份证原件'));
  await snap(e.page, 'care-materials');
  await textButton(e.page, '下一步').click();
  const slot = byRole(e.page, 'radio', /^\d\d:\d\d，网格员 /);
  await slot.waitFor();
  await expectBigTarget(slot);
  await expectBigTarget(visible(e.page, '.bk-day').first());
  await expectBigText(visible(e.page, '.bk-slot-time').first());
  await expectBigTarget(textButton(e.page, '下一步'));
  await snap(e.page, 'care-slots');
  expect(e.errors).toEqual([]);

  // worker1 in 关怀模式: a subscribe message opens worker/pages/visits/index?booking=<id> straight onto
  // the visit; its 改时间 panel and 我的上门代办 keep the same floor.
  const worker1 = await api.login('dev-worker1');
  const workerName = (await api.get<{ workerName: string }>('/v1/work/availability', worker1.token)).body.workerName;
  type Slots = { days: { slots: { workerId: string; workerName: string; start: string }[] }[] };
  const free = (await api.get<Slots>('/v1/bookings/slots?service=S04', elder.token)).body.days.flatMap((d) => d.slots).find((sl) => sl.workerName === workerName)!;
  const made = await api.post<{ id: string }>('/v1/bookings', { serviceCode: 'S04', workerId: free.workerId, start: free.start, materialsReady: [], address: '榕溪东路 10 号 1 栋 101' }, elder.token, { 'idempotency-key': 'e2e-care-booking-1' });
  expect(made.status).toBe(201);
  const id = made.body.id;
  const wk = await signIn('dev-worker1', true);
  await wk.page.goto(`${stack!.url}/#/worker/pages/visits/index?booking=${id}`);
  const opened = visible(wk.page, `.wv-card[data-booking-id="${id}"]`);
  await opened.waitFor();
  await opened.getByText('您从消息打开的预约').waitFor();
  await expect(opened.evaluate((el) => el.classList.contains('wv-card--focus'))).resolves.toBe(true);
  await snap(wk.page, 'care-worker-opened-from-message');
  await opened.getByRole('button', { name: '改时间', exact: true }).click();
  const form = opened.getByRole('form', { name: '改时间' });
  const firstTime = form.locator('.wv-slot').first();
  await firstTime.waitFor();
  await expectBigTarget(firstTime);
  await expectBigTarget(form.locator('.wv-day').first());
  await expectBigText(firstTime);
  await expectBigTarget(form.getByRole('button', { name: '确认：改时间' }));
  await firstTime.click();
  await snap(wk.page, 'care-worker-reschedule');
  await wk.page.clock.setFixedTime(clock);
  await byRole(wk.page, 'link', '我的上门代办数据').click();
  const figures = byRole(wk.page, 'region', '近 30 天');
  await figures.getByRole('group', { name: /^满意率 / }).waitFor();
  await expectBigText(visible(wk.page, '.wv .wd-kpi-label').first());
  await snap(wk.page, 'care-worker-figures');
  expect(wk.errors).toEqual([]);
}, JOURNEY_MS);

const page = (who: { page: Page }) => who.page;
