import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { CaseNumberStore } from '../../src/cases/case-number-store';

/** 受理编号 counters and lookups in memory, with the store's contract: one sequence per prefix, a number recorded once. */
export class MemoryCaseNumberStore implements Pick<CaseNumberStore, 'next' | 'record' | 'find'> {
  private readonly sequences = new Map<string, number>();
  private readonly numbers = new Map<string, string>();

  async next(prefix: string): Promise<number> {
    const seq = (this.sequences.get(prefix) ?? 0) + 1;
    this.sequences.set(prefix, seq);
    return seq;
  }

  async record(caseNumber: string, caseId: string): Promise<void> {
    if (this.numbers.has(caseNumber)) throw new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
    this.numbers.set(caseNumber, caseId);
  }

  async find(caseNumber: string): Promise<string | null> {
    return this.numbers.get(caseNumber) ?? null;
  }
}
