import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startLocalStack, type LocalStack } from '@gridtong/functions/local/stack';
import { ROLE_LABELS } from '@gridtong/shared/schemas/roles';
import { client, uploadPhoto } from '../support/client';
import { accepts, freePort, spawnGroup, type Spawned } from '../support/processes';
import { idempotencyKey, report } from '../support/reports';

jest.setTimeout(60_000);

const repoRoot = resolve(__dirname, '..', '..');
const tempDirs: string[] = [];
const running: LocalStack[] = [];
let cli: Spawned | undefined;

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gridtong-stack-test-'));
  tempDirs.push(dir);
  return dir;
}

async function start(options: Parameters<typeof startLocalStack>[0]): Promise<LocalStack> {
  const stack = await startLocalStack({ quiet: true, ...options });
  running.push(stack);
  return stack;
}

async function stop(stack: LocalStack): Promise<void> {
  running.splice(running.indexOf(stack), 1);
  await stack.stop();
}

/** Logs in, uploads one photo and files a case; returns the resident and the case. */
async function fileCase(stack: LocalStack, code: string, description: string) {
  const api = client(stack);
  const resident = await api.login(code);
  const photo = await uploadPhoto(api, resident.token);
  const answer = await api.post('/v1/cases', report([photo], { description }), resident.token, { 'idempotency-key': idempotencyKey() });
  if (answer.status !== 201) throw new Error(`create failed: ${answer.status} ${answer.text}`);
  return { resident, caseId: answer.body.id as string };
}

afterAll(async () => {
  cli?.kill();
  for (const stack of running.reverse()) await stack.stop().catch(() => undefined);
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

describe('a stack with a data directory', () => {
  it('keeps cases, accounts, photos and sessions across a restart, and seeds only once', async () => {
    const dataDir = await tempDir();
    const first = await start({ dataDir });
    const { resident, caseId } = await fileCase(first, 'dev-restart', '路灯不亮，晚上很黑');
    await stop(first);

    const second = await start({ dataDir });
    const api = client(second);
    const again = await api.login('dev-restart');
    const byNewSession = await api.get(`/v1/cases/${caseId}`, again.token);
    const byOldSession = await api.get('/v1/cases', resident.token);

    expect(first.seeded).toBe(true);
    expect(second.seeded).toBe(false);
    expect(again.userId).toBe(resident.userId);
    expect(byNewSession.status).toBe(200);
    expect(byNewSession.body.description).toBe('路灯不亮，晚上很黑');
    expect((await fetch(byNewSession.body.photoUrls[0])).status).toBe(200);
    // The session secret is kept too: a restart does not log everyone out.
    expect(byOldSession.status).toBe(200);
    expect(byOldSession.body.cases.map((c: { id: string }) => c.id)).toEqual([caseId]);
    await stop(second);
  });
});

describe('a second stack on the first one\'s DynamoDB and S3', () => {
  it('sees the same residents and cases, and both keep serving their own sessions', async () => {
    const a = await start({});
    const fromA = await fileCase(a, 'dev-shared-store', '垃圾桶满了没人清');

    const b = await start({ dynamodbEndpoint: a.dynamodbEndpoint, s3Endpoint: a.s3Endpoint });
    const apiA = client(a);
    const apiB = client(b);
    const onB = await apiB.login('dev-shared-store');
    const fromB = await fileCase(b, 'dev-shared-store', '又满了');
    const readOnB = await apiB.get(`/v1/cases/${fromA.caseId}`, onB.token);
    const listOnA = await apiA.get('/v1/cases', fromA.resident.token);

    expect(b.seeded).toBe(false);
    expect([b.dynamodbEndpoint, b.s3Endpoint]).toEqual([a.dynamodbEndpoint, a.s3Endpoint]);
    expect(onB.userId).toBe(fromA.resident.userId);
    expect(readOnB.status).toBe(200);
    expect(readOnB.body.description).toBe('垃圾桶满了没人清');
    expect(listOnA.status).toBe(200);
    expect(listOnA.body.cases.map((c: { id: string }) => c.id)).toEqual([fromB.caseId, fromA.caseId]);

    await stop(b);
    const afterBStopped = await apiA.get(`/v1/cases/${fromB.caseId}`, fromA.resident.token);
    expect(afterBStopped.status).toBe(200);
    await stop(a);
  });
});

describe('npm start (the CLI)', () => {
  it('prints where everything is, serves the API, and stops cleanly on Ctrl-C', async () => {
    const port = await freePort();
    const dataDir = await tempDir();
    // What `npx tsx` runs, in one process: npm would die by the signal rather than exit 0, and
    // the tsx CLI SIGKILLs its child when the child's signal report takes over 30 ms (a busy CI box).
    cli = spawnGroup(process.execPath, ['--import', 'tsx', 'functions/src/local/start.ts'], {
      cwd: repoRoot,
      env: { ...process.env, PORT: String(port), GRIDTONG_DATA_DIR: dataDir },
    });

    const api = await cli.waitFor(/API:\s+(http:\/\/127\.0\.0\.1:(\d+))\/v1\//, 30_000);
    await cli.waitFor(/Press Ctrl-C to stop/, 5_000);
    const printed = cli.output();
    const backends = [...printed.matchAll(/(?:DynamoDB|S3):\s+http:\/\/127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1]));
    const http = client({ url: api[1]! });
    const session = await http.login('dev-zhangsan');
    const catalog = await http.get('/v1/catalog', session.token);

    expect(Number(api[2])).toBe(port);
    expect(printed).toMatch(new RegExp(`dev-zhangsan\\s+${ROLE_LABELS.resident}`));
    expect(printed).toMatch(new RegExp(`dev-worker1\\s+${ROLE_LABELS.gridWorker}`));
    expect(printed).toContain(join(dataDir, 'dynamodb'));
    expect(catalog.status).toBe(200);
    expect(catalog.body.items.length).toBeGreaterThan(0);
    expect(backends).toHaveLength(2);

    process.kill(-cli.child.pid!, 'SIGINT');
    const exit = await cli.exited(15_000);

    expect(exit).toEqual({ code: 0, signal: null });
    expect(await accepts(port)).toBe(false);
    for (const backend of backends) expect(await accepts(backend)).toBe(false);
  });
});
