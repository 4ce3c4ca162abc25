import type { ResidentBookingView, WorkerBookingView } from '@gridtong/shared/api/bookings';
import { BOOKING_RULES } from '@gridtong/shared/booking/rules';
import { availableBookingActions, residentCutoff } from '@gridtong/shared/booking/machine';
import { BOOKING_ACTION_LABELS, BOOKING_STATUS_LABELS } from '@gridtong/shared/booking/labels';
import { formatSlotTime } from '@gridtong/shared/deadlines/beijing-format';
import type { Booking, BookingEvent } from '@gridtong/shared/booking/schema';
import type { AgencyService } from '@gridtong/shared/schemas/catalog';
import { SATISFACTION_LABELS } from '@gridtong/shared/schemas/case';
import type { CityReference } from '../city/city-snapshot';
import type { PhotoStore } from '../store/photos';

function serviceOf(b: Booking, city: CityReference): Pick<AgencyService, 'code' | 'name' | 'agency' | 'visitMinutes' | 'eligibility' | 'materials'> {
  return city.directory.service(b.serviceCode) ?? { code: b.serviceCode, name: b.serviceCode, agency: '', visitMinutes: 0, materials: [] };
}

function serviceSummary(s: ReturnType<typeof serviceOf>) {
  return { code: s.code, name: s.name, agency: s.agency, visitMinutes: s.visitMinutes, ...(s.eligibility ? { eligibility: s.eligibility } : {}) };
}

/** A resident reads every step, with the reason they are owed (decline, worker reschedule), never staff notes or names. */
function residentLine(e: BookingEvent) {
  const moved = e.data && typeof e.data.toStart === 'string' ? `：改到 ${formatSlotTime(e.data.toStart)}` : '';
  return {
    at: e.at,
    action: e.action,
    label: `${BOOKING_ACTION_LABELS[e.action] ?? e.action}${moved}`,
    ...(e.reason ? { reason: e.reason } : {}),
  };
}

/** What resident and worker both see of a visit: which, when, who, and the materials the resident has ready. */
function visitFacts(b: Booking, city: CityReference) {
  const service = serviceOf(b, city);
  const ready = new Set(b.materialsReady);
  return {
    id: b.id,
    version: b.version,
    status: b.status,
    statusLabel: BOOKING_STATUS_LABELS[b.status],
    service: serviceSummary(service),
    workerName: b.workerName,
    start: b.slotStart,
    end: b.slotEnd,
    slotLabel: formatSlotTime(b.slotStart),
    materials: service.materials.map((m) => ({ name: m.name, ...(m.note ? { note: m.note } : {}), required: m.required, ready: ready.has(m.name) })),
    ...(b.rating ? { rating: { level: b.rating.level, label: SATISFACTION_LABELS[b.rating.level], comment: b.rating.comment } } : {}),
  };
}

/** Every field a resident sees of their own booking, named. */
export function residentBookingView(b: Booking, city: CityReference, now: Date): ResidentBookingView {
  return {
    ...visitFacts(b, city),
    address: b.address,
    ...(b.contactPhone ? { contactPhone: b.contactPhone } : {}),
    ...(b.note ? { note: b.note } : {}),
    changeDeadline: residentCutoff(b).toISOString(),
    reschedulesLeft: Math.max(0, BOOKING_RULES.maxResidentReschedules - b.residentReschedules),
    availableActions: availableBookingActions(b, 'resident', now),
    timeline: b.timeline.map(residentLine),
    createdAt: b.createdAt,
  };
}

export function residentBookingSummary(b: Booking, city: CityReference, now: Date) {
  const v = residentBookingView(b, city, now);
  return { id: v.id, status: v.status, statusLabel: v.statusLabel, service: v.service, workerName: v.workerName, start: v.start, slotLabel: v.slotLabel, availableActions: v.availableActions, createdAt: v.createdAt };
}

/**
 * Every field staff see of a visit: what to collect, the steps with their notes and receipts —
 * and, for the worker making the visit only, where to go, whom to call and the resident's note
 * (a colleague in the same grid acting on it sees the visit without them).
 */
export async function workerBookingView(b: Booking, city: CityReference, photos: PhotoStore, now: Date, viewerId: string): Promise<WorkerBookingView> {
  const mine = viewerId === b.workerId;
  return {
    ...visitFacts(b, city),
    mine,
    ...(mine ? { address: b.address } : {}),
    ...(mine && b.contactPhone ? { contactPhone: b.contactPhone } : {}),
    ...(mine && b.note ? { note: b.note } : {}),
    availableActions: availableBookingActions(b, 'worker', now),
    createdAt: b.createdAt,
    gridCode: b.gridCode,
    checklist: b.checklist,
    receiptPhotoUrls: await photos.viewLinks(b.receiptPhotos),
    residentReschedules: b.residentReschedules,
    timeline: b.timeline.map((e) => ({
      ...residentLine(e),
      ...(e.note ? { note: e.note } : {}),
      ...(e.actor.name ? { actorName: e.actor.name } : {}),
    })),
  };
}
