import type { CommunityStats, ReportSubscriptionsRequest, SubscriptionsResponse } from '@gridtong/shared/api/hear-back';
import { shanghaiIsoDate } from '@gridtong/shared/deadlines/shanghai-time';
import { DomainError } from '@gridtong/shared/errors';
import { handlingTimes, statsRates, type CounterTotals } from '@gridtong/shared/events/counters';
import type { Principal } from '@gridtong/shared/schemas/roles';
import type { Satisfaction } from '@gridtong/shared/schemas/case';
import { RESIDENT_TEMPLATE_KINDS, TEMPLATE_KINDS, type TemplateKind } from '@gridtong/shared/wechat/templates';
import type { Runtime } from '../runtime';
import type { VoteStore } from '../store/votes';

/** wechat (issue 8): subscribe grants, follower votes and a community's public figures. */

const FINISHED = new Set(['closed', 'rated', 'unrated']);
const SATISFIED: readonly Satisfaction[] = ['verySatisfied', 'satisfied', 'basicallySatisfied'];

function kindsFor(principal: Principal): readonly TemplateKind[] {
  return principal.role === 'resident' ? RESIDENT_TEMPLATE_KINDS : TEMPLATE_KINDS.filter((k) => !RESIDENT_TEMPLATE_KINDS.includes(k));
}

export async function subscriptionsOf(rt: Pick<Runtime, 'config' | 'subscriptions'>, principal: Principal): Promise<SubscriptionsResponse> {
  const grants = new Map((await rt.subscriptions.list(principal.userId)).map((g) => [g.templateId, g]));
  return {
    subscriptions: kindsFor(principal).flatMap((kind) => {
      const template = rt.config.wechatTemplates[kind];
      if (!template) return [];
      const grant = grants.get(template.id);
      return [{ kind, templateId: template.id, longTerm: template.longTerm, remaining: template.longTerm ? 0 : grant?.remaining ?? 0, accepted: grant?.accepted ?? false }];
    }),
  };
}

/** Records what `requestSubscribeMessage` answered; only templates offered to the caller count. */
export async function reportSubscriptions(
  rt: Pick<Runtime, 'config' | 'subscriptions'>,
  principal: Principal,
  request: ReportSubscriptionsRequest,
  now: Date,
): Promise<SubscriptionsResponse> {
  const offered = new Set(kindsFor(principal).flatMap((k) => rt.config.wechatTemplates[k]?.id ?? []));
  const unknown = Object.keys(request.results).filter((id) => !offered.has(id));
  if (unknown.length) {
    throw new DomainError('REQUEST.VALIDATION', '订阅消息模板无效', {
      problems: unknown.map((id) => ({ path: `body.results.${id}`, message: '不是可订阅的模板' })),
    });
  }
  for (const [templateId, result] of Object.entries(request.results)) {
    // 'filter' is WeChat hiding a template (title filtered): the user said nothing; leave it.
    if (result === 'filter') continue;
    await rt.subscriptions.record(principal.userId, templateId, result === 'accept', now);
  }
  return subscriptionsOf(rt, principal);
}

/** A follower's vote on a finished case they follow; the reporter rates instead. */
export async function voteOnCase(
  rt: Pick<Runtime, 'cases' | 'follows'> & { votes: VoteStore },
  principal: Principal,
  caseId: string,
  level: Satisfaction,
  now: Date,
): Promise<{ level: Satisfaction; counted: boolean }> {
  const [c, following] = await Promise.all([rt.cases.get(caseId, { consistent: true }), rt.follows.isFollowing(caseId, principal.userId)]);
  if (c && c.residentId === principal.userId) {
    throw new DomainError('CASE.PRECONDITION_FAILED', '您是上报人，请对案件进行评价', { details: { rule: 'reporterRates' } });
  }
  // Not followed looks exactly like no such case: ids cannot be probed.
  if (!c || !following) throw new DomainError('VOTE.NOT_FOLLOWER', '未找到您关注的该案件');
  if (!FINISHED.has(c.status)) throw new DomainError('CASE.PRECONDITION_FAILED', '案件办结后才能评价', { details: { rule: 'notFinished' } });
  const vote = await rt.votes.cast(caseId, principal.userId, level, now);
  // Counted in the month the case closed, beside that month's ratings; a retry after a failed tally counts it then.
  const month = shanghaiIsoDate(Date.parse(c.closedAt ?? c.updatedAt)).slice(0, 7);
  await rt.votes.tally(c.location.communityCode, month, caseId, principal.userId, vote.level);
  return { level: vote.level, counted: vote.created };
}

const sumInto = (into: CounterTotals, add: CounterTotals) => {
  for (const [k, v] of Object.entries(add)) if (typeof v === 'number') (into as Record<string, number>)[k] = ((into as Record<string, number>)[k] ?? 0) + v;
};

/** This Beijing month in one community: the counters of its grids, one query per grid. */
export async function communityStats(rt: Pick<Runtime, 'city' | 'counters'> & { votes: VoteStore }, code: string, now: Date): Promise<CommunityStats> {
  const city = await rt.city.get();
  const community = city.data.communities.find((c) => c.code === code);
  if (!community) throw new DomainError('COMMUNITY.NOT_FOUND', '未找到该社区');
  const today = shanghaiIsoDate(now.getTime());
  const month = today.slice(0, 7);
  const grids = city.data.grids.filter((g) => g.communityCode === code);
  const totals: CounterTotals = {};
  const [perGrid, votes] = await Promise.all([
    Promise.all(grids.map((g) => rt.counters.days(g.code, `${month}-01`, today))),
    rt.votes.monthTotals(code, month),
  ]);
  for (const days of perGrid) for (const day of days.values()) sumInto(totals, day);
  const rates = statsRates(totals);
  const n = (k: keyof CounterTotals) => totals[k] ?? 0;
  const ratings = n('rating_verySatisfied') + n('rating_satisfied') + n('rating_basicallySatisfied') + n('rating_dissatisfied') + n('rating_veryDissatisfied');
  const voteCount = Object.values(votes).reduce((a, b) => a + (b ?? 0), 0);
  const satisfiedVotes = SATISFIED.reduce((a, l) => a + (votes[l] ?? 0), 0);
  return {
    communityCode: code,
    communityName: community.name,
    month,
    reported: n('received'),
    // A case reopened (重办) and closed again is one 办结 for residents: a reopen withdraws the closure it undid.
    closed: Math.max(0, n('closed') - n('reopened')),
    onTimeRate: rates.responseRate,
    satisfactionRate: rates.satisfactionRate,
    ratings,
    meanHandlingHours: handlingTimes(totals).meanHours,
    followerVotes: voteCount,
    followerSatisfactionRate: voteCount ? Math.round((satisfiedVotes / voteCount) * 10_000) / 10_000 : null,
  };
}
