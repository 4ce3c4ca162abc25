import { defineRoute } from '../http/route';
import { actOnMyBooking } from '../bookings/service';
import { residentBookingView } from '../bookings/views';

export const handler = defineRoute('act-on-my-booking', async (req, rt) => {
  const city = await rt.city.get();
  const view = (b: Parameters<typeof residentBookingView>[0]) => residentBookingView(b, city, req.now);
  return { body: view(await actOnMyBooking(rt, req, { id: req.params.id, body: req.body, view })) };
});
