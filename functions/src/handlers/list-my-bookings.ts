import { defineRoute } from '../http/route';
import { residentBookingSummary } from '../bookings/views';

export const handler = defineRoute('list-my-bookings', async (req, rt) => {
  const [page, city] = await Promise.all([rt.bookings.listMine(req.principal.userId, req.query.limit, req.query.cursor), rt.city.get()]);
  return { body: { bookings: page.bookings.map((b) => residentBookingSummary(b, city, req.now)), nextCursor: page.nextCursor } };
});
