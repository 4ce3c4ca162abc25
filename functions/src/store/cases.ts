import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { caseSchema, type Case, type CaseStatus } from '@gridtong/shared/schemas/case';
import { DomainError } from '@gridtong/shared/errors';
import { decodeCursor, encodeCursor } from './cursor';

const CLOSED: ReadonlySet<CaseStatus> = new Set(['rejected', 'cancelled', 'closed', 'rated', 'unrated']);
const AT_DEPARTMENT: ReadonlySet<CaseStatus> = new Set(['dispatched', 'accepted', 'handling', 'suspended']);

/** Geohash length 6 cells are ~1.2 km × 0.6 km: a 250 m circle touches at most four. */
export const NEARBY_CELL_PRECISION = 6;

const caseKey = (id: string) => ({ pk: `CASE#${id}`, sk: 'CASE' });

/**
 * The stored item: the case itself plus the sparse index keys for the access patterns it
 * currently belongs to. Index keys are derived from the case on every write, so a case
 * leaves the open-case queues the moment it closes.
 */
export function toItem(c: Case): Record<string, unknown> {
  const open = !CLOSED.has(c.status);
  const deadline = c.handlingDeadline ?? c.dispatchDeadline;
  return {
    ...caseKey(c.id),
    ...c,
    gsi1pk: `RES#${c.residentId}`,
    gsi1sk: `${c.createdAt}#${c.id}`,
    ...(open ? { gsi2pk: `GRID#${c.location.gridCode}`, gsi2sk: `${deadline}#${c.id}` } : {}),
    ...(AT_DEPARTMENT.has(c.status) ? { gsi3pk: `DEPT#${c.routing.departmentId}`, gsi3sk: `${deadline}#${c.id}` } : {}),
    ...(open ? { gsi4pk: `GH${NEARBY_CELL_PRECISION}#${c.location.geohash.slice(0, NEARBY_CELL_PRECISION)}`, gsi4sk: `${c.itemCode}#${c.id}` } : {}),
  };
}

function fromItem(item: Record<string, unknown>): Case {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, gsi3pk: _e, gsi3sk: _f, gsi4pk: _g, gsi4sk: _h, ...rest } = item;
  return caseSchema.parse(rest);
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export class CaseRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async create(c: Case): Promise<void> {
    await this.doc.send(new PutCommand({ TableName: this.table, Item: toItem(c), ConditionExpression: 'attribute_not_exists(pk)' }));
  }

  /** One conditional write: succeeds only if nobody else changed the case since it was read. */
  async save(next: Case): Promise<void> {
    try {
      await this.doc.send(new PutCommand({
        TableName: this.table,
        Item: toItem(next),
        ConditionExpression: 'attribute_exists(pk) AND #v = :expected',
        ExpressionAttributeNames: { '#v': 'version' },
        ExpressionAttributeValues: { ':expected': next.version - 1 },
      }));
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) {
        throw new DomainError('CASE.VERSION_CONFLICT', '案件已被他人更新，请刷新后重试');
      }
      throw err;
    }
  }

  /** `consistent` when the case may have been written a moment ago (read-your-write). */
  async get(id: string, options: { consistent?: boolean } = {}): Promise<Case | null> {
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: caseKey(id), ConsistentRead: options.consistent === true }));
    return out.Item ? fromItem(out.Item) : null;
  }

  async listByResident(residentId: string, limit: number, cursor?: string): Promise<Page<Case>> {
    const partition = `RES#${residentId}`;
    const out = await this.doc.send(new QueryCommand({
      TableName: this.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': partition },
      ScanIndexForward: false,
      Limit: limit,
      ...(cursor ? { ExclusiveStartKey: decodeCursor(cursor, { name: 'gsi1pk', value: partition }, ['pk', 'sk', 'gsi1pk', 'gsi1sk']) } : {}),
    }));
    return { items: (out.Items ?? []).map(fromItem), nextCursor: encodeCursor(out.LastEvaluatedKey) };
  }
}
