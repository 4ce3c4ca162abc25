import { defineRoute } from '../http/route';
import { listMyBookings } from '../bookings/service';
import { residentBookingSummary } from '../bookings/views';

export const handler = defineRoute('list-my-bookings', async (req, rt) => {
  const [page, city] = await Promise.all([listMyBookings(rt, req, req.query), rt.city.get()]);
  return { body: { bookings: page.bookings.map((b) => residentBookingSummary(b, city, req.now)), nextCursor: page.nextCursor } };
});
