import { defineRoute } from '../http/route';
import { communityStats } from '../cases/community-stats';

export const handler = defineRoute('get-community-stats', async (req, rt) => ({ body: await communityStats(rt, req.params.code, req.now) }));
