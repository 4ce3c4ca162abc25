import { defineRoute } from '../http/route';
import { describeMe } from '../accounts/home';

export const handler = defineRoute('get-me', async (req, rt) => ({ body: await describeMe(rt, req.principal, req.now) }));
