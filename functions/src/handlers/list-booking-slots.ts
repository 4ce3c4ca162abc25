import { defineRoute } from '../http/route';
import { listSlots } from '../bookings/service';

export const handler = defineRoute('list-booking-slots', async (req, rt) => ({ body: await listSlots(rt, req, req.query) }));
