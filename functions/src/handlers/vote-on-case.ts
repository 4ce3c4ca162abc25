import { requestContext } from '../context';
import { defineRoute } from '../http/route';
import { voteOnCase } from '../cases/votes';

export const handler = defineRoute('vote-on-case', async (req, rt) => ({ body: await voteOnCase(rt, requestContext(req), req.params.id, req.body.level) }));
