import { defineRoute } from '../http/route';
import { getMyBooking } from '../bookings/service';
import { residentBookingView } from '../bookings/views';

export const handler = defineRoute('get-my-booking', async (req, rt) => ({
  body: residentBookingView(await getMyBooking(rt, req, req.params.id), await rt.city.get(), req.now),
}));
