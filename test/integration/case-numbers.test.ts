import { startLocalStack, type LocalStack } from '@gridtong/functions/local/stack';
import { caseNumberSchema } from '@gridtong/shared/schemas/case';
import { wgs84ToGcj02 } from '@gridtong/shared/geo/index';
import { client, uploadPhoto } from '../support/client';
import { pointInGrid } from '../support/places';
import { idempotencyKey, simpleItem } from '../support/reports';
import { TEAM_GRID } from '../support/staff';

/**
 * 受理编号 over real HTTP: unique under concurrent reports in one district and one Beijing day,
 * untouched by idempotent replays, shown in every view that names the case, and found by
 * staff only within their scope.
 */

jest.setTimeout(180_000);

// 10:00 in Beijing on 8 December 2026, moving with the real clock: one Beijing day for the whole test.
const clockStart = Date.parse('2026-12-08T02:00:00.000Z');
const started = Date.now();

let stack: LocalStack;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  stack = await startLocalStack({ quiet: true, env: { CASE_RATE_LIMIT_PER_HOUR: '100' }, now: () => new Date(clockStart + Date.now() - started) });
  api = client(stack);
});

afterAll(async () => {
  await stack?.stop();
});

function body(photoKey: string) {
  const spot = pointInGrid(TEAM_GRID);
  const [lng, lat] = wgs84ToGcj02(spot.lng, spot.lat);
  return { itemCode: simpleItem().code, description: '人行道上的井盖松动，踩上去会晃', location: { lat, lng, coord: 'gcj02', address: '天河路 1 号' }, photos: [{ key: photoKey }] };
}

const filed: { id: string; caseNumber: string; token: string }[] = [];

describe('受理编号', () => {
  it('gives 50 concurrent reports in one district and one day 50 distinct numbers, TH261208 and a sequence', async () => {
    const residents = await Promise.all(Array.from({ length: 5 }, (_, i) => api.login(`dev-numbered-${i}`)));
    const requests: { token: string; body: ReturnType<typeof body> }[] = [];
    for (const r of residents) for (let i = 0; i < 10; i++) requests.push({ token: r.token, body: body(await uploadPhoto(api, r.token)) });

    const answers = await Promise.all(requests.map((r) => api.post('/v1/cases', r.body, r.token, { 'idempotency-key': idempotencyKey() })));

    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(201));
    const numbers = answers.map((a) => a.body.caseNumber as string);
    for (const n of numbers) {
      expect(caseNumberSchema.safeParse(n).success).toBe(true);
      expect(n.length).toBeLessThanOrEqual(14);
      expect(n.startsWith('TH261208')).toBe(true);
    }
    expect(new Set(numbers).size).toBe(50);
    // The counter hands out exactly 1..50: no number lost or doubled.
    expect(numbers.map((n) => Number(n.slice(8))).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    answers.forEach((a, i) => filed.push({ id: a.body.id, caseNumber: a.body.caseNumber, token: requests[i]!.token }));
    expect(stack.dynamoOperations).not.toContain('Scan');
    expect(stack.dynamoOperations).not.toContain('TransactWriteItems');
  });

  it('keeps the number through an idempotent replay, which draws no second one', async () => {
    const { token } = await api.login('dev-numbered-replay');
    const key = idempotencyKey();
    const request = body(await uploadPhoto(api, token));
    const first = await api.post('/v1/cases', request, token, { 'idempotency-key': key });
    const replay = await api.post('/v1/cases', request, token, { 'idempotency-key': key });
    const next = await api.post('/v1/cases', body(await uploadPhoto(api, token)), token, { 'idempotency-key': idempotencyKey() });

    expect([first.status, replay.status, replay.headers.get('idempotent-replayed')]).toEqual([201, 201, 'true']);
    expect(replay.body.caseNumber).toBe(first.body.caseNumber);
    expect(Number(next.body.caseNumber.slice(8))).toBe(Number(first.body.caseNumber.slice(8)) + 1);
  });

  it('names the case by its number in 我的上报, the case page and every staff screen', async () => {
    const { id, caseNumber, token } = filed[0]!;
    const worker = await api.login('dev-worker1');

    const mine = await api.get('/v1/cases?limit=50', token);
    const own = await api.get(`/v1/cases/${id}`, token);
    const staffView = await api.get(`/v1/work/cases/${id}`, worker.token);
    const queue = await api.get('/v1/work/cases?queue=grid&limit=50', worker.token);

    expect(mine.body.cases.find((c: { id: string }) => c.id === id).caseNumber).toBe(caseNumber);
    expect(own.body.caseNumber).toBe(caseNumber);
    expect(staffView.body.caseNumber).toBe(caseNumber);
    const rows = queue.body.cases as { id: string; caseNumber?: string }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.caseNumber).toBe(filed.find((f) => f.id === row.id)?.caseNumber ?? row.caseNumber);
    expect(rows.every((row) => typeof row.caseNumber === 'string')).toBe(true);
  });

  it('lets staff find a case by its number as a person types it; outside their scope it is exactly not found', async () => {
    const { id, caseNumber } = filed[1]!;
    const worker = await api.login('dev-worker1');
    const dispatcher = await api.login('dev-dispatcher');
    const otherWorker = await api.login('dev-worker2');
    const department = await api.login('dev-yuanlin');
    const resident = await api.login('dev-numbered-0');
    const typed = `${caseNumber.slice(0, 2).toLowerCase()} ${caseNumber.slice(2, 8)}-${caseNumber.slice(8)}`;

    const found = await api.get(`/v1/work/case-numbers/${caseNumber}`, worker.token);
    const foundTyped = await api.get(`/v1/work/case-numbers/${encodeURIComponent(typed)}`, dispatcher.token);
    const outside = await api.get(`/v1/work/case-numbers/${caseNumber}`, otherWorker.token);
    const notSent = await api.get(`/v1/work/case-numbers/${caseNumber}`, department.token);
    const missing = await api.get('/v1/work/case-numbers/TH2612089999', otherWorker.token);
    const garbled = await api.get('/v1/work/case-numbers/hello', worker.token);
    const asResident = await api.get(`/v1/work/case-numbers/${caseNumber}`, resident.token);

    expect([found.status, found.body]).toEqual([200, { id, caseNumber }]);
    expect([foundTyped.status, foundTyped.body]).toEqual([200, { id, caseNumber }]);
    expect([outside.status, notSent.status, missing.status]).toEqual([404, 404, 404]);
    expect(outside.text).toBe(missing.text);
    expect(notSent.text).toBe(missing.text);
    expect(outside.text).not.toContain(id);
    expect(garbled.status).toBeGreaterThanOrEqual(400);
    expect(garbled.status).toBeLessThan(500);
    expect(asResident.status).toBe(403);
  });
});
