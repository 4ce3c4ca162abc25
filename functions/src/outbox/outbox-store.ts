import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { caseSchema, type Case } from '@gridtong/shared/schemas/case';
import { writtenIf } from '../store/conditional';
import {
  CASE_OUTBOX_PARTITIONS,
  entriesOf,
  outboxAttribute,
  outboxIndexKey,
  OUTBOX_REV,
  pendingPartitions,
  type OutboxEntry,
  type OutboxPartitions,
} from './outbox';

/**
 * One kind of item that carries an outbox (cases, 代办 bookings): where it is in the table,
 * where it sits in gsi5, and how its aggregate is read out of the stored item.
 */
export interface OutboxKind<A> {
  /** 'case' or 'booking': the operator's views and the logs name it. */
  readonly name: 'case' | 'booking';
  /** The prefix of the item's `pk` (how a stream record is told apart). */
  readonly keyPrefix: string;
  key(id: string): { pk: string; sk: string };
  readonly partitions: OutboxPartitions;
  /** The case or booking out of the stored item. */
  parse(item: Record<string, unknown>): A;
}

export interface OutboxSnapshot {
  id: string;
  /** The item as stored: the deliverer reads its aggregate with the kind's `parse` (a broken item still lists for operators). */
  item: Record<string, unknown>;
  entries: OutboxEntry[];
  /** The bookkeeping revision read: a commit is conditioned on it. */
  rev: number;
}

/** What the deliverer and the operator's listing and retry use of an outbox: the doubles implement the same. */
export interface OutboxPort<A> {
  readonly kind: OutboxKind<A>;
  read(id: string): Promise<OutboxSnapshot | null>;
  /** Ids of items with a pending delivery due at or before `now`. */
  due(now: Date, limitPerShard: number): Promise<string[]>;
  /** Items with parked or pending deliveries, for operators: the earliest due first for pending, the newest first for parked. */
  list(state: 'pending' | 'parked', limit: number): Promise<OutboxSnapshot[]>;
  /**
   * Replaces the given entries (null removes one: all its channels are done) and moves the
   * item in gsi5 to match what is left, if nobody else did bookkeeping since `rev`. False on
   * such a race: the caller reads again and re-applies.
   */
  commit(snapshot: OutboxSnapshot, changed: ReadonlyMap<number, OutboxEntry | null>): Promise<boolean>;
}

export const CASE_OUTBOX: OutboxKind<Case> = {
  name: 'case',
  keyPrefix: 'CASE#',
  key: (id) => ({ pk: `CASE#${id}`, sk: 'CASE' }),
  partitions: CASE_OUTBOX_PARTITIONS,
  parse: (item) => caseSchema.parse(item),
};

/**
 * The deliverer's access to the outbox entries on items of one kind. Its writes touch only
 * `ob_*`, the gsi5 key and `obRev`, never the item or its version, and are conditioned on
 * `obRev` so two bookkeeping writes cannot undo each other.
 */
export class OutboxStore<A> implements OutboxPort<A> {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    readonly kind: OutboxKind<A>,
  ) {}

  async read(id: string): Promise<OutboxSnapshot | null> {
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: this.kind.key(id), ConsistentRead: true }));
    if (!out.Item) return null;
    return { id, item: out.Item, entries: entriesOf(out.Item), rev: Number(out.Item[OUTBOX_REV] ?? 0) };
  }

  async due(now: Date, limitPerShard: number): Promise<string[]> {
    const ids: string[] = [];
    for (const partition of pendingPartitions(this.kind.partitions)) {
      const out = await this.doc.send(new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi5',
        KeyConditionExpression: 'gsi5pk = :p AND gsi5sk <= :upper',
        ExpressionAttributeValues: { ':p': partition, ':upper': `${now.toISOString()}#\uffff` },
        ProjectionExpression: 'pk',
        Limit: limitPerShard,
      }));
      for (const item of out.Items ?? []) ids.push(this.idOf(item));
    }
    return ids;
  }

  async list(state: 'pending' | 'parked', limit: number): Promise<OutboxSnapshot[]> {
    const partitions = state === 'parked' ? [this.kind.partitions.parked] : pendingPartitions(this.kind.partitions);
    const ids: string[] = [];
    for (const partition of partitions) {
      const out = await this.doc.send(new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi5',
        KeyConditionExpression: 'gsi5pk = :p',
        ExpressionAttributeValues: { ':p': partition },
        ScanIndexForward: state === 'pending',
        ProjectionExpression: 'pk',
        Limit: limit,
      }));
      for (const item of out.Items ?? []) ids.push(this.idOf(item));
    }
    // The index carries keys only: read each item's entries from the item itself.
    const found: OutboxSnapshot[] = [];
    for (const id of ids.slice(0, limit)) {
      const snapshot = await this.read(id);
      if (snapshot) found.push(snapshot);
    }
    return found;
  }

  async commit(snapshot: OutboxSnapshot, changed: ReadonlyMap<number, OutboxEntry | null>): Promise<boolean> {
    if (changed.size === 0) return true;
    const after = snapshot.entries.flatMap((e) => (changed.has(e.seq) ? (changed.get(e.seq) ? [changed.get(e.seq)!] : []) : [e]));
    const index = outboxIndexKey(snapshot.id, after, this.kind.partitions);
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
    return writtenIf(this.doc.send(new UpdateCommand({
      TableName: this.table,
      Key: this.kind.key(snapshot.id),
      UpdateExpression: [sets.length ? `SET ${sets.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : '', 'ADD #rev :one'].filter(Boolean).join(' '),
      ConditionExpression: `attribute_exists(pk) AND ${snapshot.rev > 0 ? '#rev = :rev' : 'attribute_not_exists(#rev)'}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    })));
  }

  private idOf(item: Record<string, unknown>): string {
    return String(item.pk).slice(this.kind.keyPrefix.length);
  }
}
