import type { OutboxEntry as OutboxEntryView } from '@gridtong/shared/api/outbox';
import { DomainError } from '@gridtong/shared/errors';
import { eventIdOf, parseEventId, type ChannelState, type OutboxEntry } from './outbox';
import type { BookingOutboxSnapshot } from '../bookings/booking-store';
import type { OutboxSnapshot } from './outbox-store';
import type { Runtime } from '../runtime';

type Kind = 'case' | 'booking';

/** What an operator sees of one event's deliveries: ids, channel states and reasons — no case or booking content. */
function view(kind: Kind, id: string, entry: OutboxEntry): OutboxEntryView {
  return {
    id: eventIdOf(id, entry.seq),
    ...(kind === 'case' ? { caseId: id } : { bookingId: id }),
    action: entry.action,
    eventAt: entry.at,
    channels: Object.entries(entry.ch)
      .filter((pair): pair is [string, ChannelState] => pair[1] !== undefined)
      .map(([channel, s]) => ({
        channel,
        state: s.s,
        attempts: s.n,
        ...(s.s === 'pending' ? { nextAttemptAt: s.next } : {}),
        ...(s.err ? { lastError: s.err } : {}),
      })),
  };
}

/** The bookkeeping an operator works on, the same for either kind of item that carries an outbox. */
interface OutboxBook<S extends { entries: OutboxEntry[] }> {
  kind: Kind;
  list(state: 'pending' | 'parked', limit: number): Promise<{ id: string; entries: OutboxEntry[] }[]>;
  read(id: string): Promise<S | null>;
  commit(snapshot: S, changed: ReadonlyMap<number, OutboxEntry | null>): Promise<boolean>;
}

const caseBook = (rt: Runtime): OutboxBook<OutboxSnapshot> => ({
  kind: 'case',
  list: async (state, limit) => (await rt.outbox.list(state, limit)).map((s) => ({ id: s.caseId, entries: s.entries })),
  read: (id) => rt.outbox.read(id),
  commit: (snapshot, changed) => rt.outbox.commit(snapshot, changed),
});

const bookingBook = (rt: Runtime): OutboxBook<BookingOutboxSnapshot> => ({
  kind: 'booking',
  list: (state, limit) => rt.bookings.listOutbox(state, limit),
  read: (id) => rt.bookings.readOutbox(id),
  commit: (snapshot, changed) => rt.bookings.commitOutbox(snapshot, changed),
});

/** Parked (or pending) deliveries of cases, bookings or both, for operators. */
export async function listOutbox(rt: Runtime, state: 'pending' | 'parked', kind: Kind | 'all', limit: number): Promise<OutboxEntryView[]> {
  const kinds: Kind[] = kind === 'all' ? ['case', 'booking'] : [kind];
  const views: OutboxEntryView[] = [];
  for (const k of kinds) {
    for (const s of await (k === 'case' ? caseBook(rt) : bookingBook(rt)).list(state, limit)) {
      for (const e of s.entries) if (Object.values(e.ch).some((c) => c?.s === state)) views.push(view(k, s.id, e));
    }
  }
  // Parked: the newest first; pending: the earliest event first.
  views.sort((a, b) => (state === 'parked' ? b.eventAt.localeCompare(a.eventAt) : a.eventAt.localeCompare(b.eventAt)));
  return views.slice(0, limit);
}

/** Puts a parked event's channels back in line for an attempt now, with a fresh count. */
export async function retryParked(rt: Runtime, eventId: string, now: Date): Promise<OutboxEntryView> {
  const ref = parseEventId(eventId);
  if (!ref) throw notFound();
  return ref.kind === 'case' ? retry(caseBook(rt), ref.id, ref.seq, now) : retry(bookingBook(rt), ref.id, ref.seq, now);
}

const notFound = () => new DomainError('OUTBOX.NOT_FOUND', '没有该事件的待投递记录', { problems: [{ path: 'params.id', message: 'no parked delivery' }] });

async function retry<S extends { entries: OutboxEntry[] }>(store: OutboxBook<S>, id: string, seq: number, now: Date): Promise<OutboxEntryView> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const snapshot = await store.read(id);
    const entry = snapshot?.entries.find((e) => e.seq === seq);
    if (!snapshot || !entry || !Object.values(entry.ch).some((c) => c?.s === 'parked')) throw notFound();
    const ch = Object.fromEntries(
      Object.entries(entry.ch).map(([name, s]) => [name, s?.s === 'parked' ? { s: 'pending', n: 0, next: now.toISOString(), err: s.err } : s]),
    ) as OutboxEntry['ch'];
    const next: OutboxEntry = { ...entry, ch };
    if (await store.commit(snapshot, new Map([[entry.seq, next]]))) return view(store.kind, id, next);
  }
  throw new DomainError('CASE.VERSION_CONFLICT', '投递记录正在更新，请稍后重试');
}
