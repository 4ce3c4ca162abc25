import { demoAccounts } from '@gridtong/shared/city/accounts';
import { ROLE_LABELS } from '@gridtong/shared/schemas/roles';
import { defineRoute } from '../http/route';

/** Local stack only (route marked localOnly; the handler also refuses unless enabled). */
export const handler = defineRoute('dev-accounts', async (_req, rt) => {
  const city = await rt.city.get();
  return {
    body: {
      accounts: demoAccounts(city.data).map((a) => ({
        name: a.name,
        role: a.role,
        roleLabel: ROLE_LABELS[a.role],
        areas: a.areas,
        ...(a.departmentId ? { departmentId: a.departmentId } : {}),
        code: a.code,
        description: a.description,
      })),
    },
  };
});
