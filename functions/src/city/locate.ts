import type { LocateResponse } from '@gridtong/shared/api/city';
import { DomainError } from '@gridtong/shared/errors';
import type { CoordSystem } from '@gridtong/shared/schemas/case';
import type { Principal } from '@gridtong/shared/schemas/roles';
import type { Runtime } from '../runtime';
import { publicWorkers, workerCard } from './worker-cards';

/** The grid a point lies in, its places up to the district, and the workers the caller may see. */
export async function locateGrid(
  rt: Pick<Runtime, 'city'>,
  principal: Principal,
  query: { lat: number; lng: number; coord: CoordSystem },
  now: Date,
): Promise<LocateResponse> {
  const city = await rt.city.get();
  const { lat, lng, coord } = query;
  const found = city.directory.locate(lng, lat, coord);
  if (!found) throw new DomainError('GRID.NOT_FOUND', '该位置不在本平台服务的网格范围内');
  const workers = principal.role === 'resident' ? publicWorkers(found.workers) : found.workers;
  return {
    grid: { code: found.grid.code, name: found.grid.name },
    community: { code: found.community.code, name: found.community.name },
    street: { code: found.street.code, name: found.street.name },
    district: { code: found.district.code, name: found.district.name },
    workers: workers.map((w) => workerCard(w, now)),
    wgs84: found.wgs84,
  };
}
