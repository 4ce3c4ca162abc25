import type { Booking } from '@gridtong/shared/booking/schema';
import { requestContext } from '../context';
import { defineRoute } from '../http/route';
import { actOnMyBooking } from '../bookings/service';
import { residentBookingView } from '../bookings/views';

export const handler = defineRoute(
  'act-on-my-booking',
  async (req, rt) => ({ body: residentBookingView(await actOnMyBooking(rt, requestContext(req), { id: req.params.id, body: req.body }), await rt.city.get(), req.now) }),
  // Only the resident's own booking ever conflicts here, so their view of it is theirs to see.
  { conflictView: async (current: Booking, req, rt) => residentBookingView(current, await rt.city.get(), req.now) },
);
