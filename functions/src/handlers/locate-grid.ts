import { defineRoute } from '../http/route';
import { DomainError } from '@gridtong/shared/errors';
import { workerCard } from '../workers';

export const handler = defineRoute('locate-grid', async (req, rt) => {
  const city = await rt.city.get();
  const { lat, lng, coord } = req.query;
  const found = city.directory.locate(lng, lat, coord);
  if (!found) throw new DomainError('GRID.NOT_FOUND', '该位置不在本平台服务的网格范围内');
  return {
    body: {
      grid: { code: found.grid.code, name: found.grid.name },
      community: { code: found.community.code, name: found.community.name },
      street: { code: found.street.code, name: found.street.name },
      district: { code: found.district.code, name: found.district.name },
      workers: found.workers.map((w) => workerCard(w, req.now)),
      wgs84: found.wgs84,
    },
  };
});
