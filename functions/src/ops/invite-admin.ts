import { createDynamoClients } from '../store/clients';
import { InvitationRepository } from '../accounts/invitation-store';
import { issueInvitation } from '../accounts/onboarding';
import { readConfig } from '../config';
import { areaCodeSchema } from '@gridtong/shared/schemas/common';

/**
 * Operator tool: the first admin of a deployment. Admins invite everyone else from the
 * desk, but nobody can invite the first one; this writes an admin invitation straight to
 * the table and prints its one-time code (valid 72 hours). The person signs in with WeChat
 * and redeems it (POST /v1/auth/invitations/{code}).
 *
 *   TABLE_NAME=<table> AWS_REGION=cn-north-1 npm run invite-admin -- <areaCode> <name>
 */
async function main() {
  const [area, name] = process.argv.slice(2);
  if (!areaCodeSchema.safeParse(area).success || !name?.trim()) {
    console.error('Usage: npm run invite-admin -- <district/street code> <name>');
    process.exit(2);
  }
  const config = readConfig({ SESSION_SECRET: 'x'.repeat(32), ...process.env });
  const { doc } = createDynamoClients(config);
  const issued = await issueInvitation(new InvitationRepository(doc, config.tableName), { role: 'admin', areas: [area!], name: name.trim() }, 'operator', new Date());
  console.log(`Admin invitation for ${issued.name} (${area}): ${issued.code}\nMini-program path: ${issued.path}\nValid until ${issued.expiresAt}; usable once.`);
}

main().catch((err: unknown) => {
  console.error('Invitation failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
