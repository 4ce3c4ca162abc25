import type { FollowerCaseView, NearbyCase } from '@gridtong/shared/api/cases';
import { followerTimeline } from '@gridtong/shared/case/follower-timeline';
import { availableActions } from '@gridtong/shared/case/index';
import { CASE_STATUS_LABELS, type Case } from '@gridtong/shared/schemas/case';
import type { Principal } from '@gridtong/shared/schemas/roles';
import type { CityReference } from '../city/city-snapshot';
import type { PhotoStore } from '../store/photos';
import { caseResultView, photoClearedForOthers } from './result-view';

/*
 * What a neighbour sees of a case. Each view names every field it returns: a neighbour
 * (nearby, follower) never gets the reporter's id, phone, words, answers, address or
 * other photos; staff names reach nobody here, and of staff words only the handling result's
 * notes (phone numbers masked) reach a follower.
 */

const publicItem = (c: Case, city: CityReference) => city.directory.item(c.itemCode)?.publicReports === true;

/** A public item's first photo, as a short-lived link; nothing for a non-public item. */
async function publicPhoto(c: Case, city: CityReference, photos: PhotoStore): Promise<string | null> {
  const first = c.photos[0];
  if (!first || !publicItem(c, city) || !photoClearedForOthers(c, first)) return null;
  return (await photos.viewLinks([first]))[0] ?? null;
}

export async function nearbyCaseView(
  c: Case,
  distanceMetres: number,
  viewer: { userId: string; following: boolean },
  city: CityReference,
  photos: PhotoStore,
): Promise<NearbyCase> {
  return {
    id: c.id,
    itemCode: c.itemCode,
    itemName: c.itemName,
    status: c.status,
    statusLabel: CASE_STATUS_LABELS[c.status],
    distanceMetres: Math.round(distanceMetres),
    reportedAt: c.createdAt,
    followerCount: c.followerCount,
    photoUrl: await publicPhoto(c, city, photos),
    mine: c.residentId === viewer.userId,
    following: viewer.following,
  };
}

export async function followerCaseView(c: Case, city: CityReference, photos: PhotoStore, viewer: Principal, now: Date): Promise<FollowerCaseView> {
  const place = city.directory.placeOf(c.location.gridCode);
  const dispatched = c.timeline.some((e) => e.action === 'dispatch');
  const result = await caseResultView(c, city, photos, publicItem(c, city));
  return {
    relation: 'followed',
    id: c.id,
    ...(c.caseNumber ? { caseNumber: c.caseNumber } : {}),
    version: c.version,
    itemCode: c.itemCode,
    itemName: c.itemName,
    status: c.status,
    statusLabel: CASE_STATUS_LABELS[c.status],
    reportedAt: c.createdAt,
    updatedAt: c.updatedAt,
    followerCount: c.followerCount,
    location: { gridName: place?.grid.name ?? '', communityName: place?.community.name ?? '', streetName: place?.street.name ?? '' },
    departmentName: dispatched ? (city.directory.department(c.routing.departmentId)?.name ?? null) : null,
    photoUrl: await publicPhoto(c, city, photos),
    ...(result ? { result } : {}),
    timelineView: followerTimeline(c, { departmentName: (id: string) => city.directory.department(id)?.name }),
    // The domain decides; for a follower this is empty (actions belong to the reporter).
    availableActions: availableActions(c, viewer, now),
  };
}
