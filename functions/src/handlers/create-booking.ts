import { defineRoute } from '../http/route';
import { idempotencyKeyOf } from '../http/idempotency';
import { bookingCreates } from '../bookings/idempotency';
import { createBooking } from '../bookings/service';
import { residentBookingView } from '../bookings/views';

export const handler = defineRoute('create-booking', async (req, rt) => {
  const key = idempotencyKeyOf(req.headers);
  const { booking, replayed } = await createBooking({ ...rt, idempotency: bookingCreates(rt) }, req, { key, body: req.body, lambdaContext: req.context });
  return {
    body: residentBookingView(booking, await rt.city.get(), req.now),
    headers: { location: `/v1/bookings/${booking.id}`, ...(replayed ? { 'idempotent-replayed': 'true' } : {}) },
  };
});
