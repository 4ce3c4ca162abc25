import { defineRoute } from '../http/route';
import { getWorkBooking } from '../bookings/service';
import { workerBookingView } from '../bookings/views';

export const handler = defineRoute('get-work-booking', async (req, rt) => {
  const [b, city] = await Promise.all([getWorkBooking(rt, req, req.params.id), rt.city.get()]);
  return { body: await workerBookingView(b, city, rt.photos, req.now, req.principal.userId) };
});
