import Taro from '@tarojs/taro';

/**
 * The only module that calls Taro.*: page logic and the API client go through this
 * object, so tests can replace any method with jest.spyOn(platform, ...).
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  url: string;
  method: HttpMethod;
  data?: unknown;
  headers?: Record<string, string>;
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  data: unknown;
}

/** The request never got an HTTP answer: offline, DNS, refused, or timed out. */
export class NetworkError extends Error {
  override name = 'NetworkError';
  constructor(
    message: string,
    readonly timedOut: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export type PlatformName = 'weapp' | 'h5';

const errMsgOf = (e: unknown): string => {
  if (e && typeof e === 'object' && 'errMsg' in e) return String((e as { errMsg: unknown }).errMsg);
  return e instanceof Error ? e.message : String(e);
};

export const platform = {
  name: (process.env.TARO_ENV === 'weapp' ? 'weapp' : 'h5') as PlatformName,

  async request(req: HttpRequest): Promise<HttpResponse> {
    try {
      const res = await Taro.request({
        url: req.url,
        method: req.method,
        data: req.data as TaroGeneral.IAnyObject | undefined,
        header: { 'content-type': 'application/json', ...req.headers },
        timeout: req.timeoutMs,
        dataType: 'json',
      });
      return { status: res.statusCode, data: res.data };
    } catch (e) {
      const msg = errMsgOf(e);
      throw new NetworkError(msg, /time\s?out|abort/i.test(msg), { cause: e });
    }
  },

  getItem(key: string): string | undefined {
    try {
      const value: unknown = Taro.getStorageSync(key);
      return typeof value === 'string' && value !== '' ? value : undefined;
    } catch {
      return undefined;
    }
  },

  setItem(key: string, value: string): void {
    Taro.setStorageSync(key, value);
  },

  removeItem(key: string): void {
    try {
      Taro.removeStorageSync(key);
    } catch {
      // nothing stored: nothing to remove
    }
  },

  /** wx.login: a one-time code for the backend's jscode2session. */
  async login(): Promise<string> {
    const res = await Taro.login();
    if (!res.code) throw new Error(res.errMsg || 'login failed');
    return res.code;
  },

  toast(title: string, kind: 'success' | 'error' | 'none' = 'none'): void {
    void Taro.showToast({ title, icon: kind, duration: 2500 }).catch(() => undefined);
  },

  navigateTo(url: string): void {
    void Taro.navigateTo({ url });
  },

  switchTab(url: string): void {
    void Taro.switchTab({ url });
  },

  /** Query parameters of the page being shown. */
  pageParams(): Record<string, string | undefined> {
    return Taro.getCurrentInstance().router?.params ?? {};
  },

  /** Close every page and open this one: used for login and logout. */
  reLaunch(url: string): void {
    void Taro.reLaunch({ url });
  },

  // worker desk: pull to refresh ends when the reload does.
  stopPullDownRefresh(): void {
    void Promise.resolve(Taro.stopPullDownRefresh()).catch(() => undefined);
  },
};

export type Platform = typeof platform;
