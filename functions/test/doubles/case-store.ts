import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { Case } from '@gridtong/shared/schemas/case';
import { CASE_COUNTERS, staleCaseWrite, type CaseRepository } from '../../src/cases/case-store';

type CaseStorePort = Pick<CaseRepository, 'create' | 'save' | 'get' | 'getMany'>;

/**
 * The case store in memory, with the table's conditions: create only if new, save only
 * over the version it was decided on (else the store's own conflict), counters kept beside
 * the version (followerCount, moderation) never written by a save. Every read is a copy.
 */
export class MemoryCaseStore implements CaseStorePort {
  private readonly items = new Map<string, Case>();
  /** Writes attempted, for tests that check nothing was written. */
  writes = 0;

  async create(c: Case): Promise<void> {
    this.writes++;
    if (this.items.has(c.id)) throw new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
    this.items.set(c.id, structuredClone(c));
  }

  async save(next: Case): Promise<void> {
    this.writes++;
    const stored = this.items.get(next.id);
    if (!stored || stored.version !== next.version - 1) throw staleCaseWrite();
    const kept = Object.fromEntries([...CASE_COUNTERS].filter((name) => name in stored).map((name) => [name, stored[name as keyof Case]]));
    const written = structuredClone(next) as Record<string, unknown>;
    for (const name of CASE_COUNTERS) delete written[name];
    this.items.set(next.id, { ...(written as Case), ...kept } as Case);
  }

  async get(id: string): Promise<Case | null> {
    const c = this.items.get(id);
    return c ? structuredClone(c) : null;
  }

  async getMany(ids: readonly string[]): Promise<Map<string, Case>> {
    const found = new Map<string, Case>();
    for (const id of ids) {
      const c = this.items.get(id);
      if (c) found.set(id, structuredClone(c));
    }
    return found;
  }

  /** A counter's own guarded write (the follow store's): the version stays as it is. */
  moveFollowerCount(id: string, delta: number): boolean {
    const c = this.items.get(id);
    if (!c || c.followerCount + delta < 0) return false;
    this.items.set(id, { ...c, followerCount: c.followerCount + delta });
    return true;
  }

  has(id: string): boolean {
    return this.items.has(id);
  }

  /** Every stored case, for the queue double that derives the index rows from them. */
  all(): Case[] {
    return [...this.items.values()].map((c) => structuredClone(c));
  }
}
