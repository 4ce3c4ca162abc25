import { NEARBY_MAX_RESULTS, NEARBY_RADIUS_METRES, type NearbyCase } from '@gridtong/shared/api/cases';
import { DomainError } from '@gridtong/shared/errors';
import { cellsCovering, gcj02ToWgs84, haversineMetres } from '@gridtong/shared/geo/index';
import type { CoordSystem } from '@gridtong/shared/schemas/case';
import type { CityProvider } from '../city/city-snapshot';
import type { RequestContext } from '../context';
import type { PhotoStore } from '../store/photos';
import { NEARBY_CELL_PRECISION, type CaseRepository } from './case-store';
import type { FollowRepository } from './follow-store';
import { nearbyCaseView } from './neighbour-views';

export interface NearbyQuery {
  lat: number;
  lng: number;
  coord: CoordSystem;
  itemCode: string;
}

/**
 * 附近已有人上报: open cases of the same item within 250 m, nearest first, at most five.
 * One query per geohash cell the circle touches (gsi4 holds open cases only), then the
 * exact distance decides; never a Scan.
 */
export interface NearbyPorts {
  city: Pick<CityProvider, 'get'>;
  cases: Pick<CaseRepository, 'listOpenInCell'>;
  follows: Pick<FollowRepository, 'followedAmong'>;
  photos: PhotoStore;
}

export async function nearbyOpenCases(ports: NearbyPorts, ctx: RequestContext, query: NearbyQuery): Promise<NearbyCase[]> {
  const { principal } = ctx;
  const city = await ports.city.get();
  if (!city.directory.item(query.itemCode)) {
    throw new DomainError('CASE.UNKNOWN_ITEM', '所选事项不存在，请刷新菜单后重新选择', { problems: [{ path: 'query.itemCode', message: 'unknown item' }] });
  }
  const [lng, lat] = query.coord === 'gcj02' ? gcj02ToWgs84(query.lng, query.lat) : [query.lng, query.lat];
  const cells = cellsCovering(lat, lng, NEARBY_RADIUS_METRES, NEARBY_CELL_PRECISION);
  const found = (await Promise.all(cells.map((cell) => ports.cases.listOpenInCell(cell, query.itemCode)))).flat();
  const nearest = found
    .map((c) => ({ c, distance: haversineMetres(lng, lat, c.location.lng, c.location.lat) }))
    .filter((x) => x.distance <= NEARBY_RADIUS_METRES)
    .sort((x, y) => x.distance - y.distance || x.c.id.localeCompare(y.c.id))
    .slice(0, NEARBY_MAX_RESULTS);
  const following = await ports.follows.followedAmong(nearest.map((x) => x.c.id), principal.userId);
  return Promise.all(nearest.map((x) => nearbyCaseView(x.c, x.distance, { userId: principal.userId, following: following.has(x.c.id) }, city, ports.photos)));
}
