import type { FollowResponse } from '@gridtong/shared/api/cases';
import { OPEN_STATUSES } from '@gridtong/shared/case/index';
import { DomainError } from '@gridtong/shared/errors';
import type { RequestContext } from '../context';
import type { CaseRepository } from './case-store';
import type { FollowRepository } from './follow-store';
import { caseNotFound } from './case-actions';

/** What following touches: the case (its status and count) and the follow itself. */
export interface FollowPorts {
  cases: Pick<CaseRepository, 'get'>;
  follows: Pick<FollowRepository, 'isFollowing' | 'follow' | 'unfollow'>;
}

/**
 * 我也遇到. Any resident may follow an open case they can find nearby; following twice is
 * the same as once. One's own case and a finished case cannot be followed.
 */
export async function followCase(ports: FollowPorts, ctx: RequestContext, caseId: string): Promise<FollowResponse> {
  const { principal, now } = ctx;
  const found = await ports.cases.get(caseId, { consistent: true });
  if (!found) throw caseNotFound();
  if (found.residentId === principal.userId) {
    throw new DomainError('FOLLOW.OWN_CASE', '这是您自己上报的案件，可在“我的上报”中查看进度');
  }
  const already = await ports.follows.isFollowing(caseId, principal.userId);
  if (!already && !OPEN_STATUSES.includes(found.status)) {
    throw new DomainError('FOLLOW.CASE_CLOSED', '该案件已办结或已关闭，无法关注');
  }
  // Always asked: following is idempotent, and a tap finishes a follow an earlier one left half done.
  await ports.follows.follow(caseId, principal.userId, now);
  const after = await ports.cases.get(caseId, { consistent: true });
  return { caseId, following: true, followerCount: (after ?? found).followerCount };
}

/** 取消关注: idempotent; a case one never followed answers the same as after unfollowing. */
export async function unfollowCase(ports: FollowPorts, ctx: RequestContext, caseId: string): Promise<FollowResponse> {
  const found = await ports.cases.get(caseId, { consistent: true });
  if (!found) throw caseNotFound();
  await ports.follows.unfollow(caseId, ctx.principal.userId);
  const after = await ports.cases.get(caseId, { consistent: true });
  return { caseId, following: false, followerCount: (after ?? found).followerCount };
}
