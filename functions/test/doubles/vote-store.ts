import type { Satisfaction } from '@gridtong/shared/schemas/case';
import type { VoteStore, VoteTotals } from '../../src/cases/vote-store';

type VoteStorePort = Pick<VoteStore, 'cast' | 'tally' | 'monthTotals'>;

/** Follower votes in memory: the first vote stays, and each vote is tallied in its community's month once. */
export class MemoryVoteStore implements VoteStorePort {
  private readonly votes = new Map<string, Satisfaction>();
  private readonly tallied = new Map<string, Set<string>>();
  private readonly totals = new Map<string, VoteTotals>();

  async cast(caseId: string, userId: string, level: Satisfaction): Promise<{ level: Satisfaction; created: boolean }> {
    const key = `${caseId}#${userId}`;
    const stored = this.votes.get(key);
    if (stored) return { level: stored, created: false };
    this.votes.set(key, level);
    return { level, created: true };
  }

  async tally(communityCode: string, month: string, caseId: string, userId: string, level: Satisfaction): Promise<boolean> {
    const partition = `${communityCode}#${month}`;
    const voters = this.tallied.get(partition) ?? new Set<string>();
    this.tallied.set(partition, voters);
    if (voters.has(`${caseId}#${userId}`)) return false;
    voters.add(`${caseId}#${userId}`);
    const totals = this.totals.get(partition) ?? {};
    totals[level] = (totals[level] ?? 0) + 1;
    this.totals.set(partition, totals);
    return true;
  }

  async monthTotals(communityCode: string, month: string): Promise<VoteTotals> {
    return { ...this.totals.get(`${communityCode}#${month}`) };
  }
}
