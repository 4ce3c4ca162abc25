import Flatbush from 'flatbush';
import { gcj02ToWgs84 } from './coords';
import { toPolygons, type GeometryInput } from './polygon';

export interface IndexedArea {
  code: string;
  geometry: GeometryInput;
}

/**
 * Location → grid code. Built once (a cold start) from the grid polygons: a packed
 * R-tree (flatbush) over bounding boxes picks the few candidates, and an exact
 * point-in-polygon test on flattened coordinates decides. The test is the same
 * half-open crossing rule as `pointInPolygon`, so a point on a border shared by two
 * grids belongs to exactly one of them.
 */
export class GridIndex {
  readonly size: number;
  private readonly tree: Flatbush;
  private readonly codes: string[];
  /** x,y pairs of every ring vertex of every grid. */
  private readonly coords: Float64Array;
  /** Vertex offset where each ring starts; ringStart[r + 1] is where it ends. */
  private readonly ringStart: Uint32Array;
  /** Ring offset where each polygon starts. */
  private readonly polygonStart: Uint32Array;
  /** Polygon offset where each grid starts. */
  private readonly gridStart: Uint32Array;

  constructor(areas: readonly IndexedArea[]) {
    if (areas.length === 0) throw new RangeError('GridIndex needs at least one area');
    this.size = areas.length;
    this.codes = areas.map((a) => a.code);
    const all = areas.map((a) => toPolygons(a.geometry));
    let vertices = 0;
    let rings = 0;
    let polygons = 0;
    for (const grid of all) {
      polygons += grid.length;
      for (const polygon of grid) {
        rings += polygon.length;
        for (const ring of polygon) vertices += ring.length;
      }
    }
    this.coords = new Float64Array(vertices * 2);
    this.ringStart = new Uint32Array(rings + 1);
    this.polygonStart = new Uint32Array(polygons + 1);
    this.gridStart = new Uint32Array(all.length + 1);
    this.tree = new Flatbush(all.length);

    let v = 0;
    let r = 0;
    let p = 0;
    all.forEach((grid, g) => {
      this.gridStart[g] = p;
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (const polygon of grid) {
        this.polygonStart[p++] = r;
        for (const ring of polygon) {
          this.ringStart[r++] = v;
          for (const [x, y] of ring) {
            this.coords[2 * v] = x;
            this.coords[2 * v + 1] = y;
            v++;
            if (x < minX) minX = x;
            if (y < minY) minY = y;
            if (x > maxX) maxX = x;
            if (y > maxY) maxY = y;
          }
        }
      }
      if (minX > maxX) throw new RangeError(`area ${this.codes[g]} has no coordinates`);
      this.tree.add(minX, minY, maxX, maxY);
    });
    this.ringStart[r] = v;
    this.polygonStart[p] = r;
    this.gridStart[all.length] = p;
    this.tree.finish();
  }

  /**
   * Code of the grid containing a WGS-84 point, or null outside every grid. Should
   * areas overlap (bad data), the one listed first wins, so the answer is stable.
   */
  locate(lng: number, lat: number): string | null {
    const candidates = this.tree.search(lng, lat, lng, lat);
    let best = -1;
    for (const g of candidates) {
      if ((best === -1 || g < best) && this.contains(g, lng, lat)) best = g;
    }
    return best === -1 ? null : (this.codes[best] as string);
  }

  /** Same as `locate` for a GCJ-02 point, as WeChat's map and `getLocation` report it. */
  locateGcj02(lng: number, lat: number): string | null {
    const [wLng, wLat] = gcj02ToWgs84(lng, lat);
    return this.locate(wLng, wLat);
  }

  private contains(g: number, lng: number, lat: number): boolean {
    const { coords, ringStart, polygonStart, gridStart } = this;
    for (let p = gridStart[g] as number, pEnd = gridStart[g + 1] as number; p < pEnd; p++) {
      let crossings = 0;
      for (let r = polygonStart[p] as number, rEnd = polygonStart[p + 1] as number; r < rEnd; r++) {
        const start = ringStart[r] as number;
        const end = ringStart[r + 1] as number;
        for (let i = start, j = end - 1; i < end; j = i++) {
          const px = coords[2 * i] as number;
          const py = coords[2 * i + 1] as number;
          const qx = coords[2 * j] as number;
          const qy = coords[2 * j + 1] as number;
          const pAbove = py > lat;
          if (pAbove === qy > lat) continue;
          // Same canonical (lower, upper) evaluation as polygon.ts, for identical answers on shared edges.
          const loX = pAbove ? qx : px;
          const loY = pAbove ? qy : py;
          const hiX = pAbove ? px : qx;
          const hiY = pAbove ? py : qy;
          if ((hiX - loX) * (lat - loY) - (lng - loX) * (hiY - loY) > 0) crossings++;
        }
      }
      if ((crossings & 1) === 1) return true;
    }
    return false;
  }
}
