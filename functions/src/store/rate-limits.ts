import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';

export interface RateDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

/**
 * Fixed-window counter: one conditional ADD on one item per (action, subject, window).
 * Old windows expire through the table's TTL attribute.
 */
export class RateLimiter {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async take(action: string, subject: string, limit: number, windowSeconds: number, now: Date): Promise<RateDecision> {
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const windowStart = nowSeconds - (nowSeconds % windowSeconds);
    const windowEnd = windowStart + windowSeconds;
    try {
      await this.doc.send(new UpdateCommand({
        TableName: this.table,
        Key: { pk: `RATE#${action}#${subject}`, sk: String(windowStart) },
        UpdateExpression: 'ADD #n :one SET #exp = :exp',
        ConditionExpression: 'attribute_not_exists(#n) OR #n < :limit',
        ExpressionAttributeNames: { '#n': 'count', '#exp': 'expiresAt' },
        ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':exp': windowEnd + windowSeconds },
      }));
      return { allowed: true, retryAfterSeconds: 0 };
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return { allowed: false, retryAfterSeconds: windowEnd - nowSeconds };
      throw err;
    }
  }
}
