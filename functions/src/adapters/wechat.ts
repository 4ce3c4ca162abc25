import * as z from 'zod';
import { DomainError } from '@gridtong/shared/errors';

const sessionAnswer = z.object({
  openid: z.string().optional(),
  session_key: z.string().optional(),
  unionid: z.string().optional(),
  errcode: z.number().optional(),
  errmsg: z.string().optional(),
});

export interface WechatSession {
  openid: string;
  unionid?: string;
}

/**
 * The slice of the WeChat server API we call. The base URL is configurable so the local
 * stand-in (real HTTP) can answer in development and tests.
 */
export class WechatClient {
  constructor(
    private readonly baseUrl: string,
    private readonly appId: string,
    private readonly secret: () => Promise<string>,
    private readonly timeoutMs = 4000,
  ) {}

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
