import { requestContext } from '../context';
import { defineRoute } from '../http/route';
import { unfollowCase } from '../cases/follow';

export const handler = defineRoute('unfollow-case', async (req, rt) => ({ body: await unfollowCase(rt, requestContext(req), req.params.id) }));
