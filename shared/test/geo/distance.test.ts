import { haversineMetres } from '../../src/geo/distance';

describe('haversineMetres', () => {
  it('measures one degree of latitude as about 111.2 km', () => {
    expect(haversineMetres(113.36, 23, 113.36, 24)).toBeCloseTo(111195, -1);
  });

  it('measures London to Paris as about 343.5 km', () => {
    expect(haversineMetres(-0.1278, 51.5074, 2.3522, 48.8566) / 1000).toBeCloseTo(343.5, 0);
  });

  it('is symmetric and zero for the same point', () => {
    expect(haversineMetres(113.3, 23.1, 113.31, 23.12)).toBeCloseTo(haversineMetres(113.31, 23.12, 113.3, 23.1), 6);
    expect(haversineMetres(113.3, 23.1, 113.3, 23.1)).toBe(0);
  });
});
