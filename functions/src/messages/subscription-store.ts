import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mainTable } from '../store/table-def';
import { conditionalWrite, writtenIf } from '../store/conditional';

/** One-time grants pile up with each tap; more than this many is never needed (and caps a looping client). */
export const MAX_ONE_TIME_GRANTS = 20;
/** What was sent for an event is remembered this long: a replay within it sends nothing again. */
const SENT_RETENTION_SECONDS = 30 * 24 * 3600;

const partition = (userId: string) => `USERID#${userId}`;
const grantKey = (userId: string, templateId: string) => ({ pk: partition(userId), sk: `SUB#${templateId}` });
const sentKey = (userId: string, eventId: string) => ({ pk: partition(userId), sk: `WXSENT#${eventId}` });

export interface Grant {
  templateId: string;
  /** One-time grants left. */
  remaining: number;
  /** The last answer was 接受 (what a long-term template goes by). */
  accepted: boolean;
  updatedAt: string;
}

/**
 * What each person granted per template, as `requestSubscribeMessage`
 * reported it. A one-time grant allows exactly one message: a send consumes one with a
 * guarded decrement, so two deliveries can never spend the same grant.
 */
export class SubscriptionStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** 接受 adds one grant (up to the cap); 拒绝 / 被封禁 clears them all. */
  async record(userId: string, templateId: string, accepted: boolean, now: Date): Promise<void> {
    const at = now.toISOString();
    if (!accepted) {
      await this.doc.send(new UpdateCommand({
        TableName: this.table,
        Key: grantKey(userId, templateId),
        UpdateExpression: 'SET #n = :zero, accepted = :f, updatedAt = :at',
        ExpressionAttributeNames: { '#n': 'remaining' },
        ExpressionAttributeValues: { ':zero': 0, ':f': false, ':at': at },
      }));
      return;
    }
    await conditionalWrite(this.doc.send(new UpdateCommand({
      TableName: this.table,
      Key: grantKey(userId, templateId),
      UpdateExpression: 'SET accepted = :t, updatedAt = :at ADD #n :one',
      ConditionExpression: 'attribute_not_exists(#n) OR #n < :cap',
      ExpressionAttributeNames: { '#n': 'remaining' },
      ExpressionAttributeValues: { ':one': 1, ':t': true, ':at': at, ':cap': MAX_ONE_TIME_GRANTS },
    })));
  }

  async list(userId: string): Promise<Grant[]> {
    const out = await this.doc.send(new QueryCommand({
      TableName: this.table,
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
      ExpressionAttributeValues: { ':p': partition(userId), ':s': 'SUB#' },
    }));
    return (out.Items ?? []).map((i) => ({
      templateId: String(i.sk).slice('SUB#'.length),
      remaining: Number(i.remaining ?? 0),
      accepted: i.accepted === true,
      updatedAt: String(i.updatedAt),
    }));
  }

  async get(userId: string, templateId: string): Promise<Grant | null> {
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: grantKey(userId, templateId), ConsistentRead: true }));
    return out.Item ? { templateId, remaining: Number(out.Item.remaining ?? 0), accepted: out.Item.accepted === true, updatedAt: String(out.Item.updatedAt) } : null;
  }

  /** Spends one one-time grant; false when none is left. */
  async consume(userId: string, templateId: string): Promise<boolean> {
    return writtenIf(this.doc.send(new UpdateCommand({
      TableName: this.table,
      Key: grantKey(userId, templateId),
      UpdateExpression: 'SET #n = #n - :one',
      ConditionExpression: '#n > :zero',
      ExpressionAttributeNames: { '#n': 'remaining' },
      ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
    })));
  }

  /** Gives back a grant whose message WeChat never took (it was busy or down). */
  async refund(userId: string, templateId: string): Promise<void> {
    await conditionalWrite(this.doc.send(new UpdateCommand({
      TableName: this.table,
      Key: grantKey(userId, templateId),
      UpdateExpression: 'ADD #n :one',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#n': 'remaining' },
      ExpressionAttributeValues: { ':one': 1 },
    })));
  }

  /** WeChat said 43101: whatever we counted, nothing is left. */
  async zero(userId: string, templateId: string, now: Date): Promise<void> {
    await this.record(userId, templateId, false, now);
  }

  /**
   * Claims the send of `eventId` to `userId` (a conditional put): only the first delivery of
   * an event sends; a replay finds the claim and sends nothing.
   */
  async claimSend(userId: string, eventId: string, templateId: string, now: Date): Promise<boolean> {
    return writtenIf(this.doc.send(new PutCommand({
      TableName: this.table,
      Item: {
        ...sentKey(userId, eventId),
        templateId,
        at: now.toISOString(),
        [mainTable.ttlAttribute]: Math.floor(now.getTime() / 1000) + SENT_RETENTION_SECONDS,
      },
      // A claim given back (WeChat did not take the message) may be taken again.
      ConditionExpression: 'attribute_not_exists(pk) OR outcome = :released',
      ExpressionAttributeValues: { ':released': 'released' },
    })));
  }

  /** Lets a later delivery try again (WeChat did not take the message). */
  async releaseSend(userId: string, eventId: string): Promise<void> {
    await this.settleSend(userId, eventId, 'released');
  }

  /** Records how a claimed send ended, for operators. */
  async settleSend(userId: string, eventId: string, outcome: 'sent' | 'noGrant' | 'noOpenid' | 'refused' | 'quota' | 'invalid' | 'released'): Promise<void> {
    await this.doc.send(new UpdateCommand({
      TableName: this.table,
      Key: sentKey(userId, eventId),
      UpdateExpression: 'SET outcome = :o',
      ExpressionAttributeValues: { ':o': outcome },
    }));
  }
}
