import { bboxOf, pointInGeometry, toPolygons, type GeometryInput, type LngLat } from './polygon';

/** Where a horizontal line at `lat` crosses the geometry's edges, left to right. */
function crossingsAt(geometry: GeometryInput, lat: number): number[] {
  const xs: number[] = [];
  for (const polygon of toPolygons(geometry)) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const p = ring[i] as LngLat;
        const q = ring[j] as LngLat;
        if (p[1] > lat === q[1] > lat) continue;
        xs.push(p[0] + ((lat - p[1]) * (q[0] - p[0])) / (q[1] - p[1]));
      }
    }
  }
  return xs.sort((a, b) => a - b);
}

/**
 * A point well inside an area (not merely its centroid, which an L-shaped grid may not
 * contain): the middle of the widest inside stretch of a few horizontal lines across it.
 * For placing a report in a grid picked from a list, when the phone gives no location.
 */
export function interiorPoint(geometry: GeometryInput): { lng: number; lat: number } | null {
  const [, minLat, , maxLat] = bboxOf(geometry);
  let best: { lng: number; lat: number; width: number } | null = null;
  for (const share of [0.5, 0.35, 0.65, 0.2, 0.8]) {
    const lat = minLat + (maxLat - minLat) * share;
    const xs = crossingsAt(geometry, lat);
    // Even-odd: stretches between the 1st and 2nd, 3rd and 4th… crossings are inside.
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const width = (xs[k + 1] as number) - (xs[k] as number);
      const lng = ((xs[k] as number) + (xs[k + 1] as number)) / 2;
      if (width > 0 && (!best || width > best.width) && pointInGeometry(lng, lat, geometry)) best = { lng, lat, width };
    }
  }
  return best ? { lng: best.lng, lat: best.lat } : null;
}
