import { BOOKING_RULES } from '@gridtong/shared/booking/rules';
import { seatMayBeTakenOver, slotMayBeTakenOver, type ClaimHolder } from '@gridtong/shared/booking/claims';
import type { Booking, BookingEvent, BookingStatus } from '@gridtong/shared/booking/schema';
import { DomainError } from '@gridtong/shared/errors';
import { BOOKING_CHANNELS, BOOKING_OUTBOX, type PublishedAvailability } from '../../src/bookings/booking-store';
import type { BookingStorePort } from '../../src/bookings/service';
import type { ReminderPorts } from '../../src/bookings/jobs';
import { newEntry, outboxAttribute, OUTBOX_PREFIX, OUTBOX_REV } from '../../src/outbox/outbox';
import { InMemoryOutboxStore } from './outbox-store';

interface Claim {
  bookingId: string;
  claimedAt: string;
}

const copy = <T>(value: T): T => structuredClone(value);

/**
 * The booking store in memory, with the table's conditional semantics: a slot or an
 * open-booking seat is claimed once (taken over only as the shared claim rules allow), a
 * step is written only on the version read, and each step's outbox entry lands in the
 * bookings' outbox (`outbox`) with the step. Every method runs to its decision without
 * awaiting in between, so concurrent callers see one winner as with a conditional write.
 */
export class InMemoryBookingStore implements BookingStorePort, Pick<ReminderPorts['bookings'], 'remindersDue' | 'clearReminder'> {
  readonly outbox = new InMemoryOutboxStore<Booking>(BOOKING_OUTBOX);
  private readonly bookings = new Map<string, Booking>();
  private readonly reminders = new Map<string, string>();
  readonly slots = new Map<string, Claim>();
  readonly seats = new Map<string, Claim>();
  private readonly availability = new Map<string, PublishedAvailability>();

  async get(id: string): Promise<Booking | null> {
    const b = this.bookings.get(id);
    return b ? copy(b) : null;
  }

  async create(b: Booking, remindAt: string | null): Promise<boolean> {
    if (this.bookings.has(b.id)) return false;
    this.store(b, b.timeline[b.timeline.length - 1]!, remindAt);
    return true;
  }

  async save(b: Booking, expectedVersion: number, event: BookingEvent, remindAt: string | null): Promise<void> {
    if (this.bookings.get(b.id)?.version !== expectedVersion) throw new DomainError('BOOKING.VERSION_CONFLICT', '预约刚刚有了变化，请刷新后再试');
    this.store(b, event, remindAt);
  }

  private store(b: Booking, event: BookingEvent, remindAt: string | null): void {
    this.bookings.set(b.id, copy(b));
    if (remindAt) this.reminders.set(b.id, remindAt);
    else this.reminders.delete(b.id);
    // Earlier entries stay as the deliverer left them; the new step's entry is added.
    const before = this.outbox.items.get(b.id) ?? {};
    const entries = Object.fromEntries(Object.entries(before).filter(([k]) => k.startsWith(OUTBOX_PREFIX) || k === OUTBOX_REV));
    this.outbox.items.set(b.id, { ...copy(b), ...entries, [outboxAttribute(event.seq)]: newEntry(event, BOOKING_CHANNELS) });
  }

  /** 我的预约, newest first; the cursor is the last booking's id on the page. */
  async listMine(residentId: string, limit: number, cursor?: string): Promise<{ bookings: Booking[]; nextCursor: string | null }> {
    const mine = [...this.bookings.values()].filter((b) => b.residentId === residentId).sort((a, b) => `${b.createdAt}#${b.id}`.localeCompare(`${a.createdAt}#${a.id}`));
    const from = cursor ? mine.findIndex((b) => b.id === cursor) + 1 : 0;
    const page = mine.slice(from, from + limit);
    return { bookings: page.map(copy), nextCursor: from + limit < mine.length ? page[page.length - 1]!.id : null };
  }

  async workerBetween(workerId: string, fromIso: string, toIso: string): Promise<Booking[]> {
    return [...this.bookings.values()]
      .filter((b) => b.workerId === workerId && b.slotStart >= fromIso && `${b.slotStart}#${b.id}` <= toIso)
      .sort((a, b) => a.slotStart.localeCompare(b.slotStart) || a.id.localeCompare(b.id))
      .map(copy);
  }

  async workerSlotsBetween(workerId: string, fromIso: string, toIso: string): Promise<{ start: string; status: BookingStatus }[]> {
    return (await this.workerBetween(workerId, fromIso, toIso)).map((b) => ({ start: b.slotStart, status: b.status }));
  }

  async remindersDue(now: Date, limitPerShard: number): Promise<string[]> {
    return [...this.reminders].filter(([, at]) => at <= now.toISOString()).map(([id]) => id).slice(0, limitPerShard);
  }

  async clearReminder(id: string, version: number): Promise<void> {
    if (this.bookings.get(id)?.version === version) this.reminders.delete(id);
  }

  // --- slots and seats ------------------------------------------------------------------

  async claimedStarts(workerId: string, fromIso: string, toIso: string): Promise<Set<string>> {
    const starts = new Set<string>();
    for (const key of this.slots.keys()) {
      const [worker, start] = key.split('|') as [string, string];
      if (worker === workerId && start >= fromIso && start <= toIso) starts.add(start);
    }
    return starts;
  }

  async claimSlot(workerId: string, start: string, bookingId: string, now: Date): Promise<boolean> {
    return this.claim(this.slots, `${workerId}|${start}`, bookingId, now, (holder, age) => slotMayBeTakenOver(holder, { workerId, start }, age));
  }

  async claimSlots(workerId: string, starts: readonly string[], bookingId: string, now: Date): Promise<boolean> {
    const taken: string[] = [];
    for (const start of starts) {
      if (!(await this.claimSlot(workerId, start, bookingId, now))) {
        await this.releaseSlots(workerId, taken, bookingId);
        return false;
      }
      taken.push(start);
    }
    return true;
  }

  async releaseSlots(workerId: string, starts: readonly string[], bookingId: string): Promise<void> {
    for (const start of starts) this.release(this.slots, `${workerId}|${start}`, bookingId);
  }

  async claimSeat(residentId: string, bookingId: string, now: Date): Promise<number | null> {
    for (let seat = 1; seat <= BOOKING_RULES.maxOpenBookings; seat++) {
      if (this.claim(this.seats, `${residentId}|${seat}`, bookingId, now, seatMayBeTakenOver)) return seat;
    }
    return null;
  }

  async releaseSeat(residentId: string, seat: number, bookingId: string): Promise<void> {
    this.release(this.seats, `${residentId}|${seat}`, bookingId);
  }

  private claim(claims: Map<string, Claim>, key: string, bookingId: string, now: Date, mayTakeOver: (holder: ClaimHolder | null, claimAgeMs: number) => boolean): boolean {
    const current = claims.get(key);
    const mine = { bookingId, claimedAt: now.toISOString() };
    if (!current || current.bookingId === bookingId) {
      claims.set(key, mine);
      return true;
    }
    if (!mayTakeOver(this.bookings.get(current.bookingId) ?? null, now.getTime() - Date.parse(current.claimedAt))) return false;
    claims.set(key, mine);
    return true;
  }

  private release(claims: Map<string, Claim>, key: string, bookingId: string): void {
    if (claims.get(key)?.bookingId === bookingId) claims.delete(key);
  }

  // --- availability ---------------------------------------------------------------------

  async putAvailability(a: PublishedAvailability): Promise<void> {
    this.availability.set(`${a.gridCode}|${a.workerId}`, copy(a));
  }

  async deleteAvailability(gridCode: string, workerId: string): Promise<void> {
    this.availability.delete(`${gridCode}|${workerId}`);
  }

  async getAvailability(gridCode: string, workerId: string): Promise<PublishedAvailability | null> {
    const found = this.availability.get(`${gridCode}|${workerId}`);
    return found ? copy(found) : null;
  }

  async gridAvailability(gridCode: string): Promise<PublishedAvailability[]> {
    return [...this.availability.values()].filter((a) => a.gridCode === gridCode).map(copy);
  }
}
