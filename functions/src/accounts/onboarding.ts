import type { LoginResponse } from '@gridtong/shared/api/auth';
import { INVITATION_VALID_HOURS, type CreateInvitationRequest, type InvitationResponse, type RevokeStaffResponse } from '@gridtong/shared/api/staff';
import { DomainError } from '@gridtong/shared/errors';
import { areaLevelOf } from '@gridtong/shared/schemas/common';
import { scopeCoversArea, type Principal } from '@gridtong/shared/schemas/roles';
import { withdrawWorker } from '../bookings/service';
import type { Runtime } from '../runtime';
import type { CityReference } from '../city/city-snapshot';
import { newInvitationCode, type InvitationGrant, type InvitationRepository } from './invitation-store';
import { staffPrincipal, type StaffAccount } from './staff-store';

/** The mini-program page a staff member lands on from the invitation's QR code or link. */
export const INVITATION_PAGE = 'pages/login/index';

function areaExists(city: CityReference, code: string): boolean {
  const data = city.directory.data;
  switch (areaLevelOf(code)) {
    case 'district': return data.districts.some((d) => d.code === code);
    case 'street': return data.streets.some((s) => s.code === code);
    case 'community': return data.communities.some((c) => c.code === code);
    case 'grid': return city.directory.grid(code) !== undefined;
    default: return false;
  }
}

/** An admin hands out exactly what lies inside their own areas: never more than they hold. */
export async function createInvitation(rt: Runtime, admin: Principal, body: CreateInvitationRequest, now: Date): Promise<InvitationResponse> {
  const city = await rt.city.get();
  body.areas.forEach((area, i) => {
    if (!areaExists(city, area)) {
      throw new DomainError('INVITATION.INVALID', '所选区域不存在', { problems: [{ path: `body.areas.${i}`, message: 'unknown area' }] });
    }
    if (!scopeCoversArea(admin.scope, area)) {
      throw new DomainError('INVITATION.OUT_OF_SCOPE', '只能邀请您管辖区域内的工作人员', { problems: [{ path: `body.areas.${i}`, message: 'outside your areas' }] });
    }
  });
  if (body.departmentId !== undefined) {
    const department = city.directory.department(body.departmentId);
    if (!department) throw new DomainError('INVITATION.INVALID', '所选部门不存在', { problems: [{ path: 'body.departmentId', message: 'unknown department' }] });
    if (!scopeCoversArea(admin.scope, department.areaCode)) {
      throw new DomainError('INVITATION.OUT_OF_SCOPE', '只能邀请您管辖区域内的工作人员', { problems: [{ path: 'body.departmentId', message: 'outside your areas' }] });
    }
  }
  return issueInvitation(rt.invitations, { role: body.role, areas: body.areas, ...(body.departmentId ? { departmentId: body.departmentId } : {}), name: body.name }, admin.userId, now);
}

/** Stores a fresh one-time invitation (only its hash) and returns the code, shown this once. */
export async function issueInvitation(invitations: InvitationRepository, grant: InvitationGrant, createdBy: string, now: Date): Promise<InvitationResponse> {
  const code = newInvitationCode();
  const expiresAtMs = now.getTime() + INVITATION_VALID_HOURS * 3_600_000;
  await invitations.create(code, { ...grant, createdBy, createdAt: now.toISOString(), expiresAt: Math.floor(expiresAtMs / 1000) });
  return {
    code,
    path: `${INVITATION_PAGE}?invite=${code}`,
    expiresAt: new Date(expiresAtMs).toISOString(),
    role: grant.role,
    areas: grant.areas,
    ...(grant.departmentId ? { departmentId: grant.departmentId } : {}),
    name: grant.name,
  };
}

/**
 * A signed-in WeChat user turns an invitation into their staff account and gets a fresh
 * session with it. The invitation is spent by one conditional write: used once, ever.
 */
export async function redeemInvitation(rt: Runtime, user: Principal, code: string, now: Date): Promise<LoginResponse> {
  const existing = await rt.staff.get(user.userId);
  if (existing?.status === 'active') throw new DomainError('INVITATION.ALREADY_STAFF', '您已是工作人员，无需再次使用邀请码');
  const invitation = await rt.invitations.redeem(code, user.userId, now);
  const account: StaffAccount = {
    userId: user.userId,
    role: invitation.role,
    areas: invitation.areas,
    ...(invitation.departmentId ? { departmentId: invitation.departmentId } : {}),
    name: invitation.name,
    status: 'active',
    createdAt: now.toISOString(),
    invitedBy: invitation.createdBy,
  };
  await rt.staff.bind(account);
  const { token, expiresAt } = await (await rt.sessions()).issue(staffPrincipal(account), now);
  return {
    token,
    expiresAt,
    user: { userId: account.userId, role: account.role, areas: account.areas, ...(account.departmentId ? { departmentId: account.departmentId } : {}), name: account.name },
  };
}

/** Staff outside the admin's areas look exactly like no staff at all. */
export async function revokeStaff(rt: Runtime, admin: Principal, adminName: string | undefined, userId: string, now: Date): Promise<RevokeStaffResponse> {
  const account = await rt.staff.get(userId);
  if (!account || account.areas.length === 0 || !account.areas.every((a) => scopeCoversArea(admin.scope, a))) {
    throw new DomainError('STAFF.NOT_FOUND', '未找到该工作人员');
  }
  const revoked = await rt.staff.revoke(userId, admin.userId, now);
  // Nobody books them any more, and residents waiting for them are told.
  // Revoking again (after a crash half-way) finishes the job.
  const visits = await withdrawWorker(rt, { principal: admin, now, ...(adminName ? { actorName: adminName } : {}) }, account);
  return { userId: revoked.userId, revokedAt: revoked.revokedAt ?? now.toISOString(), ...visits };
}
