import { requestContext } from '../context';
import { defineRoute } from '../http/route';
import { listMyCases } from '../cases/my-cases';

export const handler = defineRoute('list-my-cases', async (req, rt) => ({
  body: await listMyCases(rt, requestContext(req), req.query),
}));
