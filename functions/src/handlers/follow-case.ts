import { requestContext } from '../context';
import { defineRoute } from '../http/route';
import { followCase } from '../cases/follow';

export const handler = defineRoute('follow-case', async (req, rt) => ({ body: await followCase(rt, requestContext(req), req.params.id) }));
