import type { AreasResponse } from '@gridtong/shared/api/city';
import { interiorPoint } from '@gridtong/shared/geo/interior-point';
import type { CityReference } from './city-snapshot';

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
