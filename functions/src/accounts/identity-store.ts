import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { seal, sealedSchema, unseal, type DataKeySource } from '../adapters/envelope';
import { conditionalWrite } from '../store/conditional';

const key = (userId: string) => ({ pk: `USERID#${userId}`, sk: 'OPENID' });
const context = (userId: string) => ({ purpose: 'wechat-openid', userId });

/**
 * The openid a subscribe message is addressed to, sealed by envelope
 * encryption beside the account. Login writes it once (GenerateDataKey); only the sending
 * code reads it (Decrypt); it goes with the account.
 */
export class IdentityStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly keys: DataKeySource | null,
  ) {}

  /** Stores the openid the first time; later logins find it there and change nothing. */
  async remember(userId: string, openid: string, now: Date): Promise<void> {
    if (!this.keys) return;
    const existing = await this.doc.send(new GetCommand({ TableName: this.table, Key: key(userId), ProjectionExpression: 'pk' }));
    if (existing.Item) return;
    const sealed = await seal(this.keys, openid, context(userId));
    await conditionalWrite(this.doc.send(new PutCommand({
      TableName: this.table,
      Item: { ...key(userId), sealed, createdAt: now.toISOString() },
      ConditionExpression: 'attribute_not_exists(pk)',
    })));
  }

  /** The openid, or null when none was stored (or no key is configured). */
  async openidOf(userId: string): Promise<string | null> {
    if (!this.keys) return null;
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: key(userId), ConsistentRead: true }));
    const sealed = sealedSchema.safeParse(out.Item?.sealed);
    if (!sealed.success) return null;
    return unseal(this.keys, sealed.data, context(userId));
  }

  /** With the account: nothing of the openid stays. */
  async forget(userId: string): Promise<void> {
    await this.doc.send(new DeleteCommand({ TableName: this.table, Key: key(userId) }));
  }
}
