import { defineRoute } from '../http/route';
import { readMessages } from '../messages/inbox';

export const handler = defineRoute('read-messages', async (req, rt) => ({ body: await readMessages(rt, req, req.body) }));
