import { defineRoute } from '../http/route';
import { getAvailability } from '../bookings/service';

export const handler = defineRoute('get-availability', async (req, rt) => ({
  body: await getAvailability(rt, req, req.query.gridCode),
}));
