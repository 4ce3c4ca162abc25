/** GeoJSON coordinate order: [longitude, latitude]. */
export type LngLat = [number, number];
/** Closed or open ring; the closing vertex is optional for the algorithms here. */
export type Ring = LngLat[];
/** First ring is the outer boundary, the others are holes. */
export type Polygon = Ring[];
export type MultiPolygon = Polygon[];

/** Structurally the same as the GeoJSON geometry in `schemas/common`. */
export type AreaGeometry =
  | { type: 'Polygon'; coordinates: Polygon }
  | { type: 'MultiPolygon'; coordinates: MultiPolygon };

/** Either a bare coordinate array or a typed geometry object. */
export type GeometryInput = Polygon | MultiPolygon | AreaGeometry;

/** [minLng, minLat, maxLng, maxLat] */
export type BBox = [number, number, number, number];

/** Normalises any accepted geometry to a list of polygons. */
export function toPolygons(geometry: GeometryInput): MultiPolygon {
  if (!Array.isArray(geometry)) {
    return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  }
  // A Polygon's first element is a ring (array of positions); a MultiPolygon's is a polygon.
  const first = geometry[0]?.[0]?.[0];
  return Array.isArray(first) ? (geometry as MultiPolygon) : [geometry as Polygon];
}

/**
 * Crossing-number test over one ring, counting edges crossed by a ray towards +x.
 *
 * Boundary rule: an edge counts when it straddles the point half-open in y (one end
 * strictly above, the other at or below) and the point is strictly left of it. Each edge
 * is evaluated with its endpoints in a canonical (lower, upper) order, so two polygons
 * that share an edge compute bit-identical results for it. Together this behaves like
 * nudging the point infinitesimally right and up, so on a tiling a point on a shared edge
 * or vertex falls in exactly one tile.
 */
function ringCrossings(ring: Ring, lng: number, lat: number): number {
  let crossings = 0;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const p = ring[i] as LngLat;
    const q = ring[j] as LngLat;
    const pAbove = p[1] > lat;
    if (pAbove === q[1] > lat) continue;
    const lo = pAbove ? q : p;
    const hi = pAbove ? p : q;
    const cross = (hi[0] - lo[0]) * (lat - lo[1]) - (lng - lo[0]) * (hi[1] - lo[1]);
    if (cross > 0) crossings++;
  }
  return crossings;
}

/** Even-odd rule over the outer ring and its holes. */
export function pointInPolygon(lng: number, lat: number, polygon: Polygon): boolean {
  let crossings = 0;
  for (const ring of polygon) crossings += ringCrossings(ring, lng, lat);
  return (crossings & 1) === 1;
}

export function pointInGeometry(lng: number, lat: number, geometry: GeometryInput): boolean {
  for (const polygon of toPolygons(geometry)) {
    if (pointInPolygon(lng, lat, polygon)) return true;
  }
  return false;
}

export function bboxOf(geometry: GeometryInput): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of toPolygons(geometry)) {
    // Holes lie inside the outer ring, so the outer ring bounds the polygon.
    for (const [x, y] of polygon[0] ?? []) {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

/** Signed planar area in square degrees: positive for counter-clockwise rings. */
export function ringSignedArea(ring: Ring): number {
  let sum = 0;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const p = ring[i] as LngLat;
    const q = ring[j] as LngLat;
    sum += (q[0] - p[0]) * (q[1] + p[1]);
  }
  return sum / 2;
}

/** Planar area in square degrees (outer rings minus holes); for sanity checks, not surveying. */
export function geometryArea(geometry: GeometryInput): number {
  let area = 0;
  for (const polygon of toPolygons(geometry)) {
    polygon.forEach((ring, i) => {
      const a = Math.abs(ringSignedArea(ring));
      area += i === 0 ? a : -a;
    });
  }
  return area;
}
