import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { FollowRepository } from '../../src/cases/follow-store';
import type { MemoryCaseStore } from './case-store';

type FollowStorePort = Pick<FollowRepository, 'follow' | 'unfollow' | 'isFollowing' | 'followedAmong' | 'followersOf'>;

/**
 * Follows in memory, counted on the case double exactly as the table counts them: a
 * follow moves followerCount once however often it is asked, an unfollow takes it back
 * once and never below zero, and neither touches the case's version.
 */
export class MemoryFollowStore implements FollowStorePort {
  private readonly follows = new Map<string, Map<string, string>>();

  constructor(private readonly cases: MemoryCaseStore) {}

  async follow(caseId: string, residentId: string, now: Date): Promise<boolean> {
    // The table's first step is a conditional mark on the case item.
    if (!this.cases.has(caseId)) throw new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
    const followers = this.follows.get(caseId) ?? new Map<string, string>();
    this.follows.set(caseId, followers);
    if (followers.has(residentId)) return false;
    followers.set(residentId, now.toISOString());
    this.cases.moveFollowerCount(caseId, 1);
    return true;
  }

  async unfollow(caseId: string, residentId: string): Promise<boolean> {
    const followers = this.follows.get(caseId);
    if (!followers?.delete(residentId)) return false;
    this.cases.moveFollowerCount(caseId, -1);
    return true;
  }

  async isFollowing(caseId: string, residentId: string): Promise<boolean> {
    return this.follows.get(caseId)?.has(residentId) ?? false;
  }

  async followedAmong(caseIds: readonly string[], residentId: string): Promise<Set<string>> {
    return new Set([...new Set(caseIds)].slice(0, 100).filter((id) => this.follows.get(id)?.has(residentId)));
  }

  async followersOf(caseId: string): Promise<string[]> {
    return [...(this.follows.get(caseId)?.keys() ?? [])];
  }
}
