import { defineRoute } from '../http/route';
import { subscriptionsOf } from '../services/hear-back';

export const handler = defineRoute('list-subscriptions', async (req, rt) => ({ body: await subscriptionsOf(rt, req.principal) }));
