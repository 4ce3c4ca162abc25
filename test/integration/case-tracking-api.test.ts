import { startLocalStack, type LocalStack } from '@gridtong/functions/local/stack';
import { EARTH_RADIUS_METRES, haversineMetres, wgs84ToGcj02 } from '@gridtong/shared/geo/index';
import type { Case } from '@gridtong/shared/schemas/case';
import { client, uploadPhoto } from '../support/client';
import { city, directory, pointInGrid } from '../support/places';
import { idempotencyKey, report, reportGrid } from '../support/reports';
import { seeder, type Seeder } from '../support/seed-cases';

jest.setTimeout(90_000);

let stack: LocalStack;
let api: ReturnType<typeof client>;
let seed: Seeder;

beforeAll(async () => {
  stack = await startLocalStack({ quiet: true });
  api = client(stack);
  seed = seeder(stack.runtime);
});

afterAll(async () => {
  await stack?.stop();
});

const METRES_PER_DEGREE = (Math.PI * EARTH_RADIUS_METRES) / 180;
/** A WGS-84 point `metres` from `origin` in the direction `bearingDeg` (0 = north). */
function offset(origin: { lng: number; lat: number }, metres: number, bearingDeg: number) {
  const b = (bearingDeg * Math.PI) / 180;
  const lat = origin.lat + (metres * Math.cos(b)) / METRES_PER_DEGREE;
  const lng = origin.lng + (metres * Math.sin(b)) / (METRES_PER_DEGREE * Math.cos((origin.lat * Math.PI) / 180));
  return { lng, lat };
}

const gcj = (p: { lng: number; lat: number }) => {
  const [lng, lat] = wgs84ToGcj02(p.lng, p.lat);
  return { lng, lat };
};

const put = (path: string, body: unknown, token: string) => api.call('PUT', path, { body, token });
const del = (path: string, token: string) => api.call('DELETE', path, { token });
const act = (id: string, body: unknown, token: string) => api.post(`/v1/cases/${id}/actions`, body, token);

/** Fields that would identify the reporter or repeat their words: never in a neighbour's view. */
const PRIVATE_FIELDS = ['residentId', 'description', 'answers', 'contactPhone', 'photos', 'photoUrls', 'address', 'timeline', 'anonymous', 'routing', 'lat', 'lng'];
function expectNoPrivateFields(view: Record<string, unknown>) {
  const text = JSON.stringify(view);
  for (const field of PRIVATE_FIELDS) expect(Object.keys(view)).not.toContain(field);
  expect(text).not.toMatch(/U[0-9A-Z]{20,}/); // no user ids anywhere, not even inside a photo link
  expect(text).not.toContain('测试用上报');
}

describe('nearby open cases (附近已有人上报)', () => {
  const itemCode = '0202'; // 护栏损坏, public
  const otherItem = '0601';
  const centre = pointInGrid(city.grids[30]!.code);
  let reporter: { token: string; userId: string };
  let neighbour: { token: string; userId: string };
  const at: Record<string, Case> = {};

  beforeAll(async () => {
    reporter = await api.login('dev-nearby-reporter');
    neighbour = await api.login('dev-nearby-neighbour');
    const photo = await uploadPhoto(api, reporter.token);
    const place = (m: number, bearing: number) => offset(centre, m, bearing);
    at.m30 = await seed.report(reporter.userId, { ...place(30, 90), itemCode, photos: [photo] });
    at.m120 = await seed.report('Rsomeoneelse01', { ...place(120, 200), itemCode });
    at.m200 = await seed.report('Rsomeoneelse02', { ...place(200, 300), itemCode });
    at.m240 = await seed.report('Rsomeoneelse03', { ...place(240, 10), itemCode });
    at.m245 = await seed.report('Rsomeoneelse04', { ...place(245, 135), itemCode });
    at.m248 = await seed.report('Rsomeoneelse05', { ...place(248, 250), itemCode });
    at.m260 = await seed.report('Rsomeoneelse06', { ...place(260, 45), itemCode });
    at.closed = await seed.staff(await seed.report('Rsomeoneelse07', { ...place(10, 0), itemCode }), { type: 'reject', kind: 'outOfScope', note: '不属于受理范围' });
    at.otherItem = await seed.report('Rsomeoneelse08', { ...place(5, 180), itemCode: otherItem });
  });

  it('lists at most five open cases of the item within 250 m, nearest first, by real distance', async () => {
    const p = gcj(centre);
    const answer = await api.get(`/v1/cases/nearby?lat=${p.lat}&lng=${p.lng}&coord=gcj02&itemCode=${itemCode}`, neighbour.token);

    expect(answer.status).toBe(200);
    const ids = answer.body.cases.map((c: { id: string }) => c.id);
    // Six cases lie within 250 m; the five nearest are shown, the 248 m one is the sixth.
    expect(ids).toEqual([at.m30!.id, at.m120!.id, at.m200!.id, at.m240!.id, at.m245!.id]);
    const distances = answer.body.cases.map((c: { distanceMetres: number }) => c.distanceMetres);
    expect(distances).toEqual([30, 120, 200, 240, 245]);
    expect(ids).not.toContain(at.m260!.id);
    expect(ids).not.toContain(at.closed!.id);
    expect(ids).not.toContain(at.otherItem!.id);
  });

  it('draws the 250 m line at 250 m: 248 m is in, 260 m is out', async () => {
    // From a point where the 30 m and 120 m cases are further than the 248 m and 260 m ones.
    const from = offset(centre, 0, 0);
    const answer = await api.get(`/v1/cases/nearby?lat=${from.lat}&lng=${from.lng}&coord=wgs84&itemCode=${itemCode}`, neighbour.token);
    const shown = answer.body.cases as { id: string; distanceMetres: number }[];

    expect(haversineMetres(from.lng, from.lat, at.m248!.location.lng, at.m248!.location.lat)).toBeLessThan(250);
    expect(haversineMetres(from.lng, from.lat, at.m260!.location.lng, at.m260!.location.lat)).toBeGreaterThan(250);
    expect(shown.every((c) => c.distanceMetres <= 250)).toBe(true);
    expect(shown.map((c) => c.id)).not.toContain(at.m260!.id);
    // Once two nearer ones close, the 248 m case makes the five.
    await seed.staff(at.m120!, { type: 'reject', kind: 'outOfScope', note: '误报' });
    const after = await api.get(`/v1/cases/nearby?lat=${from.lat}&lng=${from.lng}&coord=wgs84&itemCode=${itemCode}`, neighbour.token);
    expect(after.body.cases.map((c: { id: string }) => c.id)).toContain(at.m248!.id);
    expect(after.body.cases.map((c: { id: string }) => c.id)).not.toContain(at.m120!.id);
  });

  it('shows an anonymised view: item, status, distance, date, followers, the first photo of a public item, and nothing of the reporter', async () => {
    const p = gcj(centre);
    const answer = await api.get(`/v1/cases/nearby?lat=${p.lat}&lng=${p.lng}&coord=gcj02&itemCode=${itemCode}`, neighbour.token);
    const first = answer.body.cases[0];

    expect(Object.keys(first).sort()).toEqual(['distanceMetres', 'followerCount', 'following', 'id', 'itemCode', 'itemName', 'mine', 'photoUrl', 'reportedAt', 'status', 'statusLabel'].sort());
    expect(first.statusLabel).toBe('已上报');
    expect(new URL(first.photoUrl).pathname).toMatch(new RegExp(`/cases/${at.m30!.id}/[0-9A-Z]+\\.jpg$`));
    expect(first.photoUrl).not.toContain(reporter.userId);
    const photo = await fetch(first.photoUrl);
    expect(photo.status).toBe(200);
    expect(Buffer.from(await photo.arrayBuffer()).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(first.mine).toBe(false);
    for (const c of answer.body.cases) expectNoPrivateFields(c);
    expect(stack.dynamoOperations).not.toContain('Scan');
  });

  it('costs one query per geohash cell the circle touches, and no Scan', async () => {
    const p = gcj(centre);
    const before = stack.dynamoOperations.length;
    await api.get(`/v1/cases/nearby?lat=${p.lat}&lng=${p.lng}&coord=gcj02&itemCode=${itemCode}`, neighbour.token);
    const ops = stack.dynamoOperations.slice(before);

    // A 250 m circle touches 1–4 precision-6 cells; besides those queries, the rate-limit
    // counter and one batch read of the caller's follows: nothing grows with the city.
    const queries = ops.filter((o) => o === 'Query').length;
    expect(queries).toBeGreaterThanOrEqual(1);
    expect(queries).toBeLessThanOrEqual(4);
    expect(ops.length).toBeLessThanOrEqual(queries + 4);
    expect(ops).not.toContain('Scan');
  });

  it('marks the caller’s own case as mine', async () => {
    const p = gcj(centre);
    const answer = await api.get(`/v1/cases/nearby?lat=${p.lat}&lng=${p.lng}&coord=gcj02&itemCode=${itemCode}`, reporter.token);

    expect(answer.body.cases[0]).toMatchObject({ id: at.m30!.id, mine: true });
  });

  it('never links the photo of an item whose reports are not public', async () => {
    const privateItem = city.items.find((i) => !i.publicReports)!;
    const photo = await uploadPhoto(api, reporter.token);
    const hidden = await seed.report(reporter.userId, { ...offset(centre, 20, 0), itemCode: privateItem.code, photos: [photo] });
    const p = gcj(centre);
    const answer = await api.get(`/v1/cases/nearby?lat=${p.lat}&lng=${p.lng}&coord=gcj02&itemCode=${privateItem.code}`, neighbour.token);

    expect(answer.body.cases.map((c: { id: string }) => c.id)).toEqual([hidden.id]);
    expect(answer.body.cases[0].photoUrl).toBeNull();
    expect(answer.text).not.toContain(photo);
  });

  it('limits how often one resident may look (60 an hour), with Retry-After', async () => {
    const prober = await api.login('dev-nearby-prober');
    const p = gcj(centre);
    const ask = () => api.get(`/v1/cases/nearby?lat=${p.lat}&lng=${p.lng}&coord=gcj02&itemCode=${itemCode}`, prober.token);
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await ask()).status);
    const refused = await ask();

    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('CASE.RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses an unknown item and a malformed point with a stable code', async () => {
    const unknown = await api.get(`/v1/cases/nearby?lat=23.1&lng=113.3&coord=wgs84&itemCode=ZZ99`, neighbour.token);
    const noLat = await api.get(`/v1/cases/nearby?lat=&lng=113.3&coord=wgs84&itemCode=${itemCode}`, neighbour.token);

    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('CASE.UNKNOWN_ITEM');
    expect(noLat.status).toBe(400);
    expect(noLat.body.error.details[0].path).toBe('query.lat');
  });
});

describe('following a case (我也遇到)', () => {
  let a: { token: string; userId: string };
  let b: { token: string; userId: string };
  let caseId: string;

  beforeAll(async () => {
    a = await api.login('dev-follow-a');
    b = await api.login('dev-follow-b');
    const photo = await uploadPhoto(api, a.token);
    const created = await api.post('/v1/cases', report([photo]), a.token, { 'idempotency-key': idempotencyKey() });
    expect(created.status).toBe(201);
    caseId = created.body.id;
  });

  it('counts a follower once however often they tap, and keeps the count through a staff action', async () => {
    const first = await api.post(`/v1/cases/${caseId}/follow`, undefined, b.token);
    const again = await api.post(`/v1/cases/${caseId}/follow`, undefined, b.token);
    const [raced1, raced2] = await Promise.all([api.post(`/v1/cases/${caseId}/follow`, undefined, b.token), api.post(`/v1/cases/${caseId}/follow`, undefined, b.token)]);

    expect(first.status).toBe(200);
    expect(first.body).toEqual({ caseId, following: true, followerCount: 1 });
    expect(await seed.rt.follows.followersOf(caseId)).toEqual([b.userId]);
    expect(again.body.followerCount).toBe(1);
    expect([raced1.body.followerCount, raced2.body.followerCount]).toEqual([1, 1]);

    // A staff action written from an earlier read must not overwrite the count, nor be refused by it.
    const before = await seed.rt.cases.get(caseId, { consistent: true });
    const filed = await seed.staff(before!, { type: 'file' });
    const stored = await seed.rt.cases.get(caseId, { consistent: true });
    expect(filed.status).toBe('filed');
    expect(stored?.followerCount).toBe(1);
    expect(stored?.version).toBe(before!.version + 1);
  });

  it('counts many neighbours following at once exactly, each once (a typhoon: one tree, many reports)', async () => {
    const tree = await seed.report('Rtyphoontree');
    const neighbours = Array.from({ length: 25 }, (_, i) => `Rtyphoon${String(i).padStart(2, '0')}`);
    // Every neighbour taps twice, all at the same time.
    const made = await Promise.all([...neighbours, ...neighbours].map((id) => seed.rt.follows.follow(tree.id, id, new Date())));

    expect(made.filter(Boolean)).toHaveLength(25);
    expect((await seed.rt.cases.get(tree.id, { consistent: true }))?.followerCount).toBe(25);
    expect((await seed.rt.follows.followersOf(tree.id)).sort()).toEqual(neighbours);
  });

  it('shows the followed case in the follower’s 我的上报 as followed, not as theirs', async () => {
    const mine = await api.get('/v1/cases', b.token);
    const theirs = await api.get('/v1/cases', a.token);

    expect(mine.status).toBe(200);
    const entry = mine.body.cases.find((c: { id: string }) => c.id === caseId);
    expect(entry).toMatchObject({ relation: 'followed', status: 'filed', statusLabel: '已立案', followerCount: 1 });
    expect(entry.address).toBeUndefined();
    expect(theirs.body.cases.find((c: { id: string }) => c.id === caseId)).toMatchObject({ relation: 'reported', address: '华苑路 12 号门口' });
  });

  it('lets the follower open the case as an anonymised view with its public progress', async () => {
    const view = await api.get(`/v1/cases/${caseId}`, b.token);

    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ relation: 'followed', id: caseId, status: 'filed', availableActions: [] });
    expect(view.body.timelineView.map((e: { title: string }) => e.title)).toEqual(['居民已上报', '已受理并立案']);
    expectNoPrivateFields(view.body);
    expect(view.text).not.toContain('井盖松动');
    expect(view.text).not.toContain('测试工作人员');
    expect(view.text).not.toContain(a.userId);
  });

  it('refuses to follow one’s own case, and a finished case', async () => {
    const own = await api.post(`/v1/cases/${caseId}/follow`, undefined, a.token);
    const done = await seed.staff(await seed.report('Rfollowclosed'), { type: 'reject', kind: 'outOfScope', note: '不属于受理范围' });
    const closed = await api.post(`/v1/cases/${done.id}/follow`, undefined, b.token);
    const missing = await api.post('/v1/cases/C0000000000NOSUCHCASE/follow', undefined, b.token);

    expect(own.status).toBe(409);
    expect(own.body.error.code).toBe('FOLLOW.OWN_CASE');
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('FOLLOW.CASE_CLOSED');
    expect(missing.status).toBe(404);
  });

  it('stops following idempotently: the count drops once and the case leaves the list', async () => {
    const first = await del(`/v1/cases/${caseId}/follow`, b.token);
    const again = await del(`/v1/cases/${caseId}/follow`, b.token);
    const list = await api.get('/v1/cases', b.token);
    const view = await api.get(`/v1/cases/${caseId}`, b.token);

    expect(first.body).toEqual({ caseId, following: false, followerCount: 0 });
    expect(again.body).toEqual({ caseId, following: false, followerCount: 0 });
    expect(list.body.cases.map((c: { id: string }) => c.id)).not.toContain(caseId);
    expect(view.status).toBe(404);
  });
});

describe('resident actions on a case', () => {
  let a: { token: string; userId: string };
  let stranger: { token: string; userId: string };

  beforeAll(async () => {
    a = await api.login('dev-actions-a');
    stranger = await api.login('dev-actions-stranger');
  });

  it('cancels a case that is not filed yet (撤单)', async () => {
    const c = await seed.report(a.userId);
    const answer = await act(c.id, { type: 'cancel', reason: '已经修好了', version: 0 }, a.token);

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: c.id, status: 'cancelled', statusLabel: '已撤单', version: 1, availableActions: [] });
    expect(answer.body.timelineView.at(-1)).toMatchObject({ title: '您已撤单', detail: '已经修好了' });
  });

  it('refuses to cancel after 立案', async () => {
    const c = await seed.staff(await seed.report(a.userId), { type: 'file' });
    const answer = await act(c.id, { type: 'cancel', version: c.version }, a.token);

    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('CASE.INVALID_TRANSITION');
    expect((await seed.rt.cases.get(c.id, { consistent: true }))?.status).toBe('filed');
  });

  it('urges once, then says when it may urge again (429 + Retry-After)', async () => {
    const c = await seed.staff(await seed.report(a.userId), { type: 'file' });
    const first = await act(c.id, { type: 'urge', note: '井盖很危险', version: c.version }, a.token);
    const second = await act(c.id, { type: 'urge', version: first.body.version }, a.token);

    expect(first.status).toBe(200);
    expect(first.body.urgeCount).toBe(1);
    expect(first.body.availableActions).not.toContain('urge');
    expect(second.status).toBe(429);
    expect(second.body.error.code).toBe('CASE.RATE_LIMITED');
    const retryAfter = Number(second.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(23 * 3600);
    expect(retryAfter).toBeLessThanOrEqual(24 * 3600);
  });

  it('refuses a supplement nobody asked for', async () => {
    const c = await seed.report(a.userId);
    const answer = await act(c.id, { type: 'supplement', text: '补充一下', version: 0 }, a.token);

    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('CASE.INVALID_TRANSITION');
  });

  it('takes a supplement with text and the resident’s own photo once staff asked (待补充 → 已上报)', async () => {
    const asked = await seed.staff(await seed.report(a.userId), { type: 'requestInfo', question: '请补充近景照片' });
    const photo = await uploadPhoto(api, a.token);
    const empty = await act(asked.id, { type: 'supplement', version: asked.version }, a.token);
    const answer = await act(asked.id, { type: 'supplement', text: '井盖在 3 号楼东侧', photos: [{ key: photo }], version: asked.version }, a.token);

    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('REQUEST.VALIDATION');
    expect(empty.body.error.details[0].path).toBe('body.text');
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe('submitted');
    expect(answer.body.photoUrls).toHaveLength(1);
    // The case keeps its own copy of the photo, not the upload.
    expect(new URL(answer.body.photoUrls[0]).pathname).toContain(`/cases/${asked.id}/${photo.slice(photo.lastIndexOf('/') + 1)}`);
  });

  it('answers a stale version with 409 and the current case, as the resident sees it', async () => {
    const c = await seed.report(a.userId);
    await seed.staff(c, { type: 'file', note: '内部备注：已联系 13800138000' });
    const answer = await act(c.id, { type: 'urge', version: 0 }, a.token);

    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('CASE.VERSION_CONFLICT');
    expect(answer.body.error.current).toMatchObject({ id: c.id, status: 'filed', version: 1, availableActions: ['urge'] });
    expect(answer.body.error.current.residentId).toBeUndefined();
    expect(answer.text).not.toContain('13800138000');
    expect(answer.text).not.toContain('测试工作人员');
  });

  it('lets exactly one of two simultaneous actions on one version land; the other gets 409 and the case as it is', async () => {
    const c = await seed.staff(await seed.report(a.userId), { type: 'file' });
    const [one, two] = await Promise.all([
      act(c.id, { type: 'urge', note: '第一次', version: c.version }, a.token),
      act(c.id, { type: 'urge', note: '第二次', version: c.version }, a.token),
    ]);

    const statuses = [one.status, two.status].sort();
    const loser = one.status === 409 ? one : two;
    expect(statuses).toEqual([200, 409]);
    expect(loser.body.error.code).toBe('CASE.VERSION_CONFLICT');
    expect(loser.body.error.current).toMatchObject({ id: c.id, version: c.version + 1, urgeCount: 1 });
    expect((await seed.rt.cases.get(c.id, { consistent: true }))?.urgeCount).toBe(1);
  });

  it("answers 404 for someone else's case, whatever the action, and changes nothing", async () => {
    const c = await seed.report(a.userId);
    const cancel = await act(c.id, { type: 'cancel', version: 0 }, stranger.token);
    const stale = await act(c.id, { type: 'urge', version: 7 }, stranger.token);
    const view = await api.get(`/v1/cases/${c.id}`, stranger.token);

    expect([cancel.status, stale.status, view.status]).toEqual([404, 404, 404]);
    expect(cancel.body.error.code).toBe('CASE.NOT_FOUND');
    expect((await seed.rt.cases.get(c.id, { consistent: true }))?.version).toBe(0);
  });

  it('refuses staff actions from a resident at the door (400, not a transition)', async () => {
    const c = await seed.report(a.userId);
    const answer = await act(c.id, { type: 'file', version: 0 }, a.token);

    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('REQUEST.VALIDATION');
  });
});

describe('我的上报 list', () => {
  it('shows status, the running deadline and its warning stage for each case', async () => {
    const r = await api.login('dev-list-deadlines');
    const fresh = await seed.report(r.userId);
    const old = await seed.report(r.userId, { at: new Date(Date.now() - 20 * 3_600_000) });
    const answer = await api.get('/v1/cases?limit=10', r.token);

    expect(answer.status).toBe(200);
    const byId = new Map(answer.body.cases.map((c: { id: string }) => [c.id, c]));
    expect(answer.body.cases.map((c: { id: string }) => c.id)).toEqual([fresh.id, old.id]);
    expect(byId.get(fresh.id)).toMatchObject({ relation: 'reported', statusLabel: '已上报', nextDeadline: { kind: 'dispatch', at: fresh.dispatchDeadline }, warningStage: 'none', warningLabel: '正常' });
    // 20 of 24 hours gone: past the orange (75 %) line.
    expect(byId.get(old.id)).toMatchObject({ warningStage: 'orange' });
  });

  it('pages with a cursor through reported and followed cases alike', async () => {
    const r = await api.login('dev-list-pages');
    const own = await seed.report(r.userId, { at: new Date(Date.now() - 3_600_000) });
    const other = await seed.report('Rlistother');
    await api.post(`/v1/cases/${other.id}/follow`, undefined, r.token);

    const page1 = await api.get('/v1/cases?limit=1', r.token);
    const page2 = await api.get(`/v1/cases?limit=1&cursor=${page1.body.nextCursor}`, r.token);

    expect(page1.body.cases.map((c: { id: string; relation: string }) => [c.id, c.relation])).toEqual([[other.id, 'followed']]);
    expect(page2.body.cases.map((c: { id: string; relation: string }) => [c.id, c.relation])).toEqual([[own.id, 'reported']]);
  });
});

describe('我的住址 and my grid worker', () => {
  it('has no home at first, and says so', async () => {
    const r = await api.login('dev-home-none');
    const me = await api.get('/v1/me', r.token);

    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { userId: r.userId, role: 'resident', roleLabel: '居民', areas: [] }, home: null, workers: [] });
  });

  it('names a staff member’s areas as people say them, never as bare codes', async () => {
    const worker = await api.login('dev-worker1');
    const me = await api.get('/v1/me', worker.token);

    expect(me.status).toBe(200);
    const areas = me.body.user.areas as { code: string; name: string }[];
    expect(areas.length).toBeGreaterThan(0);
    for (const area of areas) {
      expect(area.name).toBe(directory.grid(area.code)?.name ?? directory.areaName(area.code));
      expect(area.name).not.toMatch(/^\d+$/);
    }
  });

  it('finds the home grid from a GCJ-02 location and shows its 网格员 and 网格长 cards', async () => {
    const r = await api.login('dev-home-gps');
    const grid = reportGrid();
    const set = await put('/v1/me/home', { location: { ...gcj(pointInGrid(grid.code)), coord: 'gcj02' } }, r.token);
    const me = await api.get('/v1/me', r.token);

    expect(set.status).toBe(200);
    expect(me.body.home).toMatchObject({ source: 'location', grid: { code: grid.code, name: grid.name }, community: { code: grid.communityCode } });
    expect(me.body.home.grid.landmark.length).toBeGreaterThan(0);
    expect(me.body.workers.map((w: { titleLabel: string }) => w.titleLabel)).toEqual(['网格员', '网格长']);
    const expected = directory.workersOf(grid.code).filter((w) => w.title !== 'supervisor');
    expect(me.body.workers.map((w: { name: string; phone: string }) => [w.name, w.phone])).toEqual(expected.map((w) => [w.name, w.phone]));
  });

  it('lets a resident without GPS pick 街道 → 社区 → 网格 from the area list', async () => {
    const r = await api.login('dev-home-picker');
    const areas = await api.get('/v1/areas', r.token);
    const street = areas.body.streets[1];
    const community = street.communities[0];
    const grid = community.grids[0];
    const set = await put('/v1/me/home', { gridCode: grid.code }, r.token);

    expect(areas.status).toBe(200);
    expect(areas.body.streets).toHaveLength(city.streets.length);
    expect(areas.body.streets.flatMap((s: { communities: { grids: unknown[] }[] }) => s.communities.flatMap((c) => c.grids))).toHaveLength(city.grids.length);
    expect(grid.landmark).toMatch(/一带$|网格/);
    expect(set.status).toBe(200);
    expect(set.body.home).toMatchObject({ source: 'picker', grid: { code: grid.code, name: grid.name }, community: { name: community.name }, street: { name: street.name } });
    expect(set.body.workers[0].titleLabel).toBe('网格员');
  });

  it('gives every grid in the list a point inside it, so a report can be placed without GPS', async () => {
    const r = await api.login('dev-home-nogps');
    const areas = await api.get('/v1/areas', r.token);
    const grids = areas.body.streets.flatMap((s: { communities: { grids: { code: string; center?: { lat: number; lng: number } }[] }[] }) => s.communities.flatMap((c) => c.grids));
    const picked = grids[grids.length - 1];
    const photo = await uploadPhoto(api, r.token);
    const filed = await api.post('/v1/cases', report([photo], { location: { ...picked.center, coord: 'wgs84', address: '选择的网格' } }), r.token, { 'idempotency-key': idempotencyKey() });

    for (const grid of grids) expect(directory.locate(grid.center!.lng, grid.center!.lat, 'wgs84')?.grid.code).toBe(grid.code);
    expect(filed.status).toBe(201);
    expect(filed.body.location.gridCode).toBe(picked.code);
  });

  it('refuses a grid that does not exist and a point outside every grid, keeping the old home', async () => {
    const r = await api.login('dev-home-bad');
    await put('/v1/me/home', { gridCode: reportGrid().code }, r.token);
    const unknown = await put('/v1/me/home', { gridCode: '440106999999999' }, r.token);
    const outside = await put('/v1/me/home', { location: { lat: 39.9, lng: 116.4, coord: 'wgs84' } }, r.token);
    const me = await api.get('/v1/me', r.token);

    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('CITY.UNKNOWN_GRID');
    expect(outside.status).toBe(422);
    expect(outside.body.error.code).toBe('HOME.OUTSIDE_SERVICE_AREA');
    expect(me.body.home.grid.code).toBe(reportGrid().code);
  });
});

describe('access patterns', () => {
  it('never scanned the table for anything above', () => {
    expect(stack.dynamoOperations.length).toBeGreaterThan(100);
    expect(stack.dynamoOperations).not.toContain('Scan');
  });
});
