import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { startLocalStack, type LocalStack } from '@gridtong/functions/local/stack';
import { createDynamoClients } from '@gridtong/functions/store/clients';
import { applyAction, type CaseActionInput } from '@gridtong/shared/case/index';
import type { Case } from '@gridtong/shared/schemas/case';
import type { Principal } from '@gridtong/shared/schemas/roles';
import { client, fakeJpeg, uploadPhoto } from '../support/client';
import { idempotencyKey, report, reportLocation } from '../support/reports';
import { city, pointInGrid } from '../support/places';
import { areaAt } from '@gridtong/shared/schemas/common';

// Regressions for the defects found by probing the resident API, over real HTTP.
jest.setTimeout(90_000);

let stack: LocalStack;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  stack = await startLocalStack({ quiet: true, env: { CASE_RATE_LIMIT_PER_HOUR: '3' } });
  api = client(stack);
});

afterAll(async () => {
  await stack?.stop();
});

/** 路灯不亮: no photo needed, one required whole-number question (1–200). */
const streetLight = (count: unknown, overrides: Record<string, unknown> = {}) => ({
  itemCode: '0103',
  description: '小区门口两盏路灯不亮',
  location: reportLocation(),
  answers: { count },
  ...overrides,
});

async function file(token: string, body: unknown) {
  return api.call('POST', '/v1/cases', { token, body, headers: { 'idempotency-key': idempotencyKey() } });
}

/** Moves a stored case on through the domain, as staff would, with one conditional write each. */
async function act(c: Case, actor: Principal, input: CaseActionInput, actorName: string, at: Date): Promise<Case> {
  const { next } = applyAction(c, input, { actor, now: at, actorName });
  await stack.runtime.cases.save(next);
  return next;
}

describe("the resident's case view", () => {
  it('shows none of the staff notes, names, ids, routing or a pending extension request', async () => {
    const resident = await api.login('dev-view-leak');
    const created = await file(resident.token, report([await uploadPhoto(api, resident.token)]));
    expect(created.status).toBe(201);

    let stored = (await stack.runtime.cases.get(created.body.id, { consistent: true }))!;
    const gridCode = stored.location.gridCode;
    const worker: Principal = { userId: 'U-staff-worker-007', role: 'gridWorker', scope: { areas: [gridCode] } };
    const dispatcher: Principal = { userId: 'U-staff-dispatch-008', role: 'dispatcher', scope: { areas: [areaAt(gridCode, 'district')] } };
    const handler: Principal = { userId: 'U-staff-dept-009', role: 'departmentHandler', scope: { areas: [], departmentId: stored.routing.departmentId } };
    const t = (minutes: number) => new Date(Date.now() + minutes * 60_000);
    stored = await act(stored, worker, { type: 'file', note: '上报人 13812345678，疑似恶意重复上报' }, '李网格', t(1));
    stored = await act(stored, dispatcher, { type: 'dispatch', departmentId: stored.routing.departmentId, handlingDeadline: t(60 * 24).toISOString(), note: '内部：请优先派给老周' }, '陈调度', t(2));
    stored = await act(stored, handler, { type: 'accept', note: '已安排班组' }, '周科员', t(3));
    stored = await act(stored, handler, { type: 'requestExtension', until: t(60 * 72).toISOString(), reason: '王科长 13912345678 说要等材料' }, '周科员', t(4));
    expect(stored.pendingExtension).toBeDefined();

    const view = await api.get(`/v1/cases/${created.body.id}`, resident.token);

    expect(view.status).toBe(200);
    expect(view.body.status).toBe('accepted');
    for (const secret of ['13812345678', '13912345678', '李网格', '陈调度', '周科员', '王科长', '疑似恶意', '老周', 'U-staff-', stored.routing.departmentId]) {
      expect(view.text).not.toContain(secret);
    }
    for (const field of ['timeline', 'routing', 'pendingExtension', 'residentId', 'extensionCount', 'escalationLevel', 'returnCount', 'duplicateOf', 'lastUrgedAt']) {
      expect(view.body).not.toHaveProperty(field);
    }
    // What the resident does see: plain progress, the department's public name, their own options.
    expect(view.body.timelineView.map((e: { title: string }) => e.title)).toEqual(expect.arrayContaining(['网格员已受理并立案']));
    expect(view.body.departmentName).toBe(city.departments.find((d) => d.id === stored.routing.departmentId)!.name);
    expect(view.body.availableActions).toEqual(['urge']);
  });
});

describe('numbers, cursors and text that used to answer 500', () => {
  it('refuses answer numbers DynamoDB cannot store, or the question does not allow, without costing quota', async () => {
    const resident = await api.login('dev-big-number');
    const refused = [];
    for (const count of [1e126, -1e126, 1e-130, -1, 1.5, 0, 201]) refused.push(await file(resident.token, streetLight(count)));

    for (const answer of refused) {
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(answer.body.error.details.map((d: { path: string }) => d.path)).toEqual([expect.stringMatching(/^body\.answers\.count/)]);
    }
    // Seven refusals later the hourly quota (3 here) is untouched.
    const accepted = [];
    for (let i = 0; i < 3; i++) accepted.push(await file(resident.token, streetLight(2 + i)));
    expect(accepted.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(accepted[0]!.body.answers).toEqual({ count: 2 });
    expect((await file(resident.token, streetLight(9))).status).toBe(429);
  });

  it('answers 400 to a cursor whose key values are empty strings', async () => {
    const resident = await api.login('dev-empty-cursor');
    const forged = Buffer.from(JSON.stringify({ pk: '', sk: '', gsi1pk: `RES#${resident.userId}`, gsi1sk: '' })).toString('base64url');

    const answer = await api.get(`/v1/cases?cursor=${forged}`, resident.token);

    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('REQUEST.INVALID_CURSOR');
  });

  it.each(['0x17', '1e1', '23.', ' ', '--23', 'Infinity'])('reads only decimal query numbers (lat=%j is a 400)', async (lat) => {
    const resident = await api.login('dev-hex-lat');

    const answer = await api.get(`/v1/grids/locate?lat=${encodeURIComponent(lat)}&lng=113.33&coord=wgs84`, resident.token);

    expect(answer.status).toBe(400);
    expect(answer.body.error.details[0].path).toBe('query.lat');
  });

  it('stores free text without NUL, other control characters or lone surrogates', async () => {
    const resident = await api.login('dev-control-chars');

    const created = await file(resident.token, streetLight(1, { description: 'A\u0000B\u0007C\ud800D\r\nE\t😀', location: { ...reportLocation(), address: '\u001b[31m华苑路\udc00' } }));

    expect(created.status).toBe(201);
    expect(created.body.description).toBe('ABCD\nE\t😀');
    expect(created.body.location.address).toBe('[31m华苑路');
    const again = await api.get(`/v1/cases/${created.body.id}`, resident.token);
    expect(again.text).not.toMatch(/\\u0000|\\ud800|\\udc00/i);
  });
});

describe('photos', () => {
  it('keeps the filed photo when the same upload form is posted again with another file', async () => {
    const resident = await api.login('dev-photo-swap');
    const original = fakeJpeg(4096);
    const presign = await api.post('/v1/uploads', { contentType: 'image/jpeg', size: original.length }, resident.token);
    const post = async (bytes: Uint8Array) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(presign.body.fields as Record<string, string>)) form.append(k, v);
      form.append('file', new Blob([bytes], { type: 'image/jpeg' }), 'photo.jpg');
      return fetch(presign.body.url, { method: 'POST', body: form });
    };
    expect((await post(original)).status).toBeLessThan(300);
    const created = await file(resident.token, report([presign.body.key]));
    expect(created.status).toBe(201);

    // The form is still valid for a few minutes (and s3rver enforces no policy): post a different file.
    const replacement = fakeJpeg(4096).map((b, i) => (i > 4 && i < 4000 ? 0x55 : b));
    expect((await post(replacement)).status).toBeLessThan(300);

    const view = await api.get(`/v1/cases/${created.body.id}`, resident.token);
    const served = new Uint8Array(await (await fetch(view.body.photoUrls[0])).arrayBuffer());
    expect(Buffer.from(served).equals(Buffer.from(original))).toBe(true);
    const stored = await stack.runtime.cases.get(created.body.id);
    expect(stored!.photos[0]!.key).toMatch(new RegExp(`^cases/${created.body.id}/`));
  });

  it('charges no upload quota for refused requests (too large, wrong type)', async () => {
    const resident = await api.login('dev-upload-refusals');
    const refusals = [];
    for (let i = 0; i < 35; i++) refusals.push(await api.post('/v1/uploads', { contentType: 'image/jpeg', size: 11 * 1024 * 1024 }, resident.token));
    for (let i = 0; i < 35; i++) refusals.push(await api.post('/v1/uploads', { contentType: 'image/gif', size: 4096 }, resident.token));

    expect(new Set(refusals.map((r) => r.status))).toEqual(new Set([400, 413]));
    expect((await api.post('/v1/uploads', { contentType: 'image/jpeg', size: 4096 }, resident.token)).status).toBe(201);
  });
});

describe('rate limits', () => {
  it('slide across the window boundary: a burst at the end of one hour and the start of the next passes the limit once', async () => {
    const limiter = stack.runtime.rateLimits;
    const hour = 3600 * 1000;
    const boundary = Math.ceil(Date.now() / hour) * hour + 10 * hour;
    const before = new Date(boundary - 1000);
    const after = new Date(boundary + 1000);

    const burst1 = [];
    for (let i = 0; i < 12; i++) burst1.push(await limiter.take('probe', 'slider', 10, 3600, before));
    const burst2 = [];
    for (let i = 0; i < 12; i++) burst2.push(await limiter.take('probe', 'slider', 10, 3600, after));

    expect(burst1.filter((d) => d.allowed)).toHaveLength(10);
    expect(burst2.filter((d) => d.allowed)).toHaveLength(0);
    expect(burst2[0]!.retryAfterSeconds).toBeGreaterThan(0);
    // Half an hour on, half of the old window has slid out.
    const later = [];
    for (let i = 0; i < 12; i++) later.push(await limiter.take('probe', 'slider', 10, 3600, new Date(boundary + hour / 2)));
    expect(later.filter((d) => d.allowed)).toHaveLength(5);
  });

  it('give every counter an expiry the table TTL acts on', async () => {
    const resident = await api.login('dev-ttl-check');
    await api.post('/v1/uploads', { contentType: 'image/jpeg', size: 4096 }, resident.token);

    const { doc } = createDynamoClients(stack.config);
    const counter = await doc.send(
      new QueryCommand({
        TableName: stack.config.tableName,
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': `RATE#upload#${resident.userId}` },
      }),
    );

    const expiresAt = Number(counter.Items?.[0]?.expiresAt);
    expect(expiresAt).toBeGreaterThan(Date.now() / 1000 + 3600);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() / 1000 + 2 * 3600);
  });
});

describe('grid staff contacts', () => {
  it('limits how often one resident can look up grids, and lists only the staff meant to be public', async () => {
    const resident = await api.login('dev-harvester');
    const grids = city.grids.slice(0, 61);
    const answers = [];
    for (const grid of grids) {
      const { lng, lat } = pointInGrid(grid.code);
      answers.push(await api.get(`/v1/grids/locate?lat=${lat}&lng=${lng}&coord=wgs84`, resident.token));
    }

    expect(answers.slice(0, 60).every((a) => a.status === 200)).toBe(true);
    expect(answers[60]!.status).toBe(429);
    expect(answers[60]!.body.error.code).toBe('GRID.RATE_LIMITED');
    expect(Number(answers[60]!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(answers[0]!.body.workers.map((w: { title: string }) => w.title)).toEqual(['gridWorker', 'gridLeader']);
  });
});
