import { BatchGetCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { availabilitySchema, type Availability } from '@gridtong/shared/booking/availability';
import { BOOKING_RULES } from '@gridtong/shared/booking/rules';
import { seatMayBeTakenOver, slotMayBeTakenOver } from '@gridtong/shared/booking/claims';
import { bookingSchema, bookingStatusSchema, type Booking, type BookingEvent, type BookingStatus } from '@gridtong/shared/booking/schema';
import { DomainError } from '@gridtong/shared/errors';
import { ulid } from '../store/ids';
import { residentPartition } from '../cases/case-store';
import { newEntry, outboxAttribute, pendingPartition, shardOf } from '../outbox/outbox';
import type { OutboxKind } from '../outbox/outbox-store';
import { conditionalWrite, writtenIf } from '../store/conditional';
import { queryPage, queryPages } from '../store/paging';

/**
 * 代办 visits in the single table.
 *
 * - `BOOKING#<id>` / `BOOKING`: the booking — state, version, timeline, and its outbox
 *   entries (`ob_<seq>`) written in the same conditional write as each step.
 * - `SLOT#<worker>` / `<start>`: a claimed slot, one item per (worker, start), created with one
 *   conditional put: two residents can never hold the same slot.
 * - `BOOKSEAT#<resident>` / `SEAT#<n>`: the resident's open-booking places (at most 2), claimed
 *   the same way, so the limit holds under concurrent requests too.
 * - `AVAIL#<grid>` / `WORKER#<worker>`: a worker's published availability for a grid; a
 *   grid's workers are one query.
 *
 * Index keys on the booking item: gsi1 `RES#<resident>` / `BOOKING#<created>#<id>` (my
 * bookings; 我的上报 reads only the `MINE#` prefix, so bookings never appear there), gsi2
 * `WDAY#<worker>` / `<start>#<id>` (a worker's day), gsi5 `BKOUTBOX#<shard>` (deliveries
 * owed) and gsi7 `BKREMIND#<shard>` / `<remind at>#<id>` (the day-before reminder).
 */
export const MY_BOOKINGS_PREFIX = 'BOOKING#';
export const newBookingId = (now: Date) => `B${ulid(now)}`;
export const bookingKey = (id: string) => ({ pk: `BOOKING#${id}`, sk: 'BOOKING' });
const slotKey = (workerId: string, start: string) => ({ pk: `SLOT#${workerId}`, sk: start });
const seatKey = (residentId: string, seat: number) => ({ pk: `BOOKSEAT#${residentId}`, sk: `SEAT#${seat}` });
const availabilityKey = (gridCode: string, workerId: string) => ({ pk: `AVAIL#${gridCode}`, sk: `WORKER#${workerId}` });
const workerDayPartition = (workerId: string) => `WDAY#${workerId}`;

export const BOOKING_SHARDS = 4;
export const bookingRemindPartition = (id: string) => `BKREMIND#${shardOf(id, BOOKING_SHARDS)}`;

/** Channels each booking step owes: the message centre, the visit figures, WeChat (each does nothing for a step not theirs). */
export const BOOKING_CHANNELS = ['messages', 'counters', 'wechat'] as const;

/** Bookings' outbox: their own gsi5 partitions, apart from cases' (`BKOUTBOX#<shard>`, parked in `BKPARKED`). */
export const BOOKING_OUTBOX: OutboxKind<Booking> = {
  name: 'booking',
  keyPrefix: 'BOOKING#',
  key: bookingKey,
  partitions: { pendingPrefix: 'BKOUTBOX#', shards: BOOKING_SHARDS, parked: 'BKPARKED' },
  parse: (item) => bookingSchema.parse(item),
};

/** The step's outbox entry and the gsi5 key due at once: written with the step itself. */
function owed(b: Booking, event: BookingEvent): Record<string, unknown> {
  return {
    [outboxAttribute(event.seq)]: newEntry(event, BOOKING_CHANNELS),
    gsi5pk: pendingPartition(BOOKING_OUTBOX.partitions, b.id),
    gsi5sk: `${event.at}#${b.id}`,
  };
}

export interface PublishedAvailability {
  gridCode: string;
  workerId: string;
  workerName: string;
  availability: Availability;
  updatedAt: string;
}

const BOOKING_ATTRIBUTES = Object.keys(bookingSchema.shape);

function indexKeys(b: Booking, remindAt: string | null): Record<string, string> {
  return {
    gsi1pk: residentPartition(b.residentId),
    gsi1sk: `${MY_BOOKINGS_PREFIX}${b.createdAt}#${b.id}`,
    gsi2pk: workerDayPartition(b.workerId),
    gsi2sk: `${b.slotStart}#${b.id}`,
    ...(remindAt ? { gsi7pk: bookingRemindPartition(b.id), gsi7sk: `${remindAt}#${b.id}` } : {}),
  };
}

export class BookingRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async get(id: string): Promise<Booking | null> {
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: bookingKey(id), ConsistentRead: true }));
    return out.Item ? bookingSchema.parse(out.Item) : null;
  }

  /** The new booking with its first event owed to the message centre: one conditional put. */
  async create(b: Booking, remindAt: string | null): Promise<boolean> {
    const event = b.timeline[b.timeline.length - 1]!;
    return writtenIf(this.doc.send(new PutCommand({
      TableName: this.table,
      Item: {
        ...bookingKey(b.id),
        ...b,
        ...indexKeys(b, remindAt),
        ...owed(b, event),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    })));
  }

  /**
   * One step: the whole booking state, its new event's outbox entry and the index keys, in
   * one update conditioned on the version read. Earlier outbox entries stay untouched; the
   * outbox index moves to this event's time, never later than anything still owed.
   */
  async save(b: Booking, expectedVersion: number, event: BookingEvent, remindAt: string | null): Promise<void> {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':expected': expectedVersion };
    const sets: string[] = [];
    const removes: string[] = [];
    const record = b as unknown as Record<string, unknown>;
    const all: Record<string, unknown> = { ...indexKeys(b, remindAt), ...owed(b, event) };
    for (const name of BOOKING_ATTRIBUTES) all[name] = record[name];
    let i = 0;
    for (const [name, value] of Object.entries(all)) {
      names[`#a${i}`] = name;
      if (value === undefined) removes.push(`#a${i}`);
      else {
        values[`:a${i}`] = value;
        sets.push(`#a${i} = :a${i}`);
      }
      i++;
    }
    if (!remindAt) removes.push('gsi7pk', 'gsi7sk');
    await conditionalWrite(this.doc.send(new UpdateCommand({
      TableName: this.table,
      Key: bookingKey(b.id),
      UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
      ConditionExpression: 'attribute_exists(pk) AND version = :expected',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    })), new DomainError('BOOKING.VERSION_CONFLICT', '预约刚刚有了变化，请刷新后再试'));
  }

  /** 我的预约, newest first. */
  async listMine(residentId: string, limit: number, cursor?: string): Promise<{ bookings: Booking[]; nextCursor: string | null }> {
    const partition = residentPartition(residentId);
    const page = await queryPage(this.doc, {
      TableName: this.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p AND begins_with(gsi1sk, :prefix)',
      ExpressionAttributeValues: { ':p': partition, ':prefix': MY_BOOKINGS_PREFIX },
      ScanIndexForward: false,
    }, { limit, cursor, partition: { name: 'gsi1pk', value: partition }, keyNames: ['pk', 'sk', 'gsi1pk', 'gsi1sk'] });
    return { bookings: page.items.map((item) => bookingSchema.parse(item)), nextCursor: page.nextCursor };
  }

  /** The gsi2 rows of a worker's visits starting in [fromIso, toIso], with the attributes asked for. */
  private async workerDayRows(workerId: string, fromIso: string, toIso: string, attributes: readonly string[]): Promise<Record<string, unknown>[]> {
    const rows: Record<string, unknown>[] = [];
    for await (const out of queryPages(this.doc, {
      TableName: this.table,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :p AND gsi2sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':p': workerDayPartition(workerId), ':from': fromIso, ':to': toIso },
      ProjectionExpression: attributes.map((_, i) => `#a${i}`).join(', '),
      ExpressionAttributeNames: Object.fromEntries(attributes.map((a, i) => [`#a${i}`, a])),
    })) {
      rows.push(...(out.Items ?? []));
    }
    return rows;
  }

  /** When and in what state each of a worker's visits in [from, to] is: the index rows only, no booking read. */
  async workerSlotsBetween(workerId: string, fromIso: string, toIso: string): Promise<{ start: string; status: BookingStatus }[]> {
    const rows = await this.workerDayRows(workerId, fromIso, toIso, ['gsi2sk', 'status']);
    return rows.map((item) => ({ start: String(item.gsi2sk).split('#')[0]!, status: bookingStatusSchema.parse(item.status) }));
  }

  /**
   * A worker's visits starting in [fromIso, toIso], in time order: the day's keys from gsi2
   * (which projects only queue-row attributes), then the bookings themselves in one batch read.
   */
  async workerBetween(workerId: string, fromIso: string, toIso: string): Promise<Booking[]> {
    const keys = (await this.workerDayRows(workerId, fromIso, toIso, ['pk', 'sk'])).map((item) => ({ pk: String(item.pk), sk: String(item.sk) }));
    const found: Booking[] = [];
    for (let i = 0; i < keys.length; i += 100) {
      let request: Record<string, unknown>[] = keys.slice(i, i + 100);
      while (request.length) {
        const out = await this.doc.send(new BatchGetCommand({ RequestItems: { [this.table]: { Keys: request, ConsistentRead: true } } }));
        for (const item of out.Responses?.[this.table] ?? []) found.push(bookingSchema.parse(item));
        request = (out.UnprocessedKeys?.[this.table]?.Keys ?? []) as Record<string, unknown>[];
      }
    }
    return found.sort((a, b) => a.slotStart.localeCompare(b.slotStart) || a.id.localeCompare(b.id));
  }

  /** Ids of bookings whose reminder is due at `now`. */
  async remindersDue(now: Date, limitPerShard: number): Promise<string[]> {
    const ids: string[] = [];
    for (let shard = 0; shard < BOOKING_SHARDS; shard++) {
      const out = await this.doc.send(new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi7',
        KeyConditionExpression: 'gsi7pk = :p AND gsi7sk <= :upper',
        ExpressionAttributeValues: { ':p': `BKREMIND#${shard}`, ':upper': `${now.toISOString()}#\uffff` },
        ProjectionExpression: 'pk',
        Limit: limitPerShard,
      }));
      for (const item of out.Items ?? []) ids.push(String(item.pk).replace(/^BOOKING#/, ''));
    }
    return ids;
  }

  /** Takes a booking off the reminder index without touching anything else (nothing to remind of any more). */
  async clearReminder(id: string, version: number): Promise<void> {
    await conditionalWrite(this.doc.send(new UpdateCommand({
      TableName: this.table,
      Key: bookingKey(id),
      UpdateExpression: 'REMOVE gsi7pk, gsi7sk',
      ConditionExpression: 'version = :v',
      ExpressionAttributeValues: { ':v': version },
    })));
  }

  // --- slots -------------------------------------------------------------------------------

  /** Starts of this worker's claimed slots in [fromIso, toIso]. */
  async claimedStarts(workerId: string, fromIso: string, toIso: string): Promise<Set<string>> {
    const starts = new Set<string>();
    for await (const out of queryPages(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :p AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':p': `SLOT#${workerId}`, ':from': fromIso, ':to': toIso },
      ProjectionExpression: 'sk',
    })) {
      for (const item of out.Items ?? []) starts.add(String(item.sk));
    }
    return starts;
  }

  /**
   * Claims the slot for `bookingId` with one conditional put (a retry of the same booking
   * claims it again). A slot the rules say may be taken over (see `slotMayBeTakenOver`) is
   * taken over, conditioned on that holder.
   */
  async claimSlot(workerId: string, start: string, bookingId: string, now: Date): Promise<boolean> {
    return this.claim(slotKey(workerId, start), bookingId, now, (holder, claimAgeMs) => slotMayBeTakenOver(holder, { workerId, start }, claimAgeMs));
  }

  /** All of a visit's slots, in order, or none: a slot already held lets go of those this call took. */
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

  async releaseSlot(workerId: string, start: string, bookingId: string): Promise<void> {
    await this.release(slotKey(workerId, start), bookingId);
  }

  async releaseSlots(workerId: string, starts: readonly string[], bookingId: string): Promise<void> {
    for (const start of starts) await this.releaseSlot(workerId, start, bookingId);
  }

  /** One of the resident's open-booking places, or null when both hold open bookings. */
  async claimSeat(residentId: string, bookingId: string, now: Date): Promise<number | null> {
    for (let seat = 1; seat <= BOOKING_RULES.maxOpenBookings; seat++) {
      if (await this.claim(seatKey(residentId, seat), bookingId, now, seatMayBeTakenOver)) return seat;
    }
    return null;
  }

  async releaseSeat(residentId: string, seat: number, bookingId: string): Promise<void> {
    await this.release(seatKey(residentId, seat), bookingId);
  }

  /** The rule decides whether the holder read may be replaced; the write is conditioned on that very holder. */
  private async claim(key: { pk: string; sk: string }, bookingId: string, now: Date, mayTakeOver: (holder: Booking | null, claimAgeMs: number) => boolean): Promise<boolean> {
    const item = { ...key, bookingId, claimedAt: now.toISOString() };
    if (await writtenIf(this.doc.send(new PutCommand({ TableName: this.table, Item: item, ConditionExpression: 'attribute_not_exists(pk) OR bookingId = :mine', ExpressionAttributeValues: { ':mine': bookingId } })))) return true;
    const current = await this.doc.send(new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true }));
    if (!current.Item) return this.claim(key, bookingId, now, () => false);
    const holderId = String(current.Item.bookingId);
    const holder = await this.get(holderId);
    const claimAgeMs = now.getTime() - Date.parse(String(current.Item.claimedAt));
    if (!mayTakeOver(holder, claimAgeMs)) return false;
    return writtenIf(this.doc.send(new PutCommand({ TableName: this.table, Item: item, ConditionExpression: 'bookingId = :holder', ExpressionAttributeValues: { ':holder': holderId } })));
  }

  private async release(key: { pk: string; sk: string }, bookingId: string): Promise<void> {
    // Already released, or someone took it over after our booking let go of it.
    await conditionalWrite(this.doc.send(new DeleteCommand({ TableName: this.table, Key: key, ConditionExpression: 'bookingId = :mine', ExpressionAttributeValues: { ':mine': bookingId } })));
  }

  // --- availability ------------------------------------------------------------------------

  async putAvailability(a: PublishedAvailability): Promise<void> {
    await this.doc.send(new PutCommand({ TableName: this.table, Item: { ...availabilityKey(a.gridCode, a.workerId), ...a } }));
  }

  /** The worker no longer takes visits in this grid (their account was revoked). */
  async deleteAvailability(gridCode: string, workerId: string): Promise<void> {
    await this.doc.send(new DeleteCommand({ TableName: this.table, Key: availabilityKey(gridCode, workerId) }));
  }

  async getAvailability(gridCode: string, workerId: string): Promise<PublishedAvailability | null> {
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: availabilityKey(gridCode, workerId), ConsistentRead: true }));
    return out.Item ? toPublished(out.Item) : null;
  }

  /** Every worker's availability for a grid: one query. */
  async gridAvailability(gridCode: string): Promise<PublishedAvailability[]> {
    const out = await this.doc.send(new QueryCommand({
      TableName: this.table,
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :w)',
      ExpressionAttributeValues: { ':p': `AVAIL#${gridCode}`, ':w': 'WORKER#' },
    }));
    return (out.Items ?? []).map(toPublished);
  }
}

function toPublished(item: Record<string, unknown>): PublishedAvailability {
  return {
    gridCode: String(item.gridCode),
    workerId: String(item.workerId),
    workerName: String(item.workerName),
    availability: availabilitySchema.parse(item.availability),
    updatedAt: String(item.updatedAt),
  };
}
