import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import * as z from 'zod';
import { routes, type RateLimit, type RouteDef, type RouteId } from '@gridtong/shared/api/routes';
import type { Principal } from '@gridtong/shared/schemas/roles';
import { logger } from '../log';
import { getRuntime, type Runtime } from '../runtime';
import { staffPrincipal } from '../accounts/staff-store';
import { conflictAggregate } from '../conflict';
import { DomainError, toHttpFailure } from './errors';

type Route<Id extends RouteId> = Extract<(typeof routes)[number], { id: Id }>;
type Part<R, K extends string> = R extends { request: infer Q } ? (Q extends Record<K, infer S> ? (S extends z.ZodType ? z.output<S> : undefined) : undefined) : undefined;
type Output<R> = R extends { response: { body: infer S } } ? (S extends z.ZodType ? z.input<S> : unknown) : unknown;

export interface Request<Id extends RouteId> {
  route: Route<Id>;
  body: Part<Route<Id>, 'body'>;
  query: Part<Route<Id>, 'query'>;
  params: Part<Route<Id>, 'params'>;
  headers: Record<string, string>;
  /** Null only on routes without roles (login, openapi). */
  principal: Route<Id>['roles'] extends null ? null : Principal;
  /** The staff member's name from their stored account (staff-only routes). */
  actorName: string | undefined;
  sourceIp: string;
  now: Date;
  context: Context;
  /** Counts this request against the route's rate limit (routes whose limit is taken `accepted`); throws its 429 when over. */
  admit: () => Promise<void>;
}

export interface Reply<Id extends RouteId> {
  status?: number;
  body: Output<Route<Id>>;
  headers?: Record<string, string>;
}

export type Implementation<Id extends RouteId> = (req: Request<Id>, rt: Runtime) => Promise<Reply<Id>>;

export interface RouteOptions<Id extends RouteId, Current> {
  /**
   * How this route shows its caller the aggregate a conflict carries (see conflictWith):
   * sent as `error.current`. A route without it never sends the aggregate.
   */
  conflictView?: (current: Current, req: Request<Id>, rt: Runtime) => unknown;
}

/** 1 MB is far above any JSON this API takes; photos never pass through functions. */
const MAX_BODY_BYTES = 1024 * 1024;

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export function findRoute(id: string): RouteDef {
  const route = (routes as readonly RouteDef[]).find((r) => r.id === id);
  if (!route) throw new Error(`unknown route ${id}`);
  return route;
}

function issuesToDetails(error: z.ZodError, prefix: string) {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}

function parsePart(schema: z.ZodType | undefined, value: unknown, prefix: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new DomainError('REQUEST.VALIDATION', '请求内容有误，请检查后重试', { problems: issuesToDetails(result.error, prefix) });
  }
  return result.data;
}

function lowerCaseHeaders(headers: APIGatewayProxyEventV2['headers'] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) if (v !== undefined) out[k.toLowerCase()] = v;
  return out;
}

function readBody(event: APIGatewayProxyEventV2, headers: Record<string, string>): unknown {
  if (event.body === undefined || event.body === null || event.body === '') {
    throw new DomainError('REQUEST.BODY_REQUIRED', '请求内容不能为空');
  }
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) throw new DomainError('REQUEST.TOO_LARGE', '请求内容过大');
  const type = headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new DomainError('REQUEST.UNSUPPORTED_MEDIA_TYPE', '请求格式应为 JSON');
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw new DomainError('REQUEST.MALFORMED_JSON', '请求内容不是有效的 JSON');
  }
}

async function authenticate(route: RouteDef, headers: Record<string, string>, rt: Runtime, now: Date): Promise<{ principal: Principal | null; actorName?: string }> {
  if (route.roles === null) return { principal: null };
  const header = headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new DomainError('AUTH.REQUIRED', '请先登录');
  const principal = await (await rt.sessions()).verify(match[1], now);
  if (!route.roles.includes(principal.role)) throw new DomainError('AUTH.FORBIDDEN', '当前身份无权进行此操作');
  if (route.roles.includes('resident')) return { principal };
  return checkStaffAccount(route, principal, rt, now);
}

/**
 * Staff routes trust the stored account, not the 2-hour token: a revoked
 * account is refused within a minute (reads may use the container's cache), and never on
 * a write. Role and scope come from the account, so a changed scope applies just as fast.
 */
async function checkStaffAccount(route: RouteDef, principal: Principal, rt: Runtime, now: Date): Promise<{ principal: Principal; actorName?: string }> {
  const account = await rt.staff.current(principal.userId, now, { fresh: route.method !== 'GET' });
  if (!account || account.status !== 'active') throw new DomainError('AUTH.ACCOUNT_REVOKED', '您的工作人员账号已停用，请重新登录');
  const stored = staffPrincipal(account);
  if (!route.roles?.includes(stored.role)) throw new DomainError('AUTH.FORBIDDEN', '当前身份无权进行此操作');
  return { principal: stored, actorName: account.name };
}

/** What a rate limit reads: the counters, and the configured number where the limit names one. */
export interface RateLimitPorts {
  rateLimits: Pick<Runtime['rateLimits'], 'take'>;
  config: Pick<Runtime['config'], 'caseRateLimitPerHour'>;
}

/** Takes one request from the route's limit; over it, the route's own error with the seconds to wait. */
export async function admit(limit: RateLimit, principal: Principal | null, sourceIp: string, rt: RateLimitPorts, now: Date): Promise<void> {
  const subject = limit.by === 'caller' ? principal?.userId ?? '' : sourceIp || 'unknown';
  const perWindow = limit.limit === 'caseReportsPerHour' ? rt.config.caseRateLimitPerHour : limit.limit;
  const gate = await rt.rateLimits.take(limit.name, subject, perWindow, limit.windowSeconds, now);
  if (!gate.allowed) throw new DomainError(limit.error.code, limit.error.message, { retryAfterSeconds: gate.retryAfterSeconds });
}

export function errorResponse(err: unknown, routeId?: string): APIGatewayProxyStructuredResultV2 {
  const failure = toHttpFailure(err);
  if (failure.status >= 500) {
    logger.error('request failed', { routeId, statusCode: failure.status, error: err as Error });
  } else {
    logger.info('request refused', { routeId, statusCode: failure.status, errorCode: failure.body.error.code });
  }
  return { statusCode: failure.status, headers: { ...JSON_HEADERS, ...failure.headers }, body: JSON.stringify(failure.body) };
}

/**
 * Builds the Lambda handler for one row of the route table: body/query/params are parsed
 * with the route's own schemas, the session is checked against the route's roles, and
 * every failure leaves through one error mapper (4xx with their code, 5xx masked); a
 * conflict leaves with the caller's view of the current aggregate (`options.conflictView`).
 */
export function defineRoute<Id extends RouteId, Current = never>(id: Id, impl: Implementation<Id>, options: RouteOptions<Id, Current> = {}) {
  const route = findRoute(id);
  const core = async (event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    const rt = getRuntime();
    const now = rt.now();
    const headers = lowerCaseHeaders(event.headers);
    if (route.localOnly && !rt.config.localDevRoutes) throw new DomainError('ROUTE.NOT_FOUND', '接口不存在');
    const sourceIp = event.requestContext?.http?.sourceIp ?? '';
    const { principal, actorName } = await authenticate(route, headers, rt, now);
    const body = route.request?.body ? parsePart(route.request.body, readBody(event, headers), 'body') : undefined;
    const query = parsePart(route.request?.query, event.queryStringParameters ?? {}, 'query');
    const params = parsePart(route.request?.params, event.pathParameters ?? {}, 'params');
    const limit = route.rateLimit;
    const take = async () => {
      if (limit) await admit(limit, principal, sourceIp, rt, now);
    };
    if (limit?.at === 'request') await take();
    const request = {
      route,
      body,
      query,
      params,
      headers,
      principal,
      actorName,
      sourceIp,
      now,
      context,
      admit: limit?.at === 'accepted' ? take : async () => {},
    } as unknown as Request<Id>;
    const reply = await impl(request, rt).catch(async (err: unknown) => {
      const current = conflictAggregate(err);
      if (current === undefined || !options.conflictView) throw err;
      throw (err as DomainError).withCurrent(await options.conflictView(current as Current, request, rt));
    });
    if (limit?.at === 'answer') await take();
    const status = reply.status ?? route.response.status;
    logger.info('request served', { routeId: id, statusCode: status });
    return { statusCode: status, headers: { ...JSON_HEADERS, ...reply.headers }, body: JSON.stringify(reply.body) };
  };
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context>(core).use({
    before: (request) => {
      logger.addContext(request.context);
    },
    onError: (request) => {
      request.response = errorResponse(request.error, id);
    },
  });
}
