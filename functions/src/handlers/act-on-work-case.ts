import { defineRoute } from '../http/route';
import { actOnWorkCase } from '../cases/desk-actions';

export const handler = defineRoute('act-on-work-case', async (req, rt) => ({
  body: await actOnWorkCase(rt, req.principal, req.actorName, req.params.id, req.body, req.now),
}));
