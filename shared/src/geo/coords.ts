import type { LngLat } from './polygon';

/**
 * GCJ-02 (the offset datum WeChat and Chinese map SDKs return) ⇄ WGS-84 (what our
 * grid polygons use). The offset is a published closed-form function of WGS-84
 * coordinates on the Krasovsky ellipsoid; it has no closed-form inverse, so the
 * reverse direction is solved iteratively.
 */

const KRASOVSKY_A = 6378245.0;
const KRASOVSKY_EE = 0.006693421622965943;
const INVERSE_TOLERANCE_DEG = 1e-9;
const INVERSE_MAX_ITERATIONS = 30;

/** The offset applies only inside this rough rectangle around China; outside it GCJ-02 equals WGS-84. */
export function outOfChina(lng: number, lat: number): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function offsetLat(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320.0 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return ret;
}

function offsetLng(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return ret;
}

/** The GCJ-02 offset, in degrees, at a WGS-84 point. */
function offsetAt(lng: number, lat: number): LngLat {
  const radLat = (lat / 180.0) * Math.PI;
  const sinLat = Math.sin(radLat);
  const magic = 1 - KRASOVSKY_EE * sinLat * sinLat;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (offsetLat(lng - 105.0, lat - 35.0) * 180.0) / (((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (offsetLng(lng - 105.0, lat - 35.0) * 180.0) / ((KRASOVSKY_A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [dLng, dLat];
}

export function wgs84ToGcj02(lng: number, lat: number): LngLat {
  if (outOfChina(lng, lat)) return [lng, lat];
  const [dLng, dLat] = offsetAt(lng, lat);
  return [lng + dLng, lat + dLat];
}

/**
 * Inverts wgs84ToGcj02 by fixed-point iteration: the offset varies slowly (its Jacobian
 * is close to the identity), so each step gains several digits; a few steps reach
 * 1e-9° (~0.1 mm), where the one-step approximation is off by metres.
 */
export function gcj02ToWgs84(lng: number, lat: number): LngLat {
  if (outOfChina(lng, lat)) return [lng, lat];
  let wLng = lng;
  let wLat = lat;
  for (let i = 0; i < INVERSE_MAX_ITERATIONS; i++) {
    const [gLng, gLat] = wgs84ToGcj02(wLng, wLat);
    const errLng = gLng - lng;
    const errLat = gLat - lat;
    wLng -= errLng;
    wLat -= errLat;
    if (Math.abs(errLng) < INVERSE_TOLERANCE_DEG && Math.abs(errLat) < INVERSE_TOLERANCE_DEG) break;
  }
  return [wLng, wLat];
}
