import { requestContext } from '../context';
import { defineRoute } from '../http/route';
import { idempotencyKeyOf } from '../http/idempotency';
import { storedCreates } from '../http/stored-creates';
import { reportCase } from '../cases/report';
import { residentCaseView } from '../cases/resident-views';

export const handler = defineRoute('create-case', async (req, rt) => {
  const key = idempotencyKeyOf(req.headers);
  const { caseItem, replayed } = await reportCase({ ...rt, idempotency: storedCreates(rt, 'create-case', '份上报') }, requestContext(req), {
    key,
    body: req.body,
    admit: req.admit,
    lambdaContext: req.context,
  });
  return {
    body: await residentCaseView(caseItem, await rt.city.get(), rt.photos, req.principal, req.now),
    headers: { location: `/v1/cases/${caseItem.id}`, ...(replayed ? { 'idempotent-replayed': 'true' } : {}) },
  };
});
