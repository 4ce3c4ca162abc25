import { bboxOf, geometryArea, pointInGeometry, pointInPolygon, type LngLat, type Polygon } from '../../src/geo/polygon';

const square = (x0: number, y0: number, x1: number, y1: number): LngLat[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

describe('pointInPolygon', () => {
  const withHole: Polygon = [square(0, 0, 10, 10), square(4, 4, 6, 6).reverse()];

  it('finds points inside, outside and in a hole', () => {
    expect(pointInPolygon(1, 1, withHole)).toBe(true);
    expect(pointInPolygon(5, 5, withHole)).toBe(false);
    expect(pointInPolygon(11, 5, withHole)).toBe(false);
    expect(pointInPolygon(5, 7, withHole)).toBe(true);
  });

  it('accepts open rings as well as closed ones', () => {
    const open = square(0, 0, 2, 2).slice(0, 4);
    expect(pointInPolygon(1, 1, [open])).toBe(true);
    expect(pointInPolygon(3, 1, [open])).toBe(false);
  });

  it('handles concave outlines', () => {
    const u: Polygon = [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]];
    expect(pointInPolygon(1.5, 2, u)).toBe(false);
    expect(pointInPolygon(0.5, 2, u)).toBe(true);
    expect(pointInPolygon(2.5, 2.5, u)).toBe(true);
  });
});

describe('pointInGeometry', () => {
  it('finds points in any part of a multipolygon, and accepts typed geometry', () => {
    const parts = [[square(0, 0, 1, 1)], [square(5, 5, 6, 6)]];
    expect(pointInGeometry(5.5, 5.5, parts)).toBe(true);
    expect(pointInGeometry(3, 3, parts)).toBe(false);
    expect(pointInGeometry(0.5, 0.5, { type: 'MultiPolygon', coordinates: parts })).toBe(true);
    expect(pointInGeometry(0.5, 0.5, { type: 'Polygon', coordinates: [square(0, 0, 1, 1)] })).toBe(true);
  });
});

describe('boundary rule on a tiling', () => {
  // A 3 × 3 block of unit squares, the centre one cut along both diagonals into four
  // triangles, so there are vertical, horizontal and sloping shared edges, and a vertex
  // shared by four tiles.
  const tiles: Polygon[] = [];
  for (let y = 0; y < 3; y++) {
    for (let x = 0; x < 3; x++) {
      if (x === 1 && y === 1) continue;
      tiles.push([square(x, y, x + 1, y + 1)]);
    }
  }
  const c: LngLat = [1.5, 1.5];
  tiles.push([[[1, 1], [2, 1], c, [1, 1]]], [[[2, 1], [2, 2], c, [2, 1]]], [[[2, 2], [1, 2], c, [2, 2]]], [[[1, 2], [1, 1], c, [1, 2]]]);
  const hits = (x: number, y: number) => tiles.filter((t) => pointInPolygon(x, y, t)).length;

  it('puts every shared vertex in exactly one tile', () => {
    for (const [x, y] of [[1, 1], [2, 1], [1, 2], [2, 2], [1.5, 1.5], [1, 0.5], [0.5, 1]]) {
      expect(hits(x as number, y as number)).toBe(1);
    }
  });

  it('puts points on shared edges (straight and sloping) in exactly one tile', () => {
    const points: [number, number][] = [];
    for (let t = 0.125; t < 1; t += 0.125) {
      points.push([1, t], [2, t], [t, 1], [t, 2], [1 + t / 2, 1 + t / 2], [2 - t / 2, 1 + t / 2], [1, 1 + t], [1 + t, 2]);
    }
    for (const [x, y] of points) expect(hits(x, y)).toBe(1);
  });

  it('puts points on the outer border in at most one tile', () => {
    for (const [x, y] of [[0, 0], [3, 3], [0, 1.5], [3, 1.5], [1.5, 0], [1.5, 3]]) {
      expect(hits(x as number, y as number)).toBeLessThanOrEqual(1);
    }
  });

  it('leaves no gaps: a fine lattice of points inside the block each hit exactly one tile', () => {
    for (let x = 0.05; x < 3; x += 0.1) {
      for (let y = 0.05; y < 3; y += 0.1) expect(hits(x, y)).toBe(1);
    }
  });
});

describe('bboxOf and geometryArea', () => {
  it('bounds the outer rings and subtracts holes from the area', () => {
    const geometry: Polygon = [square(0, 0, 10, 10), square(4, 4, 6, 6).reverse()];
    expect(bboxOf(geometry)).toEqual([0, 0, 10, 10]);
    expect(geometryArea(geometry)).toBeCloseTo(96, 9);
  });
});
