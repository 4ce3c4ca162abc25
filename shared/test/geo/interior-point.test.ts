import { interiorPoint } from '../../src/geo/interior-point';
import { pointInGeometry, type Polygon } from '../../src/geo/polygon';

describe('interiorPoint', () => {
  it('finds a point inside an L-shaped area whose centroid lies outside it', () => {
    // Prepare: an L whose vertex average (and bbox centre) falls in the missing corner.
    const ell: Polygon = [[[0, 0], [10, 0], [10, 2], [2, 2], [2, 10], [0, 10], [0, 0]]];
    // Act
    const p = interiorPoint(ell)!;
    // Assess
    expect(pointInGeometry(5, 5, ell)).toBe(false);
    expect(pointInGeometry(p.lng, p.lat, ell)).toBe(true);
  });

  it('keeps out of a hole in the middle', () => {
    const ring: Polygon = [
      [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
      [[3, 3], [7, 3], [7, 7], [3, 7], [3, 3]],
    ];
    const p = interiorPoint(ring)!;

    expect(pointInGeometry(p.lng, p.lat, ring)).toBe(true);
    expect(p.lng > 3 && p.lng < 7 && p.lat > 3 && p.lat < 7).toBe(false);
  });

  it('answers for a multipolygon from one of its parts', () => {
    const p = interiorPoint({ type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]], [[[5, 5], [9, 5], [9, 9], [5, 9], [5, 5]]]] })!;

    expect(p.lng > 5 && p.lng < 9 && p.lat > 5 && p.lat < 9).toBe(true);
  });
});
