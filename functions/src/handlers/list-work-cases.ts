import { requestContext } from '../context';
import { defineRoute } from '../http/route';
import { listWorkQueue } from '../cases/desk-queue';

export const handler = defineRoute('list-work-cases', async (req, rt) => ({
  body: await listWorkQueue(rt, requestContext(req), req.query),
}));
