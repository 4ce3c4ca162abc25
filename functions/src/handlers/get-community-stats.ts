import { defineRoute } from '../http/route';
import { communityStats } from '../services/hear-back';

export const handler = defineRoute('get-community-stats', async (req, rt) => ({ body: await communityStats(rt, req.params.code, req.now) }));
