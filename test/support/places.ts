import { loadDemoCity } from '@gridtong/shared/city/demo';
import { createCityDirectory } from '@gridtong/shared/routing/index';
import { toPolygons, type LngLat } from '@gridtong/shared/geo/index';

export const city = loadDemoCity();
export const directory = createCityDirectory(city);

const METRES_PER_DEGREE_LAT = 111_320;

/**
 * A WGS-84 point `metres` inside a grid, measured from the middle of one of its edges:
 * near enough to the neighbour that an unconverted GCJ-02 coordinate lands elsewhere.
 */
export function pointNearEdge(gridCode: string, metres = 15): { lng: number; lat: number } {
  const grid = city.grids.find((g) => g.code === gridCode);
  if (!grid) throw new Error(`no grid ${gridCode}`);
  const ring = toPolygons(grid.geometry.type === 'Polygon' ? grid.geometry.coordinates : grid.geometry.coordinates)[0]![0]!;
  const n = ring.length - 1;
  const cx = ring.slice(0, n).reduce((s, p) => s + p[0], 0) / n;
  const cy = ring.slice(0, n).reduce((s, p) => s + p[1], 0) / n;
  for (let i = 0; i < n; i++) {
    const a = ring[i] as LngLat;
    const b = ring[i + 1] as LngLat;
    const mx = (a[0] + b[0]) / 2;
    const my = (a[1] + b[1]) / 2;
    const dx = (cx - mx) * METRES_PER_DEGREE_LAT * Math.cos((my * Math.PI) / 180);
    const dy = (cy - my) * METRES_PER_DEGREE_LAT;
    const length = Math.hypot(dx, dy);
    const lng = mx + ((cx - mx) * metres) / length;
    const lat = my + ((cy - my) * metres) / length;
    if (directory.locate(lng, lat, 'wgs84')?.grid.code === gridCode) return { lng, lat };
  }
  throw new Error(`no edge point found for ${gridCode}`);
}

/** The centre-ish point of a grid (its ring's vertex average), checked to be inside it. */
export function pointInGrid(gridCode: string): { lng: number; lat: number } {
  return pointNearEdge(gridCode, 60);
}
