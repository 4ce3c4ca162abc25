import { startLocalStack, type LocalStack } from '@gridtong/functions/local/stack';
import { wgs84ToGcj02 } from '@gridtong/shared/geo/index';
import { routes } from '@gridtong/shared/api/routes';
import { client, uploadPhoto } from '../support/client';
import { city, directory, pointInGrid, pointNearEdge } from '../support/places';

jest.setTimeout(60_000);

let stack: LocalStack;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  stack = await startLocalStack({ quiet: true });
  api = client(stack);
});

afterAll(async () => {
  await stack?.stop();
});

/** An item that needs exactly one photo, no required questions and no anonymity. */
function simpleItem() {
  const item = city.items.find((i) => i.active && i.minPhotos === 1 && i.questions.every((q) => !q.required));
  if (!item) throw new Error('demo city has no simple item');
  return item;
}

const someGrid = () => city.grids[7]!;

function report(photoKey: string, overrides: Record<string, unknown> = {}) {
  const spot = pointInGrid(someGrid().code);
  const [lng, lat] = wgs84ToGcj02(spot.lng, spot.lat);
  return {
    itemCode: simpleItem().code,
    description: '人行道上的井盖松动，踩上去会晃',
    location: { lat, lng, coord: 'gcj02', address: '华苑路 12 号门口' },
    photos: [{ key: photoKey }],
    ...overrides,
  };
}

let keySeq = 0;
const newKey = () => `test-key-${Date.now()}-${++keySeq}`;

describe('login', () => {
  it('turns a WeChat code into a session and knows the same resident again', async () => {
    const first = await api.post('/v1/auth/wechat', { code: 'dev-zhangsan' });
    const again = await api.post('/v1/auth/wechat', { code: 'dev-zhangsan' });

    expect(first.status).toBe(200);
    expect(first.body.user.role).toBe('resident');
    expect(typeof first.body.token).toBe('string');
    const ttl = Date.parse(first.body.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(110 * 60_000);
    expect(ttl).toBeLessThanOrEqual(120 * 60_000);
    expect(again.body.user.userId).toBe(first.body.user.userId);
  });

  it('gives a demo grid worker the worker role and their grid scope', async () => {
    const worker = city.workers.find((w) => w.devLogin && w.title === 'gridWorker')!;
    const answer = await api.post('/v1/auth/wechat', { code: worker.devLogin });

    expect(answer.status).toBe(200);
    expect(answer.body.user.role).toBe('gridWorker');
    expect(answer.body.user.areas).toContain(worker.gridCode);
  });

  it('refuses a code WeChat does not accept', async () => {
    const answer = await api.post('/v1/auth/wechat', { code: 'not-a-real-code' });

    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('AUTH.INVALID_CODE');
  });
});

describe('catalog', () => {
  it('lists the menu of items and the 代办 services', async () => {
    const { token } = await api.login('dev-zhangsan');
    const answer = await api.get('/v1/catalog', token);

    expect(answer.status).toBe(200);
    expect(answer.body.items.length).toBeGreaterThanOrEqual(25);
    expect(new Set(answer.body.items.map((i: { kind: string }) => i.kind))).toEqual(new Set(['component', 'event']));
    expect(answer.body.services.length).toBeGreaterThanOrEqual(6);
    expect(answer.body.services[0].materials.length).toBeGreaterThan(0);
  });
});

describe('locate', () => {
  it('finds the grid and the staff a resident may call for a GCJ-02 point near a grid edge', async () => {
    const { token } = await api.login('dev-zhangsan');
    const grid = someGrid();
    const wgs = pointNearEdge(grid.code, 15);
    const [lng, lat] = wgs84ToGcj02(wgs.lng, wgs.lat);

    const answer = await api.get(`/v1/grids/locate?lat=${lat}&lng=${lng}&coord=gcj02`, token);
    const unconverted = directory.locate(lng, lat, 'wgs84');

    expect(answer.status).toBe(200);
    expect(answer.body.grid.code).toBe(grid.code);
    expect(answer.body.community.code).toBe(grid.communityCode);
    // The 督导员 supervises staff and is not listed to the public.
    expect(answer.body.workers.map((w: { titleLabel: string }) => w.titleLabel)).toEqual(['网格员', '网格长']);
    expect(answer.body.workers[0].phone).toMatch(/^1\d{10}$/);
    // The point only lands in the right grid because it was converted first.
    expect(unconverted?.grid.code).not.toBe(grid.code);
  });

  it('says plainly when a point is outside every grid', async () => {
    const { token } = await api.login('dev-zhangsan');
    const answer = await api.get('/v1/grids/locate?lat=39.9&lng=116.4&coord=wgs84', token);

    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('GRID.NOT_FOUND');
  });
});

describe('reporting a case', () => {
  it('uploads a photo straight to S3 and files a routed case with its deadline', async () => {
    const { token } = await api.login('dev-wangwu');
    const key = await uploadPhoto(api, token);

    const answer = await api.post('/v1/cases', report(key), token, { 'idempotency-key': newKey() });

    expect(answer.status).toBe(201);
    const created = answer.body;
    expect(created.id).toMatch(/^C[0-9A-Z]+$/);
    expect(created.status).toBe('submitted');
    expect(created.statusLabel).toBe('已上报');
    expect(created.location.gridCode).toBe(someGrid().code);
    // Routed on the way in; the routing itself is staff business and not in the resident's view.
    const stored = await stack.runtime.cases.get(created.id);
    expect(stored?.routing).toEqual(directory.route(someGrid().code, simpleItem().code));
    expect(created.routing).toBeUndefined();
    expect(Date.parse(created.dispatchDeadline)).toBeGreaterThan(Date.parse(created.createdAt));
    expect(created.photoUrls).toHaveLength(1);
    expect(created.residentId).toBeUndefined();
    expect(created.timelineView[0].title).toEqual(expect.any(String));
    const photo = await fetch(created.photoUrls[0]);
    expect(photo.status).toBe(200);
    expect((await photo.arrayBuffer()).byteLength).toBe(4096);
  });

  it('returns the same case when the phone retries with the same key, and refuses a different report under it', async () => {
    const { token } = await api.login('dev-zhaoliu');
    const key = await uploadPhoto(api, token);
    const idempotencyKey = newKey();

    const first = await api.post('/v1/cases', report(key), token, { 'idempotency-key': idempotencyKey });
    const retry = await api.post('/v1/cases', report(key), token, { 'idempotency-key': idempotencyKey });
    const changed = await api.post('/v1/cases', report(key, { description: '另一件事' }), token, { 'idempotency-key': idempotencyKey });
    const list = await api.get('/v1/cases', token);

    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect(list.body.cases.map((c: { id: string }) => c.id)).toEqual([first.body.id]);
  });

  it('lists my own cases newest first, page by page, and shows each one only to me', async () => {
    const me = await api.login('dev-sunqi');
    const other = await api.login('dev-zhouba');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const key = await uploadPhoto(api, me.token);
      const answer = await api.post('/v1/cases', report(key, { description: `第 ${i + 1} 件` }), me.token, { 'idempotency-key': newKey() });
      expect(answer.status).toBe(201);
      ids.push(answer.body.id);
    }

    const page1 = await api.get('/v1/cases?limit=2', me.token);
    const page2 = await api.get(`/v1/cases?limit=2&cursor=${encodeURIComponent(page1.body.nextCursor)}`, me.token);
    const mine = await api.get(`/v1/cases/${ids[0]}`, me.token);
    const theirs = await api.get(`/v1/cases/${ids[0]}`, other.token);
    const theirList = await api.get('/v1/cases', other.token);
    const cursorReuse = await api.get(`/v1/cases?cursor=${encodeURIComponent(page1.body.nextCursor)}`, other.token);

    expect([...page1.body.cases, ...page2.body.cases].map((c: { id: string }) => c.id)).toEqual([...ids].reverse());
    expect(page1.body.cases[0].statusLabel).toBe('已上报');
    expect(mine.status).toBe(200);
    expect(mine.body.description).toBe('第 1 件');
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe('CASE.NOT_FOUND');
    expect(theirList.body.cases).toEqual([]);
    expect(cursorReuse.status).toBe(400);
    expect(cursorReuse.body.error.code).toBe('REQUEST.INVALID_CURSOR');
  });
});

describe('OpenAPI', () => {
  it('documents every route of the table with its schemas', async () => {
    const answer = await api.get('/v1/openapi.json');

    expect(answer.status).toBe(200);
    expect(answer.body.openapi).toBe('3.1.0');
    for (const route of routes) {
      expect(answer.body.paths[route.path]?.[route.method.toLowerCase()]?.operationId).toBe(route.id);
    }
    const create = answer.body.paths['/v1/cases'].post;
    expect(create.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['itemCode', 'location']));
    expect(create.parameters.map((p: { name: string }) => p.name)).toContain('Idempotency-Key');
  });
});

describe('storage discipline', () => {
  it('never scans DynamoDB on any request served above', () => {
    expect(stack.dynamoOperations.length).toBeGreaterThan(10);
    expect(stack.dynamoOperations).not.toContain('Scan');
  });
});
