import { defineRoute } from '../http/route';
import { unfollowCase } from '../services/follow';

export const handler = defineRoute('unfollow-case', async (req, rt) => ({ body: await unfollowCase(rt, req.principal, req.params.id) }));
