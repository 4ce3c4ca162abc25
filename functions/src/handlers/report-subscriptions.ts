import { defineRoute } from '../http/route';
import { reportSubscriptions } from '../messages/subscriptions';

export const handler = defineRoute('report-subscriptions', async (req, rt) => ({ body: await reportSubscriptions(rt, req, req.body) }));
