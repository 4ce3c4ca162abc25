import type { AreaGeometry, BBox, LngLat, Polygon, Ring } from '../geo/polygon';
import { hashUnit, mulberry32 } from '../geo/random';

/**
 * Deterministic administrative geometry (WGS-84) for the demo city and the benchmark.
 *
 * Everything is cut from one jittered lattice: every cell is an octagon whose corners
 * and edge midpoints are shared, coordinate for coordinate, with its neighbours. Grids
 * are cells (or two cells, for an exclave), communities and streets are rectangles of
 * cells in lattice space, so each level tiles the one above it with no gap and no
 * overlap, while the jitter keeps the borders from looking like a spreadsheet.
 */

export interface GridShape {
  /** 15 digits: district 6 + street 3 + community 3 + grid 3. */
  code: string;
  geometry: AreaGeometry;
  /** A point known to lie inside this grid (and outside any lake). */
  samplePoint: LngLat;
}

export interface CommunityShape {
  /** 12 digits. */
  code: string;
  geometry: AreaGeometry;
  grids: GridShape[];
}

export interface StreetShape {
  /** 9 digits. */
  code: string;
  geometry: AreaGeometry;
  communities: CommunityShape[];
}

/** Water that belongs to no grid: a hole in its grid, community, street and district. */
export interface Lake {
  /** The grid whose polygon the lake is cut from. */
  gridCode: string;
  ring: Ring;
  centre: LngLat;
}

export interface DistrictShape {
  /** 6 digits (GB/T 2260). */
  code: string;
  geometry: AreaGeometry;
  bbox: BBox;
  streets: StreetShape[];
  lakes: Lake[];
}

export interface TileDistrictOptions {
  seed: number;
  /** 6-digit GB/T 2260 code. */
  districtCode: string;
  /** Approximate centre of the district, WGS-84. */
  centre: LngLat;
  streets: number;
  communitiesPerStreet: number;
  /** Grid columns of every community (streets are vertical strips this wide). */
  communityColumns: number;
  /** Typical grid rows of a community; varies by one between communities when ≥ 3. */
  communityRows: number;
  /** Nominal width of one grid cell. Default 300 m. */
  cellMetres?: number;
  /** Communities given a lake inside one of their grids. Default 1. */
  lakes?: number;
  /** Communities given a two-part (MultiPolygon) grid. Default 1. */
  exclaves?: number;
}

/** 天河区, Guangzhou: 3 streets, 12 communities, 71 grids. */
export const DEMO_DISTRICT_OPTIONS: TileDistrictOptions = {
  seed: 440106,
  districtCode: '440106',
  centre: [113.36, 23.13],
  streets: 3,
  communitiesPerStreet: 4,
  communityColumns: 2,
  communityRows: 3,
  cellMetres: 300,
  lakes: 1,
  exclaves: 1,
};

const EARTH_RADIUS_M = 6371008.8;
const METRES_PER_DEGREE = (Math.PI * EARTH_RADIUS_M) / 180;
/** Corner jitter and midpoint bulge, as fractions of a cell: small enough that every cell stays a simple polygon. */
const CORNER_JITTER = 0.15;
const MIDPOINT_BULGE = 0.1;
/** Lake radius as a fraction of a cell: inside the cell's guaranteed interior (≥ 0.25). */
const LAKE_RADIUS = 0.17;

const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

interface CellRect {
  c0: number;
  r0: number;
  /** exclusive */
  c1: number;
  /** exclusive */
  r1: number;
}

/** Vertex positions of a columns × rows cell lattice, computed once and shared by every ring. */
class Lattice {
  private readonly corners: LngLat[];
  private readonly hMids: LngLat[];
  private readonly vMids: LngLat[];
  private readonly lngPerMetre: number;
  private readonly latPerMetre: number;

  constructor(
    private readonly seed: number,
    private readonly origin: LngLat,
    readonly columns: number,
    readonly rows: number,
    readonly cellMetres: number,
  ) {
    this.latPerMetre = 1 / METRES_PER_DEGREE;
    this.lngPerMetre = 1 / (METRES_PER_DEGREE * Math.cos((origin[1] * Math.PI) / 180));
    const jitter = (i: number, j: number, axis: number) => (hashUnit(seed, i, j, axis) * 2 - 1) * CORNER_JITTER;
    const cornerXY: [number, number][] = [];
    for (let j = 0; j <= rows; j++) {
      for (let i = 0; i <= columns; i++) cornerXY.push([i + jitter(i, j, 0), j + jitter(i, j, 1)]);
    }
    const xy = (i: number, j: number) => cornerXY[j * (columns + 1) + i] as [number, number];
    this.corners = cornerXY.map(([x, y]) => this.toLngLat(x, y));
    // Midpoints bulge across their edge, so both cells sharing the edge see the same kink.
    this.hMids = [];
    for (let j = 0; j <= rows; j++) {
      for (let i = 0; i < columns; i++) {
        const a = xy(i, j);
        const b = xy(i + 1, j);
        this.hMids.push(this.toLngLat((a[0] + b[0]) / 2, (a[1] + b[1]) / 2 + this.bulge(i, j, 2)));
      }
    }
    this.vMids = [];
    for (let j = 0; j < rows; j++) {
      for (let i = 0; i <= columns; i++) {
        const a = xy(i, j);
        const b = xy(i, j + 1);
        this.vMids.push(this.toLngLat((a[0] + b[0]) / 2 + this.bulge(i, j, 3), (a[1] + b[1]) / 2));
      }
    }
  }

  private bulge(i: number, j: number, kind: number): number {
    return (hashUnit(this.seed, i, j, kind) * 2 - 1) * MIDPOINT_BULGE;
  }

  /** Lattice units (cells) to WGS-84, rounded to 1e-7° (~1 cm) so serialised data round-trips exactly. */
  toLngLat(x: number, y: number): LngLat {
    return [
      round7(this.origin[0] + x * this.cellMetres * this.lngPerMetre),
      round7(this.origin[1] + y * this.cellMetres * this.latPerMetre),
    ];
  }

  private corner(i: number, j: number): LngLat {
    return [...(this.corners[j * (this.columns + 1) + i] as LngLat)];
  }

  private hMid(i: number, j: number): LngLat {
    return [...(this.hMids[j * this.columns + i] as LngLat)];
  }

  private vMid(i: number, j: number): LngLat {
    return [...(this.vMids[j * (this.columns + 1) + i] as LngLat)];
  }

  /** Counter-clockwise closed ring around a rectangle of cells. */
  rectRing({ c0, r0, c1, r1 }: CellRect): Ring {
    const ring: Ring = [];
    for (let i = c0; i < c1; i++) ring.push(this.corner(i, r0), this.hMid(i, r0));
    for (let j = r0; j < r1; j++) ring.push(this.corner(c1, j), this.vMid(c1, j));
    for (let i = c1; i > c0; i--) ring.push(this.corner(i, r1), this.hMid(i - 1, r1));
    for (let j = r1; j > r0; j--) ring.push(this.corner(c0, j), this.vMid(c0, j - 1));
    ring.push(this.corner(c0, r0));
    return ring;
  }

  /** Clockwise closed ring (a hole, per RFC 7946) around the nominal centre of a cell. */
  lakeRing(c: number, r: number): Ring {
    const ring: Ring = [];
    const points = 10;
    for (let k = 0; k < points; k++) {
      const angle = (-2 * Math.PI * k) / points;
      const radius = LAKE_RADIUS * (0.7 + 0.3 * hashUnit(this.seed, c, r, 100 + k));
      ring.push(this.toLngLat(c + 0.5 + radius * Math.cos(angle), r + 0.5 + radius * Math.sin(angle)));
    }
    ring.push([...(ring[0] as LngLat)]);
    return ring;
  }
}

const pad3 = (n: number) => {
  if (n < 1 || n > 999) throw new RangeError(`area sequence ${n} does not fit 3 digits`);
  return String(n).padStart(3, '0');
};

const polygonGeometry = (polygons: Polygon[]): AreaGeometry =>
  polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] as Polygon } : { type: 'MultiPolygon', coordinates: polygons };

const cellsOf = (rect: CellRect) => (rect.c1 - rect.c0) * (rect.r1 - rect.r0);

/** Cut [start, end) into `parts` near-equal consecutive ranges; returns the parts+1 boundaries. */
function splitRange(start: number, end: number, parts: number): number[] {
  const bounds: number[] = [];
  for (let k = 0; k <= parts; k++) bounds.push(start + Math.round(((end - start) * k) / parts));
  return bounds;
}

type CommunityFeature = 'lake' | 'exclave' | null;

interface Built<T> {
  shape: T;
  lakes: Lake[];
}

function buildCommunity(lattice: Lattice, rect: CellRect, code: string, feature: CommunityFeature): Built<CommunityShape> {
  const width = rect.c1 - rect.c0;
  const height = rect.r1 - rect.r0;
  const cells: [number, number][] = [];
  for (let r = rect.r0; r < rect.r1; r++) for (let c = rect.c0; c < rect.c1; c++) cells.push([c, r]);

  // Cells that form one grid; an exclave pairs two cells that do not touch, not even at a corner.
  const groups: [number, number][][] = [];
  const canExclave = width >= 3 || height >= 3;
  if (feature === 'exclave' && canExclave) {
    const partner: [number, number] = width >= 3 ? [rect.c0 + 2, rect.r0] : [rect.c0, rect.r0 + 2];
    groups.push([[rect.c0, rect.r0], partner]);
    for (const cell of cells) {
      const taken = (cell[0] === rect.c0 && cell[1] === rect.r0) || (cell[0] === partner[0] && cell[1] === partner[1]);
      if (!taken) groups.push([cell]);
    }
  } else {
    for (const cell of cells) groups.push([cell]);
  }
  // The lake sits inside one cell (clear of its edges), so it never touches a neighbour.
  const lakeCell = feature === 'lake' ? cells[Math.floor(cells.length / 2)] : undefined;

  const lakes: Lake[] = [];
  const grids = groups.map((group, k): GridShape => {
    const gridCode = code + pad3(k + 1);
    const polygons: Polygon[] = group.map(([c, r]) => {
      const outer = lattice.rectRing({ c0: c, r0: r, c1: c + 1, r1: r + 1 });
      if (lakeCell && lakeCell[0] === c && lakeCell[1] === r) {
        const ring = lattice.lakeRing(c, r);
        lakes.push({ gridCode, ring, centre: lattice.toLngLat(c + 0.5, r + 0.5) });
        return [outer, ring];
      }
      return [outer];
    });
    const [c, r] = group[0] as [number, number];
    // 0.22 cells east of the centre: clear of the lake (radius ≤ 0.17), inside the cell (≥ 0.25).
    return { code: gridCode, geometry: polygonGeometry(polygons), samplePoint: lattice.toLngLat(c + 0.72, r + 0.5) };
  });
  const geometry: AreaGeometry = { type: 'Polygon', coordinates: [lattice.rectRing(rect), ...lakes.map((l) => l.ring)] };
  return { shape: { code, geometry, grids }, lakes };
}

interface StreetPlan {
  rect: CellRect;
  communities: { rect: CellRect; feature: CommunityFeature }[];
}

function buildDistrict(lattice: Lattice, code: string, rect: CellRect, plans: StreetPlan[]): DistrictShape {
  const lakes: Lake[] = [];
  const streets = plans.map((plan, s): StreetShape => {
    const streetCode = code + pad3(s + 1);
    const streetLakes: Lake[] = [];
    const communities = plan.communities.map((community, k) => {
      const built = buildCommunity(lattice, community.rect, streetCode + pad3(k + 1), community.feature);
      streetLakes.push(...built.lakes);
      return built.shape;
    });
    lakes.push(...streetLakes);
    return {
      code: streetCode,
      geometry: { type: 'Polygon', coordinates: [lattice.rectRing(plan.rect), ...streetLakes.map((l) => l.ring)] },
      communities,
    };
  });
  const outer = lattice.rectRing(rect);
  const geometry: AreaGeometry = { type: 'Polygon', coordinates: [outer, ...lakes.map((l) => l.ring)] };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of outer) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return { code, geometry, bbox: [minX, minY, maxX, maxY], streets, lakes };
}

/** Picks `count` distinct indices below `n`, deterministically. */
function pickDistinct(random: () => number, n: number, count: number): number[] {
  const pool = Array.from({ length: n }, (_, i) => i);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j] as number, pool[i] as number];
  }
  return pool.slice(0, Math.min(count, n));
}

function assignFeatures(random: () => number, communities: { rect: CellRect; feature: CommunityFeature }[], lakes: number, exclaves: number) {
  const order = pickDistinct(random, communities.length, communities.length);
  let lakesLeft = lakes;
  let exclavesLeft = exclaves;
  for (const index of order) {
    const community = communities[index];
    if (!community) continue;
    const width = community.rect.c1 - community.rect.c0;
    const height = community.rect.r1 - community.rect.r0;
    if (exclavesLeft > 0 && (width >= 3 || height >= 3)) {
      community.feature = 'exclave';
      exclavesLeft--;
    } else if (lakesLeft > 0) {
      community.feature = 'lake';
      lakesLeft--;
    }
  }
}

/**
 * One district: `streets` vertical strips, each cut into `communitiesPerStreet`
 * communities stacked south to north, each community a block of grid cells.
 * Codes count west→east (streets), south→north (communities), row by row (grids).
 */
export function tileDistrict(options: TileDistrictOptions): DistrictShape {
  const { seed, districtCode, centre, streets, communitiesPerStreet, communityColumns, communityRows } = options;
  if (!/^\d{6}$/.test(districtCode)) throw new RangeError('districtCode must be 6 digits');
  if (streets < 1 || communitiesPerStreet < 1 || communityColumns < 1 || communityRows < 1) {
    throw new RangeError('streets, communities and community size must be at least 1');
  }
  const cellMetres = options.cellMetres ?? 300;
  const columns = streets * communityColumns;
  const rows = communitiesPerStreet * communityRows;
  const widthDeg = (columns * cellMetres) / (METRES_PER_DEGREE * Math.cos((centre[1] * Math.PI) / 180));
  const heightDeg = (rows * cellMetres) / METRES_PER_DEGREE;
  const lattice = new Lattice(seed, [centre[0] - widthDeg / 2, centre[1] - heightDeg / 2], columns, rows, cellMetres);
  const random = mulberry32(seed);

  const plans: StreetPlan[] = [];
  for (let s = 0; s < streets; s++) {
    const c0 = s * communityColumns;
    const c1 = c0 + communityColumns;
    // Shift inner community borders by up to one row so streets do not line up exactly.
    const bounds = splitRange(0, rows, communitiesPerStreet);
    if (communityRows >= 3) {
      for (let k = 1; k < communitiesPerStreet; k++) bounds[k] = (bounds[k] as number) + Math.floor(random() * 3) - 1;
    }
    const communities = [];
    for (let k = 0; k < communitiesPerStreet; k++) {
      communities.push({ rect: { c0, c1, r0: bounds[k] as number, r1: bounds[k + 1] as number }, feature: null as CommunityFeature });
    }
    plans.push({ rect: { c0, c1, r0: 0, r1: rows }, communities });
  }
  assignFeatures(random, plans.flatMap((p) => p.communities), options.lakes ?? 1, options.exclaves ?? 1);
  return buildDistrict(lattice, districtCode, { c0: 0, r0: 0, c1: columns, r1: rows }, plans);
}

export function demoDistrict(): DistrictShape {
  return tileDistrict(DEMO_DISTRICT_OPTIONS);
}

export interface LargeCityOptions {
  seed: number;
  /** Target number of grids; the result is within a row of cells of it. Default 20,000. */
  grids?: number;
  /** Area to cover, WGS-84. Default roughly Guangzhou's urban districts. */
  bbox?: BBox;
  /** Lakes spread over the city (holes in their grids). Default 20. */
  lakes?: number;
  /** Two-part grids spread over the city. Default 20. */
  exclaves?: number;
}

export interface LargeCity {
  bbox: BBox;
  districts: DistrictShape[];
  /** Every grid of every district, flattened. */
  grids: GridShape[];
}

/** Guangzhou's district codes (GB/T 2260), laid out in three bands of 4, 4 and 3. */
const GUANGZHOU_DISTRICT_BANDS = [
  ['440114', '440111', '440117', '440118'],
  ['440103', '440104', '440106', '440112'],
  ['440105', '440113', '440115'],
];

/** Target sizes, in cells, of a street and a community block (Guangzhou: ~7 grids a community). */
const STREET_BLOCK = 12;
const COMMUNITY_BLOCK = 3;

/** A Guangzhou-sized city of ~20,000 grids for the grid-lookup benchmark. */
export function generateLargeCity(options: LargeCityOptions): LargeCity {
  const { seed } = options;
  const target = options.grids ?? 20000;
  const bbox: BBox = options.bbox ?? [113.1, 22.9, 113.6, 23.4];
  const midLat = ((bbox[1] + bbox[3]) / 2) * (Math.PI / 180);
  const widthM = (bbox[2] - bbox[0]) * METRES_PER_DEGREE * Math.cos(midLat);
  const heightM = (bbox[3] - bbox[1]) * METRES_PER_DEGREE;
  const cellMetres = Math.sqrt((widthM * heightM) / target);
  const columns = Math.max(1, Math.round(widthM / cellMetres));
  const rows = Math.max(1, Math.round(target / columns));
  const lattice = new Lattice(seed, [bbox[0], bbox[1]], columns, rows, cellMetres);
  const random = mulberry32(seed);

  const bandBounds = splitRange(0, rows, GUANGZHOU_DISTRICT_BANDS.length);
  const districtPlans: { code: string; rect: CellRect; streets: StreetPlan[] }[] = [];
  GUANGZHOU_DISTRICT_BANDS.forEach((codes, band) => {
    const colBounds = splitRange(0, columns, codes.length);
    codes.forEach((code, d) => {
      const rect = { c0: colBounds[d] as number, c1: colBounds[d + 1] as number, r0: bandBounds[band] as number, r1: bandBounds[band + 1] as number };
      districtPlans.push({ code, rect, streets: blocks(rect, STREET_BLOCK).map((streetRect) => ({
        rect: streetRect,
        communities: blocks(streetRect, COMMUNITY_BLOCK).map((r) => ({ rect: r, feature: null as CommunityFeature })),
      })) });
    });
  });
  const allCommunities = districtPlans.flatMap((d) => d.streets.flatMap((s) => s.communities));
  assignFeatures(random, allCommunities, options.lakes ?? 20, options.exclaves ?? 20);

  const districts = districtPlans.map((plan) => buildDistrict(lattice, plan.code, plan.rect, plan.streets));
  const grids = districts.flatMap((d) => d.streets.flatMap((s) => s.communities.flatMap((c) => c.grids)));
  return { bbox, districts, grids };
}

/** Cuts a rectangle into roughly size × size blocks, row by row from the south-west. */
function blocks(rect: CellRect, size: number): CellRect[] {
  const nx = Math.max(1, Math.round((rect.c1 - rect.c0) / size));
  const ny = Math.max(1, Math.round((rect.r1 - rect.r0) / size));
  const xs = splitRange(rect.c0, rect.c1, nx);
  const ys = splitRange(rect.r0, rect.r1, ny);
  const out: CellRect[] = [];
  for (let y = 0; y < ny; y++) {
    for (let x = 0; x < nx; x++) out.push({ c0: xs[x] as number, c1: xs[x + 1] as number, r0: ys[y] as number, r1: ys[y + 1] as number });
  }
  return out.filter((r) => cellsOf(r) > 0);
}
