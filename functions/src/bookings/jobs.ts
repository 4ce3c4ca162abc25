import { bookingCounterDelta } from '@gridtong/shared/booking/counters';
import { bookingMessages, bookingSubscribeContent } from '@gridtong/shared/booking/messages';
import type { Booking, BookingEvent } from '@gridtong/shared/booking/schema';
import { DomainError } from '@gridtong/shared/errors';
import type { Channel } from '../outbox/channels';
import { OutboxDeliverer, type DeliveryOf, type DeliveryReport, type DelivererOptions } from '../outbox/deliverer';
import type { OutboxPort } from '../outbox/outbox-store';
import { eventIdOf } from '../outbox/outbox';
import { pushAll, type SubscribePusher } from '../outbox/subscribe-pusher';
import type { BookingRepository } from './booking-store';
import type { CityReference } from '../city/city-snapshot';
import type { CounterStore } from '../cases/counter-store';
import type { MessageStore } from '../messages/message-store';
import { reminderAt } from './service';

/**
 * The events mechanism for booking items. Each step's outbox entry sits on
 * the booking (written with the step); the same deliverer as the cases' hands it to the
 * booking channels below — the message centre, the visit figures and WeChat — idempotent by
 * event id (`<booking id>-<seq>`, like a case's), with the same backoff and parking, and clears what
 * succeeded without touching the booking's version.
 */
export interface BookingDelivery {
  eventId: string;
  event: BookingEvent;
  booking: Booking;
  city: CityReference;
  now: Date;
}

function serviceFacts(b: Booking, city: CityReference) {
  const service = city.directory.service(b.serviceCode);
  return {
    name: service?.name ?? b.serviceCode,
    agency: service?.agency ?? '',
    requiredMaterials: (service?.materials ?? []).filter((m) => m.required).map((m) => m.name),
  };
}

/** Both message centres: each side hears of what the other did, and both of the reminder. */
class BookingMessageChannel implements Channel<BookingDelivery> {
  readonly name = 'messages';
  constructor(private readonly store: Pick<MessageStore, 'put'>) {}

  async deliver({ eventId, event, booking: b, city }: BookingDelivery): Promise<void> {
    const texts = bookingMessages(b, event, serviceFacts(b, city));
    const subject = { bookingId: b.id };
    if (texts.resident) await this.store.put({ userId: b.residentId, eventId, at: event.at, subject, ...texts.resident });
    if (texts.worker) await this.store.put({ userId: b.workerId, eventId, at: event.at, subject, ...texts.worker });
  }
}

/** 代办 figures of the grid (and the areas above it) and of the worker, kept on write. */
class BookingCounterChannel implements Channel<BookingDelivery> {
  readonly name = 'counters';
  constructor(private readonly counters: Pick<CounterStore, 'add'>) {}

  async deliver({ eventId, event, booking: b, city }: BookingDelivery): Promise<void> {
    const place = city.directory.placeOf(b.gridCode);
    const delta = bookingCounterDelta(b, event, { grid: b.gridCode, community: place?.community.code, street: place?.street.code, district: place?.district.code });
    if (!delta) return;
    // Each counter item is guarded on its own, so they can be written side by side.
    await Promise.all(delta.codes.map((code) => this.counters.add({ kind: 'visits', code }, delta.date, eventId, delta.add)));
  }
}

/** Subscribe messages: the same news as the message centre, where a template serves it and it was granted. */
class BookingWechatChannel implements Channel<BookingDelivery> {
  readonly name = 'wechat';
  constructor(private readonly pusher: Pick<SubscribePusher, 'push'>) {}

  async deliver({ eventId, event, booking: b, city, now }: BookingDelivery): Promise<void> {
    const facts = serviceFacts(b, city);
    const texts = bookingMessages(b, event, facts);
    await pushAll(this.pusher, eventId, now, [
      { userId: b.residentId, content: bookingSubscribeContent(b, event, 'resident', texts.resident, facts.name) },
      { userId: b.workerId, content: bookingSubscribeContent(b, event, 'worker', texts.worker, facts.name) },
    ]);
  }
}

const bookingDelivery: DeliveryOf<Booking, BookingDelivery> = (booking, seq, city, now) => {
  const event = booking.timeline.find((e) => e.seq === seq);
  return event ? { eventId: eventIdOf(booking.id, seq), event, booking, city, now } : null;
};

/** What the bookings' deliverer uses: the bookings' outbox, the three channels' stores, the city, the clock. */
export interface BookingDelivererPorts {
  bookingOutbox: OutboxPort<Booking>;
  messages: Pick<MessageStore, 'put'>;
  counters: Pick<CounterStore, 'add'>;
  subscribePusher: Pick<SubscribePusher, 'push'>;
  city: { get(): Promise<CityReference> };
  now: () => Date;
}

export class BookingDeliverer extends OutboxDeliverer<Booking, BookingDelivery> {
  constructor(ports: BookingDelivererPorts, options: Partial<Omit<DelivererOptions, 'now'>> = {}) {
    const channels = [new BookingMessageChannel(ports.messages), new BookingCounterChannel(ports.counters), new BookingWechatChannel(ports.subscribePusher)];
    super(ports.bookingOutbox, bookingDelivery, () => ports.city.get(), channels, { ...options, now: ports.now });
  }

  deliverBooking(id: string): Promise<DeliveryReport> {
    return this.deliverOne(id);
  }
}

export interface ReminderReport {
  reminded: number;
  cleared: number;
}

/** What the reminder run uses: the booking store's reminder index and steps, and the clock. */
export interface ReminderPorts {
  bookings: Pick<BookingRepository, 'remindersDue' | 'get' | 'clearReminder' | 'save'>;
  now: () => Date;
}

/**
 * The day-before reminder, found through gsi7 (`BKREMIND#<shard>` by remind time), never by
 * scanning: a 'remind' step lands in the booking's timeline (and so in both message centres)
 * with one version-guarded write; a booking no longer waiting for its visit just leaves the index.
 */
export async function sendDueReminders(rt: ReminderPorts, limitPerShard = 100): Promise<ReminderReport> {
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
