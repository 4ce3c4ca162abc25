import { QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DUE_SHARDS, duePartition } from '../outbox/outbox';
import { conditionalWrite } from '../store/conditional';

/**
 * The sweep's view of the table: cases whose next warning, deadline or rating-window end is
 * due, found through gsi7 ('DUE#<shard>' → due time), never by scanning.
 */
export class SweepIndex {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** Ids of cases due at or before `now`, earliest first, at most `limit` per shard. */
  async due(now: Date, limit: number): Promise<string[]> {
    const upper = `${now.toISOString()}#\uffff`;
    const ids: string[] = [];
    for (let shard = 0; shard < DUE_SHARDS; shard++) {
      let start: Record<string, unknown> | undefined;
      let left = limit;
      do {
        const out = await this.doc.send(new QueryCommand({
          TableName: this.table,
          IndexName: 'gsi7',
          KeyConditionExpression: 'gsi7pk = :p AND gsi7sk <= :upper',
          ExpressionAttributeValues: { ':p': `DUE#${shard}`, ':upper': upper },
          ProjectionExpression: 'pk',
          Limit: left,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }));
        for (const item of out.Items ?? []) ids.push(String(item.pk).replace(/^CASE#/, ''));
        left -= out.Items?.length ?? 0;
        start = out.LastEvaluatedKey;
      } while (start && left > 0);
    }
    return ids;
  }

  /**
   * Moves the case's due time without touching its version (a staff action is never refused
   * because of it). Skipped if the case changed since it was read: that write set its own.
   */
  async reschedule(caseId: string, version: number, dueAt: string | null): Promise<void> {
    await conditionalWrite(this.doc.send(new UpdateCommand({
      TableName: this.table,
      Key: { pk: `CASE#${caseId}`, sk: 'CASE' },
      UpdateExpression: dueAt ? 'SET gsi7pk = :p, gsi7sk = :s' : 'REMOVE gsi7pk, gsi7sk',
      ConditionExpression: '#v = :v',
      ExpressionAttributeNames: { '#v': 'version' },
      ExpressionAttributeValues: { ':v': version, ...(dueAt ? { ':p': duePartition(caseId), ':s': `${dueAt}#${caseId}` } : {}) },
    })));
  }
}
