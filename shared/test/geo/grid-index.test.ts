import { demoDistrict, type GridShape } from '../../src/city/geometry';
import { wgs84ToGcj02 } from '../../src/geo/coords';
import { GridIndex } from '../../src/geo/grid-index';
import { pointInGeometry, type LngLat } from '../../src/geo/polygon';
import { mulberry32 } from '../../src/geo/random';

const square = (x0: number, y0: number, x1: number, y1: number): LngLat[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

describe('GridIndex', () => {
  const district = demoDistrict();
  const grids: GridShape[] = district.streets.flatMap((s) => s.communities.flatMap((c) => c.grids));
  const index = new GridIndex(grids);

  it('agrees with a brute-force scan on random points, inside and around the district', () => {
    const random = mulberry32(11);
    const [minX, minY, maxX, maxY] = district.bbox;
    let found = 0;
    for (let i = 0; i < 5000; i++) {
      const lng = minX - 0.002 + random() * (maxX - minX + 0.004);
      const lat = minY - 0.002 + random() * (maxY - minY + 0.004);
      const brute = grids.filter((g) => pointInGeometry(lng, lat, g.geometry)).map((g) => g.code);
      expect(brute.length).toBeLessThanOrEqual(1);
      expect(index.locate(lng, lat)).toBe(brute[0] ?? null);
      if (brute.length === 1) found++;
    }
    expect(found).toBeGreaterThan(3000);
  });

  it("finds each grid's own sample point", () => {
    for (const grid of grids) expect(index.locate(...grid.samplePoint)).toBe(grid.code);
  });

  it('finds no grid in a lake or outside the district', () => {
    const lake = district.lakes[0];
    expect(lake).toBeDefined();
    expect(index.locate(...(lake as { centre: LngLat }).centre)).toBeNull();
    expect(index.locate(district.bbox[0] - 0.01, district.bbox[1] - 0.01)).toBeNull();
  });

  it('routes a WeChat (GCJ-02) location to the right grid, where the raw coordinates would miss', () => {
    let rawWouldMiss = 0;
    for (const grid of grids) {
      const [gLng, gLat] = wgs84ToGcj02(...grid.samplePoint);
      expect(index.locateGcj02(gLng, gLat)).toBe(grid.code);
      if (index.locate(gLng, gLat) !== grid.code) rawWouldMiss++;
    }
    // The offset (~500 m) is wider than a grid: without conversion nearly every report lands wrong.
    expect(rawWouldMiss).toBe(grids.length);
  });

  it('accepts bare coordinates, Polygon and MultiPolygon geometry', () => {
    const small = new GridIndex([
      { code: 'a', geometry: [square(0, 0, 1, 1)] },
      { code: 'b', geometry: [[square(2, 0, 3, 1)], [square(5, 0, 6, 1)]] },
      { code: 'c', geometry: { type: 'Polygon', coordinates: [square(0, 2, 1, 3)] } },
    ]);
    expect(small.locate(0.5, 0.5)).toBe('a');
    expect(small.locate(5.5, 0.5)).toBe('b');
    expect(small.locate(0.5, 2.5)).toBe('c');
    expect(small.locate(4, 0.5)).toBeNull();
  });

  it('answers overlapping (bad) data with the area listed first, every time', () => {
    const overlapping = new GridIndex([
      { code: 'first', geometry: [square(0, 0, 2, 2)] },
      { code: 'second', geometry: [square(1, 1, 3, 3)] },
    ]);
    expect(overlapping.locate(1.5, 1.5)).toBe('first');
    expect(overlapping.locate(2.5, 2.5)).toBe('second');
  });

  it('refuses to build from nothing', () => {
    expect(() => new GridIndex([])).toThrow(RangeError);
  });
});
