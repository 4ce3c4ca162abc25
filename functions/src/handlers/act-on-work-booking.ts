import type { Booking } from '@gridtong/shared/booking/schema';
import { requestContext } from '../context';
import { defineRoute } from '../http/route';
import { actOnWorkBooking } from '../bookings/service';
import { workerBookingView } from '../bookings/views';

export const handler = defineRoute(
  'act-on-work-booking',
  async (req, rt) => {
    const booking = await actOnWorkBooking(rt, requestContext(req), { id: req.params.id, body: req.body });
    return { body: await workerBookingView(booking, await rt.city.get(), rt.photos, req.now, req.principal.userId) };
  },
  { conflictView: async (current: Booking, req, rt) => workerBookingView(current, await rt.city.get(), rt.photos, req.now, req.principal.userId) },
);
