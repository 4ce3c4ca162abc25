import type { OutboxEntry as OutboxEntryView } from '@gridtong/shared/api/outbox';
import { DomainError } from '@gridtong/shared/errors';
import { eventIdOf, parseEventId, type ChannelState, type OutboxEntry } from './outbox';
import type { OutboxPort } from './outbox-store';
import type { RequestContext } from '../context';

type Kind = 'case' | 'booking';

/** The outboxes an operator works on: the cases' and the bookings'. */
export interface OutboxAdminPorts {
  outbox: OutboxPort<unknown>;
  bookingOutbox: OutboxPort<unknown>;
}

const storeOf = (ports: OutboxAdminPorts, kind: Kind): OutboxPort<unknown> => (kind === 'case' ? ports.outbox : ports.bookingOutbox);

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

/** Parked (or pending) deliveries of cases, bookings or both, for operators. */
export async function listOutbox(ports: OutboxAdminPorts, input: { state: 'pending' | 'parked'; kind: Kind | 'all'; limit: number }): Promise<OutboxEntryView[]> {
  const { state, limit } = input;
  const kinds: Kind[] = input.kind === 'all' ? ['case', 'booking'] : [input.kind];
  const views: OutboxEntryView[] = [];
  for (const k of kinds) {
    for (const s of await storeOf(ports, k).list(state, limit)) {
      for (const e of s.entries) if (Object.values(e.ch).some((c) => c?.s === state)) views.push(view(k, s.id, e));
    }
  }
  // Parked: the newest first; pending: the earliest event first.
  views.sort((a, b) => (state === 'parked' ? b.eventAt.localeCompare(a.eventAt) : a.eventAt.localeCompare(b.eventAt)));
  return views.slice(0, limit);
}

const notFound = () => new DomainError('OUTBOX.NOT_FOUND', '没有该事件的待投递记录', { problems: [{ path: 'params.id', message: 'no parked delivery' }] });

/** Puts a parked event's channels back in line for an attempt now, with a fresh count. */
export async function retryParked(ports: OutboxAdminPorts, ctx: Pick<RequestContext, 'now'>, eventId: string): Promise<OutboxEntryView> {
  const ref = parseEventId(eventId);
  if (!ref) throw notFound();
  const store = storeOf(ports, ref.kind);
  for (let attempt = 0; attempt < 5; attempt++) {
    const snapshot = await store.read(ref.id);
    const entry = snapshot?.entries.find((e) => e.seq === ref.seq);
    if (!snapshot || !entry || !Object.values(entry.ch).some((c) => c?.s === 'parked')) throw notFound();
    const ch = Object.fromEntries(
      Object.entries(entry.ch).map(([name, s]) => [name, s?.s === 'parked' ? { s: 'pending', n: 0, next: ctx.now.toISOString(), err: s.err } : s]),
    ) as OutboxEntry['ch'];
    const next: OutboxEntry = { ...entry, ch };
    if (await store.commit(snapshot, new Map([[entry.seq, next]]))) return view(ref.kind, ref.id, next);
  }
  throw new DomainError('CASE.VERSION_CONFLICT', '投递记录正在更新，请稍后重试');
}
