import type { CommunityStats } from '@gridtong/shared/api/stats';
import { shanghaiIsoDate } from '@gridtong/shared/deadlines/shanghai-time';
import { DomainError } from '@gridtong/shared/errors';
import { handlingTimes, statsRates, type CounterTotals } from '@gridtong/shared/events/counters';
import type { Satisfaction } from '@gridtong/shared/schemas/case';
import type { Runtime } from '../runtime';
import type { VoteStore } from './vote-store';

const SATISFIED: readonly Satisfaction[] = ['verySatisfied', 'satisfied', 'basicallySatisfied'];

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
