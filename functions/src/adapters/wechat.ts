import * as z from 'zod';
import { DomainError } from '@gridtong/shared/errors';

const sessionAnswer = z.object({
  openid: z.string().optional(),
  session_key: z.string().optional(),
  unionid: z.string().optional(),
  errcode: z.number().optional(),
  errmsg: z.string().optional(),
});

// Answers of the server-side APIs the backend calls with an access token.
const tokenAnswer = z.object({
  access_token: z.string().min(1).optional(),
  expires_in: z.number().optional(),
  errcode: z.number().optional(),
  errmsg: z.string().optional(),
});
const plainAnswer = z.object({ errcode: z.number().optional(), errmsg: z.string().optional() }).loose();
const secCheckAnswer = plainAnswer.extend({
  result: z.object({ suggest: z.enum(['pass', 'review', 'risky']), label: z.number().optional() }).optional(),
  trace_id: z.string().optional(),
});

/** Content verdicts of msgSecCheck v2 / mediaCheckAsync: only `pass` may be shown to others. */
export type ContentSuggest = 'pass' | 'review' | 'risky';

/** msgSecCheck scenes: 1 资料, 2 评论, 3 论坛, 4 社交日志. */
export type ContentScene = 1 | 2 | 3 | 4;

export interface SubscribeMessage {
  openid: string;
  templateId: string;
  /** Mini-program page opened from the message, with its query. */
  page?: string;
  data: Record<string, { value: string }>;
  state?: 'developer' | 'trial' | 'formal';
}

export interface WechatClientOptions {
  timeoutMs: number;
  /** Retries of a busy answer (-1) before giving up. */
  busyRetries: number;
  busyBaseDelayMs: number;
  /** Tokens are renewed this long before WeChat says they expire. */
  tokenMarginMs: number;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
}

const DEFAULT_OPTIONS: WechatClientOptions = {
  timeoutMs: 4000,
  busyRetries: 3,
  busyBaseDelayMs: 200,
  tokenMarginMs: 5 * 60_000,
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

const INVALID_TOKEN = new Set([40001, 42001, 40014]);
const BUSY = -1;

export interface WechatSession {
  openid: string;
  unionid?: string;
}

/**
 * The slice of the WeChat server API we call. The base URL is configurable so the local
 * stand-in (real HTTP) can answer in development and tests.
 */
export class WechatClient {
  private readonly options: WechatClientOptions;
  private readonly timeoutMs: number;
  // One cached access token, and at most one fetch of it in flight.
  private cached: { token: string; renewAt: number } | null = null;
  private inflight: Promise<string> | null = null;
  /** Access-token fetches made by this client (the stand-in counts them too). */
  tokenFetches = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly appId: string,
    private readonly secret: () => Promise<string>,
    options: Partial<WechatClientOptions> | number = {},
  ) {
    this.options = { ...DEFAULT_OPTIONS, ...(typeof options === 'number' ? { timeoutMs: options } : options) };
    this.timeoutMs = this.options.timeoutMs;
  }

  /**
   * A `stable_token` access token, cached until `tokenMarginMs` before it expires. However
   * many callers ask at once, one request goes to WeChat and all of them share its answer.
   */
  async accessToken(): Promise<string> {
    const now = this.options.now().getTime();
    if (this.cached && now < this.cached.renewAt) return this.cached.token;
    this.inflight ??= this.fetchToken(false).finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  /** Drops `token` if it is still the cached one (a 40001 answered it); a newer token stays. */
  private invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = null;
  }

  private async fetchToken(forceRefresh: boolean): Promise<string> {
    this.tokenFetches++;
    const answer = tokenAnswer.safeParse(await this.post('/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: this.appId,
      secret: await this.secret(),
      force_refresh: forceRefresh,
    }));
    if (!answer.success) throw new DomainError('UPSTREAM.WECHAT_BAD_ANSWER', '微信服务返回异常，请稍后再试');
    const { access_token: token, expires_in: expiresIn, errcode } = answer.data;
    if (errcode === BUSY) throw new DomainError('UPSTREAM.WECHAT_BUSY', '微信服务繁忙，请稍后再试', { retryAfterSeconds: 1 });
    if (!token || (errcode !== undefined && errcode !== 0)) {
      throw new DomainError('UPSTREAM.WECHAT_TOKEN', '微信接口凭证获取失败', { details: { errcode } });
    }
    const lifetimeMs = (expiresIn ?? 7200) * 1000;
    this.cached = { token, renewAt: this.options.now().getTime() + Math.max(0, lifetimeMs - this.options.tokenMarginMs) };
    return token;
  }

  private async post(path: string, body: unknown, token?: string): Promise<unknown> {
    const url = `${this.baseUrl}${path}${token ? `?access_token=${encodeURIComponent(token)}` : ''}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new DomainError('UPSTREAM.WECHAT_UNAVAILABLE', '微信服务暂时不可用，请稍后再试', { cause: err });
    }
    if (!response.ok) throw new DomainError('UPSTREAM.WECHAT_UNAVAILABLE', '微信服务暂时不可用，请稍后再试');
    return response.json().catch(() => null);
  }

  /**
   * One call with an access token: an invalid token (40001) is renewed once and the call
   * repeated; a busy answer (-1) is retried with exponential backoff; anything else is the
   * caller's to interpret.
   */
  private async call(path: string, body: unknown): Promise<z.infer<typeof plainAnswer> & Record<string, unknown>> {
    let renewed = false;
    for (let attempt = 0; ; ) {
      const token = await this.accessToken();
      const parsed = plainAnswer.safeParse(await this.post(path, body, token));
      if (!parsed.success) throw new DomainError('UPSTREAM.WECHAT_BAD_ANSWER', '微信服务返回异常，请稍后再试');
      const errcode = parsed.data.errcode ?? 0;
      if (INVALID_TOKEN.has(errcode) && !renewed) {
        renewed = true;
        this.invalidate(token);
        continue;
      }
      if (errcode === BUSY && attempt < this.options.busyRetries) {
        await this.options.sleep(this.options.busyBaseDelayMs * 2 ** attempt);
        attempt++;
        continue;
      }
      if (errcode === BUSY) throw new DomainError('UPSTREAM.WECHAT_BUSY', '微信服务繁忙，请稍后再试', { retryAfterSeconds: 60 });
      if (INVALID_TOKEN.has(errcode)) throw new DomainError('UPSTREAM.WECHAT_TOKEN', '微信接口凭证无效', { details: { errcode } });
      return parsed.data;
    }
  }

  /**
   * subscribeMessage.send. 43101 (the user refused, or the one-time grant is used up) and
   * 45009 (daily quota) are final: they are not retried here.
   */
  async sendSubscribeMessage(message: SubscribeMessage): Promise<void> {
    const answer = await this.call('/cgi-bin/message/subscribe/send', {
      touser: message.openid,
      template_id: message.templateId,
      ...(message.page ? { page: message.page } : {}),
      data: message.data,
      miniprogram_state: message.state ?? 'formal',
      lang: 'zh_CN',
    });
    const errcode = answer.errcode ?? 0;
    if (errcode === 0) return;
    if (errcode === 43101) throw new DomainError('WECHAT.SUBSCRIPTION_REFUSED', '用户未订阅或订阅次数已用完', { details: { errcode } });
    if (errcode === 45009) throw new DomainError('WECHAT.SEND_QUOTA_EXCEEDED', '今日消息发送次数已达上限', { details: { errcode } });
    if (errcode === 40003 || errcode === 40037 || errcode === 47003) {
      throw new DomainError('WECHAT.TEMPLATE_INVALID', '消息模板或内容不符合要求', { details: { errcode } });
    }
    throw new DomainError('UPSTREAM.WECHAT_ERROR', '微信消息发送失败', { details: { errcode } });
  }

  /** msgSecCheck v2 on a resident's text. */
  async checkText(input: { openid: string; content: string; scene: ContentScene }): Promise<{ suggest: ContentSuggest; label?: number }> {
    const answer = secCheckAnswer.safeParse(await this.call('/wxa/msg_sec_check', { content: input.content, version: 2, scene: input.scene, openid: input.openid }));
    if (!answer.success) throw new DomainError('UPSTREAM.WECHAT_BAD_ANSWER', '微信服务返回异常，请稍后再试');
    if ((answer.data.errcode ?? 0) !== 0 || !answer.data.result) {
      throw new DomainError('UPSTREAM.WECHAT_ERROR', '内容安全检测失败', { details: { errcode: answer.data.errcode } });
    }
    return { suggest: answer.data.result.suggest, ...(answer.data.result.label === undefined ? {} : { label: answer.data.result.label }) };
  }

  /** mediaCheckAsync v2 on a photo (a short-lived link); the verdict arrives at our callback under `traceId`. */
  async checkImageAsync(input: { openid: string; mediaUrl: string; scene: ContentScene }): Promise<{ traceId: string }> {
    const answer = secCheckAnswer.safeParse(await this.call('/wxa/media_check_async', {
      media_url: input.mediaUrl,
      media_type: 2,
      version: 2,
      scene: input.scene,
      openid: input.openid,
    }));
    if (!answer.success) throw new DomainError('UPSTREAM.WECHAT_BAD_ANSWER', '微信服务返回异常，请稍后再试');
    if ((answer.data.errcode ?? 0) !== 0 || !answer.data.trace_id) {
      throw new DomainError('UPSTREAM.WECHAT_ERROR', '图片安全检测提交失败', { details: { errcode: answer.data.errcode } });
    }
    return { traceId: answer.data.trace_id };
  }

  async code2Session(code: string): Promise<WechatSession> {
    const query = new URLSearchParams({
      appid: this.appId,
      secret: await this.secret(),
      js_code: code,
      grant_type: 'authorization_code',
    });
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}/sns/jscode2session?${query}`, { signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (err) {
      throw new DomainError('UPSTREAM.WECHAT_UNAVAILABLE', '微信服务暂时不可用，请稍后再试', { cause: err });
    }
    if (!response.ok) {
      throw new DomainError('UPSTREAM.WECHAT_UNAVAILABLE', '微信服务暂时不可用，请稍后再试');
    }
    const parsed = sessionAnswer.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new DomainError('UPSTREAM.WECHAT_BAD_ANSWER', '微信服务返回异常，请稍后再试');
    const answer = parsed.data;
    if (answer.errcode && answer.errcode !== 0) {
      // 40029 invalid code, 40163 code already used: the mini-program must call wx.login again.
      if (answer.errcode === 40029 || answer.errcode === 40163) {
        throw new DomainError('AUTH.INVALID_CODE', '登录凭证无效或已使用，请重新登录');
      }
      if (answer.errcode === 45011) {
        throw new DomainError('AUTH.WECHAT_RATE_LIMITED', '登录过于频繁，请稍后再试', { retryAfterSeconds: 60 });
      }
      throw new DomainError('UPSTREAM.WECHAT_ERROR', '微信登录失败，请稍后再试');
    }
    if (!answer.openid) throw new DomainError('UPSTREAM.WECHAT_BAD_ANSWER', '微信服务返回异常，请稍后再试');
    return { openid: answer.openid, unionid: answer.unionid };
  }
}
