import { requestContext } from '../context';
import { defineRoute } from '../http/route';
import { idempotencyKeyOf } from '../http/idempotency';
import { storedCreates } from '../http/stored-creates';
import { createBooking } from '../bookings/service';
import { residentBookingView } from '../bookings/views';

export const handler = defineRoute('create-booking', async (req, rt) => {
  const key = idempotencyKeyOf(req.headers);
  const { booking, replayed } = await createBooking({ ...rt, idempotency: storedCreates(rt, 'create-booking', '次预约') }, requestContext(req), {
    key,
    body: req.body,
    lambdaContext: req.context,
  });
  return {
    body: residentBookingView(booking, await rt.city.get(), req.now),
    headers: { location: `/v1/bookings/${booking.id}`, ...(replayed ? { 'idempotent-replayed': 'true' } : {}) },
  };
});
