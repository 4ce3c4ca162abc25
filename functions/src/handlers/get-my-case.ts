import { defineRoute } from '../http/route';
import { DomainError } from '@gridtong/shared/errors';
import { residentCaseView } from '../views';

export const handler = defineRoute('get-my-case', async (req, rt) => {
  const found = await rt.cases.get(req.params.id);
  // Someone else's case is indistinguishable from no case at all.
  if (!found || found.residentId !== req.principal.userId) throw new DomainError('CASE.NOT_FOUND', '未找到该上报');
  return { body: await residentCaseView(found, await rt.city.get(), rt.photos, req.principal, req.now) };
});
