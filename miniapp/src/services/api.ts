import type { CatalogResponse, ErrorBody, LoginResponse, devAccountsResponseSchema } from '@gridtong/shared/api/contracts';
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
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface ApiClientOptions {
  /** '' in H5 (same origin); the full API origin in the mini-program. */
  baseUrl: string;
  platform?: Platform;
  session?: typeof defaultSession;
  timeoutMs?: number;
}

const RETRYABLE_STATUS = new Set([502, 503, 504]);

const isErrorBody = (data: unknown): data is ErrorBody =>
  !!data && typeof data === 'object' && 'error' in data && typeof (data as ErrorBody).error?.message === 'string';

export function createApiClient(opts: ApiClientOptions) {
  const platform = opts.platform ?? defaultPlatform;
  const session = opts.session ?? defaultSession;
  const timeoutMs = opts.timeoutMs ?? 10_000;

  async function send(method: HttpMethod, path: string, body: unknown, token: string | undefined) {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
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

  async function call<R>(method: HttpMethod, path: string, body?: unknown): Promise<R> {
    const token = session.get()?.token;
    const res = await send(method, path, body, token);
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
      throw new ApiError(res.data.error.code, res.data.error.message, res.status);
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
    // worker desk: the subpackage's staff-API wrappers go through the same session, retries and errors.
    request: <R>(method: HttpMethod, path: string, body?: unknown): Promise<R> => call<R>(method, path, body),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

const apiBase = process.env.TARO_ENV === 'h5' ? '' : (process.env.TARO_APP_API_BASE ?? 'http://127.0.0.1:3000');

export const api = createApiClient({ baseUrl: apiBase });
