import { caseSchema, type Case } from '@gridtong/shared/schemas/case';
import { DomainError } from '@gridtong/shared/errors';
import { logger } from '../log';
import type { CityReference } from '../store/city';
import type { OutboxStore } from '../store/outbox-store';
import type { Channel } from './channels';
import { eventIdOf, type ChannelState, type OutboxEntry } from './outbox';

export interface DelivererOptions {
  /** Attempts before a delivery is parked for an operator. */
  maxAttempts: number;
  /** First retry after about this long; doubled per attempt, capped, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** [0, 1): the jitter's randomness, injected. */
  random: () => number;
  now: () => Date;
}

export const DEFAULT_DELIVERER_OPTIONS: Omit<DelivererOptions, 'now'> = {
  maxAttempts: 8,
  baseDelayMs: 2_000,
  maxDelayMs: 15 * 60_000,
  random: Math.random,
};

export interface DeliveryReport {
  cases: number;
  delivered: number;
  failed: number;
  parked: number;
}

type Outcome = { ok: true } | { ok: false; error: string };

/** Reasons are for operators: the error's code or class and message, never data. */
function reasonOf(err: unknown): string {
  if (err instanceof DomainError) return `${err.code}: ${err.message}`.slice(0, 300);
  if (err instanceof Error) return `${err.name}: ${err.message}`.slice(0, 300);
  return 'unknown error';
}

/**
 * Hands each pending event on a case item to every channel it still owes, then records what
 * happened on the item without touching the case's version: succeeded channels are cleared,
 * failed ones back off exponentially with jitter, and after `maxAttempts` they are parked.
 * Safe to run concurrently and repeatedly: channels are idempotent by event id.
 */
export class Deliverer {
  private readonly channels: Map<string, Channel>;
  private readonly options: DelivererOptions;

  constructor(
    private readonly outbox: OutboxStore,
    private readonly city: () => Promise<CityReference>,
    channels: readonly Channel[],
    options: Partial<DelivererOptions> & Pick<DelivererOptions, 'now'>,
  ) {
    this.channels = new Map(channels.map((c) => [c.name, c]));
    this.options = { ...DEFAULT_DELIVERER_OPTIONS, ...options };
  }

  /** The scheduled / timer path: every case with a delivery due now, found through gsi5. */
  async deliverDue(limitPerShard = 100, concurrency = 8): Promise<DeliveryReport> {
    const report: DeliveryReport = { cases: 0, delivered: 0, failed: 0, parked: 0 };
    const due = await this.outbox.due(this.options.now(), limitPerShard);
    const worker = async () => {
      for (let caseId = due.shift(); caseId; caseId = due.shift()) {
        // One case that cannot be worked (unreadable item, table hiccup) must not hold up the rest.
        const one = await this.deliverCase(caseId).catch((err: unknown) => {
          logger.error('could not deliver a case; it stays due', { caseId, reason: reasonOf(err) });
          return { cases: 1, delivered: 0, failed: 0, parked: 0 };
        });
        report.cases += 1;
        report.delivered += one.delivered;
        report.failed += one.failed;
        report.parked += one.parked;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return report;
  }

  /** The stream path (and the body of the timer path): one case's due deliveries. */
  async deliverCase(caseId: string): Promise<DeliveryReport> {
    const report: DeliveryReport = { cases: 1, delivered: 0, failed: 0, parked: 0 };
    let snapshot = await this.outbox.read(caseId);
    if (!snapshot) return report;
    const now = this.options.now();
    const due = snapshot.entries.filter((e) => Object.values(e.ch).some((s) => s?.s === 'pending' && Date.parse(s.next) <= now.getTime()));
    if (due.length === 0) return report;

    const caseItem = caseSchema.parse(snapshot.item);
    const city = await this.city();
    const outcomes = new Map<number, Map<string, Outcome>>();
    for (const entry of due) outcomes.set(entry.seq, await this.run(caseItem, entry, city, now));

    for (let attempt = 0; attempt < 5 && snapshot; attempt++) {
      const changed = new Map<number, OutboxEntry | null>();
      for (const entry of snapshot.entries) {
        const results = outcomes.get(entry.seq);
        if (results) changed.set(entry.seq, this.apply(entry, results, now));
      }
      if (await this.outbox.commit(snapshot, changed)) {
        for (const results of outcomes.values()) {
          for (const r of results.values()) if (r.ok) report.delivered++; else report.failed++;
        }
        report.parked = [...changed.values()].reduce((n, e) => n + Object.values(e?.ch ?? {}).filter((s) => s?.s === 'parked').length, 0);
        return report;
      }
      // Someone else did bookkeeping meanwhile (a new event, an operator's retry): read again and re-apply.
      snapshot = await this.outbox.read(caseId);
    }
    logger.warn('outbox bookkeeping kept racing; the next run will redo it', { caseId });
    return report;
  }

  private async run(caseItem: Case, entry: OutboxEntry, city: CityReference, now: Date): Promise<Map<string, Outcome>> {
    const event = caseItem.timeline.find((e) => e.seq === entry.seq);
    const results = new Map<string, Outcome>();
    for (const [name, state] of Object.entries(entry.ch)) {
      if (state?.s !== 'pending' || Date.parse(state.next) > now.getTime()) continue;
      const channel = this.channels.get(name);
      if (!event) {
        results.set(name, { ok: false, error: 'event not found in the case timeline' });
        continue;
      }
      if (!channel) {
        results.set(name, { ok: false, error: `no channel named ${name} in this deliverer` });
        continue;
      }
      try {
        await channel.deliver({ eventId: eventIdOf(caseItem.id, entry.seq), event, caseItem, city, now });
        results.set(name, { ok: true });
      } catch (err) {
        logger.warn('delivery failed', { caseId: caseItem.id, seq: entry.seq, channel: name, reason: reasonOf(err) });
        results.set(name, { ok: false, error: reasonOf(err) });
      }
    }
    return results;
  }

  /** The entry after these outcomes, or null when it owes nothing more. */
  private apply(entry: OutboxEntry, results: Map<string, Outcome>, now: Date): OutboxEntry | null {
    const ch: Record<string, ChannelState> = {};
    for (const [name, state] of Object.entries(entry.ch)) {
      if (!state) continue;
      const result = results.get(name);
      // Only a pending state we acted on changes; one reset or parked meanwhile stays as it is.
      if (!result || state.s !== 'pending') {
        ch[name] = state;
        continue;
      }
      if (result.ok) continue;
      const n = state.n + 1;
      ch[name] = n >= this.options.maxAttempts
        ? { s: 'parked', n, next: now.toISOString(), err: result.error }
        : { s: 'pending', n, next: new Date(now.getTime() + this.backoff(n)).toISOString(), err: result.error };
    }
    return Object.keys(ch).length ? { ...entry, ch } : null;
  }

  /** Exponential backoff with "equal jitter": half the delay fixed, half random. */
  backoff(attempt: number): number {
    const delay = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(delay / 2 + this.options.random() * (delay / 2));
  }
}
