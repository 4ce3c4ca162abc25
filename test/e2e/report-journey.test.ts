import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { type Browser, type Page } from 'playwright-core';
import type { LocalStack } from '@gridtong/functions/local/stack';
import { city, pointInGrid } from '../support/places';
import { JOURNEY_MS, newPhone, settled, startJourney, stopJourney, visible, type Phone, signInWithCode } from '../support/browser';
import { expectBigTarget, expectBigText } from '../support/elder-floor';
import { groupCaseNumber } from '@gridtong/shared/case/case-number';

/**
 * The resident's reporting journey on the H5 build in headless Chromium against the local
 * stack: a real 3–4 MB JPEG through the file chooser, compressed in the page and posted
 * straight to S3; the browser's geolocation; the grid worker before submit; a double tap
 * that files one case; a neighbour who follows instead of reporting again; and 关怀模式.
 */

const artifacts = join(__dirname, 'artifacts', 'report-journey');

const grid = city.grids[12]!;
const spot = pointInGrid(grid.code);

let stack: LocalStack;
let browser: Browser;
let workDir: string;
let photoPath: string;

const post = async (path: string, body: unknown, token?: string) => {
  const res = await fetch(stack.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  return (await res.json()) as any;
};
const get = async (path: string, token: string) => (await (await fetch(stack.url + path, { headers: { authorization: `Bearer ${token}` } })).json()) as any;
const tokenOf = async (code: string): Promise<string> => (await post('/v1/auth/wechat', { code })).token;

/** A 4000×3000 photo-like JPEG of 3–4 MB, made by the browser's own encoder. */
async function makeBigJpeg(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const w = 4000;
    const h = 3000;
    // Runs in the page: the DOM is there, though this package is typed for Node.
    const canvas = (globalThis as any).document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d');
    const img = ctx.createImageData(w, h);
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const i = (y * w + x) * 4;
        const n = (rnd() - 0.5) * 24;
        img.data[i] = 90 + 80 * Math.sin(x / 300) + n;
        img.data[i + 1] = 140 + 60 * Math.cos(y / 250) + n;
        img.data[i + 2] = 80 + n;
        img.data[i + 3] = 255;
      }
    }
    ctx.putImageData(img, 0, 0);
    for (const q of [0.9, 0.88, 0.92, 0.86]) {
      const blob = await new Promise<Blob>((r) => canvas.toBlob((b: Blob) => r(b), 'image/jpeg', q));
      if (blob.size >= 3 * 1024 * 1024 && blob.size <= 4 * 1024 * 1024) {
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let s = '';
        for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return btoa(s);
      }
    }
    throw new Error('no quality gave 3–4 MB');
  });
  return Buffer.from(base64, 'base64');
}

beforeAll(async () => {
  ({ stack, browser } = await startJourney(artifacts));
  workDir = mkdtempSync(join(tmpdir(), 'gridtong-e2e-'));
  const page = await browser.newPage();
  const jpeg = await makeBigJpeg(page);
  await page.close();
  photoPath = join(workDir, 'fallen-tree.jpg');
  writeFileSync(photoPath, jpeg);
}, JOURNEY_MS);

afterAll(async () => {
  await stopJourney({ stack, browser });
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** A phone at the spot: 390×844, Chinese, geolocation allowed and set. */
function phone(): Promise<Phone> {
  return newPhone(browser, { geolocation: { latitude: spot.lat, longitude: spot.lng, accuracy: 10 }, permissions: ['geolocation'] });
}

// Taro keeps hidden pages in the DOM: only look at what is visible.
const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name }).filter({ visible: true }).first();
const textButton = (page: Page, text: string) => page.locator('.nut-button', { hasText: text }).filter({ visible: true }).first();
const heading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true }).filter({ visible: true }).first();

async function shot(page: Page, name: string): Promise<void> {
  await settled(page);
  await page.screenshot({ path: join(artifacts, `${name}.png`) });
}

async function login(page: Page, code: string, care: boolean, prefix: string): Promise<void> {
  await signInWithCode(page, stack.url, code, care, () => shot(page, `${prefix}-01-home-offer`));
}

async function openItem(page: Page): Promise<void> {
  await button(page, '行道树倒伏').click();
  await visible(page, '.flow-progress').waitFor();
}

/** Photos → location → questions → review, from the photo step on. Returns the S3 key of the photo. */
async function reportFromPhotos(page: Page, prefix: string): Promise<string> {
  await heading(page, '拍照').waitFor();
  await shot(page, `${prefix}-03-photos`);
  const uploadAnswer = page.waitForResponse((r) => r.url().endsWith('/v1/uploads') && r.request().method() === 'POST');
  const chooser = page.waitForEvent('filechooser');
  await button(page, '添加照片').click();
  await (await chooser).setFiles(photoPath);
  const key = ((await (await uploadAnswer).json()) as { key: string }).key;
  await visible(page, '.photo-status:text("已上传")').waitFor();
  await shot(page, `${prefix}-04-photo-uploaded`);

  await textButton(page, '下一步').click();
  await heading(page, '位置').waitFor();
  await page.getByRole('region', { name: '该位置由以下网格负责' }).filter({ visible: true }).waitFor();
  await shot(page, `${prefix}-05-location`);
  return key;
}

async function answerAndReview(page: Page, prefix: string): Promise<void> {
  await textButton(page, '下一步').click();
  await heading(page, '问题描述').waitFor();
  await page.getByRole('radiogroup', { name: '是否阻断道路' }).filter({ visible: true }).getByRole('radio', { name: '是' }).click();
  await page.getByRole('radiogroup', { name: '是否压到车辆、行人或电线' }).filter({ visible: true }).getByRole('radio', { name: '否' }).click();
  await visible(page, 'textarea').first().fill('大树倒在人行道上，挡住了路');
  await shot(page, `${prefix}-06-details`);
  await textButton(page, '下一步').click();
  await heading(page, '确认提交').waitFor();
  await shot(page, `${prefix}-07-review`);
}

describe('the resident reporting journey in the H5 build', () => {
  let firstCaseId = '';

  it('resident A reports a fallen tree with a 3–4 MB photo; a double tap files one case, shown in 我的上报 as 已提交', async () => {
    const { context, page, errors } = await phone();
    await login(page, 'dev-e2e-a', false, 'a');
    await openItem(page);
    // Nobody reported it nearby yet: the flow goes straight to photos.
    const key = await reportFromPhotos(page, 'a');

    // The photo in S3 is the compressed JPEG, not the 3–4 MB original.
    const s3 = new S3Client({ endpoint: stack.s3Endpoint, forcePathStyle: true, region: 'us-east-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    const object = await s3.send(new GetObjectCommand({ Bucket: stack.config.uploadBucket, Key: key }));
    const bytes = Buffer.from(await object.Body!.transformToByteArray());
    s3.destroy();
    expect(bytes.length).toBeLessThanOrEqual(500 * 1024);
    expect(bytes.length).toBeGreaterThan(20 * 1024);
    expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);

    // The grid worker serving this spot is named before anything is sent.
    const token = await tokenOf('dev-e2e-a');
    const located = await get(`/v1/grids/locate?lat=${spot.lat}&lng=${spot.lng}&coord=wgs84`, token);
    expect(located.grid.code).toBe(grid.code);
    const resolved = page.getByRole('region', { name: '该位置由以下网格负责' }).filter({ visible: true });
    for (const w of located.workers as { name: string }[]) await expect(resolved.textContent()).resolves.toContain(w.name);

    await answerAndReview(page, 'a');
    await expect(visible(page, '[aria-label="请确认上报内容"]').textContent()).resolves.toContain((located.workers as { name: string }[])[0]!.name);

    // Double tap on submit.
    const submit = textButton(page, '提交上报');
    await submit.dblclick();
    const success = page.getByRole('region', { name: '上报成功' }).filter({ visible: true });
    await success.waitFor();
    await shot(page, 'a-08-success');
    const mine = await get('/v1/cases', token);
    expect(mine.cases).toHaveLength(1);
    firstCaseId = mine.cases[0].id;
    // The success screen gives the 受理编号 a person can read out, grouped; the long id stays internal.
    await expect(success.textContent()).resolves.toContain(groupCaseNumber(mine.cases[0].caseNumber as string));
    await expect(success.textContent()).resolves.not.toContain(firstCaseId);

    await textButton(page, '查看我的上报').click();
    const row = button(page, '行道树倒伏，已提交');
    await row.waitFor();
    await shot(page, 'a-09-my-cases');

    // The case itself: six plain steps, 提交 now; the actions the server allows (撤销, 催办).
    await row.click();
    const steps = page.getByRole('list', { name: '办理进度' }).filter({ visible: true });
    await steps.waitFor();
    await expect(steps.getByRole('listitem').first().getAttribute('aria-label')).resolves.toBe('提交，进行中');
    await textButton(page, '撤销上报').waitFor();
    await shot(page, 'a-10-case-detail');
    expect(errors).toEqual([]);
    await context.close();
  }, JOURNEY_MS);

  it('resident B at the same place is offered A’s case nearby, follows it, and sees it as followed', async () => {
    expect(firstCaseId).not.toBe('');
    const { context, page, errors } = await phone();
    await login(page, 'dev-e2e-b', false, 'b');
    await openItem(page);

    await heading(page, '附近已有人上报').waitFor();
    const entry = page.getByRole('listitem', { name: /^行道树倒伏，距您约 \d+ 米$/ }).filter({ visible: true }).first();
    await entry.waitFor();
    // The reporter is not a follower: nobody else has said 我也遇到 yet.
    await expect(entry.textContent()).resolves.not.toContain('人也遇到');
    await shot(page, 'b-02-nearby');
    // Nothing of A's text reaches B.
    await expect(page.locator('body').textContent()).resolves.not.toContain('大树倒在人行道上');

    await entry.locator('.nut-button', { hasText: '我也遇到' }).click();
    await entry.locator('.followed-badge', { hasText: '已关注' }).waitFor();
    await expect(entry.textContent()).resolves.toContain('1 人也遇到');
    await shot(page, 'b-03-followed');

    await textButton(page, '查看我的上报').click();
    const row = button(page, '行道树倒伏，已提交，我关注的');
    await row.waitFor();
    await shot(page, 'b-04-my-cases');
    const token = await tokenOf('dev-e2e-b');
    const list = await get('/v1/cases', token);
    expect(list.cases.map((c: { id: string; relation: string }) => [c.id, c.relation])).toEqual([[firstCaseId, 'followed']]);
    expect(errors).toEqual([]);
    await context.close();
  }, JOURNEY_MS);

  it('the same report in 关怀模式: text ≥ 18 px with line height ≥ 1.3, tap targets ≥ 60 × 60', async () => {
    const { context, page, errors } = await phone();
    await login(page, 'dev-e2e-c', true, 'c');
    expect(await page.locator('.page.care').filter({ visible: true }).count()).toBeGreaterThan(0);

    await expectBigText(visible(page, '.hint').first());
    await expectBigText(visible(page, '.menu-name').first());
    await expectBigTarget(button(page, '行道树倒伏'));
    await shot(page, 'c-01-home-care');

    await openItem(page);
    // A's case is nearby: C says it is a different problem and goes on.
    await heading(page, '附近已有人上报').waitFor();
    await expectBigTarget(textButton(page, '我也遇到'));
    await expectBigTarget(textButton(page, '不是同一个问题，继续上报'));
    await shot(page, 'c-02-nearby-care');
    await textButton(page, '不是同一个问题，继续上报').click();

    await heading(page, '拍照').waitFor();
    await expectBigTarget(button(page, '添加照片'));
    await expectBigText(visible(page, '.photos .hint').first());
    await reportFromPhotos(page, 'c');
    await expectBigText(visible(page, '.located-worker').first());
    await expectBigTarget(textButton(page, '下一步'));
    await expectBigTarget(textButton(page, '上一步'));

    await textButton(page, '下一步').click();
    await heading(page, '问题描述').waitFor();
    const yes = page.getByRole('radiogroup', { name: '是否阻断道路' }).filter({ visible: true }).getByRole('radio', { name: '是' });
    await expectBigTarget(yes);
    await expectBigText(yes);
    await expectBigText(visible(page, 'textarea').first());
    await textButton(page, '上一步').click();
    await answerAndReview(page, 'c');
    await expectBigText(visible(page, '.review-value').first());
    await expectBigTarget(textButton(page, '提交上报'));

    await textButton(page, '提交上报').click();
    await page.getByRole('region', { name: '上报成功' }).filter({ visible: true }).waitFor();
    await shot(page, 'c-08-success-care');

    // 我的 carries the switch, on, as a large row.
    await textButton(page, '返回首页').click();
    await visible(page, '.weui-tabbar__item:has-text("我的")').last().click();
    const toggle = page.getByRole('switch', { name: '关怀模式（长辈版）' }).filter({ visible: true });
    await toggle.waitFor();
    await expect(toggle.getAttribute('aria-checked')).resolves.toBe('true');
    await expectBigTarget(toggle);
    await expectBigText(visible(page, '.care-switch-label').first());
    await shot(page, 'c-09-me-care');
    // A missing field is said in the page and stays there (no toast that vanishes).
    expect(errors).toEqual([]);
    await context.close();
  }, JOURNEY_MS);
});
