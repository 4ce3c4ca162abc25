import { defineRoute } from '../http/route';
import { putAvailability } from '../bookings/service';

export const handler = defineRoute('put-availability', async (req, rt) => ({
  body: await putAvailability(rt, req, req.body),
}));
