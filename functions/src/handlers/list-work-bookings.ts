import { defineRoute } from '../http/route';
import { workDay } from '../bookings/service';
import { workerBookingView } from '../bookings/views';

export const handler = defineRoute('list-work-bookings', async (req, rt) => {
  const [{ day, bookings, ahead }, city] = await Promise.all([workDay(rt, req, req.query.day), rt.city.get()]);
  return { body: { day, bookings: await Promise.all(bookings.map((b) => workerBookingView(b, city, rt.photos, req.now, req.principal.userId))), ahead } };
});
