import type { Context } from 'aws-lambda';
import { areaLevelOf } from '@gridtong/shared/schemas/common';
import { formatDayLabel } from '@gridtong/shared/deadlines/beijing-format';
import type { CreateBookingRequest, ResidentBookingAction, SlotView, WorkerBookingAction } from '@gridtong/shared/api/bookings';
import { beijingDate, bookableDates, bookableSlots, findVisit, isBookableAt, slotsOnDay, type Slot } from '@gridtong/shared/booking/availability';
import { applyBookingAction, type BookingAction, type BookingActor } from '@gridtong/shared/booking/machine';
import { BOOKING_RULES, BOOKABLE_ROLES } from '@gridtong/shared/booking/rules';
import { isOpenBooking, SLOT_RELEASING_STATUSES, type Booking } from '@gridtong/shared/booking/schema';
import { dayOfIsoDate, dayStartMs, HOUR_MS, isoDateOfDay, shanghaiDayIndex } from '@gridtong/shared/deadlines/shanghai-time';
import { DomainError, isDomainError } from '@gridtong/shared/errors';
import { ROLE_LABELS, scopeCoversArea, type Principal } from '@gridtong/shared/schemas/roles';
import type { UserRepository } from '../accounts/user-store';
import { workingCalendar } from '../calendar';
import { conflictAggregate, conflictWith } from '../conflict';
import type { CityReference } from '../city/city-snapshot';
import type { RequestContext } from '../context';
import type { IdempotentCreates } from '../http/idempotency';
import type { PhotoStore } from '../store/photos';
import { newBookingId, type BookingRepository, type PublishedAvailability } from './booking-store';

/** The booking store's methods the booking services call (the in-memory double implements the same). */
export type BookingStorePort = Pick<BookingRepository,
  | 'get' | 'create' | 'save'
  | 'getAvailability' | 'gridAvailability' | 'putAvailability' | 'deleteAvailability'
  | 'claimedStarts' | 'claimSeat' | 'releaseSeat' | 'claimSlots' | 'releaseSlots'
  | 'workerBetween' | 'workerSlotsBetween'>;

/** What every booking service uses: the booking store and the city's reference data. */
export interface BookingPorts {
  bookings: BookingStorePort;
  city: { get(): Promise<CityReference> };
}

/** A resident's side also reads where they live. */
export interface ResidentBookingPorts extends BookingPorts {
  users: Pick<UserRepository, 'getHome'>;
}

/** Booking a visit: once per Idempotency-Key. */
export interface CreateBookingPorts extends ResidentBookingPorts {
  idempotency: IdempotentCreates;
}

/** A worker's side also takes the receipt photos of a visit. */
export interface WorkerBookingPorts extends BookingPorts {
  photos: Pick<PhotoStore, 'assertOwnedAndPresent' | 'adopt'>;
}

/** The day-before reminder: 10:00 Beijing the day before the visit, while it is still ahead and not yet sent for this slot. */
export function reminderAt(b: Booking, now: Date): string | null {
  if (b.status !== 'requested' && b.status !== 'confirmed') return null;
  if (b.timeline.some((e) => e.action === 'remind' && e.data?.slotStart === b.slotStart)) return null;
  const at = dayStartMs(shanghaiDayIndex(Date.parse(b.slotStart)) - 1) + BOOKING_RULES.reminderHour * HOUR_MS;
  return at > now.getTime() ? new Date(at).toISOString() : null;
}

async function homeGrid(rt: Pick<ResidentBookingPorts, 'users'>, principal: Principal): Promise<string> {
  const home = await rt.users.getHome(principal.userId);
  if (!home) throw new DomainError('BOOKING.HOME_REQUIRED', '请先在“我的住址”中设置您住在哪个网格，才能预约本网格网格员上门');
  return home.gridCode;
}

async function serviceFor(rt: Pick<BookingPorts, 'city'>, code: string) {
  const service = (await rt.city.get()).directory.service(code);
  if (!service) throw new DomainError('BOOKING.UNKNOWN_SERVICE', '没有这项代办服务', { problems: [{ path: 'body.serviceCode', message: 'unknown service' }] });
  return service;
}

/**
 * Where a visit of `visitMinutes` can start: every worker who published availability for the
 * grid, each start with enough free slots right after it for the whole visit, in time order.
 */
export async function freeSlots(rt: Pick<BookingPorts, 'bookings'>, gridCode: string, now: Date, visitMinutes: number, from?: string): Promise<SlotView[]> {
  const found: SlotView[] = [];
  for (const p of await rt.bookings.gridAvailability(gridCode)) {
    found.push(...(await visitsThatFit(rt, p, bookableSlots(p.availability, workingCalendar(), now, from), visitMinutes)));
  }
  return found.sort((a, b) => a.start.localeCompare(b.start) || a.workerName.localeCompare(b.workerName));
}

/**
 * Of a worker's `slots`, those where a visit of `visitMinutes` can start: enough consecutive
 * slots, none held by anyone — or only by the booking being moved (`ownStarts`).
 */
async function visitsThatFit(rt: Pick<BookingPorts, 'bookings'>, p: PublishedAvailability, slots: readonly Slot[], visitMinutes: number, ownStarts: ReadonlySet<string> = new Set()): Promise<SlotView[]> {
  if (slots.length === 0) return [];
  const calendar = workingCalendar();
  const claimed = await rt.bookings.claimedStarts(p.workerId, slots[0]!.start, slots[slots.length - 1]!.end);
  return slots.flatMap((s) => {
    const visit = findVisit(p.availability, calendar, s.start, visitMinutes);
    return visit && visit.starts.every((start) => ownStarts.has(start) || !claimed.has(start)) ? [{ workerId: p.workerId, workerName: p.workerName, ...s, end: visit.end }] : [];
  });
}

async function alternatives(rt: Pick<BookingPorts, 'bookings'>, gridCode: string, now: Date, visitMinutes: number, after: string, except: { workerId: string; start: string }): Promise<SlotView[]> {
  const all = (await freeSlots(rt, gridCode, now, visitMinutes)).filter((s) => !(s.workerId === except.workerId && s.start === except.start));
  const later = all.filter((s) => s.start >= after);
  return [...later, ...all.filter((s) => s.start < after)].slice(0, BOOKING_RULES.alternativesOffered);
}

function slotTaken(nextSlots: SlotView[]): DomainError {
  return new DomainError('BOOKING.SLOT_TAKEN', '这个时段刚刚被其他居民约走了，请从下面的空闲时段中另选一个', { current: { nextSlots } });
}

/** Each Beijing date with its label ('11月24日 周二（调休上班）') and the slots that start on it. */
function byDay(dates: readonly string[], slots: readonly SlotView[]) {
  const calendar = workingCalendar();
  return dates.map((date) => {
    const info = calendar.describeDay(dayStartMs(dayOfIsoDate(date)!));
    const kind = info.kind === 'holiday' ? `（${info.holidayName ?? '节假日'}）` : info.kind === 'makeUpWorkday' ? '（调休上班）' : '';
    return { date, label: `${formatDayLabel(date)}${kind}`, slots: slots.filter((s) => s.date === date) };
  });
}

/** 可预约时段: the resident's home grid's workers, the next 14 days, Beijing time, grouped by day. */
export async function listSlots(rt: ResidentBookingPorts, ctx: RequestContext, query: { service: string; from?: string | undefined }) {
  const { now } = ctx;
  const gridCode = await homeGrid(rt, ctx.principal);
  const service = (await rt.city.get()).directory.service(query.service);
  if (!service) throw new DomainError('BOOKING.UNKNOWN_SERVICE', '没有这项代办服务', { problems: [{ path: 'query.service', message: 'unknown service' }] });
  const slots = await freeSlots(rt, gridCode, now, service.visitMinutes, query.from);
  const days = byDay(bookableDates(now, query.from), slots);
  return {
    service: { code: service.code, name: service.name, agency: service.agency, visitMinutes: service.visitMinutes, ...(service.eligibility ? { eligibility: service.eligibility } : {}), materials: service.materials },
    gridCode,
    days,
  };
}

export interface CreateBookingInput {
  /** The request's Idempotency-Key (checked by the caller). */
  key: string;
  body: CreateBookingRequest;
  lambdaContext?: Context;
}

/**
 * 预约, once per Idempotency-Key: a retry with the same key gets the booking the first
 * attempt made; the same key with another booking is refused.
 */
export async function createBooking(rt: CreateBookingPorts, ctx: RequestContext, input: CreateBookingInput): Promise<{ booking: Booking; replayed: boolean }> {
  const created = await rt.idempotency.once(
    { userId: ctx.principal.userId, key: input.key, body: input.body },
    async () => (await bookVisit(rt, ctx, input.body)).id,
    input.lambdaContext,
  );
  const booking = await rt.bookings.get(created.id);
  if (!booking) throw new Error('idempotent booking record points at a missing booking');
  return { booking, replayed: created.replayed };
}

/**
 * The resident's open-booking place, then the slot, each claimed with one conditional
 * write, then the booking itself. Whatever was claimed is let go again if a later step fails.
 */
async function bookVisit(rt: ResidentBookingPorts, ctx: RequestContext, body: CreateBookingRequest): Promise<Booking> {
  const { principal, now } = ctx;
  const id = newBookingId(now);
  const gridCode = await homeGrid(rt, principal);
  const service = await serviceFor(rt, body.serviceCode);
  const known = new Set(service.materials.map((m) => m.name));
  const unknown = body.materialsReady.map((name, i) => ({ name, i })).filter((m) => !known.has(m.name));
  if (unknown.length) {
    throw new DomainError('REQUEST.VALIDATION', '材料清单中有不属于这项服务的材料', { problems: unknown.map((m) => ({ path: `body.materialsReady.${m.i}`, message: 'not in the service materials' })) });
  }
  const published = await rt.bookings.getAvailability(gridCode, body.workerId);
  const slot = published ? findVisit(published.availability, workingCalendar(), body.start, service.visitMinutes) : undefined;
  if (!published || !slot || !isBookableAt(slot, now)) {
    throw new DomainError('BOOKING.SLOT_UNAVAILABLE', '这个时段不可预约（不在网格员的可预约时间内、不够这项服务所需时长，或已太近），请重新选择', {
      problems: [{ path: 'body.start', message: 'not a bookable slot of this worker' }],
      current: { nextSlots: (await freeSlots(rt, gridCode, now, service.visitMinutes)).slice(0, BOOKING_RULES.alternativesOffered) },
    });
  }

  const seat = await rt.bookings.claimSeat(principal.userId, id, now);
  if (seat === null) {
    throw new DomainError('BOOKING.TOO_MANY_OPEN', `您已有 ${BOOKING_RULES.maxOpenBookings} 个进行中的预约，办结或取消后才能再约`);
  }
  let slotHeld = false;
  try {
    slotHeld = await rt.bookings.claimSlots(body.workerId, slot.starts, id, now);
    if (!slotHeld) {
      await rt.bookings.releaseSeat(principal.userId, seat, id);
      throw slotTaken(await alternatives(rt, gridCode, now, service.visitMinutes, slot.start, { workerId: body.workerId, start: slot.start }));
    }
    const at = now.toISOString();
    const booking: Booking = {
      id,
      residentId: principal.userId,
      workerId: published.workerId,
      workerName: published.workerName,
      gridCode,
      serviceCode: service.code,
      slotStart: slot.start,
      slotEnd: slot.end,
      claimedStarts: slot.starts,
      materialsReady: [...new Set(body.materialsReady)],
      address: body.address,
      ...(body.contactPhone ? { contactPhone: body.contactPhone } : {}),
      ...(body.note ? { note: body.note } : {}),
      status: 'requested',
      version: 1,
      residentReschedules: 0,
      seat,
      checklist: [],
      receiptPhotos: [],
      createdAt: at,
      updatedAt: at,
      timeline: [{ seq: 0, at, actor: { role: 'resident', userId: principal.userId }, action: 'request', from: null, to: 'requested', data: { slotStart: slot.start } }],
    };
    if (!(await rt.bookings.create(booking, reminderAt(booking, now)))) throw new Error('a new booking id was already taken');
    return booking;
  } catch (err) {
    // Nothing half-made stays behind: without a booking, neither its slot nor its place is held.
    if (!(err instanceof DomainError && err.code === 'BOOKING.SLOT_TAKEN') && !(await rt.bookings.get(id))) {
      if (slotHeld) await rt.bookings.releaseSlots(body.workerId, slot.starts, id);
      await rt.bookings.releaseSeat(principal.userId, seat, id);
    }
    throw err;
  }
}

/**
 * One step on a booking: the pure guards first, then (for a new time) the new slot claimed,
 * then the booking written with one version-guarded update, then whatever it let go of
 * (the old slot, the resident's open-booking place) released.
 */
async function transition(rt: BookingPorts, b: Booking, action: BookingAction, actor: BookingActor, now: Date, move?: { workerId: string; workerName: string }): Promise<Booking> {
  const { booking, event } = applyBookingAction(b, action, actor, now);
  const next: Booking = move ? { ...booking, workerId: move.workerId, workerName: move.workerName } : booking;
  // A moved visit may overlap its old time: claim only the slots it does not hold yet, let go only of those it leaves.
  const fresh = action.type === 'reschedule' ? next.claimedStarts.filter((s) => !b.claimedStarts.includes(s)) : [];
  const left = action.type === 'reschedule' ? b.claimedStarts.filter((s) => !next.claimedStarts.includes(s)) : [];
  if (fresh.length && !(await rt.bookings.claimSlots(next.workerId, fresh, b.id, now))) {
    const minutes = (Date.parse(next.slotEnd) - Date.parse(next.slotStart)) / 60_000;
    throw slotTaken(await alternatives(rt, b.gridCode, now, minutes, next.slotStart, { workerId: next.workerId, start: next.slotStart }));
  }
  try {
    await rt.bookings.save(next, b.version, event, reminderAt(next, now));
  } catch (err) {
    await rt.bookings.releaseSlots(next.workerId, fresh, b.id);
    throw err;
  }
  await rt.bookings.releaseSlots(b.workerId, left, b.id);
  if (SLOT_RELEASING_STATUSES.includes(next.status)) await rt.bookings.releaseSlots(next.workerId, next.claimedStarts, b.id);
  if (!isOpenBooking(next.status) && isOpenBooking(b.status)) await rt.bookings.releaseSeat(b.residentId, b.seat, b.id);
  return next;
}

/** A stale or lost write: carries the booking as it is now, which the route reduces to the caller's view. */
function versionConflict(current: Booking): DomainError {
  return conflictWith('BOOKING.VERSION_CONFLICT', '预约刚刚有了变化，请刷新后再试', current);
}

/** A conflict from the store (a lost write) that does not carry the booking yet. */
const lostWrite = (err: unknown) => isDomainError(err, 'BOOKING.VERSION_CONFLICT') && conflictAggregate(err) === undefined;

export async function getMyBooking(rt: { bookings: Pick<BookingStorePort, 'get'> }, ctx: RequestContext, id: string): Promise<Booking> {
  const b = await rt.bookings.get(id);
  if (!b || b.residentId !== ctx.principal.userId) throw new DomainError('BOOKING.NOT_FOUND', '未找到该预约');
  return b;
}

/** 我的预约, newest first, a page at a time. */
export async function listMyBookings(rt: { bookings: Pick<BookingRepository, 'listMine'> }, ctx: RequestContext, query: { limit: number; cursor?: string | undefined }): Promise<{ bookings: Booking[]; nextCursor: string | null }> {
  return rt.bookings.listMine(ctx.principal.userId, query.limit, query.cursor);
}

async function publishedFor(rt: Pick<BookingPorts, 'bookings'>, gridCode: string, workerId: string): Promise<PublishedAvailability> {
  const published = await rt.bookings.getAvailability(gridCode, workerId);
  if (!published) throw new DomainError('BOOKING.SLOT_UNAVAILABLE', '该网格员暂未开放预约时间', { problems: [{ path: 'body.workerId', message: 'no availability' }] });
  return published;
}

export async function actOnMyBooking(rt: BookingPorts, ctx: RequestContext, input: { id: string; body: ResidentBookingAction }): Promise<Booking> {
  const { principal, now } = ctx;
  const { id, body } = input;
  const b = await getMyBooking(rt, ctx, id);
  if (b.version !== body.version) throw versionConflict(b);
  const actor: BookingActor = { as: 'resident', userId: principal.userId, role: 'resident' };
  try {
    switch (body.type) {
      case 'cancel':
        return await transition(rt, b, { type: 'cancel', ...(body.reason ? { reason: body.reason } : {}) }, actor, now);
      case 'rate':
        return await transition(rt, b, { type: 'rate', level: body.level, ...(body.comment ? { comment: body.comment } : {}) }, actor, now);
      case 'reschedule': {
        const published = await publishedFor(rt, b.gridCode, b.workerId);
        const { visitMinutes } = await serviceFor(rt, b.serviceCode);
        const slot = findVisit(published.availability, workingCalendar(), body.start, visitMinutes);
        if (!slot || !isBookableAt(slot, now)) {
          throw new DomainError('BOOKING.SLOT_UNAVAILABLE', '这个时段不可预约，请重新选择', {
            problems: [{ path: 'body.start', message: 'not a bookable slot of this worker' }],
            current: { nextSlots: (await freeSlots(rt, b.gridCode, now, visitMinutes)).filter((s) => s.workerId === b.workerId).slice(0, BOOKING_RULES.alternativesOffered) },
          });
        }
        return await transition(rt, b, { type: 'reschedule', slot, ...(body.reason ? { reason: body.reason } : {}) }, actor, now);
      }
    }
  } catch (err) {
    if (lostWrite(err)) {
      const current = await rt.bookings.get(id);
      if (current) throw versionConflict(current);
    }
    throw err;
  }
}

// --- grid workers --------------------------------------------------------------------------

/** The staff member's name for the timeline, or their role's label. */
const actorName = (ctx: RequestContext) => ctx.actorName ?? ROLE_LABELS[ctx.principal.role];

/** A booking the worker may act on: in a grid they serve; anything else does not exist for them. */
export async function getWorkBooking(rt: { bookings: Pick<BookingStorePort, 'get'> }, ctx: RequestContext, id: string): Promise<Booking> {
  const b = await rt.bookings.get(id);
  if (!b || !scopeCoversArea(ctx.principal.scope, b.gridCode)) throw new DomainError('BOOKING.NOT_FOUND', '未找到该预约');
  return b;
}

export async function workDay(rt: { bookings: Pick<BookingStorePort, 'workerBetween' | 'workerSlotsBetween'> }, ctx: RequestContext, day: string | undefined): Promise<{ day: string; bookings: Booking[]; ahead: { date: string; visits: number; toConfirm: number }[] }> {
  const { principal, now } = ctx;
  const index = day ? dayOfIsoDate(day)! : shanghaiDayIndex(now);
  const from = new Date(dayStartMs(index)).toISOString();
  const to = new Date(dayStartMs(index + 1) - 1).toISOString();
  const date = isoDateOfDay(index);
  const dates = bookableDates(now);
  const [bookings, rows] = await Promise.all([
    rt.bookings.workerBetween(principal.userId, from, `${to}#\uffff`),
    rt.bookings.workerSlotsBetween(principal.userId, new Date(dayStartMs(shanghaiDayIndex(now))).toISOString(), `${new Date(dayStartMs(dayOfIsoDate(dates[dates.length - 1]!)! + 1)).toISOString()}#`),
  ]);
  const ahead = dates.map((d) => {
    const held = rows.filter((r) => beijingDate(Date.parse(r.start)) === d && !SLOT_RELEASING_STATUSES.includes(r.status));
    return { date: d, visits: held.length, toConfirm: held.filter((r) => r.status === 'requested').length };
  });
  return { day: date, bookings, ahead };
}

export async function actOnWorkBooking(rt: WorkerBookingPorts, ctx: RequestContext, input: { id: string; body: WorkerBookingAction }): Promise<Booking> {
  const { principal, now } = ctx;
  const { id, body } = input;
  const b = await getWorkBooking(rt, ctx, id);
  if (b.version !== body.version) throw versionConflict(b);
  const actor: BookingActor = { as: 'worker', userId: principal.userId, role: principal.role, name: actorName(ctx) };
  try {
    switch (body.type) {
      case 'visited': {
        const action: BookingAction = { type: 'visited', checklist: body.checklist, photos: body.photos, ...(body.note ? { note: body.note } : {}) };
        applyBookingAction(b, action, actor, now); // guards before any copying
        await rt.photos.assertOwnedAndPresent(principal.userId, body.photos);
        const photos = await rt.photos.adopt(b.id, body.photos);
        return await transition(rt, b, { ...action, photos }, actor, now);
      }
      case 'reschedule': {
        const published = await publishedFor(rt, b.gridCode, b.workerId);
        const slot = findVisit(published.availability, workingCalendar(), body.start, (await serviceFor(rt, b.serviceCode)).visitMinutes);
        // The worker may move a visit to any of their own slots still ahead (agreed by phone), not only those open to residents.
        if (!slot || Date.parse(slot.start) <= now.getTime()) {
          throw new DomainError('BOOKING.SLOT_UNAVAILABLE', '新时间不在您的可预约时段内，请先调整可预约时间', { problems: [{ path: 'body.start', message: 'not one of your slots ahead' }] });
        }
        return await transition(rt, b, { type: 'reschedule', slot, reason: body.reason }, actor, now);
      }
      case 'decline':
        return await transition(rt, b, { type: 'decline', reason: body.reason }, actor, now);
      default:
        return await transition(rt, b, { type: body.type, ...(body.note ? { note: body.note } : {}) }, actor, now);
    }
  } catch (err) {
    if (lostWrite(err)) {
      const current = await rt.bookings.get(id);
      if (current) throw versionConflict(current);
    }
    throw err;
  }
}

/**
 * 改约 (worker): where this visit can move — the booking worker's own published slots still
 * ahead in the next 14 days, long enough for the service, free or already held by this very
 * booking (a move may overlap its old time). Closer than residents may book is fine: the
 * worker agrees a new time by phone.
 */
export async function rescheduleSlots(rt: BookingPorts, ctx: RequestContext, id: string) {
  const { now } = ctx;
  const b = await getWorkBooking(rt, ctx, id);
  const service = await serviceFor(rt, b.serviceCode);
  const published = await rt.bookings.getAvailability(b.gridCode, b.workerId);
  const dates = bookableDates(now);
  let found: SlotView[] = [];
  if (published && isOpenBooking(b.status)) {
    const ahead = dates.flatMap((d) => slotsOnDay(published.availability, workingCalendar(), d)).filter((s) => Date.parse(s.start) > now.getTime() && s.start !== b.slotStart);
    found = await visitsThatFit(rt, published, ahead, service.visitMinutes, new Set(b.claimedStarts));
  }
  return { bookingId: b.id, visitMinutes: service.visitMinutes, days: byDay(dates, found) };
}

/** The grid a worker publishes for: the one named, or their only grid. */
function gridOfWorker(principal: Principal, gridCode: string | undefined, known: (code: string) => boolean): string {
  if (!(BOOKABLE_ROLES as readonly string[]).includes(principal.role)) {
    throw new DomainError('AVAILABILITY.OUT_OF_SCOPE', '只有网格员和网格长可以开放上门预约');
  }
  const grids = principal.scope.areas.filter((a) => areaLevelOf(a) === 'grid');
  const chosen = gridCode ?? (grids.length === 1 ? grids[0] : undefined);
  if (!chosen) throw new DomainError('AVAILABILITY.GRID_REQUIRED', '您负责多个网格，请指定网格', { problems: [{ path: 'body.gridCode', message: 'required' }] });
  if (!scopeCoversArea(principal.scope, chosen) || !known(chosen)) {
    throw new DomainError('AVAILABILITY.OUT_OF_SCOPE', '只能为自己负责的网格开放预约', { problems: [{ path: 'body.gridCode', message: 'not your grid' }] });
  }
  return chosen;
}

export interface AvailabilityAnswer {
  gridCode: string;
  workerName: string;
  availability: PublishedAvailability['availability'] | null;
  updatedAt: string | null;
  upcomingSlots: number;
}

function answer(gridCode: string, workerName: string, published: PublishedAvailability | null, now: Date): AvailabilityAnswer {
  const slots: Slot[] = published
    ? bookableDates(now).flatMap((d) => slotsOnDay(published.availability, workingCalendar(), d)).filter((s) => Date.parse(s.start) > now.getTime())
    : [];
  return { gridCode, workerName: published?.workerName ?? workerName, availability: published?.availability ?? null, updatedAt: published?.updatedAt ?? null, upcomingSlots: slots.length };
}

export async function getAvailability(rt: { bookings: Pick<BookingStorePort, 'getAvailability'>; city: BookingPorts['city'] }, ctx: RequestContext, gridCode: string | undefined): Promise<AvailabilityAnswer> {
  const city = await rt.city.get();
  const grid = gridOfWorker(ctx.principal, gridCode, (code) => city.directory.grid(code) !== undefined);
  return answer(grid, actorName(ctx), await rt.bookings.getAvailability(grid, ctx.principal.userId), ctx.now);
}

export async function putAvailability(rt: { bookings: Pick<BookingStorePort, 'putAvailability'>; city: BookingPorts['city'] }, ctx: RequestContext, body: { gridCode?: string | undefined } & PublishedAvailability['availability']): Promise<AvailabilityAnswer> {
  const { principal, now } = ctx;
  const city = await rt.city.get();
  const grid = gridOfWorker(principal, body.gridCode, (code) => city.directory.grid(code) !== undefined);
  const published: PublishedAvailability = {
    gridCode: grid,
    workerId: principal.userId,
    workerName: actorName(ctx),
    availability: { slotMinutes: body.slotMinutes, weekly: body.weekly, closures: body.closures, makeUpDayAs: body.makeUpDayAs },
    updatedAt: now.toISOString(),
  };
  await rt.bookings.putAvailability(published);
  return answer(grid, published.workerName, published, now);
}

export interface WithdrawnWorker {
  /** Visits still ahead (requested or confirmed) called off, each with a reason the resident reads. */
  bookingsCalledOff: number;
  /** Visits under way (materials collected, not yet delivered) left for a colleague of the grid to finish. */
  visitsToHandOver: number;
}

const WORKER_LEFT_REASON = '为您服务的网格员工作有调整，这次上门无法进行，请重新预约（本网格其他网格员可以为您上门）';

/**
 * A worker's account was revoked (they left the grid): residents can no longer book them, and
 * every visit still ahead that they hold is declined — so the resident hears of it through
 * the usual events (message centre, WeChat) and the slot's place is free — instead of
 * waiting for someone who will not come. Visits under way stay for the 网格长 to finish.
 */
export async function withdrawWorker(rt: BookingPorts, ctx: RequestContext, account: { userId: string; role: string; areas: readonly string[] }): Promise<WithdrawnWorker> {
  const { principal: admin, now } = ctx;
  const result: WithdrawnWorker = { bookingsCalledOff: 0, visitsToHandOver: 0 };
  if (!(BOOKABLE_ROLES as readonly string[]).includes(account.role)) return result;
  const city = await rt.city.get();
  // The grids they could have published for: their own, or those of their community.
  const grids = new Set(account.areas.flatMap((area) => (areaLevelOf(area) === 'grid' ? [area] : city.data.grids.filter((g) => g.code.startsWith(area)).map((g) => g.code))));
  for (const grid of grids) await rt.bookings.deleteAvailability(grid, account.userId);

  const actor: BookingActor = { as: 'worker', userId: admin.userId, role: admin.role, name: actorName(ctx) };
  for (const held of await rt.bookings.workerBetween(account.userId, now.toISOString(), '\uffff')) {
    if (held.status === 'visited' || held.status === 'submitted') {
      result.visitsToHandOver++;
      continue;
    }
    for (let attempt = 0, b: Booking | null = held; b && attempt < 3; attempt++) {
      if (b.status !== 'requested' && b.status !== 'confirmed') break;
      try {
        await transition(rt, b, { type: 'decline', reason: WORKER_LEFT_REASON }, actor, now);
        result.bookingsCalledOff++;
        break;
      } catch (err) {
        // The resident (or the worker, a moment before the revocation) changed it meanwhile: look again.
        if (!(err instanceof DomainError && err.code === 'BOOKING.VERSION_CONFLICT')) throw err;
        b = await rt.bookings.get(held.id);
      }
    }
  }
  return result;
}
