import {
  DEMO_DISTRICT_OPTIONS,
  demoDistrict,
  generateLargeCity,
  tileDistrict,
  type DistrictShape,
  type GridShape,
} from '../../src/city/geometry';
import { haversineMetres } from '../../src/geo/distance';
import { GridIndex } from '../../src/geo/grid-index';
import { geometryArea, pointInGeometry, toPolygons, type AreaGeometry } from '../../src/geo/polygon';
import { mulberry32 } from '../../src/geo/random';

const gridsOf = (d: DistrictShape): GridShape[] => d.streets.flatMap((s) => s.communities.flatMap((c) => c.grids));

/** Directed edges "a>b" of every ring, identified by their exact coordinates. */
function directedEdges(geometry: AreaGeometry): string[] {
  const edges: string[] = [];
  for (const polygon of toPolygons(geometry)) {
    for (const ring of polygon) {
      for (let i = 1; i < ring.length; i++) edges.push(`${String(ring[i - 1])}>${String(ring[i])}`);
    }
  }
  return edges;
}

/**
 * Edges of the children that no sibling shares (in reverse). If children tile their
 * parent with identical shared vertices, these are exactly the parent's own edges.
 */
function unsharedEdges(children: AreaGeometry[]): Set<string> {
  const count = new Map<string, number>();
  for (const child of children) for (const e of directedEdges(child)) count.set(e, (count.get(e) ?? 0) + 1);
  // The same directed edge in two children would be an overlap.
  expect([...count.values()].filter((n) => n !== 1)).toEqual([]);
  const unshared = new Set<string>();
  for (const edge of count.keys()) {
    const [a, b] = edge.split('>');
    if (!count.has(`${b}>${a}`)) unshared.add(edge);
  }
  return unshared;
}

describe('demo district (天河区)', () => {
  const district = demoDistrict();
  const communities = district.streets.flatMap((s) => s.communities);
  const grids = gridsOf(district);

  it('has 3 streets, at least 10 communities and 60 grids, coded by the national pattern', () => {
    expect(district.code).toBe('440106');
    expect(district.streets).toHaveLength(3);
    expect(communities.length).toBeGreaterThanOrEqual(10);
    expect(grids.length).toBeGreaterThanOrEqual(60);
    for (const street of district.streets) {
      expect(street.code).toMatch(/^440106\d{3}$/);
      for (const community of street.communities) {
        expect(community.code).toMatch(/^\d{12}$/);
        expect(community.code.startsWith(street.code)).toBe(true);
        for (const grid of community.grids) {
          expect(grid.code).toMatch(/^\d{15}$/);
          expect(grid.code.startsWith(community.code)).toBe(true);
        }
      }
    }
    expect(new Set(grids.map((g) => g.code)).size).toBe(grids.length);
  });

  it('sits in Tianhe, around 113.36E 23.13N', () => {
    const [minX, minY, maxX, maxY] = district.bbox;
    expect(minX).toBeLessThan(113.36);
    expect(maxX).toBeGreaterThan(113.36);
    expect(minY).toBeLessThan(23.13);
    expect(maxY).toBeGreaterThan(23.13);
  });

  it('has grids roughly 200–400 m across', () => {
    const mPerDegLat = 111195;
    const mPerDegLng = mPerDegLat * Math.cos((23.13 * Math.PI) / 180);
    for (const grid of grids) {
      const parts = toPolygons(grid.geometry).length;
      const across = Math.sqrt((geometryArea(grid.geometry) * mPerDegLat * mPerDegLng) / parts);
      expect(across).toBeGreaterThan(200);
      expect(across).toBeLessThan(400);
    }
  });

  it('includes a grid with a lake (a hole) and a two-part grid', () => {
    expect(district.lakes.length).toBeGreaterThanOrEqual(1);
    const lakeGrid = grids.find((g) => g.code === district.lakes[0]?.gridCode);
    expect(lakeGrid?.geometry.type).toBe('Polygon');
    expect(lakeGrid?.geometry.coordinates).toHaveLength(2);
    expect(grids.some((g) => g.geometry.type === 'MultiPolygon')).toBe(true);
  });

  it('tiles exactly at every level: shared borders use identical vertices, no overlaps', () => {
    const asSet = (g: AreaGeometry) => new Set(directedEdges(g));
    for (const community of communities) {
      expect(unsharedEdges(community.grids.map((g) => g.geometry))).toEqual(asSet(community.geometry));
    }
    for (const street of district.streets) {
      expect(unsharedEdges(street.communities.map((c) => c.geometry))).toEqual(asSet(street.geometry));
    }
    expect(unsharedEdges(district.streets.map((s) => s.geometry))).toEqual(asSet(district.geometry));
    expect(unsharedEdges(grids.map((g) => g.geometry))).toEqual(asSet(district.geometry));
  });

  it('puts each random point of the district in exactly one grid, whose code prefixes name its community and street', () => {
    const index = new GridIndex(grids);
    const random = mulberry32(2024);
    const [minX, minY, maxX, maxY] = district.bbox;
    let inside = 0;
    for (let i = 0; i < 2000; i++) {
      const lng = minX + random() * (maxX - minX);
      const lat = minY + random() * (maxY - minY);
      const brute = grids.filter((g) => pointInGeometry(lng, lat, g.geometry));
      const code = index.locate(lng, lat);
      if (!pointInGeometry(lng, lat, district.geometry)) {
        expect(brute).toHaveLength(0);
        expect(code).toBeNull();
        continue;
      }
      inside++;
      expect(brute).toHaveLength(1);
      expect(code).toBe(brute[0]?.code);
      const community = communities.filter((c) => pointInGeometry(lng, lat, c.geometry));
      const street = district.streets.filter((s) => pointInGeometry(lng, lat, s.geometry));
      expect(community.map((c) => c.code)).toEqual([code?.slice(0, 12)]);
      expect(street.map((s) => s.code)).toEqual([code?.slice(0, 9)]);
    }
    expect(inside).toBeGreaterThan(1500);
  });

  it('puts every shared vertex and points along shared borders in exactly one grid', () => {
    const outer = new Set(directedEdges(district.geometry).flatMap((e) => e.split('>')));
    let checked = 0;
    for (const grid of grids) {
      for (const polygon of toPolygons(grid.geometry)) {
        for (const ring of polygon) {
          for (let i = 1; i < ring.length; i++) {
            const a = ring[i - 1] as [number, number];
            const b = ring[i] as [number, number];
            if (outer.has(String(a)) || outer.has(String(b))) continue;
            for (const t of [0, 0.3, 0.5]) {
              const lng = a[0] + (b[0] - a[0]) * t;
              const lat = a[1] + (b[1] - a[1]) * t;
              expect(grids.filter((g) => pointInGeometry(lng, lat, g.geometry))).toHaveLength(1);
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('gives each grid a sample point inside it, clear of lakes', () => {
    for (const grid of grids) {
      expect(grids.filter((g) => pointInGeometry(...grid.samplePoint, g.geometry)).map((g) => g.code)).toEqual([grid.code]);
    }
    for (const lake of district.lakes) {
      expect(grids.some((g) => pointInGeometry(...lake.centre, g.geometry))).toBe(false);
    }
  });

  it('is the same for the same seed and different for another', () => {
    expect(JSON.stringify(tileDistrict(DEMO_DISTRICT_OPTIONS))).toBe(JSON.stringify(district));
    expect(JSON.stringify(tileDistrict({ ...DEMO_DISTRICT_OPTIONS, seed: 1 }))).not.toBe(JSON.stringify(district));
  });

  it('refuses codes that would not fit the national pattern', () => {
    expect(() => tileDistrict({ ...DEMO_DISTRICT_OPTIONS, districtCode: '4401' })).toThrow(RangeError);
    expect(() => tileDistrict({ ...DEMO_DISTRICT_OPTIONS, communitiesPerStreet: 1000, communityRows: 1 })).toThrow(RangeError);
  });
});

describe('generateLargeCity', () => {
  it('spreads about 20,000 uniquely coded grids over Guangzhou', () => {
    const city = generateLargeCity({ seed: 1, grids: 20000 });
    expect(Math.abs(city.grids.length - 20000)).toBeLessThan(200);
    expect(new Set(city.grids.map((g) => g.code)).size).toBe(city.grids.length);
    expect(city.districts).toHaveLength(11);
    expect(city.grids.filter((g) => !/^440\d{12}$/.test(g.code))).toEqual([]);
    const [minX, minY, maxX, maxY] = city.districts.map((d) => d.bbox).reduce((a, b) => [
      Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3]),
    ]);
    // Within a cell's jitter (< 150 m) of the requested box.
    expect(haversineMetres(minX, minY, 113.1, 22.9)).toBeLessThan(200);
    expect(haversineMetres(maxX, maxY, 113.6, 23.4)).toBeLessThan(200);
  });

  it('tiles its districts exactly, with lakes and two-part grids, and locates like a brute-force scan', () => {
    const city = generateLargeCity({ seed: 5, grids: 3000, lakes: 3, exclaves: 3 });
    expect(city.grids.filter((g) => g.geometry.type === 'MultiPolygon')).toHaveLength(3);
    expect(city.districts.flatMap((d) => d.lakes)).toHaveLength(3);
    const cityEdges = new Set(unsharedEdges(city.districts.map((d) => d.geometry)));
    expect(unsharedEdges(city.grids.map((g) => g.geometry))).toEqual(cityEdges);

    const index = new GridIndex(city.grids);
    const random = mulberry32(9);
    for (let i = 0; i < 300; i++) {
      const lng = 113.1 + random() * 0.5;
      const lat = 22.9 + random() * 0.5;
      const brute = city.grids.filter((g) => pointInGeometry(lng, lat, g.geometry));
      expect(brute.length).toBeLessThanOrEqual(1);
      expect(index.locate(lng, lat)).toBe(brute[0]?.code ?? null);
    }
  });
});
