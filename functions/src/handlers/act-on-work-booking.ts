import type { Booking } from '@gridtong/shared/booking/schema';
import { defineRoute } from '../http/route';
import { actOnWorkBooking } from '../bookings/service';
import { workerBookingView } from '../bookings/views';

export const handler = defineRoute(
  'act-on-work-booking',
  async (req, rt) => {
    const booking = await actOnWorkBooking(rt, req.principal, req.actorName, req.params.id, req.body, req.now);
    return { body: await workerBookingView(booking, await rt.city.get(), rt.photos, req.now, req.principal.userId) };
  },
  { conflictView: async (current: Booking, req, rt) => workerBookingView(current, await rt.city.get(), rt.photos, req.now, req.principal.userId) },
);
