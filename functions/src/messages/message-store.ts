import { PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { Message } from '@gridtong/shared/api/messages';
import { decodeCursor, encodeCursor } from '../store/cursor';
import { mainTable } from '../store/table-def';

/** Messages are kept half a year; DynamoDB's TTL removes them after that. */
const RETENTION_SECONDS = 180 * 24 * 3600;

export interface NewMessage {
  userId: string;
  eventId: string;
  /** The event's own time: with the event id it makes the key, so a replay lands on the same item. */
  at: string;
  /** What it is about: a case or a 代办 booking. */
  subject: { caseId: string } | { bookingId: string };
  title: string;
  body: string;
}

const partition = (userId: string) => `MSG#${userId}`;

/** A booking's messages written before they carried `bookingId` kept the booking id (B…) in `caseId`. */
function subjectOf(item: Record<string, unknown>): { caseId: string } | { bookingId: string } {
  if (typeof item.bookingId === 'string') return { bookingId: item.bookingId };
  const id = String(item.caseId);
  return id.startsWith('B') ? { bookingId: id } : { caseId: id };
}
const unread = (userId: string) => `UNREAD#${userId}`;

/**
 * The message centre: one item per (recipient, event), `pk MSG#<user>`, `sk <event time>#<event id>`,
 * newest first by key. Unread ones also carry gsi5 `UNREAD#<user>`, so the unread count is a
 * query over exactly the unread items.
 */
export class MessageStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** Idempotent: the same event for the same person is stored once however often it is delivered. */
  async put(m: NewMessage): Promise<boolean> {
    const sk = `${m.at}#${m.eventId}`;
    try {
      await this.doc.send(new PutCommand({
        TableName: this.table,
        Item: {
          pk: partition(m.userId),
          sk,
          at: m.at,
          eventId: m.eventId,
          ...m.subject,
          title: m.title,
          body: m.body,
          gsi5pk: unread(m.userId),
          gsi5sk: sk,
          [mainTable.ttlAttribute]: Math.floor(Date.parse(m.at) / 1000) + RETENTION_SECONDS,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }));
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }

  async list(userId: string, limit: number, cursor?: string): Promise<{ messages: Message[]; nextCursor: string | null }> {
    const out = await this.doc.send(new QueryCommand({
      TableName: this.table,
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': partition(userId) },
      ScanIndexForward: false,
      Limit: limit,
      // Only a key of this user's own list: a cursor can never open someone else's messages.
      ...(cursor ? { ExclusiveStartKey: decodeCursor(cursor, { name: 'pk', value: partition(userId) }, ['pk', 'sk']) } : {}),
    }));
    const messages = (out.Items ?? []).map((item): Message => ({
      id: String(item.sk),
      at: String(item.at),
      title: String(item.title),
      body: String(item.body),
      ...subjectOf(item),
      read: item.gsi5pk === undefined,
    }));
    return { messages, nextCursor: encodeCursor(out.LastEvaluatedKey) };
  }

  async unreadCount(userId: string): Promise<number> {
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi5',
        KeyConditionExpression: 'gsi5pk = :p',
        ExpressionAttributeValues: { ':p': unread(userId) },
        Select: 'COUNT',
        ...(start ? { ExclusiveStartKey: start } : {}),
      }));
      count += out.Count ?? 0;
      start = out.LastEvaluatedKey;
    } while (start);
    return count;
  }

  /** Marks the caller's own messages read; ids that are not theirs (or not messages) change nothing. */
  async markRead(userId: string, ids: readonly string[], now: Date): Promise<void> {
    for (const sk of new Set(ids)) {
      try {
        await this.doc.send(new UpdateCommand({
          TableName: this.table,
          Key: { pk: partition(userId), sk },
          UpdateExpression: 'SET readAt = :now REMOVE gsi5pk, gsi5sk',
          ConditionExpression: 'attribute_exists(pk) AND attribute_exists(gsi5pk)',
          ExpressionAttributeValues: { ':now': now.toISOString() },
        }));
      } catch (err) {
        if (!(err instanceof ConditionalCheckFailedException)) throw err;
      }
    }
  }

  async markAllRead(userId: string, now: Date): Promise<void> {
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi5',
        KeyConditionExpression: 'gsi5pk = :p',
        ExpressionAttributeValues: { ':p': unread(userId) },
        ProjectionExpression: 'sk',
        Limit: 100,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }));
      await this.markRead(userId, (out.Items ?? []).map((i) => String(i.sk)), now);
      start = out.LastEvaluatedKey;
    } while (start);
  }
}
