import { defineRoute } from '../http/route';
import { followCase } from '../cases/follow';

export const handler = defineRoute('follow-case', async (req, rt) => ({ body: await followCase(rt, req.principal, req.params.id, req.now) }));
