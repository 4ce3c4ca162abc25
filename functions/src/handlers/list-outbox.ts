import { defineRoute } from '../http/route';
import { listOutbox } from '../outbox/outbox-admin';

export const handler = defineRoute('list-outbox', async (req, rt) => ({ body: { entries: await listOutbox(rt, req.query) } }));
