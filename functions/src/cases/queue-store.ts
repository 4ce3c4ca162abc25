import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CaseStatus } from '@gridtong/shared/schemas/case';
import { DomainError } from '@gridtong/shared/errors';
import { queueCaseSchema, type QueueCase } from './case-store';

/** One queue partition: an index and the partition key value in it. */
export interface QueuePartition {
  index: 'gsi2' | 'gsi3' | 'gsi6';
  key: string;
}

export interface QueueFilter {
  statuses?: readonly CaseStatus[];
  /** ISO instant (UTC, as stored): only cases whose deadline is before it. */
  dueBefore?: string;
}

export interface QueuePage {
  /** Rows as the index holds them: no timeline, no reporter. */
  items: QueueCase[];
  nextCursor: string | null;
}

type Position = Record<string, string> | null;

const invalidCursor = () =>
  new DomainError('REQUEST.INVALID_CURSOR', '分页参数无效，请从第一页重新加载', { problems: [{ path: 'query.cursor', message: 'invalid cursor' }] });

const keyNames = (index: QueuePartition['index']) => ['pk', 'sk', `${index}pk`, `${index}sk`];
const partitionId = (p: QueuePartition) => `${p.index}|${p.key}`;

/**
 * Where each partition stands: absent = not started, null = exhausted, else the key of the
 * last row handed out. Only valid for exactly the partitions it came from.
 */
function decodeCursor(cursor: string, partitions: readonly QueuePartition[]): Map<string, Position> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw invalidCursor();
  const byId = new Map(partitions.map((p) => [partitionId(p), p]));
  const positions = new Map<string, Position>();
  for (const [id, position] of Object.entries(parsed as Record<string, unknown>)) {
    const partition = byId.get(id);
    if (!partition) throw invalidCursor();
    if (position === null) {
      positions.set(id, null);
      continue;
    }
    if (!position || typeof position !== 'object' || Array.isArray(position)) throw invalidCursor();
    const names = Object.keys(position).sort().join(',');
    const values = Object.values(position);
    if (names !== keyNames(partition.index).sort().join(',') || !values.every((v) => typeof v === 'string' && v.length > 0 && v.length <= 1024)) throw invalidCursor();
    if ((position as Record<string, string>)[`${partition.index}pk`] !== partition.key) throw invalidCursor();
    positions.set(id, position as Record<string, string>);
  }
  return positions;
}

function encodeCursor(positions: Map<string, Position>): string | null {
  if ([...positions.values()].every((p) => p === null)) return null;
  return Buffer.from(JSON.stringify(Object.fromEntries(positions))).toString('base64url');
}

interface Fetched {
  partition: QueuePartition;
  rows: { item: Record<string, unknown>; sort: string }[];
  /** Where the partition stands after the last fetched row (null: nothing more). */
  end: Position;
}

/**
 * The caller's queue across several partitions (a worker's four grids, a district's
 * streets), merged by deadline. Queries only, on sparse indexes; a page is exact: no row
 * is skipped or repeated between pages.
 */
export class WorkQueueStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async page(partitions: readonly QueuePartition[], limit: number, filter: QueueFilter, cursor?: string): Promise<QueuePage> {
    const positions = cursor ? decodeCursor(cursor, partitions) : new Map<string, Position>();
    const fetched = await Promise.all(
      partitions
        .filter((p) => positions.get(partitionId(p)) !== null)
        .map((p) => this.fetch(p, positions.get(partitionId(p)) ?? undefined, limit, filter)),
    );
    const merged = fetched
      .flatMap((f) => f.rows.map((row) => ({ ...row, from: f })))
      .sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0))
      .slice(0, limit);

    for (const f of fetched) {
      const taken = merged.filter((m) => m.from === f);
      const id = partitionId(f.partition);
      if (taken.length === f.rows.length) {
        positions.set(id, f.end);
      } else if (taken.length > 0) {
        const last = taken[taken.length - 1]!.item;
        positions.set(id, Object.fromEntries(keyNames(f.partition.index).map((k) => [k, String(last[k])])));
      }
      // None taken: the partition stays where it was.
    }
    return { items: merged.map((m) => queueCaseSchema.parse(m.item)), nextCursor: encodeCursor(positions) };
  }

  /** Up to `limit` matching rows from one partition (more than one query when a filter drops rows). */
  private async fetch(partition: QueuePartition, start: Record<string, string> | undefined, limit: number, filter: QueueFilter): Promise<Fetched> {
    const names: Record<string, string> = { '#pk': `${partition.index}pk` };
    const values: Record<string, unknown> = { ':pk': partition.key };
    let keyCondition = '#pk = :pk';
    if (filter.dueBefore) {
      names['#sk'] = `${partition.index}sk`;
      keyCondition += ' AND #sk < :due';
      values[':due'] = filter.dueBefore;
    }
    let filterExpression: string | undefined;
    if (filter.statuses?.length) {
      names['#status'] = 'status';
      filter.statuses.forEach((s, i) => (values[`:s${i}`] = s));
      filterExpression = `#status IN (${filter.statuses.map((_, i) => `:s${i}`).join(', ')})`;
    }
    const rows: Fetched['rows'] = [];
    let exclusiveStart: Record<string, unknown> | undefined = start;
    for (;;) {
      const out = await this.doc.send(new QueryCommand({
        TableName: this.table,
        IndexName: partition.index,
        KeyConditionExpression: keyCondition,
        ...(filterExpression ? { FilterExpression: filterExpression } : {}),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        Limit: limit,
        ...(exclusiveStart ? { ExclusiveStartKey: exclusiveStart } : {}),
      }));
      for (const item of out.Items ?? []) rows.push({ item, sort: `${String(item[`${partition.index}sk`])}|${partitionId(partition)}` });
      exclusiveStart = out.LastEvaluatedKey;
      if (!exclusiveStart || rows.length >= limit) break;
    }
    const kept = rows.slice(0, limit);
    if (kept.length < rows.length) {
      // More rows came back than needed: the partition continues after the last kept one.
      const last = kept[kept.length - 1]!.item;
      return { partition, rows: kept, end: Object.fromEntries(keyNames(partition.index).map((k) => [k, String(last[k])])) };
    }
    return { partition, rows: kept, end: (exclusiveStart as Record<string, string> | undefined) ?? null };
  }
}
