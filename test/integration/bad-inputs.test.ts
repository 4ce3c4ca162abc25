import { startLocalStack, type LocalStack } from '@gridtong/functions/local/stack';
import { SessionTokens } from '@gridtong/functions/adapters/sessions';
import { errorBodySchema } from '@gridtong/shared/api/auth';
import { city } from '../support/places';
import { client, uploadPhoto, type Answer } from '../support/client';
import { idempotencyKey, itemWithRequiredChoice, report, stableCaseText } from '../support/reports';

jest.setTimeout(60_000);

type Api = ReturnType<typeof client>;

interface Ctx {
  api: Api;
  stack: LocalStack;
  /** Resident A: has one case and several uploaded photos. */
  a: { token: string; userId: string; photos: string[] };
  /** Resident B: one uploaded photo, no case. */
  b: { token: string; userId: string; photo: string };
  worker: string;
  dispatcher: string;
  caseId: string;
}

interface Row {
  name: string;
  send: (c: Ctx) => Promise<Answer>;
  status: number;
  code: string;
  /** A details entry with exactly this path must be in the answer. */
  path?: string;
  /** Response headers that must be present, with a value matching. */
  headers?: Record<string, RegExp>;
}

let ctx: Ctx;

beforeAll(async () => {
  const stack = await startLocalStack({ quiet: true });
  const api = client(stack);
  const a = await api.login('dev-badinput-a');
  const b = await api.login('dev-badinput-b');
  const worker = city.workers.find((w) => w.devLogin && w.title === 'gridWorker')!;
  const aPhotos = [];
  for (let i = 0; i < 5; i++) aPhotos.push(await uploadPhoto(api, a.token));
  const created = await api.post('/v1/cases', report([aPhotos[0]!]), a.token, { 'idempotency-key': idempotencyKey() });
  if (created.status !== 201) throw new Error(`baseline case: ${created.status} ${created.text}`);
  ctx = {
    api,
    stack,
    a: { ...a, photos: aPhotos },
    b: { ...b, photo: await uploadPhoto(api, b.token) },
    worker: (await api.login(worker.devLogin!)).token,
    dispatcher: (await api.login('dev-dispatcher')).token,
    caseId: created.body.id,
  };
});

afterAll(async () => {
  await ctx?.stack.stop();
});

const json = { 'content-type': 'application/json' };
const createCase = (c: Ctx, body: unknown, headers: Record<string, string> = { 'idempotency-key': idempotencyKey() }) =>
  c.api.post('/v1/cases', body, c.a.token, headers);
const residentPrincipal = (c: Ctx) => ({ userId: c.a.userId, role: 'resident' as const, scope: { areas: [] } });
const cursorOf = (key: Record<string, string>) => Buffer.from(JSON.stringify(key)).toString('base64url');
const required = itemWithRequiredChoice();

const rows: Row[] = [
  // Requests that never reach a handler's logic
  { name: 'login without a body', send: (c) => c.api.call('POST', '/v1/auth/wechat', { headers: json }), status: 400, code: 'REQUEST.BODY_REQUIRED' },
  { name: 'login with malformed JSON', send: (c) => c.api.call('POST', '/v1/auth/wechat', { raw: '{"code": "dev-x",', headers: json }), status: 400, code: 'REQUEST.MALFORMED_JSON' },
  { name: 'login as a form post', send: (c) => c.api.call('POST', '/v1/auth/wechat', { raw: 'code=dev-x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), status: 415, code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' },
  { name: 'login with JSON null', send: (c) => c.api.call('POST', '/v1/auth/wechat', { raw: 'null', headers: json }), status: 400, code: 'REQUEST.VALIDATION', path: 'body' },
  { name: 'login with an empty code', send: (c) => c.api.post('/v1/auth/wechat', { code: '' }), status: 400, code: 'REQUEST.VALIDATION', path: 'body.code' },
  { name: 'login with a 129-character code', send: (c) => c.api.post('/v1/auth/wechat', { code: `dev-${'x'.repeat(125)}` }), status: 400, code: 'REQUEST.VALIDATION', path: 'body.code' },
  { name: 'login with a numeric code', send: (c) => c.api.post('/v1/auth/wechat', { code: 12345 }), status: 400, code: 'REQUEST.VALIDATION', path: 'body.code' },
  { name: 'login with a code WeChat does not know', send: (c) => c.api.post('/v1/auth/wechat', { code: 'expired-or-made-up' }), status: 401, code: 'AUTH.INVALID_CODE' },
  { name: 'a body over 1 MB', send: (c) => c.api.post('/v1/auth/wechat', { code: 'dev-x', padding: 'x'.repeat(1024 * 1024) }), status: 413, code: 'REQUEST.TOO_LARGE' },

  // Sessions and roles
  { name: 'catalog without a token', send: (c) => c.api.get('/v1/catalog'), status: 401, code: 'AUTH.REQUIRED' },
  { name: 'catalog with Basic auth', send: (c) => c.api.call('GET', '/v1/catalog', { headers: { authorization: 'Basic ZGV2OmRldg==' } }), status: 401, code: 'AUTH.REQUIRED' },
  { name: 'catalog with a garbage token', send: (c) => c.api.get('/v1/catalog', 'not.a.jwt'), status: 401, code: 'AUTH.INVALID_TOKEN' },
  {
    name: 'catalog with a token signed with another secret',
    send: async (c) => c.api.get('/v1/catalog', (await new SessionTokens('another-secret-'.repeat(4)).issue(residentPrincipal(c), new Date())).token),
    status: 401,
    code: 'AUTH.INVALID_TOKEN',
  },
  {
    name: 'catalog with an expired token',
    send: async (c) => c.api.get('/v1/catalog', (await new SessionTokens(c.stack.config.sessionSecret!).issue(residentPrincipal(c), new Date(Date.now() - 3 * 3600_000))).token),
    status: 401,
    code: 'AUTH.TOKEN_EXPIRED',
  },
  { name: 'a grid worker listing resident cases', send: (c) => c.api.get('/v1/cases', c.worker), status: 403, code: 'AUTH.FORBIDDEN' },
  { name: 'a grid worker filing a resident report', send: (c) => c.api.post('/v1/cases', report([c.a.photos[1]!]), c.worker, { 'idempotency-key': idempotencyKey() }), status: 403, code: 'AUTH.FORBIDDEN' },
  { name: 'a dispatcher asking for a photo upload', send: (c) => c.api.post('/v1/uploads', { contentType: 'image/jpeg', size: 4096 }, c.dispatcher), status: 403, code: 'AUTH.FORBIDDEN' },

  // Locate
  { name: 'locate with lat=abc', send: (c) => c.api.get('/v1/grids/locate?lat=abc&lng=113.36', c.a.token), status: 400, code: 'REQUEST.VALIDATION', path: 'query.lat' },
  { name: 'locate with lat out of range', send: (c) => c.api.get('/v1/grids/locate?lat=91&lng=113.36', c.a.token), status: 400, code: 'REQUEST.VALIDATION', path: 'query.lat' },
  { name: 'locate without lat', send: (c) => c.api.get('/v1/grids/locate?lng=113.36', c.a.token), status: 400, code: 'REQUEST.VALIDATION', path: 'query.lat' },
  { name: 'locate with an empty lat', send: (c) => c.api.get('/v1/grids/locate?lat=&lng=113.36', c.a.token), status: 400, code: 'REQUEST.VALIDATION', path: 'query.lat' },
  { name: 'locate with an unknown coordinate system', send: (c) => c.api.get('/v1/grids/locate?lat=23.13&lng=113.36&coord=bd09', c.a.token), status: 400, code: 'REQUEST.VALIDATION', path: 'query.coord' },
  { name: 'locate outside every grid', send: (c) => c.api.get('/v1/grids/locate?lat=39.9&lng=116.4&coord=wgs84', c.a.token), status: 404, code: 'GRID.NOT_FOUND' },

  // Uploads
  { name: 'upload a GIF', send: (c) => c.api.post('/v1/uploads', { contentType: 'image/gif', size: 4096 }, c.a.token), status: 400, code: 'REQUEST.VALIDATION', path: 'body.contentType' },
  { name: 'upload 20 MB', send: (c) => c.api.post('/v1/uploads', { contentType: 'image/jpeg', size: 20 * 1024 * 1024 }, c.a.token), status: 413, code: 'UPLOAD.TOO_LARGE', path: 'body.size' },
  { name: 'upload 10 bytes', send: (c) => c.api.post('/v1/uploads', { contentType: 'image/jpeg', size: 10 }, c.a.token), status: 400, code: 'UPLOAD.TOO_SMALL', path: 'body.size' },
  { name: 'upload a size given as text', send: (c) => c.api.post('/v1/uploads', { contentType: 'image/jpeg', size: '4096' }, c.a.token), status: 400, code: 'REQUEST.VALIDATION', path: 'body.size' },

  // Creating a case
  { name: 'case without Idempotency-Key', send: (c) => createCase(c, report([c.a.photos[1]!]), {}), status: 400, code: 'IDEMPOTENCY.KEY_REQUIRED', path: 'headers.idempotency-key' },
  { name: 'case with a malformed Idempotency-Key', send: (c) => createCase(c, report([c.a.photos[1]!]), { 'idempotency-key': 'no spaces allowed!' }), status: 400, code: 'IDEMPOTENCY.KEY_INVALID', path: 'headers.idempotency-key' },
  { name: 'case with a too short Idempotency-Key', send: (c) => createCase(c, report([c.a.photos[1]!]), { 'idempotency-key': 'abc' }), status: 400, code: 'IDEMPOTENCY.KEY_INVALID', path: 'headers.idempotency-key' },
  { name: 'case with a text latitude', send: (c) => createCase(c, report([c.a.photos[1]!], { location: { lat: 'abc', lng: 113.36, coord: 'gcj02' } })), status: 400, code: 'REQUEST.VALIDATION', path: 'body.location.lat' },
  { name: 'case with a malformed phone', send: (c) => createCase(c, report([c.a.photos[1]!], { contactPhone: '12345' })), status: 400, code: 'REQUEST.VALIDATION', path: 'body.contactPhone' },
  { name: 'case with a photo key outside uploads/', send: (c) => createCase(c, report(['../etc/passwd'])), status: 400, code: 'REQUEST.VALIDATION', path: 'body.photos.0.key' },
  { name: 'case for an unknown item', send: (c) => createCase(c, report([c.a.photos[1]!], { itemCode: 'Z9999' })), status: 422, code: 'CASE.UNKNOWN_ITEM', path: 'body.itemCode' },
  { name: "case with another resident's photo", send: (c) => createCase(c, report([c.b.photo])), status: 422, code: 'CASE.PHOTO_NOT_OWNED', path: 'body.photos.0.key' },
  { name: 'case with a photo never uploaded', send: (c) => createCase(c, report([`uploads/${c.a.userId}/01NEVERUPLOADED0000000000.jpg`])), status: 422, code: 'CASE.PHOTO_MISSING', path: 'body.photos.0.key' },
  { name: 'case with the same photo twice', send: (c) => createCase(c, report([c.a.photos[1]!, c.a.photos[1]!])), status: 400, code: 'CASE.DUPLICATE_PHOTO', path: 'body.photos' },
  { name: 'case outside every grid', send: (c) => createCase(c, report([c.a.photos[1]!], { location: { lat: 39.9, lng: 116.4, coord: 'wgs84' } })), status: 422, code: 'CASE.OUTSIDE_SERVICE_AREA', path: 'body.location' },
  { name: 'case with too few photos', send: (c) => createCase(c, report([])), status: 422, code: 'REPORT.VALIDATION', path: 'body.photos' },
  { name: 'case with too many photos', send: (c) => createCase(c, report(c.a.photos.slice(1, 5))), status: 422, code: 'REPORT.VALIDATION', path: 'body.photos' },
  {
    name: 'case missing a required answer',
    send: (c) => createCase(c, report([c.a.photos[1]!], { itemCode: required.code })),
    status: 422,
    code: 'REPORT.VALIDATION',
    path: `body.answers.${required.required.code}`,
  },
  {
    name: 'case answering a choice with no such option',
    send: (c) => createCase(c, report([c.a.photos[1]!], { itemCode: required.code, answers: { [required.required.code]: 'no-such-option' } })),
    status: 422,
    code: 'REPORT.VALIDATION',
    path: `body.answers.${required.required.code}`,
  },
  { name: 'case anonymous on an item that does not allow it', send: (c) => createCase(c, report([c.a.photos[1]!], { anonymous: true })), status: 422, code: 'REPORT.VALIDATION', path: 'body.anonymous' },

  // Reading cases
  { name: 'case id in a bad format', send: (c) => c.api.get('/v1/cases/abc', c.a.token), status: 400, code: 'REQUEST.VALIDATION', path: 'params.id' },
  { name: 'case id with a broken %-escape', send: (c) => c.api.get('/v1/cases/C%E0%A4%A', c.a.token), status: 400, code: 'REQUEST.VALIDATION', path: 'params.id' },
  { name: 'an unknown case id', send: (c) => c.api.get(`/v1/cases/C${'0'.repeat(26)}`, c.a.token), status: 404, code: 'CASE.NOT_FOUND' },
  { name: "another resident's case", send: (c) => c.api.get(`/v1/cases/${c.caseId}`, c.b.token), status: 404, code: 'CASE.NOT_FOUND' },
  { name: 'list with a made-up cursor', send: (c) => c.api.get('/v1/cases?cursor=not-a-cursor', c.a.token), status: 400, code: 'REQUEST.INVALID_CURSOR' },
  {
    name: 'list with a cursor for my list but no position in it',
    send: (c) => c.api.get(`/v1/cases?cursor=${cursorOf({ gsi1pk: `RES#${c.a.userId}` })}`, c.a.token),
    status: 400,
    code: 'REQUEST.INVALID_CURSOR',
  },
  {
    name: "list with a cursor pointing into another resident's list",
    send: (c) => c.api.get(`/v1/cases?cursor=${cursorOf({ pk: 'CASE#C1', sk: 'CASE', gsi1pk: `RES#${c.b.userId}`, gsi1sk: '9' })}`, c.a.token),
    status: 400,
    code: 'REQUEST.INVALID_CURSOR',
  },
  { name: 'list with limit=0', send: (c) => c.api.get('/v1/cases?limit=0', c.a.token), status: 400, code: 'REQUEST.VALIDATION', path: 'query.limit' },

  // Nearby, follow, resident actions, 我的住址
  { name: 'nearby with lat=abc', send: (c) => c.api.get('/v1/cases/nearby?lat=abc&lng=113.36&itemCode=0202', c.a.token), status: 400, code: 'REQUEST.VALIDATION', path: 'query.lat' },
  { name: 'nearby without an item', send: (c) => c.api.get('/v1/cases/nearby?lat=23.13&lng=113.36', c.a.token), status: 400, code: 'REQUEST.VALIDATION', path: 'query.itemCode' },
  { name: 'nearby for an unknown item', send: (c) => c.api.get('/v1/cases/nearby?lat=23.13&lng=113.36&itemCode=Z9999', c.a.token), status: 422, code: 'CASE.UNKNOWN_ITEM', path: 'query.itemCode' },
  { name: 'nearby asked by a grid worker', send: (c) => c.api.get('/v1/cases/nearby?lat=23.13&lng=113.36&itemCode=0202', c.worker), status: 403, code: 'AUTH.FORBIDDEN' },
  { name: 'follow a case id in a bad format', send: (c) => c.api.post('/v1/cases/abc/follow', undefined, c.b.token), status: 400, code: 'REQUEST.VALIDATION', path: 'params.id' },
  { name: 'follow an unknown case', send: (c) => c.api.post(`/v1/cases/C${'0'.repeat(26)}/follow`, undefined, c.b.token), status: 404, code: 'CASE.NOT_FOUND' },
  { name: 'follow my own case', send: (c) => c.api.post(`/v1/cases/${c.caseId}/follow`, undefined, c.a.token), status: 409, code: 'FOLLOW.OWN_CASE' },
  { name: 'action of an unknown type', send: (c) => c.api.post(`/v1/cases/${c.caseId}/actions`, { type: 'explode', version: 0 }, c.a.token), status: 400, code: 'REQUEST.VALIDATION', path: 'body.type' },
  { name: 'a staff action sent by the resident', send: (c) => c.api.post(`/v1/cases/${c.caseId}/actions`, { type: 'file', version: 0 }, c.a.token), status: 400, code: 'REQUEST.VALIDATION', path: 'body.type' },
  { name: 'action without a version', send: (c) => c.api.post(`/v1/cases/${c.caseId}/actions`, { type: 'cancel' }, c.a.token), status: 400, code: 'REQUEST.VALIDATION', path: 'body.version' },
  { name: 'action with a negative version', send: (c) => c.api.post(`/v1/cases/${c.caseId}/actions`, { type: 'urge', version: -1 }, c.a.token), status: 400, code: 'REQUEST.VALIDATION', path: 'body.version' },
  { name: 'cancel with a 600-character reason', send: (c) => c.api.post(`/v1/cases/${c.caseId}/actions`, { type: 'cancel', reason: '长'.repeat(600), version: 0 }, c.a.token), status: 400, code: 'REQUEST.VALIDATION', path: 'body.reason' },
  { name: 'cancel with a stale version', send: (c) => c.api.post(`/v1/cases/${c.caseId}/actions`, { type: 'cancel', version: 99 }, c.a.token), status: 409, code: 'CASE.VERSION_CONFLICT' },
  { name: "cancel another resident's case", send: (c) => c.api.post(`/v1/cases/${c.caseId}/actions`, { type: 'cancel', version: 0 }, c.b.token), status: 404, code: 'CASE.NOT_FOUND' },
  { name: 'supplement when nobody asked', send: (c) => c.api.post(`/v1/cases/${c.caseId}/actions`, { type: 'supplement', text: '补充', version: 0 }, c.a.token), status: 409, code: 'CASE.INVALID_TRANSITION' },
  { name: 'home with neither a location nor a grid', send: (c) => c.api.call('PUT', '/v1/me/home', { body: {}, token: c.a.token }), status: 400, code: 'REQUEST.VALIDATION', path: 'body.gridCode' },
  { name: 'home with a 14-digit grid code', send: (c) => c.api.call('PUT', '/v1/me/home', { body: { gridCode: '44010600100100' }, token: c.a.token }), status: 400, code: 'REQUEST.VALIDATION', path: 'body.gridCode' },
  { name: 'home in a grid that does not exist', send: (c) => c.api.call('PUT', '/v1/me/home', { body: { gridCode: '440106999999999' }, token: c.a.token }), status: 422, code: 'CITY.UNKNOWN_GRID', path: 'body.gridCode' },
  { name: 'home outside every grid', send: (c) => c.api.call('PUT', '/v1/me/home', { body: { location: { lat: 39.9, lng: 116.4, coord: 'wgs84' } }, token: c.a.token }), status: 422, code: 'HOME.OUTSIDE_SERVICE_AREA', path: 'body.location' },
  { name: 'home with a text latitude', send: (c) => c.api.call('PUT', '/v1/me/home', { body: { location: { lat: 'x', lng: 113.36, coord: 'wgs84' } }, token: c.a.token }), status: 400, code: 'REQUEST.VALIDATION', path: 'body.location.lat' },
  { name: 'home set by a grid worker', send: (c) => c.api.call('PUT', '/v1/me/home', { body: { gridCode: '440106001001001' }, token: c.worker }), status: 403, code: 'AUTH.FORBIDDEN' },

  // Routing
  { name: 'an unknown /v1 path', send: (c) => c.api.get('/v1/nothing-here', c.a.token), status: 404, code: 'ROUTE.NOT_FOUND' },
  { name: 'DELETE on /v1/cases', send: (c) => c.api.call('DELETE', '/v1/cases', { token: c.a.token }), status: 405, code: 'ROUTE.METHOD_NOT_ALLOWED', headers: { allow: /^(?=.*\bGET\b)(?=.*\bPOST\b)/ } },
];

const STACK_TRACE = /\n\s*at |\bat [\w.$<>]+ \(|[\\/](src|node_modules)[\\/]|\.[cm]?[jt]s:\d+|"stack"/;

describe('bad requests get a clear refusal, never a crash', () => {
  let before: { list: string; one: string };

  beforeAll(async () => {
    before = {
      list: (await ctx.api.get('/v1/cases', ctx.a.token)).text,
      one: stableCaseText(await ctx.api.get(`/v1/cases/${ctx.caseId}`, ctx.a.token)),
    };
  });

  it.each(rows)('$name → $status $code', async (row) => {
    const answer = await row.send(ctx);

    expect(answer.status).not.toBe(500);
    expect({ status: answer.status, code: (answer.body as any)?.error?.code }).toEqual({ status: row.status, code: row.code });
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(errorBodySchema.safeParse(answer.body).success).toBe(true);
    expect((answer.body as any).error.message).toEqual(expect.any(String));
    expect(answer.text).not.toMatch(STACK_TRACE);
    if (row.path) {
      expect((answer.body as any).error.details?.map((d: { path: string }) => d.path)).toContain(row.path);
    }
    for (const [name, value] of Object.entries(row.headers ?? {})) expect(answer.headers.get(name)).toMatch(value);
  });

  it('left everything already stored as it was', async () => {
    const list = await ctx.api.get('/v1/cases', ctx.a.token);
    const one = await ctx.api.get(`/v1/cases/${ctx.caseId}`, ctx.a.token);
    const theirs = await ctx.api.get('/v1/cases', ctx.b.token);

    expect(list.text).toBe(before.list);
    expect(stableCaseText(one)).toBe(before.one);
    expect(list.body.cases).toHaveLength(1);
    expect(theirs.body.cases).toEqual([]);
  });
});
