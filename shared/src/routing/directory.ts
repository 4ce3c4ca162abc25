import { DomainError } from '../case/errors';
import { gcj02ToWgs84 } from '../geo/coords';
import { GridIndex } from '../geo/grid-index';
import { areaChain, areaLevelOf, type AreaLevel } from '../schemas/common';
import type { AgencyService, CatalogItem } from '../schemas/catalog';
import type { Community, Department, District, Grid, MatrixEntry, Street, Worker } from '../schemas/city';
import type { CaseRouting } from '../schemas/case';
import type { CityData } from '../city/schema';
import { GRID_TITLES } from '../city/staffing';

/** WeChat maps and `getLocation` answer in GCJ-02; browsers and GPS in WGS-84. */
export type CoordSystem = 'gcj02' | 'wgs84';

export interface Location {
  grid: Grid;
  community: Community;
  street: Street;
  district: District;
  /** 网格员 first, then 网格长, then 督导员: the order a resident should call them in. */
  workers: Worker[];
  /** The point as the grid polygons see it. */
  wgs84: { lng: number; lat: number };
}

export type Routing = CaseRouting;

/** Items that would reach a dispatcher in an area because no 权责清单 entry covers them there. */
export interface UnmappedArea {
  areaCode: string;
  level: AreaLevel;
  name: string;
  itemCodes: string[];
}

export interface CityDirectory {
  readonly data: CityData;
  /** The grid (and its people) at a point, or null outside every grid. */
  locate(lng: number, lat: number, coord: CoordSystem): Location | null;
  grid(code: string): Grid | undefined;
  /** A grid with the community, street and district it belongs to. */
  placeOf(gridCode: string): Omit<Location, 'workers' | 'wgs84'> | undefined;
  workersOf(gridCode: string): Worker[];
  item(code: string): CatalogItem | undefined;
  department(id: string): Department | undefined;
  service(code: string): AgencyService | undefined;
  /** Who handles `itemCode` in `gridCode`: the most specific 权责清单 entry, else a dispatcher. */
  route(gridCode: string, itemCode: string): Routing;
  /** For matrix upkeep: the largest areas in which each item has no owner, area by area. */
  unmappedItems(): UnmappedArea[];
  /** The name people use for a district, street, community or grid code (the code itself when unknown). */
  areaName(code: string): string;
}

const byCode = <T extends { code: string }>(list: readonly T[]) => new Map(list.map((t) => [t.code, t]));

function required<T>(value: T | undefined, what: string): T {
  // Only reachable with data that bypassed cityDataSchema's cross-reference checks.
  if (value === undefined) throw new Error(`city data is inconsistent: ${what}`);
  return value;
}

/**
 * Builds the lookups once (a cold start): the spatial index over the grids, and the
 * 权责清单 indexed by item then area code, so routing a case costs four map lookups
 * whatever the size of the city.
 */
export function createCityDirectory(city: CityData): CityDirectory {
  const districts = byCode(city.districts);
  const streets = byCode(city.streets);
  const communities = byCode(city.communities);
  const grids = byCode(city.grids);
  const items = byCode(city.items);
  const services = byCode(city.services);
  const departments = new Map(city.departments.map((d) => [d.id, d]));
  const index = new GridIndex(city.grids);

  const workersByGrid = new Map<string, Worker[]>();
  for (const w of city.workers) {
    const list = workersByGrid.get(w.gridCode) ?? [];
    list.push(w);
    workersByGrid.set(w.gridCode, list);
  }
  for (const list of workersByGrid.values()) list.sort((a, b) => GRID_TITLES.indexOf(a.title) - GRID_TITLES.indexOf(b.title));

  const matrixByItem = new Map<string, Map<string, MatrixEntry>>();
  for (const entry of city.matrix) {
    const byArea = matrixByItem.get(entry.itemCode) ?? new Map<string, MatrixEntry>();
    byArea.set(entry.areaCode, entry);
    matrixByItem.set(entry.itemCode, byArea);
  }
  const dispatcherByArea = new Map<string, Department>();
  for (const d of city.departments) if (d.isDispatcher && !dispatcherByArea.has(d.areaCode)) dispatcherByArea.set(d.areaCode, d);

  function workersOf(gridCode: string): Worker[] {
    return [...(workersByGrid.get(gridCode) ?? [])];
  }

  function placeOf(gridCode: string): Omit<Location, 'workers' | 'wgs84'> | undefined {
    const grid = grids.get(gridCode);
    if (!grid) return undefined;
    const community = required(communities.get(grid.communityCode), `community ${grid.communityCode}`);
    const street = required(streets.get(community.streetCode), `street ${community.streetCode}`);
    const district = required(districts.get(street.districtCode), `district ${street.districtCode}`);
    return { grid, community, street, district };
  }

  function locate(lng: number, lat: number, coord: CoordSystem): Location | null {
    const [wLng, wLat] = coord === 'gcj02' ? gcj02ToWgs84(lng, lat) : [lng, lat];
    const code = index.locate(wLng, wLat);
    if (code === null) return null;
    const place = required(placeOf(code), `grid ${code}`);
    return { ...place, workers: workersOf(code), wgs84: { lng: wLng, lat: wLat } };
  }

  function route(gridCode: string, itemCode: string): Routing {
    if (!grids.has(gridCode)) throw new DomainError('CITY.UNKNOWN_GRID', `网格 ${gridCode} 不存在`, { details: { gridCode } });
    if (!items.has(itemCode)) throw new DomainError('CITY.UNKNOWN_ITEM', `事项 ${itemCode} 不存在`, { details: { itemCode } });
    const scopes = areaChain(gridCode);
    const byArea = matrixByItem.get(itemCode);
    if (byArea) {
      for (const areaCode of scopes) {
        const entry = byArea.get(areaCode);
        if (entry) return { departmentId: entry.departmentId, via: 'matrix', matrixAreaCode: areaCode };
      }
    }
    // No owner on the list: the nearest command centre decides, never nobody.
    for (const areaCode of scopes) {
      const dispatcher = dispatcherByArea.get(areaCode);
      if (dispatcher) return { departmentId: dispatcher.id, via: 'dispatcher' };
    }
    throw new Error(`city data is inconsistent: no dispatcher covers grid ${gridCode}`);
  }

  // Children of each area, for walking the hierarchy top-down in unmappedItems.
  const children = new Map<string, string[]>();
  const addChild = (parent: string, child: string) => {
    const list = children.get(parent) ?? [];
    list.push(child);
    children.set(parent, list);
  };
  for (const s of city.streets) addChild(s.districtCode, s.code);
  for (const c of city.communities) addChild(c.streetCode, c.code);
  for (const g of city.grids) addChild(g.communityCode, g.code);
  const nameOf = (code: string) =>
    districts.get(code)?.name ?? streets.get(code)?.name ?? communities.get(code)?.name ?? grids.get(code)?.name ?? code;

  function unmappedItems(): UnmappedArea[] {
    const found = new Map<string, string[]>();
    for (const item of city.items) {
      const byArea = matrixByItem.get(item.code);
      // Every area at or above an entry: below those, some part of the area is covered.
      const coveredBelow = new Set<string>();
      for (const areaCode of byArea?.keys() ?? []) {
        for (const len of [6, 9, 12, 15]) if (len <= areaCode.length) coveredBelow.add(areaCode.slice(0, len));
      }
      const visit = (areaCode: string) => {
        if (byArea?.has(areaCode)) return;
        if (!coveredBelow.has(areaCode)) {
          const list = found.get(areaCode) ?? [];
          list.push(item.code);
          found.set(areaCode, list);
          return;
        }
        for (const child of children.get(areaCode) ?? []) visit(child);
      };
      for (const d of city.districts) visit(d.code);
    }
    return [...found.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([areaCode, itemCodes]) => ({ areaCode, level: required(areaLevelOf(areaCode) ?? undefined, `area ${areaCode}`), name: nameOf(areaCode), itemCodes }));
  }

  return {
    data: city,
    locate,
    grid: (code) => grids.get(code),
    placeOf,
    workersOf,
    item: (code) => items.get(code),
    department: (id) => departments.get(id),
    service: (code) => services.get(code),
    route,
    unmappedItems,
    areaName: nameOf,
  };
}
