import type { Case } from '@gridtong/shared/schemas/case';
import { DomainError } from '@gridtong/shared/errors';
import { logger } from '../log';
import type { CityReference } from '../city/city-snapshot';
import type { OutboxPort } from './outbox-store';
import type { Channel, Delivery } from './channels';
import { applyOutcomes, eventIdOf, type DeliveryOutcome, type OutboxEntry, type RetryPolicy } from './outbox';

/** How often a failing delivery is retried (and when it is parked), and the clock. */
export interface DelivererOptions extends RetryPolicy {
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

type Outcome = DeliveryOutcome;

/** Reasons are for operators: the error's code or class and message, never data. */
function reasonOf(err: unknown): string {
  if (err instanceof DomainError) return `${err.code}: ${err.message}`.slice(0, 300);
  if (err instanceof Error) return `${err.name}: ${err.message}`.slice(0, 300);
  return 'unknown error';
}

/** What channels get for event `seq` of an item, or null when the event is not on its timeline. */
export type DeliveryOf<A, D> = (aggregate: A, seq: number, city: CityReference, now: Date) => D | null;

/**
 * Hands each pending event on an item to every channel it still owes, then records what
 * happened on the item without touching its version: succeeded channels are cleared,
 * failed ones back off exponentially with jitter, and after `maxAttempts` they are parked.
 * Safe to run concurrently and repeatedly: channels are idempotent by event id.
 */
export class OutboxDeliverer<A, D> {
  private readonly channels: Map<string, Channel<D>>;
  protected readonly options: DelivererOptions;

  constructor(
    private readonly outbox: OutboxPort<A>,
    private readonly deliveryOf: DeliveryOf<A, D>,
    private readonly city: () => Promise<CityReference>,
    channels: readonly Channel<D>[],
    options: Partial<DelivererOptions> & Pick<DelivererOptions, 'now'>,
  ) {
    this.channels = new Map(channels.map((c) => [c.name, c]));
    this.options = { ...DEFAULT_DELIVERER_OPTIONS, ...options };
  }

  /** The scheduled / timer path: every item with a delivery due now, found through gsi5. */
  async deliverDue(limitPerShard = 100, concurrency = 8): Promise<DeliveryReport> {
    const report: DeliveryReport = { cases: 0, delivered: 0, failed: 0, parked: 0 };
    const due = await this.outbox.due(this.options.now(), limitPerShard);
    const worker = async () => {
      for (let id = due.shift(); id; id = due.shift()) {
        // One item that cannot be worked (unreadable item, table hiccup) must not hold up the rest.
        const one = await this.deliverOne(id).catch((err: unknown) => {
          logger.error('could not deliver an item; it stays due', { kind: this.outbox.kind.name, id, reason: reasonOf(err) });
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

  /** The stream path (and the body of the timer path): one item's due deliveries. */
  async deliverOne(id: string): Promise<DeliveryReport> {
    const report: DeliveryReport = { cases: 1, delivered: 0, failed: 0, parked: 0 };
    let snapshot = await this.outbox.read(id);
    if (!snapshot) return report;
    const now = this.options.now();
    const due = snapshot.entries.filter((e) => Object.values(e.ch).some((s) => s?.s === 'pending' && Date.parse(s.next) <= now.getTime()));
    if (due.length === 0) return report;

    const city = await this.city();
    const outcomes = new Map<number, Map<string, Outcome>>();
    const aggregate = this.outbox.kind.parse(snapshot.item);
    for (const entry of due) outcomes.set(entry.seq, await this.run(id, aggregate, entry, city, now));

    for (let attempt = 0; attempt < 5 && snapshot; attempt++) {
      const changed = new Map<number, OutboxEntry | null>();
      for (const entry of snapshot.entries) {
        const results = outcomes.get(entry.seq);
        if (results) changed.set(entry.seq, applyOutcomes(entry, results, now, this.options));
      }
      if (await this.outbox.commit(snapshot, changed)) {
        for (const results of outcomes.values()) {
          for (const r of results.values()) if (r.ok) report.delivered++; else report.failed++;
        }
        report.parked = [...changed.values()].reduce((n, e) => n + Object.values(e?.ch ?? {}).filter((s) => s?.s === 'parked').length, 0);
        return report;
      }
      // Someone else did bookkeeping meanwhile (a new event, an operator's retry): read again and re-apply.
      snapshot = await this.outbox.read(id);
    }
    logger.warn('outbox bookkeeping kept racing; the next run will redo it', { kind: this.outbox.kind.name, id });
    return report;
  }

  private async run(id: string, aggregate: A, entry: OutboxEntry, city: CityReference, now: Date): Promise<Map<string, Outcome>> {
    const delivery = this.deliveryOf(aggregate, entry.seq, city, now);
    const results = new Map<string, Outcome>();
    for (const [name, state] of Object.entries(entry.ch)) {
      if (state?.s !== 'pending' || Date.parse(state.next) > now.getTime()) continue;
      const channel = this.channels.get(name);
      if (!delivery) {
        results.set(name, { ok: false, error: `event not found in the ${this.outbox.kind.name} timeline` });
        continue;
      }
      if (!channel) {
        results.set(name, { ok: false, error: `no channel named ${name} in this deliverer` });
        continue;
      }
      try {
        await channel.deliver(delivery);
        results.set(name, { ok: true });
      } catch (err) {
        logger.warn('delivery failed', { kind: this.outbox.kind.name, id, seq: entry.seq, channel: name, reason: reasonOf(err) });
        results.set(name, { ok: false, error: reasonOf(err) });
      }
    }
    return results;
  }
}

const caseDelivery: DeliveryOf<Case, Delivery> = (caseItem, seq, city, now) => {
  const event = caseItem.timeline.find((e) => e.seq === seq);
  return event ? { eventId: eventIdOf(caseItem.id, seq), event, caseItem, city, now } : null;
};

/** The cases' deliverer: messages, counters, WeChat, content checks for every case event. */
export class Deliverer extends OutboxDeliverer<Case, Delivery> {
  constructor(outbox: OutboxPort<Case>, city: () => Promise<CityReference>, channels: readonly Channel[], options: Partial<DelivererOptions> & Pick<DelivererOptions, 'now'>) {
    super(outbox, caseDelivery, city, channels, options);
  }

  deliverCase(caseId: string): Promise<DeliveryReport> {
    return this.deliverOne(caseId);
  }
}
