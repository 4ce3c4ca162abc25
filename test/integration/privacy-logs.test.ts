import { startLocalStack, type LocalStack } from '@gridtong/functions/local/stack';
import { devOpenid } from '@gridtong/functions/local/wechat-standin';
import { logger } from '@gridtong/functions/log';
import { wgs84ToGcj02 } from '@gridtong/shared/geo/index';
import { client, uploadPhoto } from '../support/client';
import { pointInGrid } from '../support/places';
import { idempotencyKey, report, reportGrid } from '../support/reports';

jest.setTimeout(60_000);

/** Everything the process writes while `fn` runs: stdout, stderr and console, as one text. */
async function capture(fn: () => Promise<void>): Promise<string> {
  const chunks: string[] = [];
  const record = (...args: unknown[]) => {
    chunks.push(args.map((a) => (typeof a === 'string' ? a : a instanceof Uint8Array ? Buffer.from(a).toString('utf8') : JSON.stringify(a))).join(' '));
  };
  const spies = [
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (record(chunk), true)),
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (record(chunk), true)),
    ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => jest.spyOn(console, method).mockImplementation(record)),
  ];
  try {
    await fn();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return chunks.join('\n');
}

let stack: LocalStack;

beforeAll(async () => {
  // Not quiet: access log lines on, handler logs at INFO, then DEBUG for this test.
  stack = await startLocalStack({ quiet: false });
  logger.setLogLevel('DEBUG');
});

afterAll(async () => {
  await stack?.stop();
});

it('writes no openid, token, phone number, signed link or idempotency key to the logs', async () => {
  const api = client(stack);
  const contactPhone = '13912345678';
  const key = idempotencyKey();
  const secrets: Record<string, string[]> = {
    openid: [devOpenid('privacy')],
    contactPhone: [contactPhone],
    idempotencyKey: [key],
    wechatLoginCode: ['dev-privacy', 'js_code'],
    appSecret: [stack.config.wechatSecret!],
  };

  const logs = await capture(async () => {
    const me = await api.login('dev-privacy');
    secrets.token = [me.token];
    const spot = pointInGrid(reportGrid().code);
    const [lng, lat] = wgs84ToGcj02(spot.lng, spot.lat);
    const located = await api.get(`/v1/grids/locate?lat=${lat}&lng=${lng}&coord=gcj02`, me.token);
    secrets.workerPhone = located.body.workers.map((w: { phone: string }) => w.phone);
    const photo = await uploadPhoto(api, me.token);
    const body = report([photo], { contactPhone });
    const created = await api.post('/v1/cases', body, me.token, { 'idempotency-key': key });
    const retried = await api.post('/v1/cases', body, me.token, { 'idempotency-key': key });
    const reused = await api.post('/v1/cases', { ...body, description: '换一件事' }, me.token, { 'idempotency-key': key });
    const read = await api.get(`/v1/cases/${created.body.id}`, me.token);
    secrets.signedLink = [read.body.photoUrls[0], new URL(read.body.photoUrls[0]).searchParams.get('X-Amz-Signature')!];
    // Refusals are logged too: a bad token and a foreign photo.
    await api.get('/v1/cases', `${me.token}x`);
    await api.post('/v1/cases', report([`uploads/Usomeoneelse/01ABCDEFGHJKMNPQRSTVWXYZ01.jpg`], { contactPhone }), me.token, { 'idempotency-key': idempotencyKey() });
    // a neighbour finds and follows the case; the reporter urges, sets a home.
    const neighbour = await api.login('dev-privacy-neighbour');
    const nearby = await api.get(`/v1/cases/nearby?lat=${lat}&lng=${lng}&coord=gcj02&itemCode=${body.itemCode}`, neighbour.token);
    const followed = await api.post(`/v1/cases/${created.body.id}/follow`, undefined, neighbour.token);
    const asFollower = await api.get(`/v1/cases/${created.body.id}`, neighbour.token);
    const urged = await api.post(`/v1/cases/${created.body.id}/actions`, { type: 'urge', note: `请联系 ${contactPhone}`, version: read.body.version }, me.token);
    const home = await api.call('PUT', '/v1/me/home', { body: { location: { lat, lng, coord: 'gcj02' } }, token: me.token });
    const mine = await api.get('/v1/me', me.token);
    expect([nearby.status, followed.status, asFollower.status, home.status, mine.status]).toEqual([200, 200, 200, 200, 200]);
    expect(urged.status).toBe(200);
    secrets.token.push(neighbour.token);
    secrets.signedLink.push(...nearby.body.cases.flatMap((c: { photoUrl: string | null }) => (c.photoUrl ? [c.photoUrl] : [])));
    // And failures logged at ERROR: WeChat unreachable while the resident logs in again.
    await stack.wechat.stop();
    const unreachable = await api.post('/v1/auth/wechat', { code: 'dev-privacy' });
    expect(unreachable.status).toBe(502);

    expect([located.status, created.status, retried.status, reused.status, read.status]).toEqual([200, 201, 201, 409, 200]);
    expect(created.body.contactPhone).toBe(contactPhone);
  });

  expect(logs).toMatch(/request served/);
  expect(logs).toMatch(/request refused/);
  expect(logs).toMatch(/"level":"ERROR".*"request failed"/);
  expect(secrets.workerPhone!.length).toBeGreaterThan(0);
  for (const [what, values] of Object.entries(secrets)) {
    for (const value of values) expect({ what, found: logs.includes(value) }).toEqual({ what, found: false });
  }
  expect(logs).not.toMatch(/X-Amz-Signature|X-Amz-Credential/i);
});
