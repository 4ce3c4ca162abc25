import { defineRoute } from '../http/route';
import { actOnWorkBooking } from '../bookings/service';
import { workerBookingView } from '../bookings/views';

export const handler = defineRoute('act-on-work-booking', async (req, rt) => {
  const city = await rt.city.get();
  const view = (b: Parameters<typeof workerBookingView>[0]) => workerBookingView(b, city, rt.photos, req.now, req.principal.userId);
  return { body: await view(await actOnWorkBooking(rt, req, { id: req.params.id, body: req.body, view })) };
});
