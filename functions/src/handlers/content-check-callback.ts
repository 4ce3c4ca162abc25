import { defineRoute } from '../http/route';
import { acceptContentCallback } from '../cases/content-callback';

export const handler = defineRoute('content-check-callback', async (req, rt) => ({
  body: await acceptContentCallback({ token: rt.callbackToken, checks: rt.contentChecks }, req.query, req.body, req.now),
}));
