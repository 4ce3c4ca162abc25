import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { readConfig, type Config } from './config';
import { resolveSecret } from './adapters/secrets';
import { SessionTokens } from './adapters/sessions';
import { WechatClient } from './adapters/wechat';
import type { Case } from '@gridtong/shared/schemas/case';
import type { Booking } from '@gridtong/shared/booking/schema';
import { CaseRepository } from './cases/case-store';
import { CaseNumberStore } from './cases/case-number-store';
import { CityProvider } from './city/city-snapshot';
import { createDynamoClients, createS3Client } from './store/clients';
import { PhotoStore } from './store/photos';
import { RateLimiter } from './store/rate-limits';
import { UserRepository } from './accounts/user-store';
// Staff accounts, invitations, work queues
import { InvitationRepository } from './accounts/invitation-store';
import { StaffRepository } from './accounts/staff-store';
import { WorkQueueStore } from './cases/queue-store';
// Reporting and tracking
import { FollowRepository } from './cases/follow-store';
// Outbox, message centre, counters, sweep
import { nextSweepAt } from '@gridtong/shared/events/sweep';
import { workingCalendar } from './calendar';
import { CounterChannel } from './outbox/counter-channel';
import { Deliverer, type DelivererOptions } from './outbox/deliverer';
import { MessageChannel } from './outbox/message-channel';
import { RecipientResolver } from './outbox/recipients';
import { CounterStore } from './cases/counter-store';
import { MessageStore } from './messages/message-store';
import { CASE_OUTBOX, OutboxStore } from './outbox/outbox-store';
import { StaffDirectory } from './accounts/staff-directory';
import { SweepIndex } from './cases/sweep-index';
import type { SweepPlanner } from './cases/case-store';
import type { Channel } from './outbox/channels';
// 代办 visits
import { BOOKING_OUTBOX, BookingRepository } from './bookings/booking-store';
// Subscribe messages, the sealed openid, grants
import { KMSClient } from '@aws-sdk/client-kms';
import { KmsDataKeySource, LocalDataKeySource, type DataKeySource } from './adapters/envelope';
import { WechatChannel } from './outbox/wechat-channel';
import { SubscribePusher } from './outbox/subscribe-pusher';
import { IdentityStore } from './accounts/identity-store';
import { SubscriptionStore } from './messages/subscription-store';
import { VoteStore } from './cases/vote-store';
import { ContentChannel } from './outbox/content-channel';
import { ContentCheckStore } from './cases/content-check-store';

/** Everything a handler needs, built once per container (cold start) and reused. */
export interface Runtime {
  config: Config;
  now: () => Date;
  cases: CaseRepository;
  /** 受理编号: the per-district-per-day counters and the number → case lookup. */
  caseNumbers: CaseNumberStore;
  users: UserRepository;
  rateLimits: RateLimiter;
  photos: PhotoStore;
  city: CityProvider;
  wechat: WechatClient;
  sessions: () => Promise<SessionTokens>;
  // 我也遇到.
  follows: FollowRepository;
  /** The low-level client, for libraries that take one (Powertools idempotency). */
  dynamo: DynamoDBClient;
  s3: S3Client;
  // Staff accounts, invitations, work queues
  staff: StaffRepository;
  invitations: InvitationRepository;
  workQueues: WorkQueueStore;
  // The message centre, 考核 counters, the outbox and the sweep's index
  messages: MessageStore;
  counters: CounterStore;
  staffDirectory: StaffDirectory;
  /** The cases' outbox. */
  outbox: OutboxStore<Case>;
  sweepIndex: SweepIndex;
  /** The channels every event owes, by name (tests wrap them to inject faults). */
  channels: Channel[];
  deliverer: (options?: Partial<Omit<DelivererOptions, 'now'>>, channels?: readonly Channel[]) => Deliverer;
  // 代办 visits, slots and availability
  bookings: BookingRepository;
  /** The bookings' outbox: the same store, configured for booking items. */
  bookingOutbox: OutboxStore<Booking>;
  // The sealed openid and subscribe grants
  identities: IdentityStore;
  subscriptions: SubscriptionStore;
  /** One subscribe message to one person about one event, at most once (cases' and bookings' channels). */
  subscribePusher: SubscribePusher;
  votes: VoteStore;
  contentChecks: ContentCheckStore;
  /** The token WeChat signs content-check callbacks with (null: not configured, every callback is refused). */
  callbackToken: () => Promise<string | null>;
}

function dataKeySource(config: Config): DataKeySource | null {
  if (config.openidKmsKeyId) return new KmsDataKeySource(new KMSClient({ region: config.region }), config.openidKmsKeyId);
  if (config.openidLocalKey) return new LocalDataKeySource(Buffer.from(config.openidLocalKey, 'hex'));
  return null;
}

export interface RuntimeOptions {
  now?: () => Date;
  /** Endpoint written into presigned URLs when phones reach S3 by another address. */
  publicS3Endpoint?: string;
}

export function createRuntime(config: Config, options: RuntimeOptions = {}): Runtime {
  const now = options.now ?? (() => new Date());
  const { client, doc } = createDynamoClients(config);
  const s3 = createS3Client(config);
  const signer = options.publicS3Endpoint ? createS3Client(config, options.publicS3Endpoint) : s3;
  let tokens: Promise<SessionTokens> | null = null;
  // Exact sweep keys when the catalog is at hand; otherwise "due now" and the sweep works it out.
  const city = new CityProvider(s3, config.uploadBucket, now);
  const planSweep: SweepPlanner = (c) => {
    const limits = city.peek()?.directory.item(c.itemCode)?.timeLimits;
    if (!limits) return c.updatedAt;
    return nextSweepAt(c, { calendar: workingCalendar(), limits })?.toISOString() ?? null;
  };
  const follows = new FollowRepository(doc, config.tableName);
  const messages = new MessageStore(doc, config.tableName);
  const counters = new CounterStore(doc, config.tableName);
  const staffDirectory = new StaffDirectory(doc, config.tableName);
  const outbox = new OutboxStore(doc, config.tableName, CASE_OUTBOX);
  const recipients = new RecipientResolver(staffDirectory, (caseId) => follows.followersOf(caseId));
  const channels: Channel[] = [new MessageChannel(messages, recipients), new CounterChannel(counters)];
  // Subscribe messages as the third channel of every event
  const wechat = new WechatClient(config.wechatApiBase, config.wechatAppId, () => resolveSecret(config.wechatSecret, config.wechatSecretArn, config.region));
  const identities = new IdentityStore(doc, config.tableName, dataKeySource(config));
  const subscriptions = new SubscriptionStore(doc, config.tableName);
  const subscribePusher = new SubscribePusher(wechat, config.wechatTemplates, subscriptions, identities, config.wechatMessageState);
  channels.push(new WechatChannel(subscribePusher, recipients));
  const contentChecks = new ContentCheckStore(doc, config.tableName);
  const photos = new PhotoStore(signer, s3, config.uploadBucket);
  channels.push(new ContentChannel(wechat, identities, contentChecks, photos));
  return {
    config,
    now,
    cases: new CaseRepository(doc, config.tableName, planSweep),
    caseNumbers: new CaseNumberStore(doc, config.tableName),
    users: new UserRepository(doc, config.tableName),
    rateLimits: new RateLimiter(doc, config.tableName),
    photos,
    city,
    wechat,
    sessions: () => {
      tokens ??= resolveSecret(config.sessionSecret, config.sessionSecretArn, config.region).then((s) => new SessionTokens(s));
      tokens.catch(() => {
        tokens = null;
      });
      return tokens;
    },
    // Reporting and tracking
    follows,
    dynamo: client,
    s3,
    // Staff accounts, invitations, work queues
    staff: new StaffRepository(doc, config.tableName),
    invitations: new InvitationRepository(doc, config.tableName),
    workQueues: new WorkQueueStore(doc, config.tableName),
    // events
    messages,
    counters,
    staffDirectory,
    outbox,
    sweepIndex: new SweepIndex(doc, config.tableName),
    channels,
    deliverer: (options = {}, own = channels) => new Deliverer(outbox, () => city.get(), own, { ...options, now }),
    // 代办 visits, slots and availability
    bookings: new BookingRepository(doc, config.tableName),
    bookingOutbox: new OutboxStore(doc, config.tableName, BOOKING_OUTBOX),
    // The sealed openid, subscribe grants and pushes, follower votes
    identities,
    subscriptions,
    subscribePusher,
    votes: new VoteStore(doc, config.tableName),
    contentChecks,
    callbackToken: () =>
      config.wechatCallbackToken || config.wechatCallbackTokenArn
        ? resolveSecret(config.wechatCallbackToken, config.wechatCallbackTokenArn, config.region)
        : Promise.resolve(null),
  };
}

let current: Runtime | null = null;
const scoped = new AsyncLocalStorage<Runtime>();

export function getRuntime(): Runtime {
  const own = scoped.getStore();
  if (own) return own;
  current ??= createRuntime(readConfig());
  return current;
}

/** Runs `fn` (and everything it awaits) against `runtime`: two local stacks in one process each serve with their own. */
export function withRuntime<T>(runtime: Runtime, fn: () => T): T {
  return scoped.run(runtime, fn);
}

/** The local stack and tests install their own runtime (endpoints, clock). */
export function setRuntime(runtime: Runtime | null): void {
  current = runtime;
}

/** Drops `runtime` if it is still the process default; another stack started since keeps its own. */
export function releaseRuntime(runtime: Runtime): void {
  if (current === runtime) current = null;
}
