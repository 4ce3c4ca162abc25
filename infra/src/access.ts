import type { routes } from '@gridtong/shared/api/routes';

export type DeployedRouteId = Exclude<(typeof routes)[number], { localOnly: true }>['id'];

/**
 * What each deployed function may touch, beyond writing its own logs. Declared per route so
 * that a new route does not compile until someone decides its grants. Idempotency-table
 * access follows the route table's `idempotent` flag.
 */
export interface RouteAccess {
  /** The single table. Neither level includes Scan: no request path scans (DESIGN.md). */
  table: 'none' | 'read' | 'readWrite';
  /** Read the session signing key (to verify tokens, or to issue them at login). */
  sessions: boolean;
  /** Read the WeChat AppSecret (login, content checks). */
  wechat: boolean;
  /**
   * Objects under uploads/: `put` signs presigned POSTs; `read` checks photos exist and
   * mints short-lived links.
   */
  uploads: 'none' | 'put' | 'read';
}

export const routeAccess: Record<DeployedRouteId, RouteAccess> = {
  'auth-wechat': { table: 'readWrite', sessions: true, wechat: true, uploads: 'none' },
  'get-catalog': { table: 'read', sessions: true, wechat: false, uploads: 'none' },
  'locate-grid': { table: 'read', sessions: true, wechat: false, uploads: 'none' },
  'create-upload': { table: 'none', sessions: true, wechat: false, uploads: 'put' },
  'create-case': { table: 'readWrite', sessions: true, wechat: true, uploads: 'read' },
  'list-my-cases': { table: 'read', sessions: true, wechat: false, uploads: 'none' },
  'get-my-case': { table: 'read', sessions: true, wechat: false, uploads: 'read' },
  'get-openapi': { table: 'none', sessions: false, wechat: false, uploads: 'none' },
};

export const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
export const TABLE_WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

export function accessFor(routeId: string): RouteAccess {
  const access = (routeAccess as Record<string, RouteAccess | undefined>)[routeId];
  if (!access) throw new Error(`No grants declared for route ${routeId} in infra/src/access.ts`);
  return access;
}
