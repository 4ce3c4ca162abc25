import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Role } from '@gridtong/shared/schemas/roles';
import { queryPages } from '../store/paging';

export interface StaffMember {
  userId: string;
  role: Role;
}

export interface StaffRecord {
  userId: string;
  role: Role;
  areas: readonly string[];
  departmentId?: string;
}

const areaPartition = (code: string) => `STAFF#AREA#${code}`;
const departmentPartition = (id: string) => `STAFF#DEPT#${id}`;

const partitionsOf = (record: StaffRecord) => [...(record.areas ?? []).map(areaPartition), ...(record.departmentId ? [departmentPartition(record.departmentId)] : [])];

/**
 * Who works where, so the deliverer can turn "the grid's staff" or "the department's
 * handlers" into people with one query per area. One small item per (area or department,
 * account), written when a staff account is bound.
 */
export class StaffDirectory {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async add(record: StaffRecord): Promise<void> {
    for (const pk of partitionsOf(record)) {
      await this.doc.send(new PutCommand({ TableName: this.table, Item: { pk, sk: `${record.role}#${record.userId}`, userId: record.userId, role: record.role } }));
    }
  }

  /** When the account is revoked: it hears of nothing more. */
  async remove(record: StaffRecord): Promise<void> {
    for (const pk of partitionsOf(record)) {
      await this.doc.send(new DeleteCommand({ TableName: this.table, Key: { pk, sk: `${record.role}#${record.userId}` } }));
    }
  }

  async inArea(code: string): Promise<StaffMember[]> {
    return this.members(areaPartition(code));
  }

  async inDepartment(id: string): Promise<StaffMember[]> {
    return this.members(departmentPartition(id));
  }

  private async members(pk: string): Promise<StaffMember[]> {
    const found: StaffMember[] = [];
    for await (const out of queryPages(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': pk },
    })) {
      for (const item of out.Items ?? []) found.push({ userId: String(item.userId), role: item.role as Role });
    }
    return found;
  }
}
