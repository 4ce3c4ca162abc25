import type { Booking } from '@gridtong/shared/booking/schema';
import { defineRoute } from '../http/route';
import { actOnMyBooking } from '../bookings/service';
import { residentBookingView } from '../bookings/views';

export const handler = defineRoute(
  'act-on-my-booking',
  async (req, rt) => ({ body: residentBookingView(await actOnMyBooking(rt, req.principal, req.params.id, req.body, req.now), await rt.city.get(), req.now) }),
  // Only the resident's own booking ever conflicts here, so their view of it is theirs to see.
  { conflictView: async (current: Booking, req, rt) => residentBookingView(current, await rt.city.get(), req.now) },
);
