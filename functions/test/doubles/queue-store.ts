import { DomainError } from '@gridtong/shared/errors';
import { queueCaseSchema, toItem } from '../../src/cases/case-store';
import type { QueueFilter, QueuePage, QueuePartition, WorkQueueStore } from '../../src/cases/queue-store';
import type { MemoryCaseStore } from './case-store';

type QueueStorePort = Pick<WorkQueueStore, 'page'>;

/**
 * The work queues in memory: the index rows are derived from the stored cases by the case
 * store's own toItem (so a case is in exactly the queues the table would put it in), merged
 * across partitions by deadline. The cursor is an offset: exact while nothing is written between pages.
 */
export class MemoryQueueStore implements QueueStorePort {
  constructor(private readonly cases: MemoryCaseStore) {}

  async page(partitions: readonly QueuePartition[], limit: number, filter: QueueFilter, cursor?: string): Promise<QueuePage> {
    const offset = cursor === undefined ? 0 : Number(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Number.isInteger(offset) || offset < 0) throw new DomainError('REQUEST.INVALID_CURSOR', '分页参数无效，请从第一页重新加载');
    const rows = this.cases
      .all()
      .map((c) => toItem(c))
      .flatMap((item) => partitions.filter((p) => item[`${p.index}pk`] === p.key).map((p) => ({ item, sort: `${String(item[`${p.index}sk`])}|${p.index}|${p.key}` })))
      .filter(({ item, sort }) => (!filter.statuses?.length || filter.statuses.includes(item['status'] as never)) && (!filter.dueBefore || sort < filter.dueBefore))
      .sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0));
    const items = rows.slice(offset, offset + limit).map((r) => queueCaseSchema.parse(r.item));
    const next = offset + limit < rows.length ? Buffer.from(String(offset + limit)).toString('base64url') : null;
    return { items, nextCursor: next };
  }
}
