import { requestContext } from '../context';
import { defineRoute } from '../http/route';
import { readWorkCase } from '../cases/desk-actions';
import { workCaseViewFor } from '../cases/staff-views';

export const handler = defineRoute('get-work-case', async (req, rt) => {
  const reveal = req.query.reveal === 'contact' && req.query.reason !== undefined ? { reason: req.query.reason } : null;
  const ctx = requestContext(req);
  const { caseItem, revealContact } = await readWorkCase(rt, ctx, req.params.id, reveal);
  return { body: await workCaseViewFor(rt, caseItem, ctx, revealContact) };
});
