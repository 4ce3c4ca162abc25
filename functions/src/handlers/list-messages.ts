import { defineRoute } from '../http/route';
import { listMessages } from '../messages/inbox';

export const handler = defineRoute('list-messages', async (req, rt) => ({ body: await listMessages(rt, req, req.query) }));
