import { startLocalStack, type LocalStack } from '@gridtong/functions/local/stack';
import { SessionTokens } from '@gridtong/functions/adapters/sessions';
import { logger } from '@gridtong/functions/log';
import { client } from '../support/client';
import { city } from '../support/places';

jest.setTimeout(60_000);

let stack: LocalStack;

beforeAll(async () => {
  // Access lines on and handler logs at DEBUG: the most a deployment could ever write.
  stack = await startLocalStack({ quiet: false });
  logger.setLogLevel('DEBUG');
});

afterAll(async () => {
  await stack?.stop();
});

/** The text the process wrote (stdout, stderr, console) while `run` ran. */
async function written(run: () => Promise<void>): Promise<string> {
  const seen: string[] = [];
  const keep = (value: unknown) => seen.push(typeof value === 'string' ? value : value instanceof Uint8Array ? Buffer.from(value).toString('utf8') : JSON.stringify(value));
  const spies = [
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (keep(chunk), true)),
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (keep(chunk), true)),
    ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => jest.spyOn(console, m).mockImplementation((...args: unknown[]) => { args.forEach(keep); })),
  ];
  try {
    await run();
  } finally {
    spies.forEach((s) => s.mockRestore());
  }
  return seen.join('\n');
}

it('a whole booking writes no phone, address, note, token or idempotency key to the logs', async () => {
  const api = client(stack);
  const phone = '13987654321';
  const address = '榕溪东路 99 号 7 栋 1203 房';
  const note = '请先打电话给女儿';
  const key = 'privacy-booking-key-1';
  let tokens: string[] = [];
  const text = await written(async () => {
    const worker = await api.login('dev-worker1');
    const grid = city.workers.find((w) => w.devLogin === 'dev-worker1')!.gridCode;
    const token = (await new SessionTokens(stack.config.sessionSecret!).issue({ userId: 'UPRIVACYBOOKER', role: 'resident', scope: { areas: [] } }, new Date())).token;
    tokens = [token, worker.token];
    expect((await api.call('PUT', '/v1/me/home', { body: { gridCode: grid }, token })).status).toBe(200);
    const slots = await api.get('/v1/bookings/slots?service=S01', token);
    const slot = slots.body.days.flatMap((d: { slots: unknown[] }) => d.slots).find((s: { workerId: string }) => s.workerId === worker.userId);
    const made = await api.post('/v1/bookings', { serviceCode: 'S01', workerId: worker.userId, start: slot.start, address, contactPhone: phone, note }, token, { 'idempotency-key': key });
    expect(made.status).toBe(201);
    // A refused request (same key, other body) and a 409 race loser are logged too.
    expect((await api.post('/v1/bookings', { serviceCode: 'S01', workerId: worker.userId, start: slot.start, address, contactPhone: '13900000000' }, token, { 'idempotency-key': key })).status).toBe(409);
    const day = slot.date as string;
    expect((await api.get(`/v1/work/bookings?day=${day}`, worker.token)).status).toBe(200);
    expect((await api.post(`/v1/work/bookings/${made.body.id}/actions`, { type: 'confirm', version: made.body.version }, worker.token)).status).toBe(200);
    await stack.jobs.bookings();
  });
  expect(text).toContain('/v1/bookings');
  for (const secret of [phone, address, note, key, ...tokens]) expect(text).not.toContain(secret);
});
