import { createHash } from 'node:crypto';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Principal, Role } from '@gridtong/shared/schemas/roles';
import { newUserId } from '../store/ids';
import { StaffDirectory } from './staff-directory';
import { writtenIf } from '../store/conditional';

/**
 * Accounts are keyed by a hash of the openid so the openid itself is stored nowhere and a
 * table export does not reveal who is who.
 */
export function openidHash(appId: string, openid: string): string {
  return createHash('sha256').update(`${appId}:${openid}`).digest('hex');
}

export interface AccountRecord {
  userId: string;
  role: Role;
  areas: string[];
  departmentId?: string;
  name?: string;
  createdAt: string;
}

const key = (hash: string) => ({ pk: `USER#${hash}`, sk: 'PROFILE' });

/** 我的住址: the resident's home grid, found from a point or picked from the area list. */
export interface HomeRecord {
  source: 'location' | 'picker';
  gridCode: string;
  updatedAt: string;
}
const homeKey = (userId: string) => ({ pk: `USERID#${userId}`, sk: 'HOME' });

export class UserRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async find(hash: string): Promise<AccountRecord | null> {
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: key(hash), ConsistentRead: true }));
    return (out.Item as AccountRecord | undefined) ?? null;
  }

  /** First login makes a resident account; staff accounts are bound beforehand by an operator. */
  async findOrCreateResident(hash: string, now: Date): Promise<AccountRecord> {
    const existing = await this.find(hash);
    if (existing) return existing;
    const record: AccountRecord = { userId: newUserId(now), role: 'resident', areas: [], createdAt: now.toISOString() };
    const created = await writtenIf(this.doc.send(new PutCommand({
      TableName: this.table,
      Item: { ...key(hash), ...record },
      ConditionExpression: 'attribute_not_exists(pk)',
    })));
    if (created) return record;
    // Two first logins raced: the other one won, use its account.
    const winner = await this.find(hash);
    if (!winner) throw new Error('account creation refused, yet no account is stored');
    return winner;
  }

  // 我的住址, kept beside the account under the user id (the
  // session knows the user id, never the openid hash). Only the grid is stored, not the point.
  async getHome(userId: string): Promise<HomeRecord | null> {
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: homeKey(userId), ConsistentRead: true }));
    if (!out.Item) return null;
    return { source: out.Item.source as HomeRecord['source'], gridCode: String(out.Item.gridCode), updatedAt: String(out.Item.updatedAt) };
  }

  async setHome(userId: string, home: HomeRecord): Promise<void> {
    await this.doc.send(new PutCommand({ TableName: this.table, Item: { ...homeKey(userId), ...home } }));
  }

  /** Binds (or rebinds) a staff account; used by seeding and operator tooling. */
  async bindStaff(hash: string, record: AccountRecord): Promise<void> {
    await this.doc.send(new PutCommand({ TableName: this.table, Item: { ...key(hash), ...record } }));
    // The deliverer finds staff by area and department through the staff directory.
    await new StaffDirectory(this.doc, this.table).add(record);
  }
}

export function toPrincipal(record: AccountRecord): Principal {
  return {
    userId: record.userId,
    role: record.role,
    scope: { areas: record.areas, ...(record.departmentId ? { departmentId: record.departmentId } : {}) },
  };
}
