import { defineRoute } from '../http/route';
import { readVisitStats } from '../bookings/stats';

export const handler = defineRoute('get-visit-stats', async (req, rt) => ({ body: await readVisitStats(rt, req, req.query) }));
