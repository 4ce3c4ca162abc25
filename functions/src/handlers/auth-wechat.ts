import { defineRoute } from '../http/route';
import { DomainError } from '@gridtong/shared/errors';
import { openidHash, toPrincipal } from '../store/users';

const LOGINS_PER_MINUTE_PER_IP = 30;

export const handler = defineRoute('auth-wechat', async (req, rt) => {
  const ip = req.sourceIp || 'unknown';
  const gate = await rt.rateLimits.take('login', ip, LOGINS_PER_MINUTE_PER_IP, 60, req.now);
  if (!gate.allowed) {
    throw new DomainError('AUTH.RATE_LIMITED', '登录过于频繁，请稍后再试', { retryAfterSeconds: gate.retryAfterSeconds });
  }
  const session = await rt.wechat.code2Session(req.body.code);
  const account = await rt.users.findOrCreateResident(openidHash(rt.config.wechatAppId, session.openid), req.now);
  const { token, expiresAt } = await (await rt.sessions()).issue(toPrincipal(account), req.now);
  return {
    body: {
      token,
      expiresAt,
      user: {
        userId: account.userId,
        role: account.role,
        areas: account.areas,
        ...(account.departmentId ? { departmentId: account.departmentId } : {}),
        ...(account.name ? { name: account.name } : {}),
      },
    },
  };
});
