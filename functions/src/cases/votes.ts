import { RESOLVED_STATUSES } from '@gridtong/shared/case/index';
import { shanghaiIsoDate } from '@gridtong/shared/deadlines/shanghai-time';
import { DomainError } from '@gridtong/shared/errors';
import type { Satisfaction } from '@gridtong/shared/schemas/case';
import type { RequestContext } from '../context';
import type { CaseRepository } from './case-store';
import type { FollowRepository } from './follow-store';
import type { VoteStore } from './vote-store';

/** What a vote touches: the case, whether the voter follows it, and the votes and their monthly tally. */
export interface VotePorts {
  cases: Pick<CaseRepository, 'get'>;
  follows: Pick<FollowRepository, 'isFollowing'>;
  votes: Pick<VoteStore, 'cast' | 'tally'>;
}

/** A follower's vote on a finished case they follow; the reporter rates instead. */
export async function voteOnCase(ports: VotePorts, ctx: RequestContext, caseId: string, level: Satisfaction): Promise<{ level: Satisfaction; counted: boolean }> {
  const { principal, now } = ctx;
  const [c, following] = await Promise.all([ports.cases.get(caseId, { consistent: true }), ports.follows.isFollowing(caseId, principal.userId)]);
  if (c && c.residentId === principal.userId) {
    throw new DomainError('CASE.PRECONDITION_FAILED', '您是上报人，请对案件进行评价', { details: { rule: 'reporterRates' } });
  }
  // Not followed looks exactly like no such case: ids cannot be probed.
  if (!c || !following) throw new DomainError('VOTE.NOT_FOLLOWER', '未找到您关注的该案件');
  if (!RESOLVED_STATUSES.has(c.status)) throw new DomainError('CASE.PRECONDITION_FAILED', '案件办结后才能评价', { details: { rule: 'notFinished' } });
  const vote = await ports.votes.cast(caseId, principal.userId, level, now);
  // Counted in the month the case closed, beside that month's ratings; a retry after a failed tally counts it then.
  const month = shanghaiIsoDate(Date.parse(c.closedAt ?? c.updatedAt)).slice(0, 7);
  await ports.votes.tally(c.location.communityCode, month, caseId, principal.userId, vote.level);
  return { level: vote.level, counted: vote.created };
}
