import { requestContext } from '../context';
import { defineRoute } from '../http/route';
import { readStats } from '../cases/stats';

export const handler = defineRoute('get-stats', async (req, rt) => ({ body: await readStats(rt, requestContext(req), req.query) }));
