import { defineRoute } from '../http/route';
import { caseSummary } from '../views';

export const handler = defineRoute('list-my-cases', async (req, rt) => {
  const page = await rt.cases.listByResident(req.principal.userId, req.query.limit, req.query.cursor);
  return { body: { cases: page.items.map(caseSummary), nextCursor: page.nextCursor } };
});
