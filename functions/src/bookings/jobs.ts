import { bookingMessages } from '@gridtong/shared/booking/messages';
import type { Booking, BookingEvent } from '@gridtong/shared/booking/schema';
import { shanghaiIsoDate } from '@gridtong/shared/deadlines/index';
import { DomainError } from '@gridtong/shared/errors';
import { logger } from '../log';
import type { Runtime } from '../runtime';
import { DEFAULT_DELIVERER_OPTIONS, type DeliveryReport, type DelivererOptions } from '../events/deliverer';
import type { ChannelState, OutboxEntry } from '../events/outbox';
import type { CityReference } from '../store/city';
import { reminderAt } from './service';

/**
 * bookings (issue 9): the events mechanism for booking items. Each step's outbox entry sits on
 * the booking (written with the step); this hands it to the same message centre and 考核
 * counter stores the case deliverer uses, idempotent by event id (`<booking id>-<seq>`), with
 * the same backoff and parking, and clears what succeeded without touching the booking's version.
 */
export const bookingEventId = (bookingId: string, seq: number) => `${bookingId}-${seq}`;

/** Ratings feed the grid's and the worker's figures (satisfaction per level), kept under their own scope codes. */
export const bookingStatsCode = {
  grid: (gridCode: string) => `BK-${gridCode}`,
  worker: (workerId: string) => `BK-${workerId}`,
};

type Outcome = { ok: true } | { ok: false; error: string };

async function runChannel(rt: Runtime, name: string, b: Booking, e: BookingEvent, city: CityReference): Promise<void> {
  const eventId = bookingEventId(b.id, e.seq);
  if (name === 'messages') {
    const service = city.directory.service(b.serviceCode);
    const texts = bookingMessages(b, e, {
      name: service?.name ?? b.serviceCode,
      agency: service?.agency ?? '',
      requiredMaterials: (service?.materials ?? []).filter((m) => m.required).map((m) => m.name),
    });
    if (texts.resident) await rt.messages.put({ userId: b.residentId, eventId, at: e.at, caseId: b.id, ...texts.resident });
    if (texts.worker) await rt.messages.put({ userId: b.workerId, eventId, at: e.at, caseId: b.id, ...texts.worker });
    return;
  }
  if (name === 'counters') {
    const level = e.data?.level;
    if (e.action !== 'rate' || typeof level !== 'string') return;
    const add = { [`rating_${level}`]: 1 } as Parameters<Runtime['counters']['add']>[3];
    const date = shanghaiIsoDate(new Date(e.at));
    await rt.counters.add({ kind: 'grid', code: bookingStatsCode.grid(b.gridCode) }, date, eventId, add);
    await rt.counters.add({ kind: 'grid', code: bookingStatsCode.worker(b.workerId) }, date, eventId, add);
    return;
  }
  throw new Error(`no channel named ${name} for bookings`);
}

const reasonOf = (err: unknown) => (err instanceof DomainError ? `${err.code}: ${err.message}` : err instanceof Error ? `${err.name}: ${err.message}` : 'unknown error').slice(0, 300);

export class BookingDeliverer {
  private readonly options: DelivererOptions;

  constructor(
    private readonly rt: Runtime,
    options: Partial<Omit<DelivererOptions, 'now'>> = {},
  ) {
    this.options = { ...DEFAULT_DELIVERER_OPTIONS, ...options, now: rt.now };
  }

  async deliverDue(limitPerShard = 100): Promise<DeliveryReport> {
    const report: DeliveryReport = { cases: 0, delivered: 0, failed: 0, parked: 0 };
    for (const id of await this.rt.bookings.outboxDue(this.options.now(), limitPerShard)) {
      const one = await this.deliverBooking(id);
      report.cases += 1;
      report.delivered += one.delivered;
      report.failed += one.failed;
      report.parked += one.parked;
    }
    return report;
  }

  async deliverBooking(id: string): Promise<DeliveryReport> {
    const report: DeliveryReport = { cases: 1, delivered: 0, failed: 0, parked: 0 };
    const now = this.options.now();
    let snapshot = await this.rt.bookings.readOutbox(id);
    if (!snapshot) return report;
    const isDue = (s: ChannelState | undefined) => s?.s === 'pending' && Date.parse(s.next) <= now.getTime();
    const due = snapshot.entries.filter((e) => Object.values(e.ch).some(isDue));
    if (due.length === 0) return report;
    const city = await this.rt.city.get();
    const outcomes = new Map<number, Map<string, Outcome>>();
    for (const entry of due) {
      const event = snapshot.booking.timeline.find((e) => e.seq === entry.seq);
      const results = new Map<string, Outcome>();
      for (const [name, state] of Object.entries(entry.ch)) {
        if (!isDue(state)) continue;
        try {
          if (!event) throw new Error('event not found in the booking timeline');
          await runChannel(this.rt, name, snapshot.booking, event, city);
          results.set(name, { ok: true });
        } catch (err) {
          logger.warn('booking delivery failed', { bookingId: id, seq: entry.seq, channel: name, reason: reasonOf(err) });
          results.set(name, { ok: false, error: reasonOf(err) });
        }
      }
      outcomes.set(entry.seq, results);
    }
    for (let attempt = 0; attempt < 5 && snapshot; attempt++) {
      const changed = new Map<number, OutboxEntry | null>();
      for (const entry of snapshot.entries) {
        const results = outcomes.get(entry.seq);
        if (results) changed.set(entry.seq, this.apply(entry, results, now));
      }
      if (await this.rt.bookings.commitOutbox(snapshot, changed)) {
        for (const results of outcomes.values()) for (const r of results.values()) if (r.ok) report.delivered++; else report.failed++;
        report.parked = [...changed.values()].reduce((n, e) => n + Object.values(e?.ch ?? {}).filter((s) => s?.s === 'parked').length, 0);
        return report;
      }
      snapshot = await this.rt.bookings.readOutbox(id);
    }
    return report;
  }

  private apply(entry: OutboxEntry, results: Map<string, Outcome>, now: Date): OutboxEntry | null {
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
      const delay = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (n - 1));
      ch[name] = n >= this.options.maxAttempts
        ? { s: 'parked', n, next: now.toISOString(), err: result.error }
        : { s: 'pending', n, next: new Date(now.getTime() + Math.round(delay / 2 + this.options.random() * (delay / 2))).toISOString(), err: result.error };
    }
    return Object.keys(ch).length ? { ...entry, ch } : null;
  }
}

export interface ReminderReport {
  reminded: number;
  cleared: number;
}

/**
 * The day-before reminder, found through gsi7 (`BKREMIND#<shard>` by remind time), never by
 * scanning: a 'remind' step lands in the booking's timeline (and so in both message centres)
 * with one version-guarded write; a booking no longer waiting for its visit just leaves the index.
 */
export async function sendDueReminders(rt: Runtime, limitPerShard = 100): Promise<ReminderReport> {
  const now = rt.now();
  const report: ReminderReport = { reminded: 0, cleared: 0 };
  for (const id of await rt.bookings.remindersDue(now, limitPerShard)) {
    const b = await rt.bookings.get(id);
    if (!b) continue;
    const pending = (b.status === 'requested' || b.status === 'confirmed') && Date.parse(b.slotStart) > now.getTime()
      && !b.timeline.some((e) => e.action === 'remind' && e.data?.slotStart === b.slotStart);
    if (!pending) {
      await rt.bookings.clearReminder(b.id, b.version);
      report.cleared++;
      continue;
    }
    const at = now.toISOString();
    const event: BookingEvent = { seq: b.timeline.length, at, actor: { role: 'system' }, action: 'remind', from: b.status, to: b.status, data: { slotStart: b.slotStart } };
    const next: Booking = { ...b, version: b.version + 1, updatedAt: at, timeline: [...b.timeline, event] };
    try {
      await rt.bookings.save(next, b.version, event, reminderAt(next, now));
      report.reminded++;
    } catch (err) {
      // A step raced the reminder: the next run looks again.
      if (!(err instanceof DomainError && err.code === 'BOOKING.VERSION_CONFLICT')) throw err;
    }
  }
  return report;
}
