import { defineRoute } from '../http/route';
import { DomainError } from '@gridtong/shared/errors';
import { publicWorkers, workerCard } from '../workers';

/** Enough to move a map pin around while reporting; far too few to list a city's staff. */
const LOCATES_PER_HOUR = 60;

export const handler = defineRoute('locate-grid', async (req, rt) => {
  const city = await rt.city.get();
  const { lat, lng, coord } = req.query;
  const found = city.directory.locate(lng, lat, coord);
  if (!found) throw new DomainError('GRID.NOT_FOUND', '该位置不在本平台服务的网格范围内');
  const gate = await rt.rateLimits.take('locate', req.principal.userId, LOCATES_PER_HOUR, 3600, req.now);
  if (!gate.allowed) throw new DomainError('GRID.RATE_LIMITED', '查询过于频繁，请稍后再试', { retryAfterSeconds: gate.retryAfterSeconds });
  const workers = req.principal.role === 'resident' ? publicWorkers(found.workers) : found.workers;
  return {
    body: {
      grid: { code: found.grid.code, name: found.grid.name },
      community: { code: found.community.code, name: found.community.name },
      street: { code: found.street.code, name: found.street.name },
      district: { code: found.district.code, name: found.district.name },
      workers: workers.map((w) => workerCard(w, req.now)),
      wgs84: found.wgs84,
    },
  };
});
