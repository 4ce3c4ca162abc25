import { defineRoute } from '../http/route';
import { readWorkCase } from '../cases/desk-actions';

export const handler = defineRoute('get-work-case', async (req, rt) => {
  const reveal = req.query.reveal === 'contact' && req.query.reason !== undefined ? { reason: req.query.reason } : null;
  return { body: await readWorkCase(rt, req.principal, req.actorName, req.params.id, reveal, req.now) };
});
