import { defineRoute } from '../http/route';
import { unfollowCase } from '../cases/follow';

export const handler = defineRoute('unfollow-case', async (req, rt) => ({ body: await unfollowCase(rt, req.principal, req.params.id) }));
