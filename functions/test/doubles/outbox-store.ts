import { entriesOf, outboxAttribute, outboxIndexKey, OUTBOX_REV, pendingPartitions, type OutboxEntry } from '../../src/outbox/outbox';
import type { OutboxKind, OutboxPort, OutboxSnapshot } from '../../src/outbox/outbox-store';

/**
 * The outbox of one kind of item, in memory: the same bookkeeping as the table's — entries
 * replaced or cleared per channel, every commit conditioned on the revision read, the item
 * due by its earliest pending attempt or parked when nothing else is owed.
 */
export class InMemoryOutboxStore<A> implements OutboxPort<A> {
  /** The items as stored (their own attributes and `ob_<seq>` entries), by id: the owning store's double writes them. */
  readonly items = new Map<string, Record<string, unknown>>();

  constructor(readonly kind: OutboxKind<A>) {}

  async read(id: string): Promise<OutboxSnapshot | null> {
    const item = this.items.get(id);
    if (!item) return null;
    const copy = structuredClone(item);
    return { id, item: copy, entries: entriesOf(copy), rev: Number(copy[OUTBOX_REV] ?? 0) };
  }

  async due(now: Date, limitPerShard: number): Promise<string[]> {
    const upper = `${now.toISOString()}#\uffff`;
    const pending = new Set(pendingPartitions(this.kind.partitions));
    const ids: string[] = [];
    for (const partition of pending) {
      const inShard = [...this.items.keys()]
        .map((id) => ({ id, index: outboxIndexKey(id, entriesOf(this.items.get(id)!), this.kind.partitions) }))
        .filter((x) => x.index && x.index.gsi5pk === partition && x.index.gsi5sk <= upper)
        .sort((a, b) => a.index!.gsi5sk.localeCompare(b.index!.gsi5sk))
        .slice(0, limitPerShard);
      ids.push(...inShard.map((x) => x.id));
    }
    return ids;
  }

  async list(state: 'pending' | 'parked', limit: number): Promise<OutboxSnapshot[]> {
    const wanted = state === 'parked' ? new Set([this.kind.partitions.parked]) : new Set(pendingPartitions(this.kind.partitions));
    const rows = [...this.items.keys()]
      .map((id) => ({ id, index: outboxIndexKey(id, entriesOf(this.items.get(id)!), this.kind.partitions) }))
      .filter((x) => x.index && wanted.has(x.index.gsi5pk))
      .sort((a, b) => (state === 'pending' ? 1 : -1) * a.index!.gsi5sk.localeCompare(b.index!.gsi5sk))
      .slice(0, limit);
    const found: OutboxSnapshot[] = [];
    for (const { id } of rows) found.push((await this.read(id))!);
    return found;
  }

  async commit(snapshot: OutboxSnapshot, changed: ReadonlyMap<number, OutboxEntry | null>): Promise<boolean> {
    if (changed.size === 0) return true;
    const item = this.items.get(snapshot.id);
    if (!item || Number(item[OUTBOX_REV] ?? 0) !== snapshot.rev) return false;
    for (const [seq, entry] of changed) {
      if (entry) item[outboxAttribute(seq)] = structuredClone(entry);
      else delete item[outboxAttribute(seq)];
    }
    item[OUTBOX_REV] = snapshot.rev + 1;
    return true;
  }
}
