import { defineRoute } from '../http/route';
import { openidHash, toPrincipal } from '../accounts/user-store';
import { staffPrincipal } from '../accounts/staff-store';

export const handler = defineRoute('auth-wechat', async (req, rt) => {
  const session = await rt.wechat.code2Session(req.body.code);
  const account = await rt.users.findOrCreateResident(openidHash(rt.config.wechatAppId, session.openid), req.now);
  // The openid, sealed, for subscribe messages (written once per account).
  await rt.identities.remember(account.userId, session.openid, req.now);
  // A staff account (invited, or seeded locally) decides role and scope;
  // a revoked one signs in as the resident they still are.
  const staff = await rt.staff.get(account.userId);
  const active = staff?.status === 'active' ? staff : null;
  const principal = active ? staffPrincipal(active) : staff ? { userId: staff.userId, role: 'resident' as const, scope: { areas: [] } } : toPrincipal(account);
  const name = active ? active.name : staff ? undefined : account.name;
  const { token, expiresAt } = await (await rt.sessions()).issue(principal, req.now);
  return {
    body: {
      token,
      expiresAt,
      user: {
        userId: principal.userId,
        role: principal.role,
        areas: principal.scope.areas,
        ...(principal.scope.departmentId ? { departmentId: principal.scope.departmentId } : {}),
        ...(name ? { name } : {}),
      },
    },
  };
});
