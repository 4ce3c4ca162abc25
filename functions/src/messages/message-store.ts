import { PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Message } from '@gridtong/shared/api/messages';
import { mainTable } from '../store/table-def';
import { conditionalWrite, writtenIf } from '../store/conditional';
import { queryPage, queryPages } from '../store/paging';

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
    return writtenIf(this.doc.send(new PutCommand({
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
    })));
  }

  async list(userId: string, limit: number, cursor?: string): Promise<{ messages: Message[]; nextCursor: string | null }> {
    const page = await queryPage(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': partition(userId) },
      ScanIndexForward: false,
      // Only a key of this user's own list: a cursor can never open someone else's messages.
    }, { limit, cursor, partition: { name: 'pk', value: partition(userId) }, keyNames: ['pk', 'sk'] });
    const messages = page.items.map((item): Message => ({
      id: String(item.sk),
      at: String(item.at),
      title: String(item.title),
      body: String(item.body),
      ...subjectOf(item),
      read: item.gsi5pk === undefined,
    }));
    return { messages, nextCursor: page.nextCursor };
  }

  async unreadCount(userId: string): Promise<number> {
    let count = 0;
    for await (const out of queryPages(this.doc, {
      TableName: this.table,
      IndexName: 'gsi5',
      KeyConditionExpression: 'gsi5pk = :p',
      ExpressionAttributeValues: { ':p': unread(userId) },
      Select: 'COUNT',
    })) {
      count += out.Count ?? 0;
    }
    return count;
  }

  /** Marks the caller's own messages read; ids that are not theirs (or not messages) change nothing. */
  async markRead(userId: string, ids: readonly string[], now: Date): Promise<void> {
    for (const sk of new Set(ids)) {
      await conditionalWrite(this.doc.send(new UpdateCommand({
        TableName: this.table,
        Key: { pk: partition(userId), sk },
        UpdateExpression: 'SET readAt = :now REMOVE gsi5pk, gsi5sk',
        ConditionExpression: 'attribute_exists(pk) AND attribute_exists(gsi5pk)',
        ExpressionAttributeValues: { ':now': now.toISOString() },
      })));
    }
  }

  async markAllRead(userId: string, now: Date): Promise<void> {
    for await (const out of queryPages(this.doc, {
      TableName: this.table,
      IndexName: 'gsi5',
      KeyConditionExpression: 'gsi5pk = :p',
      ExpressionAttributeValues: { ':p': unread(userId) },
      ProjectionExpression: 'sk',
      Limit: 100,
    })) {
      await this.markRead(userId, (out.Items ?? []).map((i) => String(i.sk)), now);
    }
  }
}
