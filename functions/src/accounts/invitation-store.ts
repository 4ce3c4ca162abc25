import { createHash, randomBytes } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '@gridtong/shared/errors';
import type { Role } from '@gridtong/shared/schemas/roles';
import { conditionalWrite } from '../store/conditional';

/** What an invitation grants, as the admin issued it. */
export interface InvitationGrant {
  role: Role;
  areas: string[];
  departmentId?: string;
  name: string;
}

export interface StoredInvitation extends InvitationGrant {
  createdBy: string;
  createdAt: string;
  /** Epoch seconds: the table's TTL attribute removes the item some time after. */
  expiresAt: number;
  redeemedBy?: string;
  redeemedAt?: string;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 12 base32 characters = 60 random bits, enough for a code valid 72 hours and used once. */
export function newInvitationCode(random: Uint8Array = randomBytes(12)): string {
  return [...random].map((b) => CROCKFORD[b & 31]).join('');
}

/** Only a hash of the code is stored: a table export does not hand out staff accounts. */
const key = (code: string) => ({ pk: `INVITE#${createHash('sha256').update(code).digest('hex')}`, sk: 'INVITATION' });

function fromItem(item: Record<string, unknown>): StoredInvitation {
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest as unknown as StoredInvitation;
}

export class InvitationRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async create(code: string, invitation: StoredInvitation): Promise<void> {
    await this.doc.send(new PutCommand({ TableName: this.table, Item: { ...key(code), ...invitation }, ConditionExpression: 'attribute_not_exists(pk)' }));
  }

  /**
   * One conditional write marks the invitation used by `userId`: of two redemptions at
   * once, exactly one succeeds. Expired, used and unknown codes are told apart after.
   */
  async redeem(code: string, userId: string, now: Date): Promise<StoredInvitation> {
    const redeemed = await conditionalWrite(this.doc.send(new UpdateCommand({
      TableName: this.table,
      Key: key(code),
      UpdateExpression: 'SET redeemedBy = :u, redeemedAt = :at',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(redeemedAt) AND expiresAt > :now',
      ExpressionAttributeValues: { ':u': userId, ':at': now.toISOString(), ':now': Math.floor(now.getTime() / 1000) },
      ReturnValues: 'ALL_NEW',
    })));
    if (redeemed) return fromItem(redeemed.Attributes ?? {});
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: key(code), ConsistentRead: true }));
    const found = out.Item ? fromItem(out.Item) : null;
    if (!found) throw new DomainError('INVITATION.NOT_FOUND', '邀请码无效，请向管理员确认');
    if (found.redeemedAt) throw new DomainError('INVITATION.USED', '该邀请码已被使用');
    throw new DomainError('INVITATION.EXPIRED', '该邀请码已过期，请联系管理员重新发放');
  }
}
