import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '@gridtong/shared/errors';
import type { Principal, Role } from '@gridtong/shared/schemas/roles';
import { StaffDirectory } from './staff-directory';
import { conditionalWrite, writtenIf } from '../store/conditional';

/**
 * A staff account, keyed by user id: the truth for a staff member's role, scope and name.
 * The login record (keyed by the openid hash, accounts/user-store.ts) only says who someone is;
 * this says what they may do now. Revoking flips `status` here, and staff routes read it.
 */
export interface StaffAccount {
  userId: string;
  role: Role;
  areas: string[];
  departmentId?: string;
  name: string;
  status: 'active' | 'revoked';
  createdAt: string;
  /** The admin who invited them (absent for seeded demo accounts). */
  invitedBy?: string;
  revokedAt?: string;
  revokedBy?: string;
}

/** Staff routes trust a stored account for at most this long (revocation takes effect within it). */
export const STAFF_CACHE_SECONDS = 60;

const key = (userId: string) => ({ pk: `STAFF#${userId}`, sk: 'ACCOUNT' });

function fromItem(item: Record<string, unknown>): StaffAccount {
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest as unknown as StaffAccount;
}

export function staffPrincipal(account: StaffAccount): Principal {
  return {
    userId: account.userId,
    role: account.role,
    scope: { areas: account.areas, ...(account.departmentId ? { departmentId: account.departmentId } : {}) },
  };
}

export class StaffRepository {
  /** Per container: user id → the account as read, and when. */
  private readonly cache = new Map<string, { account: StaffAccount | null; readAt: number }>();

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async get(userId: string): Promise<StaffAccount | null> {
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: key(userId), ConsistentRead: true }));
    return out.Item ? fromItem(out.Item) : null;
  }

  /**
   * The account as staff routes see it: from the container's cache when it is younger
   * than a minute, else from the table. `fresh` skips the cache (every write route does).
   */
  async current(userId: string, now: Date, options: { fresh?: boolean } = {}): Promise<StaffAccount | null> {
    const cached = this.cache.get(userId);
    const age = cached ? now.getTime() - cached.readAt : Infinity;
    if (!options.fresh && cached && age >= 0 && age < STAFF_CACHE_SECONDS * 1000) return cached.account;
    const account = await this.get(userId);
    this.cache.set(userId, { account, readAt: now.getTime() });
    // A container serves a bounded set of people; keep the map from growing without end.
    if (this.cache.size > 5000) this.cache.delete(this.cache.keys().next().value as string);
    return account;
  }

  /**
   * Binds a staff account to a user. Refused while an active account exists for that user;
   * a revoked one may be bound again by a new invitation.
   */
  async bind(account: StaffAccount): Promise<void> {
    await conditionalWrite(this.doc.send(new PutCommand({
      TableName: this.table,
      Item: { ...key(account.userId), ...account },
      ConditionExpression: 'attribute_not_exists(pk) OR #s = :revoked',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':revoked': 'revoked' },
    })), new DomainError('INVITATION.ALREADY_STAFF', '您已是工作人员，无需再次使用邀请码'));
    this.cache.delete(account.userId);
    // Messages find staff by area and department.
    await new StaffDirectory(this.doc, this.table).add(account);
  }

  /** Seeding: writes the account unless one is already stored (a revoked demo account stays revoked). */
  async ensure(account: StaffAccount): Promise<void> {
    const written = await writtenIf(this.doc.send(new PutCommand({
      TableName: this.table,
      Item: { ...key(account.userId), ...account },
      ConditionExpression: 'attribute_not_exists(pk)',
    })));
    // Messages find staff by area and department.
    if (written) await new StaffDirectory(this.doc, this.table).add(account);
  }

  /** One conditional write; revoking twice is harmless and keeps the first time. */
  async revoke(userId: string, by: string, now: Date): Promise<StaffAccount> {
    const out = await conditionalWrite(this.doc.send(new UpdateCommand({
      TableName: this.table,
      Key: key(userId),
      UpdateExpression: 'SET #s = :revoked, revokedAt = if_not_exists(revokedAt, :now), revokedBy = if_not_exists(revokedBy, :by)',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':revoked': 'revoked', ':now': now.toISOString(), ':by': by },
      ReturnValues: 'ALL_NEW',
    })), new DomainError('STAFF.NOT_FOUND', '未找到该工作人员'));
    this.cache.delete(userId);
    const revoked = fromItem(out.Attributes ?? {});
    // A revoked account hears of no more cases.
    await new StaffDirectory(this.doc, this.table).remove(revoked);
    return revoked;
  }
}
