import { DomainError } from '../errors';
import type { Satisfaction } from '../schemas/case';
import { BOOKING_RULES } from './rules';
import type { Booking, BookingEvent, BookingStatus, ChecklistEntry } from './schema';
import type { PhotoRef } from '../schemas/case';

export type BookingActorRole = 'resident' | 'worker';

export interface BookingActor {
  as: BookingActorRole;
  userId: string;
  /** Staff name for the timeline; a resident is never named. */
  name?: string;
  role: string;
}

/** A slot the service already checked exists in the worker's availability and is bookable. */
export interface SlotChoice {
  start: string;
  end: string;
  /** Every slot the visit will hold. */
  starts: string[];
}

export type BookingAction =
  | { type: 'cancel'; reason?: string }
  | { type: 'reschedule'; slot: SlotChoice; reason?: string }
  | { type: 'rate'; level: Satisfaction; comment?: string }
  | { type: 'confirm'; note?: string }
  | { type: 'decline'; reason: string }
  | { type: 'visited'; checklist: ChecklistEntry[]; photos: PhotoRef[]; note?: string }
  | { type: 'submitted'; note?: string }
  | { type: 'completed'; note?: string }
  | { type: 'noShow'; note?: string };

export type BookingActionType = BookingAction['type'];

interface Rule {
  from: readonly BookingStatus[];
  /** Status after the action; undefined keeps the current one. */
  to?: BookingStatus;
}

const RULES: Record<BookingActorRole, Partial<Record<BookingActionType, Rule>>> = {
  resident: {
    cancel: { from: ['requested', 'confirmed'], to: 'cancelled' },
    // A new time needs the worker's confirmation again.
    reschedule: { from: ['requested', 'confirmed'], to: 'requested' },
    rate: { from: ['completed'] },
  },
  worker: {
    confirm: { from: ['requested'], to: 'confirmed' },
    decline: { from: ['requested', 'confirmed'], to: 'declined' },
    // The worker chose the new time: it stands confirmed.
    reschedule: { from: ['requested', 'confirmed'], to: 'confirmed' },
    visited: { from: ['confirmed'], to: 'visited' },
    submitted: { from: ['visited'], to: 'submitted' },
    completed: { from: ['submitted'], to: 'completed' },
    noShow: { from: ['confirmed'], to: 'noShow' },
  },
};

const MINUTE = 60_000;

/** What this actor could do now, for the views' buttons (the guards below still decide). */
export function availableBookingActions(b: Booking, as: BookingActorRole, now: Date): BookingActionType[] {
  return (Object.keys(RULES[as]) as BookingActionType[]).filter((type) => {
    const rule = RULES[as][type];
    if (!rule?.from.includes(b.status)) return false;
    if (as === 'resident' && (type === 'cancel' || type === 'reschedule') && !beforeCutoff(b, now)) return false;
    if (as === 'resident' && type === 'reschedule' && b.residentReschedules >= BOOKING_RULES.maxResidentReschedules) return false;
    if (type === 'rate' && b.rating) return false;
    if ((type === 'visited' || type === 'noShow') && !visitDayReached(b, now)) return false;
    return true;
  });
}

/** The last moment the resident can still cancel or reschedule online. */
export const residentCutoff = (b: Pick<Booking, 'slotStart'>) => new Date(Date.parse(b.slotStart) - BOOKING_RULES.residentCutoffMinutes * MINUTE);
const beforeCutoff = (b: Booking, now: Date) => now.getTime() <= residentCutoff(b).getTime();
// A visit is recorded from its slot's start on (a worker may arrive a little early: 30 min).
const visitDayReached = (b: Booking, now: Date) => now.getTime() >= Date.parse(b.slotStart) - 30 * MINUTE;

/**
 * One step of a booking: guards by actor, status, cut-offs and limits, then the next state
 * with the step appended to its timeline and the version moved on. Pure: the caller writes
 * the result with one conditional write on the version it read.
 */
export function applyBookingAction(b: Booking, action: BookingAction, actor: BookingActor, now: Date): { booking: Booking; event: BookingEvent } {
  const rule = RULES[actor.as][action.type];
  if (!rule) throw new DomainError('BOOKING.INVALID_TRANSITION', '当前身份不能进行此操作');
  if (!rule.from.includes(b.status)) {
    throw new DomainError('BOOKING.INVALID_TRANSITION', '预约当前状态下不能进行此操作，请刷新后查看', { details: { status: b.status, action: action.type } });
  }
  const at = now.toISOString();
  let next: Booking = { ...b };
  let reason: string | undefined;
  let note: string | undefined;
  let data: Record<string, unknown> | undefined;
  let eventAction: string = action.type;

  switch (action.type) {
    case 'cancel':
      if (actor.as === 'resident' && !beforeCutoff(b, now)) {
        throw new DomainError('BOOKING.CUTOFF_PASSED', `距上门已不足 ${BOOKING_RULES.residentCutoffMinutes / 60} 小时，无法在线取消，请直接联系网格员`);
      }
      reason = action.reason || undefined;
      break;
    case 'reschedule': {
      if (action.slot.start === b.slotStart) throw new DomainError('BOOKING.SLOT_UNAVAILABLE', '新时间与原时间相同，请选择其他时段', { problems: [{ path: 'body.start', message: 'same slot' }] });
      if (actor.as === 'resident') {
        if (!beforeCutoff(b, now)) throw new DomainError('BOOKING.CUTOFF_PASSED', `距上门已不足 ${BOOKING_RULES.residentCutoffMinutes / 60} 小时，无法在线改约，请直接联系网格员`);
        if (b.residentReschedules >= BOOKING_RULES.maxResidentReschedules) {
          throw new DomainError('BOOKING.RESCHEDULE_LIMIT', `每个预约最多改约 ${BOOKING_RULES.maxResidentReschedules} 次，如需再改请取消后重新预约`);
        }
        next.residentReschedules = b.residentReschedules + 1;
        reason = action.reason || undefined;
      } else {
        if (!action.reason) throw new DomainError('BOOKING.REASON_REQUIRED', '调整上门时间需要填写原因', { problems: [{ path: 'body.reason', message: 'required' }] });
        reason = action.reason;
        eventAction = 'workerReschedule';
      }
      data = { fromStart: b.slotStart, toStart: action.slot.start };
      next.slotStart = action.slot.start;
      next.slotEnd = action.slot.end;
      next.claimedStarts = action.slot.starts;
      break;
    }
    case 'rate':
      if (b.rating) throw new DomainError('BOOKING.ALREADY_RATED', '这次上门已经评价过了');
      next.rating = { level: action.level, comment: action.comment ?? '', ratedAt: at };
      data = { level: action.level };
      break;
    case 'decline':
      if (!action.reason) throw new DomainError('BOOKING.REASON_REQUIRED', '未能安排需要告诉居民原因', { problems: [{ path: 'body.reason', message: 'required' }] });
      reason = action.reason;
      break;
    case 'visited':
      if (!visitDayReached(b, now)) throw new DomainError('BOOKING.TOO_EARLY', '还没到上门时间');
      next.checklist = action.checklist;
      next.receiptPhotos = action.photos;
      note = action.note || undefined;
      break;
    case 'noShow':
      if (!visitDayReached(b, now)) throw new DomainError('BOOKING.TOO_EARLY', '还没到上门时间');
      note = action.note || undefined;
      break;
    case 'confirm':
    case 'submitted':
    case 'completed':
      note = action.note || undefined;
      break;
  }

  const event: BookingEvent = {
    seq: b.timeline.length,
    at,
    actor: { role: actor.as === 'resident' ? 'resident' : (actor.role as BookingEvent['actor']['role']), userId: actor.userId, ...(actor.name ? { name: actor.name } : {}) },
    action: eventAction,
    from: b.status,
    to: rule.to ?? b.status,
    ...(reason ? { reason } : {}),
    ...(note ? { note } : {}),
    ...(data ? { data } : {}),
  };
  next = { ...next, status: event.to, version: b.version + 1, updatedAt: at, timeline: [...b.timeline, event] };
  return { booking: next, event };
}
