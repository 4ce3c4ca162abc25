import type { AreasResponse, FollowerCaseView, Home, MyCaseRelation, MyCaseSummary, NearbyCase } from '@gridtong/shared/api/report-track';
import type { WorkerCard } from '@gridtong/shared/api/contracts';
import { followerTimeline } from '@gridtong/shared/case/follower-timeline';
import { interiorPoint } from '@gridtong/shared/geo/interior-point';
import { nextDeadline } from '@gridtong/shared/case/next-deadline';
import { availableActions, formatResidentTime } from '@gridtong/shared/case/index';
import { WARNING_STAGE_LABELS, warningStage, type WarningStage } from '@gridtong/shared/deadlines/index';
import { CASE_STATUS_LABELS, photoKey, shownToOthers, type Case } from '@gridtong/shared/schemas/case';
import type { Principal } from '@gridtong/shared/schemas/roles';
import { workingCalendar } from './calendar';
import { bucketLayout } from './store/bucket-layout';
import type { CityReference } from './store/city';
import type { PhotoStore } from './store/photos';
import type { HomeRecord } from './store/users';
import { publicWorkers, workerCard } from './workers';

/*
 * Views for report and track (issue 6). Each names every field it returns: a neighbour
 * (nearby, follower) never gets the reporter's id, phone, words, answers, address or
 * other photos; staff names and notes reach nobody here.
 */

/** A public item's first photo, as a short-lived link; nothing for a non-public item. */
async function publicPhoto(c: Case, city: CityReference, photos: PhotoStore): Promise<string | null> {
  const first = c.photos[0];
  if (!first || city.directory.item(c.itemCode)?.publicReports !== true) return null;
  // Only a photo the case has adopted (cases/<caseId>/…): an upload key names its uploader.
  if (!first.key.startsWith(bucketLayout.casesPrefix)) return null;
  // wechat (issue 8): not before content security has passed it (a flagged photo stays for review, hidden).
  if (!shownToOthers(c, photoKey(first.key))) return null;
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
  return {
    relation: 'followed',
    id: c.id,
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
    timelineView: followerTimeline(c, { departmentName: (id: string) => city.directory.department(id)?.name }),
    // The domain decides; for a follower this is empty (actions belong to the reporter).
    availableActions: availableActions(c, viewer, now),
  };
}

/** One line of 我的上报, with the clock that is running on the case and its warning light. */
export function myCaseSummary(c: Case, relation: MyCaseRelation, since: string, city: CityReference, now: Date): MyCaseSummary {
  const limits = city.directory.item(c.itemCode)?.timeLimits;
  const running = limits ? nextDeadline(c, limits) : null;
  const stage: WarningStage = running ? warningStage(workingCalendar(), { start: Date.parse(running.start), deadline: Date.parse(running.at), unit: running.unit }, now) : 'none';
  return {
    id: c.id,
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
      ? { kind: running.kind, at: running.at, label: `${formatResidentTime(running.at)} 前${running.kind === 'dispatch' ? '派遣' : '处置完毕'}` }
      : null,
    warningStage: stage,
    warningLabel: WARNING_STAGE_LABELS[stage],
  };
}

/** 我的住址 with names, and the grid's 网格员 and 网格长 cards (their public duty phone). */
export function homeView(home: HomeRecord | null, city: CityReference, now: Date): { home: Home | null; workers: WorkerCard[] } {
  const place = home ? city.directory.placeOf(home.gridCode) : undefined;
  if (!home || !place) return { home: null, workers: [] };
  return {
    home: {
      source: home.source,
      grid: { code: place.grid.code, name: place.grid.name, landmark: gridLandmark(city, place.grid.code) },
      community: { code: place.community.code, name: place.community.name },
      street: { code: place.street.code, name: place.street.name },
      updatedAt: home.updatedAt,
    },
    workers: publicWorkers(city.directory.workersOf(place.grid.code)).map((w) => workerCard(w, now)),
  };
}

interface GridExtras {
  landmark: string;
  center?: { lat: number; lng: number };
}
const extrasByCity = new WeakMap<CityReference, Map<string, GridExtras>>();

/**
 * What helps a resident pick their grid without a map, computed once per city snapshot:
 * a landmark description (the named places of its community that lie inside it, else the
 * community's own) and a point well inside it (checked to locate back to the same grid).
 */
function gridExtras(city: CityReference): Map<string, GridExtras> {
  const cached = extrasByCity.get(city);
  if (cached) return cached;
  const inside = new Map<string, string[]>();
  for (const community of city.data.communities) {
    for (const place of community.places) {
      const grid = city.directory.locate(place.lng, place.lat, 'wgs84')?.grid.code;
      if (grid) inside.set(grid, [...(inside.get(grid) ?? []), place.name]);
    }
  }
  const extras = new Map<string, GridExtras>();
  const communities = new Map(city.data.communities.map((c) => [c.code, c]));
  for (const grid of city.data.grids) {
    const names = inside.get(grid.code) ?? communities.get(grid.communityCode)?.places.map((p) => p.name) ?? [];
    const community = city.directory.placeOf(grid.code)?.community.name ?? '';
    const point = interiorPoint(grid.geometry);
    const center = point && city.directory.locate(point.lng, point.lat, 'wgs84')?.grid.code === grid.code ? { lat: point.lat, lng: point.lng } : undefined;
    extras.set(grid.code, { landmark: names.length ? `${names.slice(0, 3).join('、')}一带` : `${community}${grid.name}`, ...(center ? { center } : {}) });
  }
  extrasByCity.set(city, extras);
  return extras;
}

export function gridLandmark(city: CityReference, gridCode: string): string {
  return gridExtras(city).get(gridCode)?.landmark ?? '';
}

const areasByCity = new WeakMap<CityReference, AreasResponse>();

/**
 * 街道 → 社区 → 网格, each grid with the landmark description a resident recognises. Built
 * once per city snapshot in one pass over each level (at 20,000 grids a per-request build
 * with nested filters took a third of a second); requests only serialise it.
 */
export function areasView(city: CityReference): AreasResponse {
  const cached = areasByCity.get(city);
  if (cached) return cached;
  const extras = gridExtras(city);
  const gridsOf = new Map<string, AreasResponse['streets'][number]['communities'][number]['grids']>();
  for (const grid of city.data.grids) {
    const extra = extras.get(grid.code);
    const list = gridsOf.get(grid.communityCode) ?? [];
    list.push({ code: grid.code, name: grid.name, landmark: extra?.landmark ?? '', ...(extra?.center ? { center: extra.center } : {}) });
    gridsOf.set(grid.communityCode, list);
  }
  const communitiesOf = new Map<string, AreasResponse['streets'][number]['communities']>();
  for (const community of city.data.communities) {
    const list = communitiesOf.get(community.streetCode) ?? [];
    list.push({ code: community.code, name: community.name, grids: gridsOf.get(community.code) ?? [] });
    communitiesOf.set(community.streetCode, list);
  }
  const view: AreasResponse = {
    streets: city.data.streets.map((street) => ({ code: street.code, name: street.name, communities: communitiesOf.get(street.code) ?? [] })),
  };
  areasByCity.set(city, view);
  return view;
}
