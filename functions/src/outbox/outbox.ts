import type { TimelineEvent } from '@gridtong/shared/schemas/case';

/**
 * The outbox lives on the case item itself: one attribute per event that still owes
 * deliveries (`ob_<seq>`), written in the same conditional write as the transition, plus a
 * sparse gsi5 key saying when the deliverer should next look at the case. Nothing here
 * touches the case's `version`, so bookkeeping never collides with a staff action; `obRev`
 * orders the bookkeeping writes among themselves.
 */

/** Every channel a new event owes; a channel added here is owed by every event written from then on. */
export const EVENT_CHANNELS = [
  'messages',
  'counters',
  // Subscribe messages; content security of what residents write and upload
  'wechat',
  'content',
] as const;
export const OUTBOX_PREFIX = 'ob_';
export const OUTBOX_REV = 'obRev';
export const OUTBOX_SHARDS = 4;
export const DUE_SHARDS = 4;
export const PARKED_PARTITION = 'PARKED';

export interface ChannelState {
  /** pending: will be tried at `next`; parked: given up after too many failures, waits for an operator. */
  s: 'pending' | 'parked';
  /** Attempts so far. */
  n: number;
  next: string;
  err?: string;
}

export interface OutboxEntry {
  seq: number;
  at: string;
  action: string;
  ch: Partial<Record<string, ChannelState>>;
}

export const outboxAttribute = (seq: number) => `${OUTBOX_PREFIX}${seq}`;
export const eventIdOf = (caseId: string, seq: number) => `${caseId}-${seq}`;

/** `C…-3` or `B…-3`: the case or 代办 booking, and the event's place in its timeline. */
export function parseEventId(id: string): { kind: 'case' | 'booking'; id: string; seq: number } | null {
  const match = /^([CB][0-9A-Z]{10,40})-(\d{1,6})$/.exec(id);
  return match ? { kind: match[1]!.startsWith('C') ? 'case' : 'booking', id: match[1]!, seq: Number(match[2]) } : null;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Spreads one partition's writes over a few so a typhoon's burst does not heat a single key. */
export const shardOf = (id: string, shards: number) => hash(id) % shards;

export function newEntry(event: Pick<TimelineEvent, 'seq' | 'at' | 'action'>, channels: readonly string[] = EVENT_CHANNELS): OutboxEntry {
  return {
    seq: event.seq,
    at: event.at,
    action: event.action,
    ch: Object.fromEntries(channels.map((c) => [c, { s: 'pending', n: 0, next: event.at } satisfies ChannelState])),
  };
}

/** The outbox entries stored on a raw item. */
export function entriesOf(item: Record<string, unknown>): OutboxEntry[] {
  return Object.entries(item)
    .filter(([k, v]) => k.startsWith(OUTBOX_PREFIX) && v && typeof v === 'object')
    .map(([, v]) => v as OutboxEntry)
    .sort((a, b) => a.seq - b.seq);
}

export type OutboxIndexKey = { gsi5pk: string; gsi5sk: string } | null;

/** Where an item with an outbox sits in gsi5: its own kind's partitions (cases, bookings). */
export interface OutboxPartitions {
  /** Pending items sit in `<pendingPrefix><shard>`, spread over `shards`. */
  pendingPrefix: string;
  shards: number;
  /** Items with parked deliveries and nothing pending, waiting for an operator. */
  parked: string;
}

export const pendingPartition = (partitions: OutboxPartitions, id: string) => `${partitions.pendingPrefix}${shardOf(id, partitions.shards)}`;
export const pendingPartitions = (partitions: OutboxPartitions) => Array.from({ length: partitions.shards }, (_, i) => `${partitions.pendingPrefix}${i}`);

export const CASE_OUTBOX_PARTITIONS: OutboxPartitions = { pendingPrefix: 'OUTBOX#', shards: OUTBOX_SHARDS, parked: PARKED_PARTITION };

/** Where the item belongs in gsi5 given its entries: the earliest pending attempt, else parked, else nowhere. */
export function outboxIndexKey(id: string, entries: readonly OutboxEntry[], partitions: OutboxPartitions = CASE_OUTBOX_PARTITIONS): OutboxIndexKey {
  const states = entries.flatMap((e) => Object.values(e.ch).filter((s): s is ChannelState => s !== undefined));
  const pending = states.filter((s) => s.s === 'pending').map((s) => s.next).sort();
  if (pending.length) return { gsi5pk: pendingPartition(partitions, id), gsi5sk: `${pending[0]}#${id}` };
  const parked = entries.filter((e) => Object.values(e.ch).some((s) => s?.s === 'parked')).map((e) => e.at).sort();
  if (parked.length) return { gsi5pk: partitions.parked, gsi5sk: `${parked[parked.length - 1]}#${id}` };
  return null;
}

export const duePartition = (caseId: string) => `DUE#${shardOf(caseId, DUE_SHARDS)}`;

/** What one channel made of one delivery attempt. */
export type DeliveryOutcome = { ok: true } | { ok: false; error: string };

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** [0, 1): injected so tests can pin the jitter. */
  random: () => number;
}

/** Exponential backoff with "equal jitter": half the delay fixed, half random. */
export function backoffMs(attempt: number, policy: RetryPolicy): number {
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(delay / 2 + policy.random() * (delay / 2));
}

/**
 * The entry after these outcomes, or null when it owes nothing more: a success clears its
 * channel, a failure is retried later or parked after `maxAttempts`. Only a pending state
 * that was acted on changes; one reset or parked meanwhile stays as it is.
 */
export function applyOutcomes(entry: OutboxEntry, results: ReadonlyMap<string, DeliveryOutcome>, now: Date, policy: RetryPolicy): OutboxEntry | null {
  const ch: Record<string, ChannelState> = {};
  for (const [name, state] of Object.entries(entry.ch)) {
    if (!state) continue;
    const result = results.get(name);
    if (!result || state.s !== 'pending') {
      ch[name] = state;
      continue;
    }
    if (result.ok) continue;
    const n = state.n + 1;
    ch[name] = n >= policy.maxAttempts
      ? { s: 'parked', n, next: now.toISOString(), err: result.error }
      : { s: 'pending', n, next: new Date(now.getTime() + backoffMs(n, policy)).toISOString(), err: result.error };
  }
  return Object.keys(ch).length ? { ...entry, ch } : null;
}

