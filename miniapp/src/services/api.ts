import type { ErrorBody, LoginResponse, devAccountsResponseSchema } from '@gridtong/shared/api/auth';
import type { CatalogResponse } from '@gridtong/shared/api/city';
import type {
  AreasResponse,
  MyCasesResponse,
  FollowResponse,
  HomeRequest,
  MeResponse,
  NearbyQuery,
  NearbyResponse,
  RateAction,
  ReopenAction,
  ResidentAction,
} from './api-track';
import type { BodyOf, QueryOf, ResponseOf, RouteAddresses } from './api-types';
import { T } from '../texts';
import { NetworkError, platform as defaultPlatform, type HttpMethod, type Platform } from './platform';
import { PAGES } from './routes';
import { session as defaultSession } from './session';

// Types only: zod stays out of the bundle.
export type DevAccountsResponse = ReturnType<(typeof devAccountsResponseSchema)['parse']>;
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

/** Addresses of the table's routes the client calls, checked against the route table. */
export const ROUTES = {
  'auth-wechat': ['POST', '/v1/auth/wechat'],
  'get-catalog': ['GET', '/v1/catalog'],
  'locate-grid': ['GET', '/v1/grids/locate'],
  'create-upload': ['POST', '/v1/uploads'],
  'create-case': ['POST', '/v1/cases'],
  'list-my-cases': ['GET', '/v1/cases'],
  'get-my-case': ['GET', '/v1/cases/{id}'],
  'dev-accounts': ['GET', '/v1/dev/accounts'],
  // Reporting and tracking
  'list-nearby-cases': ['GET', '/v1/cases/nearby'],
  'follow-case': ['POST', '/v1/cases/{id}/follow'],
  'unfollow-case': ['DELETE', '/v1/cases/{id}/follow'],
  'act-on-my-case': ['POST', '/v1/cases/{id}/actions'],
  'list-areas': ['GET', '/v1/areas'],
  'get-me': ['GET', '/v1/me'],
  'set-my-home': ['PUT', '/v1/me/home'],
  // The message centre
  'list-messages': ['GET', '/v1/messages'],
  'read-messages': ['POST', '/v1/messages/read'],
  'list-subscriptions': ['GET', '/v1/subscriptions'],
  'report-subscriptions': ['POST', '/v1/subscriptions'],
  'get-community-stats': ['GET', '/v1/communities/{code}/stats'],
  'vote-on-case': ['POST', '/v1/cases/{id}/vote'],
  // 代办 visits
  'list-booking-slots': ['GET', '/v1/bookings/slots'],
  'create-booking': ['POST', '/v1/bookings'],
  'list-my-bookings': ['GET', '/v1/bookings'],
  'get-my-booking': ['GET', '/v1/bookings/{id}'],
  'act-on-my-booking': ['POST', '/v1/bookings/{id}/actions'],
  'list-work-bookings': ['GET', '/v1/work/bookings'],
  'act-on-work-booking': ['POST', '/v1/work/bookings/{id}/actions'],
  'get-availability': ['GET', '/v1/work/availability'],
  'put-availability': ['PUT', '/v1/work/availability'],
  // 代办 visits: a visit opened from a message, 改时间 slots, visit figures
  'get-work-booking': ['GET', '/v1/work/bookings/{id}'],
  'list-work-booking-slots': ['GET', '/v1/work/bookings/{id}/slots'],
  'get-visit-stats': ['GET', '/v1/work/visit-stats'],
} as const satisfies RouteAddresses;

/** `/v1/cases/{id}` with its parameters filled in (escaped). */
export function pathWith(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

/** Path plus query string; undefined values are left out. */
export function withQuery(path: string, query: object): string {
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

  async function call<R>(method: HttpMethod, path: string, body?: unknown, headers?: Record<string, string>): Promise<R> {
    const token = session.get()?.token;
    const res = await send(method, path, body, token, headers);
    if (res.status >= 200 && res.status < 300) {
      if (res.data === undefined || res.data === null || typeof res.data !== 'object') {
        throw new ApiError('BAD_RESPONSE', T.network.badAnswer, res.status);
      }
      return res.data as R;
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
    /** Exchange a login code (wx.login, or dev-<name> locally) for a session, and keep it. */
    async login(code: string): Promise<LoginResponse> {
      const res = await call<LoginResponse>('POST', '/v1/auth/wechat', { code });
      session.save(res);
      return res;
    },
    logout(): void {
      session.clear();
    },
    devAccounts: () => call<DevAccountsResponse>('GET', '/v1/dev/accounts'),
    catalog: () => call<CatalogResponse>('GET', '/v1/catalog'),

    // --- resident reporting and tracking ---
    locateGrid: (q: QueryOf<'locate-grid'>) => call<ResponseOf<'locate-grid'>>('GET', withQuery(ROUTES['locate-grid'][1], q)),
    createUpload: (body: BodyOf<'create-upload'>) => call<ResponseOf<'create-upload'>>('POST', ROUTES['create-upload'][1], body),
    /** The same key for every retry of one draft: the server files one case. */
    createCase: (body: BodyOf<'create-case'>, idempotencyKey: string) =>
      call<ResponseOf<'create-case'>>('POST', ROUTES['create-case'][1], body, { 'idempotency-key': idempotencyKey }),
    listCases: (q: { limit?: number; cursor?: string } = {}) =>
      call<MyCasesResponse>('GET', withQuery(ROUTES['list-my-cases'][1], q)),
    getCase: (id: string) => call<ResponseOf<'get-my-case'>>('GET', pathWith(ROUTES['get-my-case'][1], { id })),
    nearbyCases: (q: NearbyQuery) => call<NearbyResponse>('GET', withQuery(ROUTES['list-nearby-cases'][1], q)),
    follow: (id: string) => call<FollowResponse>('POST', pathWith(ROUTES['follow-case'][1], { id })),
    unfollow: (id: string) => call<FollowResponse>('DELETE', pathWith(ROUTES['unfollow-case'][1], { id })),
    act: (id: string, action: ResidentAction) => call<ResponseOf<'act-on-my-case'>>('POST', pathWith(ROUTES['act-on-my-case'][1], { id }), action),
    me: () => call<MeResponse>('GET', ROUTES['get-me'][1]),
    setHome: (body: HomeRequest) => call<MeResponse>('PUT', ROUTES['set-my-home'][1], body),
    areas: () => call<AreasResponse>('GET', ROUTES['list-areas'][1]),

    // --- messages, subscriptions, votes and community figures ---
    messages: (q: QueryOf<'list-messages'> = {}) => call<ResponseOf<'list-messages'>>('GET', withQuery(ROUTES['list-messages'][1], q)),
    /** 评价 / 申请重办 on my finished case, through the resident actions route. */
    judge: (id: string, action: RateAction | ReopenAction) => call<ResponseOf<'act-on-my-case'>>('POST', pathWith(ROUTES['act-on-my-case'][1], { id }), action),
    communityStats: (code: string) => call<ResponseOf<'get-community-stats'>>('GET', pathWith(ROUTES['get-community-stats'][1], { code })),
    subscriptions: () => call<ResponseOf<'list-subscriptions'>>('GET', ROUTES['list-subscriptions'][1]),
    reportSubscriptions: (body: BodyOf<'report-subscriptions'>) => call<ResponseOf<'report-subscriptions'>>('POST', ROUTES['report-subscriptions'][1], body),
    /** A follower's satisfaction vote on a finished case. */
    vote: (id: string, body: BodyOf<'vote-on-case'>) => call<ResponseOf<'vote-on-case'>>('POST', pathWith(ROUTES['vote-on-case'][1], { id }), body),
    markMessagesRead: (body: BodyOf<'read-messages'>) => call<ResponseOf<'read-messages'>>('POST', ROUTES['read-messages'][1], body),

    // worker desk: the subpackage's staff-API wrappers go through the same session, retries and errors.
    request: <R>(method: HttpMethod, path: string, body?: unknown): Promise<R> => call<R>(method, path, body),
    // 代办 visits: a booking is created once per draft, whatever the retries.
    requestOnce: <R>(method: HttpMethod, path: string, body: unknown, idempotencyKey: string): Promise<R> =>
      call<R>(method, path, body, { 'idempotency-key': idempotencyKey }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

const apiBase = process.env.TARO_ENV === 'h5' ? '' : (process.env.TARO_APP_API_BASE ?? 'http://127.0.0.1:3000');

export const api = createApiClient({ baseUrl: apiBase });
