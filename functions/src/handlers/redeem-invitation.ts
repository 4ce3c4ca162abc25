import { defineRoute } from '../http/route';
import { redeemInvitation } from '../accounts/onboarding';

export const handler = defineRoute('redeem-invitation', async (req, rt) => ({
  body: await redeemInvitation(rt, req.principal, req.params.code, req.now),
}));
