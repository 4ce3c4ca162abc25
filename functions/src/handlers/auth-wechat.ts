import { defineRoute } from '../http/route';
import { DomainError } from '@gridtong/shared/errors';
import { openidHash, toPrincipal } from '../store/users';
import { staffPrincipal } from '../store/staff';

const LOGINS_PER_MINUTE_PER_IP = 30;

export const handler = defineRoute('auth-wechat', async (req, rt) => {
  const ip = req.sourceIp || 'unknown';
  const gate = await rt.rateLimits.take('login', ip, LOGINS_PER_MINUTE_PER_IP, 60, req.now);
  if (!gate.allowed) {
    throw new DomainError('AUTH.RATE_LIMITED', '登录过于频繁，请稍后再试', { retryAfterSeconds: gate.retryAfterSeconds });
  }
  const session = await rt.wechat.code2Session(req.body.code);
  const account = await rt.users.findOrCreateResident(openidHash(rt.config.wechatAppId, session.openid), req.now);
  // work-api (issue 7): a staff account (invited, or seeded locally) decides role and scope;
  // a revoked one signs in as the resident they still are.
  const staff = await rt.staff.get(account.userId);
  const user = staff
    ? staff.status === 'active'
      ? { userId: staff.userId, role: staff.role, areas: staff.areas, departmentId: staff.departmentId, name: staff.name }
      : { userId: staff.userId, role: 'resident' as const, areas: [], departmentId: undefined, name: undefined }
    : account;
  const principal = staff?.status === 'active' ? staffPrincipal(staff) : staff ? { userId: staff.userId, role: 'resident' as const, scope: { areas: [] } } : toPrincipal(account);
  const { token, expiresAt } = await (await rt.sessions()).issue(principal, req.now);
  return {
    body: {
      token,
      expiresAt,
      user: {
        userId: user.userId,
        role: user.role,
        areas: user.areas,
        ...(user.departmentId ? { departmentId: user.departmentId } : {}),
        ...(user.name ? { name: user.name } : {}),
      },
    },
  };
});
