import type { OutboxEntry as OutboxEntryView } from '@gridtong/shared/api/events';
import { DomainError } from '@gridtong/shared/errors';
import { eventIdOf, parseEventId, type ChannelState, type OutboxEntry } from '../events/outbox';
import type { Runtime } from '../runtime';

/** What an operator sees of one event's deliveries: ids, channel states and reasons — no case content. */
function view(caseId: string, entry: OutboxEntry): OutboxEntryView {
  return {
    id: eventIdOf(caseId, entry.seq),
    caseId,
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

export async function listOutbox(rt: Runtime, state: 'pending' | 'parked', limit: number): Promise<OutboxEntryView[]> {
  const snapshots = await rt.outbox.list(state, limit);
  return snapshots
    .flatMap((s) => s.entries.filter((e) => Object.values(e.ch).some((c) => c?.s === state)).map((e) => view(s.caseId, e)))
    .slice(0, limit);
}

/** Puts a parked event's channels back in line for an attempt now, with a fresh count. */
export async function retryParked(rt: Runtime, id: string, now: Date): Promise<OutboxEntryView> {
  const ref = parseEventId(id);
  const notFound = () => new DomainError('OUTBOX.NOT_FOUND', '没有该事件的待投递记录', { problems: [{ path: 'params.id', message: 'no parked delivery' }] });
  if (!ref) throw notFound();
  for (let attempt = 0; attempt < 5; attempt++) {
    const snapshot = await rt.outbox.read(ref.caseId);
    const entry = snapshot?.entries.find((e) => e.seq === ref.seq);
    if (!snapshot || !entry || !Object.values(entry.ch).some((c) => c?.s === 'parked')) throw notFound();
    const ch = Object.fromEntries(
      Object.entries(entry.ch).map(([name, s]) => [name, s?.s === 'parked' ? { s: 'pending', n: 0, next: now.toISOString(), err: s.err } : s]),
    ) as OutboxEntry['ch'];
    const next: OutboxEntry = { ...entry, ch };
    if (await rt.outbox.commit(snapshot, new Map([[entry.seq, next]]))) return view(ref.caseId, next);
  }
  throw new DomainError('CASE.VERSION_CONFLICT', '投递记录正在更新，请稍后重试');
}
