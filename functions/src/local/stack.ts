import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DescribeTableCommand, ResourceNotFoundException, UpdateTimeToLiveCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, HeadBucketCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import dynalite from 'dynalite';
import S3rver from 's3rver';
import { demoAccounts } from '@gridtong/shared/city/accounts';
import { loadDemoCity } from '@gridtong/shared/city/demo';
import type { CityData } from '@gridtong/shared/city/schema';
import { readConfig, type Config } from '../config';
import { handlers, type HttpHandler } from '../handlers/index';
import { logger } from '../log';
import { createRuntime, releaseRuntime, setRuntime, withRuntime, type Runtime } from '../runtime';
import { CITY_SNAPSHOT_KEY, publishCitySnapshot } from '../city/city-snapshot';
import { createDynamoClients, createS3Client } from '../store/clients';
import { idempotencyTable, mainTable } from '../store/table-def';
// events: the deliverer and the sweep run on timers locally, the same code as on AWS
import type { DeliveryReport } from '../outbox/deliverer';
import { runSweep, type SweepReport } from '../cases/sweep';
// 代办 bookings
import { BookingDeliverer, sendDueReminders, type ReminderReport } from '../bookings/jobs';
import { seedDemoAvailability } from '../bookings/demo';
import { BookingRepository } from '../bookings/booking-store';
import { openidHash, UserRepository } from '../accounts/user-store';
import { StaffRepository } from '../accounts/staff-store';
import { startBridge } from './bridge';
import { devOpenid, startWechatStandin, type WechatStandin } from './wechat-standin';

export interface LocalStackOptions {
  /** 0 = any free port. */
  port?: number;
  /** Keep DynamoDB and S3 data here across restarts; omit for a throwaway in-memory stack. */
  dataDir?: string;
  /** Built H5 app to serve at / (same origin as the API). */
  h5Dir?: string;
  /** No access log lines; handler logs at WARN. */
  quiet?: boolean;
  /** External DynamoDB / S3 instead of the embedded ones. */
  dynamodbEndpoint?: string;
  s3Endpoint?: string;
  /** Clock for the handlers (tests move time). */
  now?: () => Date;
  /** Extra environment for the runtime config (e.g. CASE_RATE_LIMIT_PER_HOUR). */
  env?: Record<string, string>;
  /** Reference data to seed instead of the demo city. */
  city?: CityData;
  /**
   * events: how often the deliverer and the sweep run (ms). Off unless asked for (`npm start`
   * asks): tests run `jobs` themselves, so what they see never depends on timing.
   */
  timers?: { deliverEveryMs: number; sweepEveryMs: number } | false;
}

/** events: `npm start`'s timers: messages within a second or so, the sweep twice a minute. */
export const DEFAULT_TIMERS = { deliverEveryMs: 1_000, sweepEveryMs: 30_000 } as const;

/** events: run the background jobs now, with this stack's runtime (what the timers do). */
export interface LocalJobs {
  deliver(): Promise<DeliveryReport>;
  sweep(): Promise<SweepReport>;
  // Booking deliveries and the day-before reminders
  bookings(): Promise<{ delivered: DeliveryReport; reminders: ReminderReport }>;
}

export interface LocalStack {
  url: string;
  dynamodbEndpoint: string;
  s3Endpoint: string;
  wechat: WechatStandin;
  config: Config;
  seeded: boolean;
  /** Operation names (GetItem, Query, …) received by the embedded DynamoDB, in order. */
  dynamoOperations: string[];
  jobs: LocalJobs;
  /** The runtime the handlers serve with: tests reach stores and services through it. */
  runtime: Runtime;
  stop(): Promise<void>;
}

const S3_CORS = `<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>POST</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader></CORSRule></CORSConfiguration>`;

function listen(server: Server, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

async function ensureTables(client: DynamoDBClient, config: Config): Promise<void> {
  const exists = async (name: string) => {
    try {
      await client.send(new DescribeTableCommand({ TableName: name }));
      return true;
    } catch (err) {
      if (err instanceof ResourceNotFoundException) return false;
      throw err;
    }
  };
  if (await exists(config.tableName)) {
    // events: dynalite cannot add an index to an existing table; data from an older version lacks the newer ones.
    const described = await client.send(new DescribeTableCommand({ TableName: config.tableName }));
    const present = new Set((described.Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
    const missing = mainTable.indexes.map((i) => i.name).filter((name) => !present.has(name));
    if (missing.length) {
      console.warn(`The local table ${config.tableName} predates index(es) ${missing.join(', ')}: queues, messages or the sweep that use them will fail. Delete the data folder (.local/ or GRIDTONG_DATA_DIR) to start over.`);
    }
  } else {
    const keys = [mainTable.partitionKey, mainTable.sortKey, ...mainTable.indexes.flatMap((i) => [i.partitionKey, i.sortKey])];
    await client.send(new CreateTableCommand({
      TableName: config.tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: keys.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: mainTable.partitionKey, KeyType: 'HASH' },
        { AttributeName: mainTable.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: mainTable.indexes.map((i) => ({
        IndexName: i.name,
        KeySchema: [
          { AttributeName: i.partitionKey, KeyType: 'HASH' },
          { AttributeName: i.sortKey, KeyType: 'RANGE' },
        ],
        Projection: i.projection.type === 'INCLUDE' ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...i.projection.attributes] } : { ProjectionType: i.projection.type },
      })),
    }));
  }
  if (!(await exists(config.idempotencyTableName))) {
    await client.send(new CreateTableCommand({
      TableName: config.idempotencyTableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: idempotencyTable.partitionKey, AttributeType: 'S' }],
      KeySchema: [{ AttributeName: idempotencyTable.partitionKey, KeyType: 'HASH' }],
    }));
    // dynalite has no TTL; a real DynamoDB Local/AWS gets it.
    // events: messages expire by the main table's TTL attribute.
    await client.send(new UpdateTimeToLiveCommand({
      TableName: config.tableName,
      TimeToLiveSpecification: { AttributeName: mainTable.ttlAttribute, Enabled: true },
    })).catch(() => undefined);
    await client.send(new UpdateTimeToLiveCommand({
      TableName: config.idempotencyTableName,
      TimeToLiveSpecification: { AttributeName: idempotencyTable.ttlAttribute, Enabled: true },
    })).catch(() => undefined);
  }
}

async function ensureBucket(s3: S3Client, bucket: string): Promise<void> {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  }
}

/** First start only: publish the city snapshot and bind the demo staff accounts. */
async function seedIfEmpty(s3: S3Client, config: Config, users: UserRepository, city: () => CityData): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: config.uploadBucket, Key: CITY_SNAPSHOT_KEY }));
    return false;
  } catch {
    // not seeded yet
  }
  const data = city();
  const now = new Date().toISOString();
  for (const account of demoAccounts(data)) {
    if (account.role === 'resident') continue;
    const name = account.code.replace(/^dev-/, '');
    await users.bindStaff(openidHash(config.wechatAppId, devOpenid(name)), {
      userId: `S${name.replace(/[^A-Za-z0-9]/g, '')}`,
      role: account.role,
      areas: account.areas,
      ...(account.departmentId ? { departmentId: account.departmentId } : {}),
      name: account.name,
      createdAt: now,
    });
  }
  // Published last: its presence marks a completed seed.
  await publishCitySnapshot(s3, config.uploadBucket, data);
  return true;
}

// Demo staff accounts (user id S<name>, as the seeded login records say)
async function ensureDemoStaff(staff: StaffRepository, data: CityData): Promise<void> {
  const createdAt = new Date().toISOString();
  for (const account of demoAccounts(data)) {
    if (account.role === 'resident') continue;
    await staff.ensure({
      userId: demoStaffUserId(account.code),
      role: account.role,
      areas: account.areas,
      ...(account.departmentId ? { departmentId: account.departmentId } : {}),
      // A person's name where the demo city has one (the grid team), else the desk it sits at.
      name: data.workers.find((w) => w.devLogin === account.code)?.name ?? account.description.split('：').pop() ?? account.name,
      status: 'active',
      createdAt,
    });
  }
}

const demoStaffUserId = (code: string) => `S${code.replace(/^dev-/, '').replace(/[^A-Za-z0-9]/g, '')}`;

async function sessionSecret(dataDir: string | undefined): Promise<string> {
  if (!dataDir) return randomBytes(32).toString('hex');
  const file = join(dataDir, 'session-secret');
  const existing = await readFile(file, 'utf8').catch(() => '');
  if (existing.trim().length >= 32) return existing.trim();
  const fresh = randomBytes(32).toString('hex');
  await writeFile(file, fresh, { mode: 0o600 });
  return fresh;
}

/**
 * Everything on 127.0.0.1 in this process: dynalite, s3rver, the WeChat stand-in and the
 * HTTP bridge in front of the real handlers. `stop()` closes all of it.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const stops: (() => Promise<void>)[] = [];
  let runtime: Runtime | null = null;
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    stops.length = 0;
    if (runtime) releaseRuntime(runtime);
  };
  const dynamoOperations: string[] = [];
  // Lambda runs Node 22; the SDK's "upgrade Node" notice is noise for a laptop on Node 20.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  try {
    if (options.dataDir) await mkdir(options.dataDir, { recursive: true });

    let dynamodbEndpoint = options.dynamodbEndpoint;
    if (!dynamodbEndpoint) {
      const dbPath = options.dataDir ? join(options.dataDir, 'dynamodb') : undefined;
      if (dbPath) await mkdir(dbPath, { recursive: true });
      const db = dynalite({ ...(dbPath ? { path: dbPath } : {}), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
      // Every DynamoDB operation the handlers issue is recorded, so tests can prove no Scan.
      const original = db.listeners('request') as ((...args: unknown[]) => void)[];
      db.removeAllListeners('request');
      db.on('request', (req: IncomingMessage, res: ServerResponse) => {
        const target = String(req.headers['x-amz-target'] ?? '');
        dynamoOperations.push(target.replace(/^DynamoDB_\d+\./, ''));
        for (const listener of original) listener.call(db, req, res);
      });
      const port = await listen(db);
      stops.push(() => new Promise((resolve) => db.close(() => resolve())));
      dynamodbEndpoint = `http://127.0.0.1:${port}`;
    }

    let s3Endpoint = options.s3Endpoint;
    if (!s3Endpoint) {
      const directory = options.dataDir ? join(options.dataDir, 's3') : join(tmpdir(), `gridtong-s3-${randomBytes(6).toString('hex')}`);
      await mkdir(directory, { recursive: true });
      const s3rver = new S3rver({
        port: 0,
        address: '127.0.0.1',
        silent: true,
        directory,
        resetOnClose: !options.dataDir,
        configureBuckets: [{ name: options.env?.UPLOAD_BUCKET ?? 'gridtong-uploads', configs: [S3_CORS] }],
      });
      const address = await s3rver.run();
      stops.push(() => s3rver.close());
      s3Endpoint = `http://127.0.0.1:${address.port}`;
    }

    const wechat = await startWechatStandin(0, { now: options.now });
    stops.push(() => wechat.stop());

    const secret = await sessionSecret(options.dataDir);
    const config = readConfig({
      STAGE: 'local',
      AWS_REGION: 'cn-north-1',
      DYNAMODB_ENDPOINT: dynamodbEndpoint,
      S3_ENDPOINT: s3Endpoint,
      SESSION_SECRET: secret,
      WECHAT_API_BASE: wechat.url,
      WECHAT_APPID: 'wx-local-appid',
      WECHAT_SECRET: 'local-wechat-secret',
      LOCAL_DEV_ROUTES: '1',
      // The openid's local master key and the content-check callback token
      OPENID_LOCAL_KEY: createHash('sha256').update(`openid-key:${secret}`).digest('hex'),
      WECHAT_CALLBACK_TOKEN: createHash('sha256').update(`callback:${secret}`).digest('hex').slice(0, 32),
      ...options.env,
    });
    const { client, doc } = createDynamoClients(config);
    const s3 = createS3Client(config);
    await ensureTables(client, config);
    await ensureBucket(s3, config.uploadBucket);
    let cityData: CityData | undefined;
    const city = () => (cityData ??= options.city ?? loadDemoCity());
    const seeded = await seedIfEmpty(s3, config, new UserRepository(doc, config.tableName), city);
    // Staff routes check the stored staff account, so every demo staff
    // login has one (also in data folders seeded before accounts existed); revoked ones stay revoked.
    await ensureDemoStaff(new StaffRepository(doc, config.tableName), city());
    // On a first start the demo grid team opens Tue/Thu afternoons, so 代办预约 has slots to show.
    if (seeded) await seedDemoAvailability(new BookingRepository(doc, config.tableName), city(), demoStaffUserId, new Date());

    logger.setLogLevel(options.quiet ? 'WARN' : 'INFO');
    runtime = createRuntime(config, { now: options.now });
    setRuntime(runtime);
    const own = runtime;
    const ownHandlers = Object.fromEntries(
      Object.entries(handlers).map(([id, handler]) => [id, (event, context) => withRuntime(own, () => handler(event, context))] satisfies [string, HttpHandler]),
    );

    const bridge = await startBridge({
      handlers: ownHandlers,
      includeLocalOnly: true,
      h5Dir: options.h5Dir,
      port: options.port ?? 0,
      ...(options.quiet ? {} : { onAccess: (l) => console.log(`${l.method} ${l.path} ${l.status} ${l.ms}ms`) }),
    });
    stops.push(() => bridge.stop());
    // The stand-in posts its signed content-check verdicts to our callback route.
    if (config.wechatCallbackToken) wechat.setContentCallback(`${bridge.url}/v1/wechat/content-check`, config.wechatCallbackToken);

    // events: the deliverer and the sweep, each never overlapping itself.
    const jobs: LocalJobs = {
      deliver: () => withRuntime(own, () => own.deliverer().deliverDue()),
      sweep: () => withRuntime(own, () => runSweep(own)),
      // Reminders first, so their messages go out in the same run
      bookings: () => withRuntime(own, async () => {
        const reminders = await sendDueReminders(own);
        return { reminders, delivered: await new BookingDeliverer(own).deliverDue() };
      }),
    };
    const timers = options.timers ?? false;
    if (timers) {
      const every = (name: string, ms: number, job: () => Promise<unknown>) => {
        let running: Promise<unknown> | null = null;
        const timer = setInterval(() => {
          running ??= job()
            .catch((err: unknown) => logger.warn(`${name} run failed`, { error: err as Error }))
            .finally(() => {
              running = null;
            });
        }, ms);
        timer.unref();
        // Stopped before the stores: the timer first, then whatever run is in flight.
        stops.push(async () => {
          clearInterval(timer);
          await running;
        });
      };
      every('deliverer', timers.deliverEveryMs, jobs.deliver);
      every('sweep', timers.sweepEveryMs, jobs.sweep);
      // 代办 bookings
      every('bookings', timers.deliverEveryMs, jobs.bookings);
    }

    return { url: bridge.url, dynamodbEndpoint, s3Endpoint, wechat, config, seeded, dynamoOperations, jobs, runtime: own, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
