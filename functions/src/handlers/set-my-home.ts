import { defineRoute } from '../http/route';
import { setHome } from '../accounts/home';

export const handler = defineRoute('set-my-home', async (req, rt) => ({ body: await setHome(rt, req.principal, req.body, req.now) }));
