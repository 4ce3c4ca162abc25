import { defineRoute } from '../http/route';
import { createInvitation } from '../accounts/onboarding';

export const handler = defineRoute('create-invitation', async (req, rt) => ({
  body: await createInvitation(rt, req.principal, req.body, req.now),
}));
