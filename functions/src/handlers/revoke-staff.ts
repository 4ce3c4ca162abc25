import { defineRoute } from '../http/route';
import { revokeStaff } from '../accounts/onboarding';

export const handler = defineRoute('revoke-staff', async (req, rt) => ({
  body: await revokeStaff(rt, req.principal, req.actorName, req.params.id, req.now),
}));
