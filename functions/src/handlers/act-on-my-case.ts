import type { Case } from '@gridtong/shared/schemas/case';
import { requestContext } from '../context';
import { defineRoute } from '../http/route';
import { actOnCase } from '../cases/case-actions';
import { residentCaseView } from '../cases/resident-views';

export const handler = defineRoute(
  'act-on-my-case',
  async (req, rt) => {
    const { caseItem } = await actOnCase(rt, requestContext(req), req.params.id, req.body);
    return { body: await residentCaseView(caseItem, await rt.city.get(), rt.photos, req.principal, req.now) };
  },
  // actOnCase only reports conflicts on the caller's own case, so the resident view is theirs to see.
  { conflictView: async (current: Case, req, rt) => residentCaseView(current, await rt.city.get(), rt.photos, req.principal, req.now) },
);
