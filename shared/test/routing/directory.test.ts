import { loadDemoCity } from '../../src/city/demo';
import type { CityData } from '../../src/city/schema';
import { haversineMetres } from '../../src/geo/distance';
import { wgs84ToGcj02 } from '../../src/geo/coords';
import { toPolygons, type LngLat } from '../../src/geo/polygon';
import { isDomainError } from '../../src/case/errors';
import { createCityDirectory } from '../../src/routing';
import { OTHER_ITEM_CODE } from '../../src/schemas/catalog';

const city = loadDemoCity();
const directory = createCityDirectory(city);

const METRES_PER_DEG_LAT = 111_195;

/**
 * A point `inset` metres inside `gridCode`, off the middle of the outer-ring edge it
 * shares with another grid: the kind of spot where a wrong datum picks the neighbour.
 */
function pointNearSharedEdge(gridCode: string, inset: number): LngLat {
  const grid = city.grids.find((g) => g.code === gridCode)!;
  const ring = toPolygons(grid.geometry)[0]![0]!;
  const cosLat = Math.cos((ring[0]![1] * Math.PI) / 180);
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax, ay] = ring[i]!;
    const [bx, by] = ring[i + 1]!;
    const mid: LngLat = [(ax + bx) / 2, (ay + by) / 2];
    // Unit normal in metres, then both ways: one side is inside this grid.
    const dx = (bx - ax) * cosLat;
    const dy = by - ay;
    const len = Math.hypot(dx, dy);
    for (const sign of [1, -1]) {
      const nx = (sign * -dy) / len;
      const ny = (sign * dx) / len;
      const inside: LngLat = [mid[0] + (nx * inset) / (METRES_PER_DEG_LAT * cosLat), mid[1] + (ny * inset) / METRES_PER_DEG_LAT];
      const across: LngLat = [mid[0] - (nx * inset) / (METRES_PER_DEG_LAT * cosLat), mid[1] - (ny * inset) / METRES_PER_DEG_LAT];
      const here = directory.locate(inside[0], inside[1], 'wgs84')?.grid.code;
      const there = directory.locate(across[0], across[1], 'wgs84')?.grid.code;
      if (here === gridCode && there !== undefined && there !== gridCode) return inside;
    }
  }
  throw new Error(`no shared edge found for ${gridCode}`);
}

describe('locate', () => {
  it('finds the right grid for a WeChat (GCJ-02) point 20 m inside a grid edge only after converting it', () => {
    // Prepare
    const gridCode = '440106002002004';
    const wgs = pointNearSharedEdge(gridCode, 20);
    const [gLng, gLat] = wgs84ToGcj02(wgs[0], wgs[1]);

    // Act
    const found = directory.locate(gLng, gLat, 'gcj02');
    const misread = directory.locate(gLng, gLat, 'wgs84');

    // Assess
    expect(haversineMetres(wgs[0], wgs[1], gLng, gLat)).toBeGreaterThan(300);
    expect(found?.grid.code).toBe(gridCode);
    expect(found?.wgs84.lng).toBeCloseTo(wgs[0], 7);
    expect(found?.wgs84.lat).toBeCloseTo(wgs[1], 7);
    expect(misread?.grid.code).not.toBe(gridCode);
  });

  it('returns the grid with its community, street, district and people in calling order', () => {
    const grid = city.grids.find((g) => g.code === '440106001001001')!;
    const place = city.communities.find((c) => c.code === grid.communityCode)!.places.find((p) => p.name.endsWith('1栋'))!;

    const found = directory.locate(place.lng, place.lat, 'wgs84')!;

    expect(found.grid.code).toBe(grid.code);
    expect(found.community.name).toBe('榕溪东社区');
    expect(found.street.name).toBe('榕溪街道');
    expect(found.district.name).toBe('天河区');
    expect(found.workers.map((w) => w.title)).toEqual(['gridWorker', 'gridLeader', 'supervisor']);
    expect(found.workers).toEqual(directory.workersOf(grid.code));
  });

  it('answers null outside the district', () => {
    expect(directory.locate(113.0, 23.0, 'gcj02')).toBeNull();
  });
});

/** The demo city with `entries` as the whole 权责清单 for item 0302. */
function withEntriesFor0302(entries: [areaCode: string, departmentId: string][]): CityData {
  const copy = loadDemoCity();
  copy.matrix = copy.matrix.filter((m) => m.itemCode !== '0302');
  for (const [areaCode, departmentId] of entries) {
    copy.matrix.push({ itemCode: '0302', areaCode, departmentId, confirmedBy: '测试', confirmedAt: '2024-05-01T09:00:00+08:00' });
  }
  return copy;
}

describe('route', () => {
  const grid = '440106001002001';
  const levels: [string, string][] = [
    ['440106', 'D440106-CG'],
    ['440106001', 'D440106001-HW'],
    ['440106001002', 'D440106-ZJ'],
    ['440106001002001', 'D440106001002001-WY'],
  ];

  it('lets the most specific scope win: grid > community > street > district', () => {
    for (let n = levels.length; n >= 1; n--) {
      const entries = levels.slice(0, n);
      const [areaCode, departmentId] = entries[n - 1]!;
      const routed = createCityDirectory(withEntriesFor0302(entries)).route(grid, '0302');
      expect(routed).toEqual({ departmentId, via: 'matrix', matrixAreaCode: areaCode });
    }
  });

  it('ignores entries of other areas at the same level', () => {
    const routed = createCityDirectory(withEntriesFor0302([['440106', 'D440106-CG'], ['440106002', 'D440106002-HW']])).route(grid, '0302');
    expect(routed).toEqual({ departmentId: 'D440106-CG', via: 'matrix', matrixAreaCode: '440106' });
  });

  it('sends an item with no entry to the grid\'s street 分拨中心', () => {
    expect(directory.route('440106003002001', '0602')).toEqual({ departmentId: 'D440106003-FB', via: 'dispatcher' });
    // 房屋安全隐患 has an owner in 榕溪街 but not in 莲塘街.
    expect(directory.route('440106001003001', '0501')).toMatchObject({ departmentId: 'D440106001-GJ', via: 'matrix' });
    expect(directory.route('440106003003001', '0501')).toEqual({ departmentId: 'D440106003-FB', via: 'dispatcher' });
  });

  it('routes every item in every grid of the demo city to a department covering that grid', () => {
    let dispatched = 0;
    for (const g of city.grids) {
      for (const item of city.items) {
        const routed = directory.route(g.code, item.code);
        const department = directory.department(routed.departmentId);
        expect(department).toBeDefined();
        expect(g.code.startsWith(department!.areaCode)).toBe(true);
        expect(department!.isDispatcher).toBe(routed.via === 'dispatcher');
        if (routed.via === 'dispatcher') dispatched++;
      }
    }
    // Some gaps are deliberate, but the 权责清单 covers most of the menu.
    expect(dispatched).toBeGreaterThan(0);
    expect(dispatched).toBeLessThan((city.grids.length * city.items.length) / 10);
  });

  it('refuses an unknown grid or item with a domain error', () => {
    expect(() => directory.route('440106009009009', '0101')).toThrow(expect.objectContaining({ code: 'CITY.UNKNOWN_GRID' }));
    let caught: unknown;
    try {
      directory.route('440106001001001', 'X999');
    } catch (error) {
      caught = error;
    }
    expect(isDomainError(caught, 'CITY.UNKNOWN_ITEM')).toBe(true);
  });
});

describe('unmappedItems', () => {
  const unmapped = directory.unmappedItems();

  it('lists each gap once, at the largest area it spans', () => {
    // 其他问题 has no owner by design: the 指挥中心 decides who handles it.
    expect(unmapped).toContainEqual({ areaCode: '440106', level: 'district', name: '天河区', itemCodes: ['0602', OTHER_ITEM_CODE] });
    expect(unmapped).toContainEqual({ areaCode: '440106003', level: 'street', name: '莲塘街道', itemCodes: ['0501'] });
    // 健身器材 is signed for only by some 物业: listed for the other communities, not for theirs.
    const fitness = unmapped.filter((u) => u.itemCodes.includes('0601')).map((u) => u.areaCode);
    expect(fitness).not.toContain('440106001001');
    expect(fitness).toContain('440106001002');
  });

  it('agrees with route: exactly the listed (area, item) pairs fall back to a dispatcher', () => {
    const listed = (gridCode: string, itemCode: string) => unmapped.some((u) => gridCode.startsWith(u.areaCode) && u.itemCodes.includes(itemCode));
    for (const g of city.grids) {
      for (const item of city.items) {
        expect({ grid: g.code, item: item.code, listed: listed(g.code, item.code) })
          .toEqual({ grid: g.code, item: item.code, listed: directory.route(g.code, item.code).via === 'dispatcher' });
      }
    }
  });
});
