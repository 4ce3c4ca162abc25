import { defineRoute } from '../http/route';
import { rescheduleSlots } from '../bookings/service';

export const handler = defineRoute('list-work-booking-slots', async (req, rt) => ({ body: await rescheduleSlots(rt, req, req.params.id) }));
