import type { CaseView, MyCaseRelation, MyCaseSummary } from '@gridtong/shared/api/cases';
import { nextDeadline } from '@gridtong/shared/case/next-deadline';
import { WARNING_STAGE_LABELS, warningStage, type WarningStage } from '@gridtong/shared/deadlines/index';
import { CASE_STATUS_LABELS, type Case } from '@gridtong/shared/schemas/case';
import { availableActions, residentTimeline } from '@gridtong/shared/case/index';
import { formatMonthDayTime } from '@gridtong/shared/deadlines/beijing-format';
import type { Principal } from '@gridtong/shared/schemas/roles';
import { workingCalendar } from '../calendar';
import type { CityReference } from '../city/city-snapshot';
import type { PhotoStore } from '../store/photos';
import { caseResultView } from './result-view';

/** The resident's view of their own case: every field named, photo links minted for this read. */
export async function residentCaseView(c: Case, city: CityReference, photos: PhotoStore, actor: Principal, now: Date): Promise<CaseView> {
  const place = city.directory.placeOf(c.location.gridCode);
  const dispatched = c.timeline.some((e) => e.action === 'dispatch');
  const result = await caseResultView(c, city, photos, true);
  return {
    id: c.id,
    ...(c.caseNumber ? { caseNumber: c.caseNumber } : {}),
    version: c.version,
    status: c.status,
    statusLabel: CASE_STATUS_LABELS[c.status],
    itemCode: c.itemCode,
    itemName: c.itemName,
    urgency: c.urgency,
    description: c.description,
    answers: c.answers,
    anonymous: c.anonymous,
    ...(c.contactPhone ? { contactPhone: c.contactPhone } : {}),
    location: {
      lat: c.location.lat,
      lng: c.location.lng,
      address: c.location.address,
      gridCode: c.location.gridCode,
      gridName: place?.grid.name ?? '',
      communityName: place?.community.name ?? '',
      streetName: place?.street.name ?? '',
    },
    photoUrls: await photos.viewLinks(c.photos),
    departmentName: dispatched ? (city.directory.department(c.routing.departmentId)?.name ?? null) : null,
    dispatchDeadline: c.dispatchDeadline,
    ...(c.handlingDeadline ? { handlingDeadline: c.handlingDeadline } : {}),
    followerCount: c.followerCount,
    urgeCount: c.urgeCount,
    ...(c.rating ? { rating: { level: c.rating.level, comment: c.rating.comment, ...(c.rating.tags?.length ? { tags: c.rating.tags } : {}), ratedAt: c.rating.ratedAt } } : {}),
    reopenRequested: c.reopenRequested,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    ...(c.closedAt ? { closedAt: c.closedAt } : {}),
    ...(result ? { result } : {}),
    timelineView: residentTimeline(c, { departmentName: (id: string) => city.directory.department(id)?.name }),
    availableActions: availableActions(c, actor, now),
  };
}

/** One line of 我的上报, with the clock that is running on the case and its warning light. */
export function myCaseSummary(c: Case, relation: MyCaseRelation, since: string, city: CityReference, now: Date): MyCaseSummary {
  const limits = city.directory.item(c.itemCode)?.timeLimits;
  const running = limits ? nextDeadline(c, limits) : null;
  const stage: WarningStage = running ? warningStage(workingCalendar(), { start: Date.parse(running.start), deadline: Date.parse(running.at), unit: running.unit }, now) : 'none';
  return {
    id: c.id,
    ...(c.caseNumber ? { caseNumber: c.caseNumber } : {}),
    relation,
    itemCode: c.itemCode,
    itemName: c.itemName,
    status: c.status,
    statusLabel: CASE_STATUS_LABELS[c.status],
    ...(relation === 'reported' ? { address: c.location.address } : {}),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    since,
    followerCount: c.followerCount,
    nextDeadline: running
      ? { kind: running.kind, at: running.at, label: `${formatMonthDayTime(running.at)} 前${running.kind === 'dispatch' ? '派遣' : '处置完毕'}` }
      : null,
    warningStage: stage,
    warningLabel: WARNING_STAGE_LABELS[stage],
  };
}
