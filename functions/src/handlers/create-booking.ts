import { defineRoute } from '../http/route';
import { createBooking } from '../bookings/service';
import { residentBookingView } from '../bookings/views';

export const handler = defineRoute('create-booking', async (req, rt) => {
  const { booking, replayed } = await createBooking(rt, req.principal, req.headers, req.body, req.now);
  return {
    body: residentBookingView(booking, await rt.city.get(), req.now),
    headers: { location: `/v1/bookings/${booking.id}`, ...(replayed ? { 'idempotent-replayed': 'true' } : {}) },
  };
});
