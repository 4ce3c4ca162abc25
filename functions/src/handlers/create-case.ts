import { defineRoute } from '../http/route';
import { reportCase } from '../cases/report';
import { residentCaseView } from '../cases/resident-views';

export const handler = defineRoute('create-case', async (req, rt) => {
  const { caseItem, replayed } = await reportCase(rt, req.principal, req.headers, req.body, req.now, req.context, req.admit);
  return {
    body: await residentCaseView(caseItem, await rt.city.get(), rt.photos, req.principal, req.now),
    headers: { location: `/v1/cases/${caseItem.id}`, ...(replayed ? { 'idempotent-replayed': 'true' } : {}) },
  };
});
