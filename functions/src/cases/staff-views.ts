import type { WorkCaseRow, WorkCaseView, WorkTimelineEntry } from '@gridtong/shared/api/desk';
import { availableActions, CASE_ACTION_LABELS, DEADLINE_RUNNING_STATUSES, type CaseActionType } from '@gridtong/shared/case/index';
import {
  DEFAULT_TIME_LIMITS,
  planHandlingDeadline,
  URGENCY_LABELS,
  WARNING_STAGE_LABELS,
  warningStage,
  type TimeLimits,
  type WarningStage,
  type WorkingCalendar,
} from '@gridtong/shared/deadlines/index';
import { CASE_STATUS_LABELS, SATISFACTION_LABELS, flaggedContent, photoKey, textKey, type Case, type PhotoRef, type Satisfaction, type TimelineEvent } from '@gridtong/shared/schemas/case';
import { ROLE_LABELS, type Principal } from '@gridtong/shared/schemas/roles';
import { lastDispatchAt, type QueueCase } from './case-store';
import type { CityProvider, CityReference } from '../city/city-snapshot';
import { workingCalendar } from '../calendar';
import type { RequestContext } from '../context';
import type { PhotoStore } from '../store/photos';


function limitsOf(c: Pick<Case, 'itemCode'>, city: CityReference): TimeLimits {
  return city.directory.item(c.itemCode)?.timeLimits ?? DEFAULT_TIME_LIMITS;
}

/** The deadline the case runs against now, and the warning light, computed at read time. */
export function currentDeadline(c: QueueCase, city: CityReference, calendar: WorkingCalendar, now: Date): { deadline: string; kind: 'dispatch' | 'handling'; warning: WarningStage } {
  const limits = limitsOf(c, city);
  const handling = c.handlingDeadline !== undefined;
  const deadline = c.handlingDeadline ?? c.dispatchDeadline;
  if (!DEADLINE_RUNNING_STATUSES.has(c.status)) return { deadline, kind: handling ? 'handling' : 'dispatch', warning: 'none' };
  if (!handling) {
    const warning = warningStage(calendar, { start: Date.parse(c.createdAt), deadline: Date.parse(deadline), unit: limits.dispatch.unit }, now);
    return { deadline, kind: 'dispatch', warning };
  }
  const start = c.dispatchedAt ?? c.createdAt;
  const warning = warningStage(calendar, { start: Date.parse(start), deadline: Date.parse(deadline), unit: limits.handling[c.urgency].unit }, now);
  return { deadline, kind: 'handling', warning };
}

/** One row of a work queue: what a worker scanning forty cases needs, nothing personal. */
export function workCaseRow(c: QueueCase, city: CityReference, calendar: WorkingCalendar, now: Date): WorkCaseRow {
  const place = city.directory.placeOf(c.location.gridCode);
  const clock = currentDeadline(c, city, calendar, now);
  const pending = c.pendingExtension ? 'extension' : c.reopenRequested ? 'reopen' : undefined;
  return {
    id: c.id,
    ...(c.caseNumber ? { caseNumber: c.caseNumber } : {}),
    version: c.version,
    itemCode: c.itemCode,
    itemName: c.itemName,
    status: c.status,
    statusLabel: CASE_STATUS_LABELS[c.status],
    urgency: c.urgency,
    urgencyLabel: URGENCY_LABELS[c.urgency],
    address: c.location.address,
    gridCode: c.location.gridCode,
    gridName: place?.grid.name ?? c.location.gridCode,
    departmentId: c.routing.departmentId,
    departmentName: city.directory.department(c.routing.departmentId)?.name ?? c.routing.departmentId,
    deadline: clock.deadline,
    deadlineKind: clock.kind,
    warning: clock.warning,
    warningLabel: WARNING_STAGE_LABELS[clock.warning],
    followerCount: c.followerCount,
    urgeCount: c.urgeCount,
    returnCount: c.returnCount,
    escalationLevel: c.escalationLevel,
    ...(pending ? { pendingRequest: pending } : {}),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/** What a dispatch sends when the form is left alone: the 权责清单 owner and the item's handling limit from now. */
export function dispatchDefaults(c: Case, city: CityReference, calendar: WorkingCalendar, now: Date): { departmentId: string; handlingDeadline: string } {
  let departmentId = c.routing.departmentId;
  try {
    const routed = city.directory.route(c.location.gridCode, c.itemCode);
    if (routed.via === 'matrix') departmentId = routed.departmentId;
  } catch {
    // The grid or item left the reference data since the report: keep the case's routing.
  }
  const handlingDeadline = planHandlingDeadline({ calendar, limits: limitsOf(c, city), urgency: c.urgency, dispatchedAt: now });
  return { departmentId, handlingDeadline };
}

function str(data: TimelineEvent['data'], key: string): string | undefined {
  const value = data?.[key];
  return typeof value === 'string' ? value : undefined;
}

function photosOf(event: TimelineEvent): PhotoRef[] {
  const photos = event.data?.['photos'];
  return Array.isArray(photos) ? photos.filter((p): p is PhotoRef => typeof (p as PhotoRef | undefined)?.key === 'string') : [];
}

const LEVELS: ReadonlySet<string> = new Set(Object.keys(SATISFACTION_LABELS));

function actionLabel(action: string): string {
  if (action === 'submit') return '上报';
  if (action === 'readContact') return '查看联系电话';
  return CASE_ACTION_LABELS[action as CaseActionType] ?? action;
}

/** One timeline line for staff: who (with their name), what, why; the facts each step carries, field by field. */
export function workTimelineEntry(event: TimelineEvent, city: CityReference): WorkTimelineEntry {
  const departmentId = str(event.data, 'departmentId');
  const level = str(event.data, 'level');
  const photos = photosOf(event);
  const returnCount = event.data?.['returnCount'];
  const escalated = event.data?.['escalated'];
  return {
    seq: event.seq,
    at: event.at,
    action: event.action,
    actionLabel: actionLabel(event.action),
    from: event.from,
    to: event.to,
    actorRole: event.actor.role,
    actorRoleLabel: event.actor.role === 'system' ? '系统' : event.actor.role === 'resident' ? '居民' : ROLE_LABELS[event.actor.role],
    ...(event.actor.role !== 'resident' && event.actor.name ? { actorName: event.actor.name } : {}),
    ...(event.reason ? { reason: event.reason } : {}),
    ...(event.note ? { note: event.note } : {}),
    ...(departmentId ? { departmentId, departmentName: city.directory.department(departmentId)?.name ?? departmentId } : {}),
    ...(str(event.data, 'handlingDeadline') ? { handlingDeadline: str(event.data, 'handlingDeadline') } : {}),
    ...(typeof returnCount === 'number' ? { returnCount } : {}),
    ...(typeof escalated === 'boolean' ? { escalated } : {}),
    ...(str(event.data, 'duplicateOf') ? { duplicateOf: str(event.data, 'duplicateOf') } : {}),
    ...(str(event.data, 'until') ? { until: str(event.data, 'until') } : {}),
    ...(str(event.data, 'reviewDate') ? { reviewDate: str(event.data, 'reviewDate') } : {}),
    ...(level && LEVELS.has(level) ? { level: level as Satisfaction } : {}),
    ...(photos.length ? { photoCount: photos.length } : {}),
  };
}

const PHOTO_KIND: Record<string, 'supplement' | 'result' | 'check' | undefined> = {
  supplement: 'supplement',
  handle: 'result',
  checkPass: 'check',
  checkFail: 'check',
};

/** Before and after: the report's photos, then each step's, with links minted for this read. */
async function workPhotos(c: Case, photos: PhotoStore, reviewer: boolean): Promise<WorkCaseView['photos']> {
  const supplementKeys = new Set(c.timeline.filter((e) => e.action === 'supplement').flatMap((e) => photosOf(e).map((p) => p.key)));
  const listed: { ref: PhotoRef; kind: WorkCaseView['photos'][number]['kind']; at: string }[] = c.photos
    .filter((p) => !supplementKeys.has(p.key))
    .map((ref) => ({ ref, kind: 'report', at: c.createdAt }));
  for (const event of c.timeline) {
    const kind = PHOTO_KIND[event.action];
    if (kind) for (const ref of photosOf(event)) listed.push({ ref, kind, at: event.at });
  }
  // A resident's photo flagged by content security (or still being checked) only reaches reviewers.
  if (!reviewer) listed.splice(0, listed.length, ...listed.filter((p) => !flaggedContent(c, photoKey(p.ref.key))));
  const urls = await photos.viewLinks(listed.map((p) => p.ref));
  return listed.map((p, i) => ({ url: urls[i] ?? '', kind: p.kind, at: p.at }));
}

// Content security
const CONTENT_REVIEWERS: ReadonlySet<string> = new Set(['supervisor', 'admin']);
const HIDDEN_TEXT = '（内容待审核，暂不显示）';
function ratingFlagged(c: Case): boolean {
  const rate = [...c.timeline].reverse().find((e) => e.action === 'rate');
  return rate !== undefined && flaggedContent(c, textKey(rate.seq));
}
function contentToReview(c: Case): NonNullable<WorkCaseView['contentReview']> {
  return Object.entries(c.moderation ?? {}).flatMap(([key, verdict]) => (verdict === 'pass' ? [] : [{ key, verdict }]));
}

export interface WorkViewContext {
  city: CityReference;
  photos: PhotoStore;
  calendar: WorkingCalendar;
  principal: Principal;
  now: Date;
  /** Only after an audited ?reveal=contact read. */
  revealContact?: boolean;
}

/** The staff view of a case: every field named; the reporter's id never, their phone only when revealed. */
export async function workCaseView(c: Case, ctx: WorkViewContext): Promise<WorkCaseView> {
  const { city, calendar, now } = ctx;
  const reviewer = CONTENT_REVIEWERS.has(ctx.principal.role);
  const place = city.directory.placeOf(c.location.gridCode);
  const clock = currentDeadline({ ...c, dispatchedAt: lastDispatchAt(c) }, city, calendar, now);
  const defaults = dispatchDefaults(c, city, calendar, now);
  return {
    id: c.id,
    ...(c.caseNumber ? { caseNumber: c.caseNumber } : {}),
    version: c.version,
    status: c.status,
    statusLabel: CASE_STATUS_LABELS[c.status],
    itemCode: c.itemCode,
    itemName: c.itemName,
    urgency: c.urgency,
    urgencyLabel: URGENCY_LABELS[c.urgency],
    // Resident text flagged by content security reaches reviewers only.
    description: reviewer || !flaggedContent(c, textKey(0)) ? c.description : HIDDEN_TEXT,
    answers: c.answers,
    anonymous: c.anonymous,
    hasContactPhone: c.contactPhone !== undefined,
    ...(ctx.revealContact && c.contactPhone ? { contactPhone: c.contactPhone } : {}),
    location: {
      address: c.location.address,
      lat: c.location.lat,
      lng: c.location.lng,
      gridCode: c.location.gridCode,
      gridName: place?.grid.name ?? c.location.gridCode,
      communityCode: c.location.communityCode,
      communityName: place?.community.name ?? c.location.communityCode,
      streetCode: c.location.streetCode,
      streetName: place?.street.name ?? c.location.streetCode,
      districtCode: c.location.districtCode,
    },
    routing: {
      departmentId: c.routing.departmentId,
      departmentName: city.directory.department(c.routing.departmentId)?.name ?? c.routing.departmentId,
      via: c.routing.via,
      ...(c.routing.matrixAreaCode ? { matrixAreaCode: c.routing.matrixAreaCode } : {}),
    },
    deadlines: {
      dispatchDeadline: c.dispatchDeadline,
      ...(c.handlingDeadline ? { handlingDeadline: c.handlingDeadline } : {}),
      current: clock.deadline,
      currentKind: clock.kind,
      warning: clock.warning,
      warningLabel: WARNING_STAGE_LABELS[clock.warning],
    },
    returnCount: c.returnCount,
    escalationLevel: c.escalationLevel,
    extensionCount: c.extensionCount,
    ...(c.pendingExtension ? { pendingExtension: { until: c.pendingExtension.until, reason: c.pendingExtension.reason } } : {}),
    ...(c.suspendedUntil ? { suspendedUntil: c.suspendedUntil } : {}),
    ...(c.duplicateOf ? { duplicateOf: c.duplicateOf } : {}),
    followerCount: c.followerCount,
    urgeCount: c.urgeCount,
    ...(c.lastUrgedAt ? { lastUrgedAt: c.lastUrgedAt } : {}),
    ...(c.rating ? { rating: { level: c.rating.level, levelLabel: SATISFACTION_LABELS[c.rating.level], comment: reviewer || !ratingFlagged(c) ? c.rating.comment : HIDDEN_TEXT, ratedAt: c.rating.ratedAt } } : {}),
    reopenRequested: c.reopenRequested,
    reopenCount: c.reopenCount,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    ...(c.closedAt ? { closedAt: c.closedAt } : {}),
    photos: await workPhotos(c, ctx.photos, reviewer),
    timeline: c.timeline.map((e) => {
      const entry = workTimelineEntry(e, city);
      if (reviewer || e.actor.role !== 'resident' || !flaggedContent(c, textKey(e.seq))) return entry;
      return { ...entry, ...(entry.note ? { note: HIDDEN_TEXT } : {}), ...(entry.reason ? { reason: HIDDEN_TEXT } : {}) };
    }),
    ...(reviewer ? { contentReview: contentToReview(c) } : {}),
    availableActions: availableActions(c, ctx.principal, now).map((type) => ({ type, label: CASE_ACTION_LABELS[type] })),
    dispatchDefaults: {
      departmentId: defaults.departmentId,
      departmentName: city.directory.department(defaults.departmentId)?.name ?? defaults.departmentId,
      handlingDeadline: defaults.handlingDeadline,
    },
    departmentOptions: departmentOptions(c, city, defaults.departmentId),
  };
}

/** Departments (not command centres) whose area contains the case: the default first, then the most local. */
function departmentOptions(c: Case, city: CityReference, defaultId: string): WorkCaseView['departmentOptions'] {
  return city.directory.data.departments
    .filter((d) => !d.isDispatcher && c.location.gridCode.startsWith(d.areaCode))
    .sort((a, b) => Number(b.id === defaultId) - Number(a.id === defaultId) || b.areaCode.length - a.areaCode.length || a.id.localeCompare(b.id))
    .map((d) => ({ id: d.id, name: d.name, areaCode: d.areaCode }));
}

/** The staff view of a case for the caller of a request, with the catalog loaded. */
export async function workCaseViewFor(
  ports: { city: Pick<CityProvider, 'get'>; photos: PhotoStore },
  c: Case,
  ctx: RequestContext,
  revealContact = false,
): Promise<WorkCaseView> {
  return workCaseView(c, { city: await ports.city.get(), photos: ports.photos, calendar: workingCalendar(), principal: ctx.principal, now: ctx.now, revealContact });
}
