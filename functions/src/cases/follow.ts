import type { FollowResponse } from '@gridtong/shared/api/cases';
import { OPEN_STATUSES } from '@gridtong/shared/case/index';
import { DomainError } from '@gridtong/shared/errors';
import type { Principal } from '@gridtong/shared/schemas/roles';
import type { Runtime } from '../runtime';

const notFound = () => new DomainError('CASE.NOT_FOUND', '未找到该案件');

/**
 * 我也遇到. Any resident may follow an open case they can find nearby; following twice is
 * the same as once. One's own case and a finished case cannot be followed.
 */
export async function followCase(rt: Runtime, principal: Principal, caseId: string, now: Date): Promise<FollowResponse> {
  const found = await rt.cases.get(caseId, { consistent: true });
  if (!found) throw notFound();
  if (found.residentId === principal.userId) {
    throw new DomainError('FOLLOW.OWN_CASE', '这是您自己上报的案件，可在“我的上报”中查看进度');
  }
  const already = await rt.follows.isFollowing(caseId, principal.userId);
  if (!already && !OPEN_STATUSES.includes(found.status)) {
    throw new DomainError('FOLLOW.CASE_CLOSED', '该案件已办结或已关闭，无法关注');
  }
  // Always asked: following is idempotent, and a tap finishes a follow an earlier one left half done.
  await rt.follows.follow(caseId, principal.userId, now);
  const after = await rt.cases.get(caseId, { consistent: true });
  return { caseId, following: true, followerCount: (after ?? found).followerCount };
}

/** 取消关注: idempotent; a case one never followed answers the same as after unfollowing. */
export async function unfollowCase(rt: Runtime, principal: Principal, caseId: string): Promise<FollowResponse> {
  const found = await rt.cases.get(caseId, { consistent: true });
  if (!found) throw notFound();
  await rt.follows.unfollow(caseId, principal.userId);
  const after = await rt.cases.get(caseId, { consistent: true });
  return { caseId, following: false, followerCount: (after ?? found).followerCount };
}
