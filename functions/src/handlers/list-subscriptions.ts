import { defineRoute } from '../http/route';
import { subscriptionsOf } from '../messages/subscriptions';

export const handler = defineRoute('list-subscriptions', async (req, rt) => ({ body: await subscriptionsOf(rt, req) }));
