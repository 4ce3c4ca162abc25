import type { routes } from '@gridtong/shared/api/routes';

export type DeployedRouteId = Exclude<(typeof routes)[number], { localOnly: true }>['id'];

/**
 * What each deployed function may touch, beyond writing its own logs. Declared per route so
 * that a new route does not compile until someone decides its grants; checked against what
 * the handlers call (functions/src/runtime.ts and the module stores). Idempotency-table access follows
 * the route table's `idempotent` flag.
 */
export interface RouteAccess {
  /**
   * The single table. Neither level includes Scan: no request path scans (DESIGN.md).
   * Rate limits are counters in the table, so a rate-limited route (`rateLimit` on its row) writes.
   */
  table: 'none' | 'read' | 'readWrite';
  /** Read the session signing key (to verify tokens, or to issue them at login). */
  sessions: boolean;
  /** Read the WeChat AppSecret (jscode2session; later stable_token for content checks and pushes). */
  wechat: boolean;
  /**
   * Photos: `put` signs presigned POSTs into uploads/; `read` mints short-lived links to
   * uploads/ and cases/; `check` also copies uploads into cases/ (a case adopting its photos)
   * and lists the bucket, so a missing photo is a 404 and not a 403.
   */
  uploads: 'none' | 'put' | 'read' | 'check';
  /** Read the city reference snapshot (grids, workers, catalog) from the bucket. */
  city: boolean;
  /** The openid's KMS key: `seal` may only generate data keys (login); `open` may only decrypt (the sender). */
  openid?: 'seal' | 'open';
  /** Read the token WeChat signs content-check callbacks with. */
  callbackToken?: boolean;
}

export const routeAccess: Record<DeployedRouteId, RouteAccess> = {
  'auth-wechat': { table: 'readWrite', sessions: true, wechat: true, uploads: 'none', city: false, openid: 'seal' },
  'get-catalog': { table: 'none', sessions: true, wechat: false, uploads: 'none', city: true },
  'locate-grid': { table: 'readWrite', sessions: true, wechat: false, uploads: 'none', city: true },
  'create-upload': { table: 'readWrite', sessions: true, wechat: false, uploads: 'put', city: false },
  'create-case': { table: 'readWrite', sessions: true, wechat: false, uploads: 'check', city: true },
  'list-my-cases': { table: 'read', sessions: true, wechat: false, uploads: 'none', city: true },
  'get-my-case': { table: 'read', sessions: true, wechat: false, uploads: 'read', city: true },
  'get-openapi': { table: 'none', sessions: false, wechat: false, uploads: 'none', city: false },
  // Every staff route reads the stored staff account (revocation within a minute)
  'list-work-cases': { table: 'read', sessions: true, wechat: false, uploads: 'none', city: true },
  // A ?reveal=contact read is recorded on the case: a write.
  'get-work-case': { table: 'readWrite', sessions: true, wechat: false, uploads: 'read', city: true },
  'find-work-case': { table: 'read', sessions: true, wechat: false, uploads: 'none', city: false },
  'act-on-work-case': { table: 'readWrite', sessions: true, wechat: false, uploads: 'check', city: true },
  'create-invitation': { table: 'readWrite', sessions: true, wechat: false, uploads: 'none', city: true },
  'redeem-invitation': { table: 'readWrite', sessions: true, wechat: false, uploads: 'none', city: false },
  // Revoking a worker withdraws their visits, finding their grids in the city snapshot
  'revoke-staff': { table: 'readWrite', sessions: true, wechat: false, uploads: 'none', city: true },
  // Message centre, outbox, 考核 figures
  'list-messages': { table: 'read', sessions: true, wechat: false, uploads: 'none', city: false },
  'read-messages': { table: 'readWrite', sessions: true, wechat: false, uploads: 'none', city: false },
  'list-outbox': { table: 'read', sessions: true, wechat: false, uploads: 'none', city: false },
  'retry-outbox': { table: 'readWrite', sessions: true, wechat: false, uploads: 'none', city: false },
  'get-stats': { table: 'read', sessions: true, wechat: false, uploads: 'none', city: true },
  // 代办 visits (slot claims and releases are writes; receipt photos are adopted like case photos)
  'list-booking-slots': { table: 'read', sessions: true, wechat: false, uploads: 'none', city: true },
  'create-booking': { table: 'readWrite', sessions: true, wechat: false, uploads: 'none', city: true },
  'list-my-bookings': { table: 'read', sessions: true, wechat: false, uploads: 'none', city: true },
  'get-my-booking': { table: 'read', sessions: true, wechat: false, uploads: 'none', city: true },
  'act-on-my-booking': { table: 'readWrite', sessions: true, wechat: false, uploads: 'none', city: true },
  'list-work-bookings': { table: 'read', sessions: true, wechat: false, uploads: 'read', city: true },
  'act-on-work-booking': { table: 'readWrite', sessions: true, wechat: false, uploads: 'check', city: true },
  'get-work-booking': { table: 'read', sessions: true, wechat: false, uploads: 'read', city: true },
  'list-work-booking-slots': { table: 'read', sessions: true, wechat: false, uploads: 'none', city: true },
  'get-visit-stats': { table: 'read', sessions: true, wechat: false, uploads: 'none', city: true },
  'get-availability': { table: 'read', sessions: true, wechat: false, uploads: 'none', city: true },
  'put-availability': { table: 'readWrite', sessions: true, wechat: false, uploads: 'none', city: true },
  'list-nearby-cases': { table: 'readWrite', sessions: true, wechat: false, uploads: 'read', city: true },
  'follow-case': { table: 'readWrite', sessions: true, wechat: false, uploads: 'none', city: false },
  'unfollow-case': { table: 'readWrite', sessions: true, wechat: false, uploads: 'none', city: false },
  'act-on-my-case': { table: 'readWrite', sessions: true, wechat: false, uploads: 'check', city: true },
  'list-areas': { table: 'none', sessions: true, wechat: false, uploads: 'none', city: true },
  'get-me': { table: 'read', sessions: true, wechat: false, uploads: 'none', city: true },
  'set-my-home': { table: 'readWrite', sessions: true, wechat: false, uploads: 'none', city: true },
  // WeChat: grants and votes are the caller's own items; figures read counters and the city
  'list-subscriptions': { table: 'read', sessions: true, wechat: false, uploads: 'none', city: false },
  'report-subscriptions': { table: 'readWrite', sessions: true, wechat: false, uploads: 'none', city: false },
  'vote-on-case': { table: 'readWrite', sessions: true, wechat: false, uploads: 'none', city: false },
  'get-community-stats': { table: 'read', sessions: true, wechat: false, uploads: 'none', city: true },
  // Records the verdict on the case and refuses replayed nonces: a writer; no session, the signature decides.
  'content-check-callback': { table: 'readWrite', sessions: false, wechat: false, uploads: 'none', city: false, callbackToken: true },
};

export const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
export const TABLE_WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

export function accessFor(routeId: string): RouteAccess {
  const access = (routeAccess as Record<string, RouteAccess | undefined>)[routeId];
  if (!access) throw new Error(`No grants declared for route ${routeId} in infra/src/access.ts`);
  return access;
}
