import type { ErrorBody } from '@gridtong/shared/api/auth';
import { routeAddresses } from '@gridtong/shared/api/route-addresses';
import type { CallArgs, CallOptions, ResponseOf, RouteId } from './api-types';
import { T } from '../texts';
import { NetworkError, platform as defaultPlatform, type HttpMethod, type Platform } from './platform';
import { PAGES } from './routes';
import { session as defaultSession } from './session';

export type { BodyOf, ParamsOf, QueryOf, ResponseOf, RouteId } from './api-types';

export type DevAccountsResponse = ResponseOf<'dev-accounts'>;
export type DevAccount = DevAccountsResponse['accounts'][number];

/** Anything that went wrong with an API call; `message` is Chinese and fit to show. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    /** Server error code (e.g. CATALOG.NOT_FOUND), or NETWORK / TIMEOUT / UNAUTHORIZED / BAD_RESPONSE. */
    readonly code: string,
    message: string,
    /** HTTP status; 0 when no answer arrived. */
    readonly status: number,
    options?: { cause?: unknown; current?: unknown },
  ) {
    super(message, options);
    this.current = options?.current;
  }

  /** What the server sent along with a conflict (e.g. the booking now, or the next free slots). */
  readonly current: unknown;
}

export interface ApiClientOptions {
  /** '' in H5 (same origin); the full API origin in the mini-program. */
  baseUrl: string;
  platform?: Platform;
  session?: typeof defaultSession;
  timeoutMs?: number;
}

/** `/v1/cases/{id}` with its parameters filled in (escaped). */
function pathWith(path: string, params: object): string {
  const values = params as Record<string, unknown>;
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(values[name] ?? '')));
}

/** Path plus query string; undefined and empty values are left out. */
function withQuery(path: string, query: object): string {
  const parts = Object.entries(query as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length > 0 ? `${path}?${parts.join('&')}` : path;
}

const RETRYABLE_STATUS = new Set([502, 503, 504]);

const isErrorBody = (data: unknown): data is ErrorBody =>
  !!data && typeof data === 'object' && 'error' in data && typeof (data as ErrorBody).error?.message === 'string';

export function createApiClient(opts: ApiClientOptions) {
  const platform = opts.platform ?? defaultPlatform;
  const session = opts.session ?? defaultSession;
  const timeoutMs = opts.timeoutMs ?? 10_000;

  async function send(method: HttpMethod, path: string, body: unknown, token: string | undefined, extraHeaders?: Record<string, string>) {
    const headers: Record<string, string> = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...extraHeaders };
    // A weak connection drops requests: a GET is safe to repeat once; a POST is not.
    const attempts = method === 'GET' ? 2 : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await platform.request({ url: opts.baseUrl + path, method, data: body, headers, timeoutMs });
        if (attempt < attempts && RETRYABLE_STATUS.has(res.status)) continue;
        return res;
      } catch (e) {
        if (!(e instanceof NetworkError)) throw e;
        if (attempt < attempts) continue;
        throw new ApiError(e.timedOut ? 'TIMEOUT' : 'NETWORK', e.timedOut ? T.network.timeout : T.network.offline, 0, { cause: e });
      }
    }
  }

  /**
   * One route of the table: method and path from its row, parameters filled into the path,
   * the query appended, the body sent; on creation routes the idempotency key goes along, the
   * same for every retry of one draft. Answers the route's response, or throws an ApiError.
   */
  async function call<Id extends RouteId>(id: Id, ...[options]: CallArgs<Id>): Promise<ResponseOf<Id>> {
    const { method, path } = routeAddresses[id];
    const { params, query, body, idempotencyKey } = (options ?? {}) as CallOptions<RouteId>;
    const url = withQuery(pathWith(path, params ?? {}), query ?? {});
    const token = session.get()?.token;
    const res = await send(method, url, body, token, idempotencyKey ? { 'idempotency-key': idempotencyKey } : undefined);
    if (res.status >= 200 && res.status < 300) {
      if (res.data === undefined || res.data === null || typeof res.data !== 'object') {
        throw new ApiError('BAD_RESPONSE', T.network.badAnswer, res.status);
      }
      return res.data as ResponseOf<Id>;
    }
    if (res.status === 401 && token) {
      // The session is gone on the server: forget it here and start over at login.
      session.clear();
      platform.reLaunch(PAGES.login);
      throw new ApiError('UNAUTHORIZED', T.session.expired, 401);
    }
    if (isErrorBody(res.data)) {
      throw new ApiError(res.data.error.code, res.data.error.message, res.status, { current: res.data.error.current });
    }
    throw new ApiError(`HTTP_${res.status}`, res.status >= 500 ? T.network.server : T.network.badAnswer, res.status);
  }

  return {
    call,
    /** Exchange a login code (wx.login, or dev-<name> locally) for a session, and keep it. */
    async login(code: string): Promise<ResponseOf<'auth-wechat'>> {
      const res = await call('auth-wechat', { body: { code } });
      session.save(res);
      return res;
    },
    logout(): void {
      session.clear();
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

const apiBase = process.env.TARO_ENV === 'h5' ? '' : (process.env.TARO_APP_API_BASE ?? 'http://127.0.0.1:3000');

export const api = createApiClient({ baseUrl: apiBase });

/** The app's one way to call a route of the table (see `createApiClient`). */
export const call = api.call;
