import { requestContext } from '../context';
import { defineRoute } from '../http/route';
import { findWorkCase } from '../cases/desk-actions';

export const handler = defineRoute('find-work-case', async (req, rt) => ({
  body: await findWorkCase(rt, requestContext(req), req.params.number),
}));
