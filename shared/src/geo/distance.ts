/** Mean Earth radius (IUGG), metres. */
export const EARTH_RADIUS_METRES = 6371008.8;

const toRad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres between two WGS-84 points (haversine). */
export function haversineMetres(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const dLat = toRad(lat2 - lat1);
  const dLng = toRad(lng2 - lng1);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}
