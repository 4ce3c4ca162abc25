import { fireEvent, render, screen, within } from '@testing-library/react';
import type { CatalogItem } from '@gridtong/shared/schemas/catalog';
import ReportPage from '../src/pages/report/index';
import { forgetCatalog } from '../src/services/catalog';
import { draftStore } from '../src/services/draft-store';
import { platform, NetworkError, type HttpRequest } from '../src/services/platform';
import { subscribe } from '../src/services/subscribe';
import { catalog, login, mockServer, ok, queryOf, signedInAs, typeInto } from './fixtures';

const MB = 1024 * 1024;
const tree: CatalogItem = {
  ...catalog.items.find((i) => i.code === '0401')!,
  questions: [
    { code: 'blocking', label: '是否阻断道路', type: 'boolean', required: true },
    { code: 'size', label: '树干粗细', type: 'singleChoice', required: false, options: [{ value: 'thin', label: '碗口粗以下' }, { value: 'thick', label: '碗口粗以上' }] },
  ],
};
const flowCatalog = { ...catalog, items: catalog.items.map((i) => (i.code === '0401' ? tree : i)) };

const here = { lat: 23.1291, lng: 113.3612, coord: 'wgs84' as const, address: '' };
const locate = {
  grid: { code: '440106001001001', name: '第一网格' },
  community: { code: '440106001001', name: '华康社区' },
  street: { code: '440106001', name: '天河南街道' },
  district: { code: '440106', name: '天河区' },
  workers: [{ id: 'W1', name: '李网格', title: 'gridWorker', titleLabel: '网格员', phone: '13800000001', dutyHours: '08:30–17:30', onDuty: true }],
  wgs84: { lat: here.lat, lng: here.lng },
};
const created = { id: 'C20261122ABCDEF', caseNumber: 'TH2611220007', dispatchDeadline: '2026-11-22T10:00:00.000Z', status: 'submitted' };

function server(overrides: Record<string, (req: HttpRequest) => ReturnType<typeof ok> | Promise<ReturnType<typeof ok>>> = {}) {
  return mockServer({
    'GET /v1/catalog': () => ok(flowCatalog),
    'GET /v1/cases/nearby': () => ok({ cases: [] }),
    'POST /v1/uploads': (req) => ok({ url: 'http://s3.test/bucket', fields: { key: 'uploads/U1/p1.jpg', policy: 'p' }, key: 'uploads/U1/p1.jpg', expiresAt: '2026-11-22T10:00:00Z', maxBytes: (req.data as { size: number }).size }, 201),
    'GET /v1/grids/locate': () => ok(locate),
    'POST /v1/cases': () => ok(created, 201),
    ...overrides,
  });
}

function phone() {
  jest.spyOn(platform, 'pageParams').mockReturnValue({ code: '0401' });
  jest.spyOn(platform, 'currentLocation').mockResolvedValue(here);
  jest.spyOn(platform, 'choosePhotos').mockResolvedValue([{ path: 'blob:original', size: 3.5 * MB }]);
  jest.spyOn(platform, 'imageInfo').mockResolvedValue({ width: 4000, height: 3000, size: 3.5 * MB, type: 'image/jpeg' });
  const encode = jest.spyOn(platform, 'encodeJpeg').mockImplementation(async (_p, w, _h, q) => ({ path: `blob:small-${w}-${q}`, size: Math.round(w * w * q * 0.2) }));
  const upload = jest.spyOn(platform, 'uploadFile').mockImplementation(async (_req, onProgress) => {
    onProgress(50);
    return { status: 204, data: '' };
  });
  return { encode, upload };
}

const click = (text: string) => fireEvent.click(screen.getByText(text));
const heading = (name: string) => screen.findByRole('heading', { name });

describe('report flow', () => {
  signedInAs(login, {
    before: () => forgetCatalog(),
    after: () => draftStore.discard('0401'),
  });

  it('walks a resident from photos to a filed case; a double tap on submit files one case', async () => {
    // Prepare
    const requests = server();
    const { encode, upload } = phone();
    render(<ReportPage />);

    // Act + Assess: no nearby reports → straight to photos.
    await heading('拍照');
    expect(screen.getByText(/第 2 步，共 5 步/)).toBeTruthy();
    const nearby = requests.mock.calls.map(([r]) => r).find((r) => r.url.includes('/v1/cases/nearby'))!;
    expect(queryOf(nearby)).toMatchObject({ itemCode: '0401', coord: 'wgs84', lat: String(here.lat) });

    fireEvent.click(screen.getByRole('button', { name: '添加照片' }));
    await screen.findByText('已上传');
    // Compressed on the phone below 500 KB before the upload form was asked for.
    const uploadReq = requests.mock.calls.map(([r]) => r).find((r) => r.url.endsWith('/v1/uploads'))!;
    expect((uploadReq.data as { size: number }).size).toBeLessThanOrEqual(500 * 1024);
    expect(uploadReq.data).toMatchObject({ contentType: 'image/jpeg' });
    expect(encode.mock.calls[0]!.slice(1, 3)).toEqual([2048, 1536]);
    expect(upload).toHaveBeenCalledWith(expect.objectContaining({ url: 'http://s3.test/bucket', fields: expect.objectContaining({ key: 'uploads/U1/p1.jpg' }) }), expect.any(Function));

    click('下一步');
    await heading('位置');
    // The grid and its worker, found from the GPS fix, before anything is sent.
    const resolved = await screen.findByRole('region', { name: '该位置由以下网格负责' });
    expect(resolved.textContent).toContain('李网格');
    expect(resolved.textContent).toContain('第一网格');

    click('下一步');
    await heading('问题描述');
    click('下一步');
    expect((await screen.findByRole('alert')).textContent).toBe('请回答：是否阻断道路');
    fireEvent.click(within(screen.getByRole('radiogroup', { name: '是否阻断道路' })).getByRole('radio', { name: '是' }));

    click('下一步');
    await heading('确认提交');
    const review = screen.getByRole('region', { name: '请确认上报内容' });
    expect(review.textContent).toContain('李网格');
    expect(review.textContent).toContain('1 张照片');

    const submit = screen.getByText('提交上报');
    fireEvent.click(submit);
    fireEvent.click(submit);

    // Assess
    await screen.findByRole('region', { name: '上报成功' });
    // The 受理编号 a person can read out, grouped; the long id stays internal.
    expect(screen.getByText('TH 261122 0007')).toBeTruthy();
    expect(screen.getByLabelText('受理编号 TH 261122 0007')).toBeTruthy();
    expect(screen.queryByText(/C20261122ABCDEF/)).toBeNull();
    expect(screen.getByText('11月22日 18:00 前派遣到处理部门')).toBeTruthy();
    const posts = requests.mock.calls.map(([r]) => r).filter((r) => r.method === 'POST' && r.url.endsWith('/v1/cases'));
    expect(posts).toHaveLength(1);
    expect(posts[0]!.headers?.['idempotency-key']).toMatch(/^[A-Za-z0-9-]{8,64}$/);
    expect(posts[0]!.data).toMatchObject({
      itemCode: '0401',
      location: { lat: here.lat, lng: here.lng, coord: 'wgs84' },
      photos: [{ key: 'uploads/U1/p1.jpg' }],
      answers: { blocking: true },
      anonymous: false,
    });
    expect(draftStore.load('0401')).toBeUndefined();
  });

  it('in WeChat the submit tap also asks to receive updates (受理, 进度, 办结) and reports the answers', async () => {
    // Prepare
    subscribe.reset();
    jest.replaceProperty(platform, 'name', 'weapp');
    const offered = { subscriptions: ['accepted', 'progress', 'closed', 'needsInfo'].map((kind) => ({ kind, templateId: `tpl-${kind}`, longTerm: false, remaining: 0, accepted: false })) };
    const requests = server({ 'GET /v1/subscriptions': () => ok(offered), 'POST /v1/subscriptions': () => ok(offered) });
    phone();
    const ask = jest.spyOn(platform, 'requestSubscribe').mockResolvedValue({ 'tpl-accepted': 'accept', 'tpl-progress': 'accept', 'tpl-closed': 'reject' });
    render(<ReportPage />);
    await heading('拍照');
    fireEvent.click(screen.getByRole('button', { name: '添加照片' }));
    await screen.findByText('已上传');
    click('下一步');
    await screen.findByRole('region', { name: '该位置由以下网格负责' });
    click('下一步');
    await heading('问题描述');
    fireEvent.click(within(screen.getByRole('radiogroup', { name: '是否阻断道路' })).getByRole('radio', { name: '是' }));
    click('下一步');
    await heading('确认提交');

    // Act
    click('提交上报');

    // Assess
    expect(ask).toHaveBeenCalledWith(['tpl-accepted', 'tpl-progress', 'tpl-closed']);
    await screen.findByRole('region', { name: '上报成功' });
    const reported = requests.mock.calls.map(([r]) => r).find((r) => r.method === 'POST' && r.url.endsWith('/v1/subscriptions'));
    expect(reported?.data).toEqual({ results: { 'tpl-accepted': 'accept', 'tpl-progress': 'accept', 'tpl-closed': 'reject' } });
    subscribe.reset();
  });

  it('a lost connection on submit keeps the draft and resends with the same key', async () => {
    // Prepare
    let attempt = 0;
    const requests = server({
      'POST /v1/cases': () => {
        if (++attempt === 1) throw new NetworkError('request:fail timeout', true);
        return ok(created, 201);
      },
    });
    phone();
    const draft = draftStore.create('0401');
    draftStore.save({
      ...draft,
      step: 'review',
      photos: [{ id: 'p1', localPath: 'blob:x', status: 'uploaded', progress: 100, key: 'uploads/U1/p1.jpg' }],
      location: { ...here, source: 'gps', gridCode: '440106001001001', gridName: '天河南街道 华康社区 第一网格', workerNames: ['网格员 李网格'] },
      answers: { blocking: false },
    });
    render(<ReportPage />);
    await heading('确认提交');

    // Act
    click('提交上报');
    const alert = await screen.findByText(/没有收到提交结果/);
    expect(draftStore.load('0401')?.lastAttempt).toBe('unknown');
    fireEvent.click(screen.getByText('提交上报'));
    await screen.findByRole('region', { name: '上报成功' });

    // Assess
    expect(alert).toBeTruthy();
    const keys = requests.mock.calls.map(([r]) => r).filter((r) => r.method === 'POST' && r.url.endsWith('/v1/cases')).map((r) => r.headers?.['idempotency-key']);
    expect(keys).toEqual([draft.idempotencyKey, draft.idempotencyKey]);
  });

  it('a failed upload says so and retries the photo on 重试', async () => {
    // Prepare
    server();
    const { upload } = phone();
    upload.mockRejectedValueOnce(new NetworkError('uploadFile:fail', false));
    render(<ReportPage />);
    await heading('拍照');

    // Act
    fireEvent.click(screen.getByRole('button', { name: '添加照片' }));
    await screen.findByText('网络连接失败，请检查网络后重试');
    click('下一步');
    expect((await screen.findByRole('alert')).textContent).toBe('有照片上传失败，请重试或删除后再继续');
    fireEvent.click(screen.getByRole('button', { name: '重试第 1 张照片' }));

    // Assess
    await screen.findByText('已上传');
    expect(upload).toHaveBeenCalledTimes(2);
  });

  it('comes back where the resident left off after the app was closed', async () => {
    // Prepare
    server();
    phone();
    const first = render(<ReportPage />);
    await heading('拍照');
    fireEvent.click(screen.getByRole('button', { name: '添加照片' }));
    await screen.findByText('已上传');
    click('下一步');
    await heading('位置');
    first.unmount();
    forgetCatalog();

    // Act
    render(<ReportPage />);

    // Assess
    await heading('位置');
    expect(screen.getByText('已恢复您上次未提交的内容')).toBeTruthy();
    expect(draftStore.load('0401')?.photos.map((p) => p.status)).toEqual(['uploaded']);
  });

  it('offers nearby open reports of the same item and follows one with 我也遇到', async () => {
    // Prepare
    const follow = jest.fn(() => ok({ caseId: 'C1', following: true, followerCount: 3 }));
    server({
      'GET /v1/cases/nearby': () => ok({ cases: [{ id: 'C1', itemCode: '0401', itemName: '行道树倒伏', status: 'submitted', distanceMetres: 42, reportedAt: '2026-11-22T01:00:00Z', followerCount: 2, photoUrl: null, mine: false, following: false }], radiusMetres: 250 }),
      'POST /v1/cases/{id}/follow': follow,
    });
    phone();
    render(<ReportPage />);
    await heading('附近已有人上报');
    const entry = await screen.findByRole('listitem', { name: '行道树倒伏，距您约 42 米' });
    expect(entry.textContent).toContain('2 人也遇到');

    // Act
    fireEvent.click(within(entry).getByText('我也遇到'));

    // Assess
    await within(entry).findByText('已关注');
    expect(follow).toHaveBeenCalledTimes(1);
    expect(screen.getByText(/已关注这件上报/)).toBeTruthy();
    expect(entry.textContent).toContain('3 人也遇到');
  });
});

describe('report flow without GPS', () => {
  signedInAs(login, {
    before: () => forgetCatalog(),
    after: () => draftStore.discard('0401'),
  });

  it('places the report by 街道 → 社区 → 网格 and a typed address, and shows the grid worker', async () => {
    // Prepare
    const areas = {
      streets: [
        {
          code: '440106001', name: '天河南街道',
          communities: [{ code: '440106001001', name: '华康社区', grids: [{ code: '440106001001001', name: '第一网格', landmark: '天河路以北、华康街以西', center: { lat: 23.13, lng: 113.32 } }] }],
        },
      ],
    };
    const requests = server({ 'GET /v1/areas': () => ok(areas) });
    phone();
    (platform.currentLocation as jest.Mock).mockRejectedValue(new Error('getLocation:fail auth deny'));
    draftStore.save({ ...draftStore.create('0401'), step: 'location', photos: [{ id: 'p1', localPath: 'blob:x', status: 'uploaded', progress: 100, key: 'uploads/U1/p1.jpg' }] });
    render(<ReportPage />);
    await heading('位置');

    // Act
    click('不方便定位？按街道、社区、网格选择');
    fireEvent.click(await screen.findByRole('radio', { name: '天河南街道' }));
    fireEvent.click(await screen.findByRole('radio', { name: '华康社区' }));
    const gridChoice = await screen.findByRole('radio', { name: '第一网格' });
    expect(gridChoice.textContent).toContain('天河路以北、华康街以西');
    fireEvent.click(gridChoice);
    const resolved = await screen.findByRole('region', { name: '该位置由以下网格负责' });
    click('下一步');
    const problem = await screen.findByRole('alert');
    typeInto(screen.getByLabelText('详细地址'), '华康街 8 号门口');
    click('下一步');

    // Assess
    expect(resolved.textContent).toContain('李网格');
    expect(problem.textContent).toBe('按街道、社区选择时，请填写详细地址，方便网格员找到现场');
    await heading('问题描述');
    const locateReq = requests.mock.calls.map(([r]) => r).find((r) => r.url.includes('/v1/grids/locate'))!;
    expect(queryOf(locateReq)).toMatchObject({ lat: '23.13', lng: '113.32', coord: 'wgs84' });
    expect(draftStore.load('0401')?.location).toMatchObject({ source: 'picker', address: '华康街 8 号门口', gridCode: '440106001001001' });
    // Nearby reports were looked for at the picked grid, since GPS gave nothing earlier.
    const nearbyReq = requests.mock.calls.map(([r]) => r).find((r) => r.url.includes('/v1/cases/nearby'))!;
    expect(queryOf(nearbyReq)).toMatchObject({ lat: '23.13', lng: '113.32', coord: 'wgs84', itemCode: '0401' });
  });
});
