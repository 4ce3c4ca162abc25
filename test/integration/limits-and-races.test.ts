import { startLocalStack, type LocalStack } from '@gridtong/functions/local/stack';
import { client, uploadPhoto } from '../support/client';
import { idempotencyKey, report } from '../support/reports';

jest.setTimeout(60_000);

const HOUR = 3600_000;
// The clock starts one minute into an hour, so the fixed rate-limit window cannot roll
// over while the test runs.
const clockStart = Math.floor(Date.now() / HOUR) * HOUR + 60_000;
const started = Date.now();

let stack: LocalStack;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  stack = await startLocalStack({ quiet: true, env: { CASE_RATE_LIMIT_PER_HOUR: '3' }, now: () => new Date(clockStart + Date.now() - started) });
  api = client(stack);
});

afterAll(async () => {
  await stack?.stop();
});

async function file(token: string, key = idempotencyKey(), photo?: string) {
  const body = report([photo ?? (await uploadPhoto(api, token))]);
  return { key, body, answer: await api.post('/v1/cases', body, token, { 'idempotency-key': key }) };
}

describe('case rate limit (3 an hour in this stack)', () => {
  it('refuses the 4th new case with 429 and Retry-After; retries of a filed case cost nothing and still answer', async () => {
    const { token } = await api.login('dev-limit-busy');
    const first = await file(token);
    const second = await file(token);
    const retries = [];
    for (let i = 0; i < 3; i++) retries.push(await api.post('/v1/cases', first.body, token, { 'idempotency-key': first.key }));
    const third = await file(token);
    const fourth = await file(token);
    const retryAfterLimit = await api.post('/v1/cases', third.body, token, { 'idempotency-key': third.key });
    const list = await api.get('/v1/cases', token);

    expect([first, second, third].map((f) => f.answer.status)).toEqual([201, 201, 201]);
    expect(retries.map((r) => [r.status, r.body.id, r.headers.get('idempotent-replayed')])).toEqual(Array(3).fill([201, first.answer.body.id, 'true']));
    expect(first.answer.headers.get('idempotent-replayed')).toBeNull();
    expect(fourth.answer.status).toBe(429);
    expect(fourth.answer.body.error.code).toBe('CASE.RATE_LIMITED');
    const retryAfter = Number(fourth.answer.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    // The window ends on the hour; the clock is a minute or so past it.
    expect(retryAfter).toBeGreaterThan(30 * 60);
    expect(retryAfter).toBeLessThanOrEqual(59 * 60);
    expect(retryAfterLimit.status).toBe(201);
    expect(retryAfterLimit.body.id).toBe(third.answer.body.id);
    expect(list.body.cases.map((c: { id: string }) => c.id).sort()).toEqual([first, second, third].map((f) => f.answer.body.id).sort());
  });

  it('does not count reports refused for their content', async () => {
    const { token, userId } = await api.login('dev-limit-unlucky');
    const refused = [];
    for (let i = 0; i < 3; i++) refused.push((await file(token, idempotencyKey(), `uploads/${userId}/01NOTUPLOADED${i}00000000000.jpg`)).answer.status);
    const real = await file(token);

    expect(refused).toEqual([422, 422, 422]);
    expect(real.answer.status).toBe(201);
  });

  it('leaves another resident free to report', async () => {
    const busy = await api.login('dev-limit-full');
    const other = await api.login('dev-limit-other');
    for (let i = 0; i < 3; i++) expect((await file(busy.token)).answer.status).toBe(201);

    const blocked = await file(busy.token);
    const free = await file(other.token);

    expect(blocked.answer.status).toBe(429);
    expect(free.answer.status).toBe(201);
  });
});

describe('two taps at once with the same Idempotency-Key', () => {
  it.each(['dev-race-a', 'dev-race-b'])('%s: one case exists, every answer is that case or "in progress"', async (code) => {
    const { token } = await api.login(code);
    const photo = await uploadPhoto(api, token);
    const body = report([photo]);
    const key = idempotencyKey();

    const answers = await Promise.all([0, 1].map(() => api.post('/v1/cases', body, token, { 'idempotency-key': key })));
    const list = await api.get('/v1/cases', token);

    expect(list.body.cases).toHaveLength(1);
    const id = list.body.cases[0].id;
    for (const answer of answers) {
      if (answer.status === 201) {
        expect(answer.body.id).toBe(id);
      } else {
        expect([answer.status, answer.body.error.code]).toEqual([409, 'IDEMPOTENCY.IN_PROGRESS']);
        expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
      }
    }
    expect(answers.some((a) => a.status === 201)).toBe(true);
    // Once the first attempt finished, a retry gets the case itself.
    const retry = await api.post('/v1/cases', body, token, { 'idempotency-key': key });
    expect([retry.status, retry.body.id]).toEqual([201, id]);
  });
});

describe('the presigned POST policy', () => {
  type Condition = Record<string, string> | [string, string | number, string | number];
  const policyOf = (fields: Record<string, string>) => JSON.parse(Buffer.from(fields.Policy!, 'base64').toString('utf8')) as { expiration: string; conditions: Condition[] };
  const exact = (conditions: Condition[], name: string) => conditions.find((c): c is Record<string, string> => !Array.isArray(c) && name in c)?.[name];

  it('lets the phone upload one photo of the agreed type and size, for five minutes, under its own prefix only', async () => {
    const me = await api.login('dev-policy-a');
    const other = await api.login('dev-policy-b');

    const mine = await api.post('/v1/uploads', { contentType: 'image/png', size: 4096 }, me.token);
    const theirs = await api.post('/v1/uploads', { contentType: 'image/jpeg', size: 4096 }, other.token);
    const policy = policyOf(mine.body.fields);

    expect(mine.status).toBe(201);
    const ahead = Date.parse(policy.expiration) - Date.now();
    expect(ahead).toBeGreaterThan(4 * 60_000);
    expect(ahead).toBeLessThanOrEqual(5 * 60_000);
    // Exactly the declared size: the same form cannot carry a bigger file later.
    expect(policy.conditions).toContainEqual(['content-length-range', 4096, 4096]);
    expect(policy.conditions).toContainEqual(['eq', '$Content-Type', 'image/png']);
    expect(mine.body.fields['Content-Type']).toBe('image/png');
    expect(exact(policy.conditions, 'bucket')).toBe(stack.config.uploadBucket);
    expect(exact(policy.conditions, 'key')).toBe(mine.body.key);
    expect(mine.body.fields.key).toBe(mine.body.key);
    expect(mine.body.key).toMatch(new RegExp(`^uploads/${me.userId}/[0-9A-Z]+\\.png$`));
    // No wildcard that would let the form write anywhere else.
    expect(policy.conditions.filter((c) => Array.isArray(c) && c[0] === 'starts-with')).toEqual([]);
    expect(theirs.body.key.startsWith(`uploads/${other.userId}/`)).toBe(true);
    expect(theirs.body.key.startsWith(`uploads/${me.userId}/`)).toBe(false);
    expect(policyOf(theirs.body.fields).conditions).toContainEqual(['eq', '$Content-Type', 'image/jpeg']);
  });
});
