import { defineRoute } from '../http/route';
import { reportSubscriptions } from '../services/hear-back';

export const handler = defineRoute('report-subscriptions', async (req, rt) => ({ body: await reportSubscriptions(rt, req.principal, req.body, req.now) }));
