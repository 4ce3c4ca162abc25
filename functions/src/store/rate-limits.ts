import { BatchGetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mainTable } from './table-def';
import { writtenIf } from './conditional';

export interface RateDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

/**
 * Sliding-window limit, estimated from two fixed windows: the previous window's count,
 * weighted by how much of it still lies inside the last `windowSeconds`, plus this
 * window's count. A burst at the end of one window and the start of the next cannot pass
 * the limit twice. One read of both counters and one conditional ADD; counters carry a
 * TTL so they disappear on their own.
 */
export class RateLimiter {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async take(action: string, subject: string, limit: number, windowSeconds: number, now: Date): Promise<RateDecision> {
    const nowSeconds = now.getTime() / 1000;
    const windowStart = Math.floor(nowSeconds / windowSeconds) * windowSeconds;
    const windowEnd = windowStart + windowSeconds;
    const pk = `RATE#${action}#${subject}`;
    const key = (start: number) => ({ pk, sk: String(start) });

    const read = await this.doc.send(new BatchGetCommand({
      RequestItems: { [this.table]: { Keys: [key(windowStart - windowSeconds), key(windowStart)], ProjectionExpression: 'sk, #n', ExpressionAttributeNames: { '#n': 'count' } } },
    }));
    const counts = new Map((read.Responses?.[this.table] ?? []).map((i) => [String(i.sk), Number(i.count ?? 0)]));
    const previous = counts.get(String(windowStart - windowSeconds)) ?? 0;
    const current = counts.get(String(windowStart)) ?? 0;
    // The share of the previous window that still lies within the sliding window.
    const overlap = 1 - (nowSeconds - windowStart) / windowSeconds;
    const carried = Math.ceil(previous * overlap);
    const allowedHere = limit - carried;

    const refuse = (): RateDecision => ({ allowed: false, retryAfterSeconds: retryAfter(previous, current, limit, windowSeconds, nowSeconds - windowStart) });
    if (current >= allowedHere) return refuse();
    const taken = await writtenIf(this.doc.send(new UpdateCommand({
      TableName: this.table,
      Key: key(windowStart),
      UpdateExpression: 'ADD #n :one SET #exp = :exp',
      // Guards the race between the read above and this write.
      ConditionExpression: 'attribute_not_exists(#n) OR #n < :allowed',
      ExpressionAttributeNames: { '#n': 'count', '#exp': mainTable.ttlAttribute },
      // Kept one window past its end: the next window still weighs it.
      ExpressionAttributeValues: { ':one': 1, ':allowed': allowedHere, ':exp': windowEnd + windowSeconds },
    })));
    return taken ? { allowed: true, retryAfterSeconds: 0 } : refuse();
  }
}

/** Seconds until the weighted count drops below the limit again (at least 1). */
function retryAfter(previous: number, current: number, limit: number, windowSeconds: number, elapsed: number): number {
  const untilWindowEnd = windowSeconds - elapsed;
  if (current >= limit || previous === 0) return Math.max(1, Math.ceil(untilWindowEnd));
  // previous × (1 − t/window) + current < limit  ⇔  t > window × (1 − (limit − current) / previous)
  const freeAt = windowSeconds * (1 - (limit - current) / previous);
  return Math.max(1, Math.ceil(Math.min(untilWindowEnd, freeAt - elapsed + 1)));
}
