import { haversineMetres, EARTH_RADIUS_METRES } from './distance';

/**
 * Geohash cells for the "nearby open cases" access pattern: a case item carries the
 * geohash of its location; a nearby query reads the handful of cells that cover a
 * circle. Cells are computed from integer cell indices, so encode and cover agree
 * exactly at cell borders.
 */

const BASE32 = '0123456789bcdefghjkmnpqrstuvwxyz';
const DECODE = new Map([...BASE32].map((ch, i) => [ch, i]));

export interface GeohashCell {
  hash: string;
  /** Centre of the cell. */
  lat: number;
  lng: number;
  minLat: number;
  minLng: number;
  maxLat: number;
  maxLng: number;
}

function bitsOf(precision: number): { lngBits: number; latBits: number } {
  if (!Number.isInteger(precision) || precision < 1 || precision > 12) {
    throw new RangeError('geohash precision must be an integer from 1 to 12');
  }
  // Bits alternate starting with longitude, so longitude gets the odd one out.
  return { lngBits: Math.ceil((5 * precision) / 2), latBits: Math.floor((5 * precision) / 2) };
}

function toIndex(value: number, min: number, span: number, bits: number): number {
  const cells = 2 ** bits;
  return Math.min(cells - 1, Math.max(0, Math.floor(((value - min) / span) * cells)));
}

function fromIndices(latIndex: number, lngIndex: number, precision: number): string {
  const { lngBits, latBits } = bitsOf(precision);
  let hash = '';
  let lngBit = lngBits - 1;
  let latBit = latBits - 1;
  let chunk = 0;
  for (let b = 0; b < 5 * precision; b++) {
    const bit = b % 2 === 0 ? Math.floor(lngIndex / 2 ** lngBit--) % 2 : Math.floor(latIndex / 2 ** latBit--) % 2;
    chunk = chunk * 2 + bit;
    if (b % 5 === 4) {
      hash += BASE32[chunk];
      chunk = 0;
    }
  }
  return hash;
}

function toIndices(hash: string): { latIndex: number; lngIndex: number } {
  let latIndex = 0;
  let lngIndex = 0;
  let b = 0;
  for (const ch of hash.toLowerCase()) {
    const value = DECODE.get(ch);
    if (value === undefined) throw new RangeError(`not a geohash character: ${ch}`);
    for (let k = 4; k >= 0; k--, b++) {
      const bit = (value >> k) & 1;
      if (b % 2 === 0) lngIndex = lngIndex * 2 + bit;
      else latIndex = latIndex * 2 + bit;
    }
  }
  return { latIndex, lngIndex };
}

export function geohashEncode(lat: number, lng: number, precision: number): string {
  const { lngBits, latBits } = bitsOf(precision);
  return fromIndices(toIndex(lat, -90, 180, latBits), toIndex(lng, -180, 360, lngBits), precision);
}

export function geohashDecode(hash: string): GeohashCell {
  const { lngBits, latBits } = bitsOf(hash.length);
  const { latIndex, lngIndex } = toIndices(hash);
  const height = 180 / 2 ** latBits;
  const width = 360 / 2 ** lngBits;
  const minLat = -90 + latIndex * height;
  const minLng = -180 + lngIndex * width;
  return {
    hash: hash.toLowerCase(),
    lat: minLat + height / 2,
    lng: minLng + width / 2,
    minLat,
    minLng,
    maxLat: minLat + height,
    maxLng: minLng + width,
  };
}

/** The up-to-8 cells around `hash` (fewer at the poles); longitude wraps at ±180°. */
export function geohashNeighbours(hash: string): string[] {
  const precision = hash.length;
  const { lngBits, latBits } = bitsOf(precision);
  const { latIndex, lngIndex } = toIndices(hash);
  const out: string[] = [];
  for (const dLat of [1, 0, -1]) {
    for (const dLng of [-1, 0, 1]) {
      if (dLat === 0 && dLng === 0) continue;
      const la = latIndex + dLat;
      if (la < 0 || la >= 2 ** latBits) continue;
      const lo = (lngIndex + dLng + 2 ** lngBits) % 2 ** lngBits;
      out.push(fromIndices(la, lo, precision));
    }
  }
  return out;
}

/** Shortest distance from a point to a cell, treating the cell as flat (fine at city scale). */
function distanceToCell(lat: number, lng: number, cell: GeohashCell): number {
  const nearLat = Math.min(cell.maxLat, Math.max(cell.minLat, lat));
  const nearLng = Math.min(cell.maxLng, Math.max(cell.minLng, lng));
  return haversineMetres(lng, lat, nearLng, nearLat);
}

/**
 * The cells to query for everything within `radiusMetres` of a point: every cell that
 * the circle reaches, and no cell it cannot reach. Precision 6 cells are ~1.2 × 0.6 km
 * (2–4 cells for 250 m); precision 7 cells are ~150 m square (~12–20 cells).
 */
export function cellsCovering(lat: number, lng: number, radiusMetres: number, precision: number): string[] {
  const { lngBits, latBits } = bitsOf(precision);
  const metresPerDegree = (Math.PI * EARTH_RADIUS_METRES) / 180;
  // A little slack: the flat-cell distance is approximate, and a false positive only costs one query.
  const reach = radiusMetres * 1.01 + 1;
  const dLat = reach / metresPerDegree;
  const minLat = Math.max(-90, lat - dLat);
  const maxLat = Math.min(90, lat + dLat);
  const widestCos = Math.max(1e-6, Math.min(Math.cos((minLat * Math.PI) / 180), Math.cos((maxLat * Math.PI) / 180)));
  const dLng = Math.min(180, reach / (metresPerDegree * widestCos));

  const lat0 = toIndex(minLat, -90, 180, latBits);
  const lat1 = toIndex(maxLat, -90, 180, latBits);
  const lng0 = Math.floor(((lng - dLng + 180) / 360) * 2 ** lngBits);
  const lng1 = Math.floor(((lng + dLng + 180) / 360) * 2 ** lngBits);
  const cells = new Set<string>();
  for (let la = lat0; la <= lat1; la++) {
    for (let lo = lng0; lo <= lng1; lo++) {
      const wrapped = ((lo % 2 ** lngBits) + 2 ** lngBits) % 2 ** lngBits;
      const hash = fromIndices(la, wrapped, precision);
      if (cells.has(hash)) continue;
      const cell = geohashDecode(hash);
      // Compare against the unwrapped longitude so cells across ±180° measure correctly.
      const shift = (lo - wrapped) * (360 / 2 ** lngBits);
      const shifted = { ...cell, minLng: cell.minLng + shift, maxLng: cell.maxLng + shift };
      if (distanceToCell(lat, lng, shifted) <= reach) cells.add(hash);
    }
  }
  return [...cells];
}
