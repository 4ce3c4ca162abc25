import { gcj02ToWgs84, outOfChina, wgs84ToGcj02 } from '../../src/geo/coords';
import { haversineMetres } from '../../src/geo/distance';

describe('GCJ-02 ⇄ WGS-84', () => {
  it('matches published WGS-84 → GCJ-02 reference pairs', () => {
    // Published with wandergis/coordtransform (and reused by hutool's tests): to 1e-9°.
    const [lng, lat] = wgs84ToGcj02(116.404, 39.915);
    expect(lng).toBeCloseTo(116.41024449916938, 9);
    expect(lat).toBeCloseTo(39.91640428150164, 9);
    // Published in a Python package's tests with 12 decimals; its float constants differ slightly (~3 mm).
    const [lng2, lat2] = wgs84ToGcj02(116.0, 40.0);
    expect(lng2).toBeCloseTo(116.006141221789, 6);
    expect(lat2).toBeCloseTo(40.001213650174, 6);
  });

  it('moves a Guangzhou point by a few hundred metres, more than a grid is wide', () => {
    const [lng, lat] = wgs84ToGcj02(113.36, 23.13);
    const offset = haversineMetres(113.36, 23.13, lng, lat);
    expect(offset).toBeGreaterThan(200);
    expect(offset).toBeLessThan(1000);
  });

  it('round-trips within 1e-7° (well under 0.5 m) everywhere across China', () => {
    let worstDeg = 0;
    let worstMetres = 0;
    for (let lng = 73.5; lng <= 135; lng += 1.7) {
      for (let lat = 18.2; lat <= 53.5; lat += 0.9) {
        const [gLng, gLat] = wgs84ToGcj02(lng, lat);
        const [wLng, wLat] = gcj02ToWgs84(gLng, gLat);
        worstDeg = Math.max(worstDeg, Math.abs(wLng - lng), Math.abs(wLat - lat));
        worstMetres = Math.max(worstMetres, haversineMetres(lng, lat, wLng, wLat));
      }
    }
    expect(worstDeg).toBeLessThan(1e-7);
    expect(worstMetres).toBeLessThan(0.5);
  });

  it('inverts more precisely than the one-step approximation', () => {
    // One step (w ≈ 2g − f(g)) is what many snippets ship; it leaves metres of error.
    const gcj: [number, number] = [113.36, 23.13];
    const [fLng, fLat] = wgs84ToGcj02(gcj[0], gcj[1]);
    const oneStep: [number, number] = [2 * gcj[0] - fLng, 2 * gcj[1] - fLat];
    const iterated = gcj02ToWgs84(gcj[0], gcj[1]);
    const errorOf = ([lng, lat]: [number, number]) => {
      const [backLng, backLat] = wgs84ToGcj02(lng, lat);
      return haversineMetres(gcj[0], gcj[1], backLng, backLat);
    };
    expect(errorOf(iterated)).toBeLessThan(0.01);
    expect(errorOf(oneStep)).toBeGreaterThan(errorOf(iterated));
  });

  it('passes coordinates outside China through unchanged', () => {
    expect(outOfChina(139.69, 35.69)).toBe(true);
    expect(wgs84ToGcj02(139.69, 35.69)).toEqual([139.69, 35.69]);
    expect(gcj02ToWgs84(-0.1278, 51.5074)).toEqual([-0.1278, 51.5074]);
    expect(outOfChina(113.36, 23.13)).toBe(false);
  });
});
