import type { Case } from '@gridtong/shared/schemas/case';
import { requestContext } from '../context';
import { defineRoute } from '../http/route';
import { actOnWorkCase } from '../cases/desk-actions';
import { workCaseViewFor } from '../cases/staff-views';

export const handler = defineRoute(
  'act-on-work-case',
  async (req, rt) => {
    const ctx = requestContext(req);
    return { body: await workCaseViewFor(rt, await actOnWorkCase(rt, ctx, req.params.id, req.body), ctx) };
  },
  { conflictView: (current: Case, req, rt) => workCaseViewFor(rt, current, requestContext(req)) },
);
