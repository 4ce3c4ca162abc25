import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { writtenIf } from '../store/conditional';
import {
  entriesOf,
  outboxAttribute,
  outboxIndexKey,
  OUTBOX_REV,
  OUTBOX_SHARDS,
  PARKED_PARTITION,
  type OutboxEntry,
  type OutboxIndexKey,
} from './outbox';

export interface OutboxSnapshot {
  caseId: string;
  /** The case item as stored (the deliverer parses the case out of it). */
  item: Record<string, unknown>;
  entries: OutboxEntry[];
  rev: number;
}

const caseKey = (id: string) => ({ pk: `CASE#${id}`, sk: 'CASE' });

/**
 * The deliverer's access to the outbox entries on case items. Its writes touch only `ob_*`,
 * the gsi5 key and `obRev`, never the case or its version, and are conditioned on `obRev`
 * so two bookkeeping writes cannot undo each other.
 */
export class OutboxStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async read(caseId: string): Promise<OutboxSnapshot | null> {
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: caseKey(caseId), ConsistentRead: true }));
    if (!out.Item) return null;
    return { caseId, item: out.Item, entries: entriesOf(out.Item), rev: Number(out.Item[OUTBOX_REV] ?? 0) };
  }

  /** Ids of cases with a pending delivery due at or before `now`, earliest first. */
  async due(now: Date, limitPerShard: number): Promise<string[]> {
    const ids: string[] = [];
    for (let shard = 0; shard < OUTBOX_SHARDS; shard++) {
      const out = await this.doc.send(new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi5',
        KeyConditionExpression: 'gsi5pk = :p AND gsi5sk <= :upper',
        ExpressionAttributeValues: { ':p': `OUTBOX#${shard}`, ':upper': `${now.toISOString()}#\uffff` },
        ProjectionExpression: 'pk',
        Limit: limitPerShard,
      }));
      for (const item of out.Items ?? []) ids.push(String(item.pk).replace(/^CASE#/, ''));
    }
    return ids;
  }

  /** Cases with parked (`parked`) or pending deliveries, for operators; newest first for parked. */
  async list(state: 'pending' | 'parked', limit: number): Promise<OutboxSnapshot[]> {
    const partitions = state === 'parked' ? [PARKED_PARTITION] : Array.from({ length: OUTBOX_SHARDS }, (_, i) => `OUTBOX#${i}`);
    const found: OutboxSnapshot[] = [];
    // The index carries keys only: read each case's entries from the item itself.
    for (const pk of await outboxKeys(this.doc, this.table, partitions, state, limit)) {
      const snapshot = await this.read(pk.replace(/^CASE#/, ''));
      if (snapshot) found.push(snapshot);
    }
    return found;
  }

  /**
   * Replaces the given entries (null removes one: all its channels are done) and moves the
   * case in gsi5 to match everything left, if nobody else did bookkeeping since `rev`.
   * Returns false on such a race; the caller reads again and re-applies.
   */
  async commit(snapshot: OutboxSnapshot, changed: ReadonlyMap<number, OutboxEntry | null>): Promise<boolean> {
    return commitOutboxChanges(this.doc, this.table, caseKey(snapshot.caseId), snapshot, changed, (after) => outboxIndexKey(snapshot.caseId, after));
  }

}

/**
 * The one bookkeeping write for any item that carries an outbox (cases, bookings): replaces
 * the given entries (null removes one: all its channels are done), moves the item in gsi5
 * to match what is left, and bumps `obRev` — only if nobody else did bookkeeping since the
 * revision read. It never touches the item's own fields or version. False on such a race;
 * the caller reads again and re-applies.
 */
export async function commitOutboxChanges(
  doc: DynamoDBDocumentClient,
  table: string,
  key: Record<string, string>,
  snapshot: { entries: readonly OutboxEntry[]; rev: number },
  changed: ReadonlyMap<number, OutboxEntry | null>,
  indexOf: (after: OutboxEntry[]) => OutboxIndexKey,
): Promise<boolean> {
  if (changed.size === 0) return true;
  const after = snapshot.entries.flatMap((e) => (changed.has(e.seq) ? (changed.get(e.seq) ? [changed.get(e.seq)!] : []) : [e]));
  const index = indexOf(after);
  const names: Record<string, string> = { '#rev': OUTBOX_REV };
  const values: Record<string, unknown> = { ':one': 1 };
  const sets: string[] = [];
  const removes: string[] = [];
  let i = 0;
  for (const [seq, entry] of changed) {
    names[`#e${i}`] = outboxAttribute(seq);
    if (entry) {
      values[`:e${i}`] = entry;
      sets.push(`#e${i} = :e${i}`);
    } else {
      removes.push(`#e${i}`);
    }
    i++;
  }
  if (index) {
    values[':ipk'] = index.gsi5pk;
    values[':isk'] = index.gsi5sk;
    sets.push('gsi5pk = :ipk', 'gsi5sk = :isk');
  } else {
    removes.push('gsi5pk', 'gsi5sk');
  }
  if (snapshot.rev > 0) values[':rev'] = snapshot.rev;
  return writtenIf(doc.send(new UpdateCommand({
    TableName: table,
    Key: key,
    UpdateExpression: [sets.length ? `SET ${sets.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : '', 'ADD #rev :one'].filter(Boolean).join(' '),
    ConditionExpression: `attribute_exists(pk) AND ${snapshot.rev > 0 ? '#rev = :rev' : 'attribute_not_exists(#rev)'}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  })));
}

/** Keys (`pk`) of items in these gsi5 outbox partitions: the earliest due first for pending, the newest first for parked. */
export async function outboxKeys(doc: DynamoDBDocumentClient, table: string, partitions: readonly string[], state: 'pending' | 'parked', limit: number): Promise<string[]> {
  const keys: string[] = [];
  for (const partition of partitions) {
    const out = await doc.send(new QueryCommand({
      TableName: table,
      IndexName: 'gsi5',
      KeyConditionExpression: 'gsi5pk = :p',
      ExpressionAttributeValues: { ':p': partition },
      ScanIndexForward: state === 'pending',
      ProjectionExpression: 'pk',
      Limit: limit,
    }));
    for (const item of out.Items ?? []) keys.push(String(item.pk));
  }
  return keys.slice(0, limit);
}
