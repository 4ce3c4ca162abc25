import { defineRoute } from '../http/route';
import { getAvailability } from '../bookings/service';

export const handler = defineRoute('get-availability', async (req, rt) => ({
  body: await getAvailability(rt, req.principal, req.actorName, req.query.gridCode, req.now),
}));
