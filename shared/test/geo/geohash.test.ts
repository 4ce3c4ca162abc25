import { haversineMetres } from '../../src/geo/distance';
import { cellsCovering, geohashDecode, geohashEncode, geohashNeighbours } from '../../src/geo/geohash';
import { mulberry32 } from '../../src/geo/random';

/** A point `metres` away from (lat, lng) on `bearing`, on a local flat approximation. */
function offsetPoint(lat: number, lng: number, metres: number, bearing: number): [number, number] {
  const dLat = (metres * Math.cos(bearing)) / 111195;
  const dLng = (metres * Math.sin(bearing)) / (111195 * Math.cos((lat * Math.PI) / 180));
  return [lat + dLat, lng + dLng];
}

describe('geohash encode/decode', () => {
  it('matches the reference examples', () => {
    expect(geohashEncode(57.64911, 10.40744, 11)).toBe('u4pruydqqvj');
    const cell = geohashDecode('ezs42');
    expect(cell.lat).toBeCloseTo(42.6, 1);
    expect(cell.lng).toBeCloseTo(-5.6, 1);
  });

  it('decodes to a cell that contains the encoded point', () => {
    const random = mulberry32(7);
    for (let i = 0; i < 500; i++) {
      const lat = 22.9 + random() * 0.5;
      const lng = 113.1 + random() * 0.5;
      const cell = geohashDecode(geohashEncode(lat, lng, 7));
      expect(lat).toBeGreaterThanOrEqual(cell.minLat);
      expect(lat).toBeLessThan(cell.maxLat);
      expect(lng).toBeGreaterThanOrEqual(cell.minLng);
      expect(lng).toBeLessThan(cell.maxLng);
    }
  });

  it('rejects characters outside the geohash alphabet', () => {
    expect(() => geohashDecode('ws0a')).toThrow(RangeError);
  });
});

describe('geohashNeighbours', () => {
  it('returns the eight distinct cells touching a cell', () => {
    const hash = geohashEncode(23.13, 113.36, 6);
    const cell = geohashDecode(hash);
    const neighbours = geohashNeighbours(hash);
    expect(new Set(neighbours).size).toBe(8);
    expect(neighbours).not.toContain(hash);
    for (const n of neighbours) {
      const other = geohashDecode(n);
      const touches =
        Math.abs(other.lat - cell.lat) <= (cell.maxLat - cell.minLat) * 1.0001 &&
        Math.abs(other.lng - cell.lng) <= (cell.maxLng - cell.minLng) * 1.0001;
      expect(touches).toBe(true);
    }
  });
});

describe('cellsCovering', () => {
  it.each([6, 7])('covers every point within 250 m (precision %i)', (precision) => {
    const random = mulberry32(precision);
    for (let i = 0; i < 400; i++) {
      const lat = 22.9 + random() * 0.5;
      const lng = 113.1 + random() * 0.5;
      const cells = new Set(cellsCovering(lat, lng, 250, precision));
      for (let k = 0; k < 25; k++) {
        // Bias towards the rim, where a missing cell would show.
        const [pLat, pLng] = offsetPoint(lat, lng, 250 * Math.sqrt(random()) * 0.995, random() * 2 * Math.PI);
        if (haversineMetres(lng, lat, pLng, pLat) > 250) continue;
        expect(cells.has(geohashEncode(pLat, pLng, precision))).toBe(true);
      }
    }
  });

  it('keeps the query small: at most 4 cells at precision 6, at most 25 at precision 7', () => {
    const random = mulberry32(42);
    for (let i = 0; i < 300; i++) {
      const lat = 22.9 + random() * 0.5;
      const lng = 113.1 + random() * 0.5;
      expect(cellsCovering(lat, lng, 250, 6).length).toBeLessThanOrEqual(4);
      expect(cellsCovering(lat, lng, 250, 7).length).toBeLessThanOrEqual(25);
    }
  });

  it('returns only cells the circle reaches', () => {
    const lat = 23.13;
    const lng = 113.36;
    for (const hash of cellsCovering(lat, lng, 250, 7)) {
      const cell = geohashDecode(hash);
      const nearLat = Math.min(cell.maxLat, Math.max(cell.minLat, lat));
      const nearLng = Math.min(cell.maxLng, Math.max(cell.minLng, lng));
      expect(haversineMetres(lng, lat, nearLng, nearLat)).toBeLessThanOrEqual(260);
    }
    expect(cellsCovering(lat, lng, 250, 7)).toContain(geohashEncode(lat, lng, 7));
  });
});
