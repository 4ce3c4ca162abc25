import type { CaseView } from '@gridtong/shared/api/contracts';
import { CASE_STATUS_LABELS, type Case } from '@gridtong/shared/schemas/case';
import { availableActions, residentTimeline } from '@gridtong/shared/case/index';
import type { Principal } from '@gridtong/shared/schemas/roles';
import type { CityReference } from './store/city';
import type { PhotoStore } from './store/photos';

/** The resident's view of their own case: every field named, photo links minted for this read. */
export async function residentCaseView(c: Case, city: CityReference, photos: PhotoStore, actor: Principal, now: Date): Promise<CaseView> {
  const place = city.directory.placeOf(c.location.gridCode);
  const dispatched = c.timeline.some((e) => e.action === 'dispatch');
  return {
    id: c.id,
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
    timelineView: residentTimeline(c, { departmentName: (id: string) => city.directory.department(id)?.name }),
    availableActions: availableActions(c, actor, now),
  };
}
