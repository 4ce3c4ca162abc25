import { type Case, type CaseLocation, type CaseRouting, type PhotoRef, caseSchema } from '../schemas/case';
import type { CatalogItem } from '../schemas/catalog';
import type { CityDirectory, CoordSystem } from '../routing/directory';
import { planDispatchDeadline } from '../deadlines/time-limits';
import type { WorkingCalendar } from '../deadlines/working-calendar';
import { geohashEncode } from '../geo/geohash';
import { DomainError } from './errors';

/** Where a report lands: its place in the grids, who handles it there, and the 派遣 deadline. */
export interface Placement {
  item: { code: string; name: string };
  urgency: Case['urgency'];
  location: CaseLocation;
  routing: CaseRouting;
  dispatchDeadline: string;
}

export interface PlaceCaseInput {
  item: CatalogItem;
  /** The reported point, in the coordinate system the phone answered in. */
  point: { lng: number; lat: number; coord: CoordSystem };
  address: string;
  /** The resident's choice; the item's default otherwise. */
  urgency?: Case['urgency'];
  submittedAt: Date;
}

/** Geohash precision kept on a case (about 5 m): enough for every nearby-cell lookup. */
const CASE_GEOHASH_PRECISION = 9;

/**
 * The first step of reporting: the grid at the point (the case keeps the WGS-84 point),
 * the department of the item there (权责清单), and the dispatch deadline on the working
 * calendar. A point outside every grid is refused (CASE.OUTSIDE_SERVICE_AREA, at `location`).
 */
export function placeCase(directory: CityDirectory, calendar: WorkingCalendar, input: PlaceCaseInput): Placement {
  const place = directory.locate(input.point.lng, input.point.lat, input.point.coord);
  if (!place) {
    throw new DomainError('CASE.OUTSIDE_SERVICE_AREA', '该位置不在本平台服务的网格范围内，请确认位置', { problems: [{ path: 'location', message: 'no grid here' }] });
  }
  const urgency = input.urgency ?? input.item.defaultUrgency;
  return {
    item: { code: input.item.code, name: input.item.name },
    urgency,
    location: {
      lng: place.wgs84.lng,
      lat: place.wgs84.lat,
      address: input.address,
      gridCode: place.grid.code,
      communityCode: place.community.code,
      streetCode: place.street.code,
      districtCode: place.district.code,
      geohash: geohashEncode(place.wgs84.lat, place.wgs84.lng, CASE_GEOHASH_PRECISION),
    },
    routing: directory.route(place.grid.code, input.item.code),
    dispatchDeadline: planDispatchDeadline({ calendar, limits: input.item.timeLimits, urgency, submittedAt: input.submittedAt }),
  };
}

/** The second step of reporting: what the resident said, on top of where it landed (placeCase). */
export interface DraftCaseInput extends Placement {
  id: string;
  residentId: string;
  description: string;
  answers: Case['answers'];
  photos: PhotoRef[];
  anonymous: boolean;
  contactPhone?: string;
  now: Date;
}

/** A freshly reported case, status 已上报, with its first timeline event. */
export function draftCase(input: DraftCaseInput): Case {
  if (Number.isNaN(input.now.getTime())) throw new DomainError('CASE.VALIDATION', '时间无效', { details: { field: 'now' } });
  const at = input.now.toISOString();
  const candidate = {
    id: input.id,
    version: 0,
    status: 'submitted',
    residentId: input.residentId,
    anonymous: input.anonymous,
    ...(input.contactPhone === undefined ? {} : { contactPhone: input.contactPhone }),
    itemCode: input.item.code,
    itemName: input.item.name,
    urgency: input.urgency,
    description: input.description,
    answers: input.answers,
    photos: input.photos,
    location: input.location,
    routing: input.routing,
    dispatchDeadline: input.dispatchDeadline,
    returnCount: 0,
    escalationLevel: 0,
    urgeCount: 0,
    extensionCount: 0,
    followerCount: 0,
    reopenRequested: false,
    reopenCount: 0,
    createdAt: at,
    updatedAt: at,
    timeline: [
      {
        seq: 0,
        at,
        actor: { role: 'resident', userId: input.residentId },
        action: 'submit',
        from: null,
        to: 'submitted',
        data: { gridCode: input.location.gridCode, departmentId: input.routing.departmentId, via: input.routing.via },
      },
    ],
  };
  const parsed = caseSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new DomainError('CASE.VALIDATION', '上报内容不完整或格式不正确', {
      problems: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
      cause: parsed.error,
    });
  }
  return parsed.data;
}
