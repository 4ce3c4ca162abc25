import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ModerationVerdict } from '@gridtong/shared/schemas/case';
import { caseKey } from './case-store';
import { mainTable } from '../store/table-def';
import { conditionalWrite, writtenIf } from '../store/conditional';

const TRACE_RETENTION_SECONDS = 3 * 24 * 3600;
/** A callback older than this is refused; nonces are remembered at least as long. */
export const CALLBACK_MAX_AGE_SECONDS = 5 * 60;

const traceKey = (traceId: string) => ({ pk: `MEDIACHECK#${traceId}`, sk: 'TRACE' });

/**
 * What content security needs to remember — which photo of which case a
 * mediaCheckAsync trace id stands for, the nonces of callbacks already accepted, and the
 * verdicts, kept on the case item without touching its version.
 */
export class ContentCheckStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async trace(traceId: string, caseId: string, photo: string, now: Date): Promise<void> {
    await this.doc.send(new PutCommand({
      TableName: this.table,
      Item: { ...traceKey(traceId), caseId, photo, [mainTable.ttlAttribute]: Math.floor(now.getTime() / 1000) + TRACE_RETENTION_SECONDS },
    }));
  }

  async traceOf(traceId: string): Promise<{ caseId: string; photo: string } | null> {
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: traceKey(traceId), ConsistentRead: true }));
    return out.Item ? { caseId: String(out.Item.caseId), photo: String(out.Item.photo) } : null;
  }

  /** True the first time a (timestamp, nonce) pair is seen: a replayed callback gets false. */
  async firstUse(timestamp: string, nonce: string, now: Date): Promise<boolean> {
    return writtenIf(this.doc.send(new PutCommand({
      TableName: this.table,
      Item: { pk: `WXNONCE#${nonce}`, sk: timestamp, [mainTable.ttlAttribute]: Math.floor(now.getTime() / 1000) + 2 * CALLBACK_MAX_AGE_SECONDS },
      ConditionExpression: 'attribute_not_exists(pk)',
    })));
  }

  /**
   * Sets one verdict on the case. `onlyIfAbsent` leaves a verdict already there (a replayed
   * check starting again must not turn a decided photo back to pending).
   */
  async setVerdict(caseId: string, key: string, verdict: ModerationVerdict, onlyIfAbsent = false): Promise<void> {
    const names = { '#m': 'moderation', '#k': key };
    const set = await writtenIf(this.doc.send(new UpdateCommand({
      TableName: this.table,
      Key: caseKey(caseId),
      UpdateExpression: 'SET #m.#k = :v',
      ConditionExpression: `attribute_exists(pk) AND attribute_exists(#m)${onlyIfAbsent ? ' AND attribute_not_exists(#m.#k)' : ''}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ':v': verdict },
    })));
    if (set) return;
    // No map yet (or the verdict is there and stays): make the map with this one verdict.
    const made = await writtenIf(this.doc.send(new UpdateCommand({
      TableName: this.table,
      Key: caseKey(caseId),
      UpdateExpression: 'SET #m = :map',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#m)',
      ExpressionAttributeNames: { '#m': 'moderation' },
      ExpressionAttributeValues: { ':map': { [key]: verdict } },
    })));
    if (made) return;
    // Another verdict made the map meanwhile: the first form works now (unless ours was already decided).
    await conditionalWrite(this.doc.send(new UpdateCommand({
      TableName: this.table,
      Key: caseKey(caseId),
      UpdateExpression: 'SET #m.#k = :v',
      ConditionExpression: `attribute_exists(pk)${onlyIfAbsent ? ' AND attribute_not_exists(#m.#k)' : ''}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ':v': verdict },
    })));
  }
}
