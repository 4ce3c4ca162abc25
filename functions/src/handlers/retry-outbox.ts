import { defineRoute } from '../http/route';
import { retryParked } from '../outbox/outbox-admin';

export const handler = defineRoute('retry-outbox', async (req, rt) => ({ body: await retryParked(rt, req, req.params.id) }));
