import { BatchGetCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { caseKey, MY_CASES_PREFIX, residentPartition } from './cases';

/**
 * 我也遇到: a follow is its own item under the case (pk CASE#id, sk FOLLOW#resident), and
 * appears in the follower's 我的上报 through gsi1. The case's followerCount moves by an
 * ADD that leaves its version alone (staff actions never collide with a follow), and only
 * the write that created (or deleted) the follow item moves it: a repeated follow or
 * unfollow changes nothing.
 */
const followKey = (caseId: string, residentId: string) => ({ pk: `CASE#${caseId}`, sk: `FOLLOW#${residentId}` });

export class FollowRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** True when this call made the follow (false: it already existed). */
  async follow(caseId: string, residentId: string, now: Date): Promise<boolean> {
    const at = now.toISOString();
    try {
      await this.doc.send(new PutCommand({
        TableName: this.table,
        Item: {
          ...followKey(caseId, residentId),
          caseId,
          residentId,
          followedAt: at,
          gsi1pk: residentPartition(residentId),
          gsi1sk: `${MY_CASES_PREFIX}${at}#F#${caseId}`,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }));
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
    await this.count(caseId, 1);
    return true;
  }

  /** True when this call removed the follow (false: there was none). */
  async unfollow(caseId: string, residentId: string): Promise<boolean> {
    try {
      await this.doc.send(new DeleteCommand({ TableName: this.table, Key: followKey(caseId, residentId), ConditionExpression: 'attribute_exists(pk)' }));
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
    await this.count(caseId, -1);
    return true;
  }

  async isFollowing(caseId: string, residentId: string): Promise<boolean> {
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: followKey(caseId, residentId), ConsistentRead: true, ProjectionExpression: 'pk' }));
    return out.Item !== undefined;
  }

  /** Which of these cases (at most 100) the resident follows: one batch read. */
  async followedAmong(caseIds: readonly string[], residentId: string): Promise<Set<string>> {
    const ids = [...new Set(caseIds)].slice(0, 100);
    if (ids.length === 0) return new Set();
    const out = await this.doc.send(new BatchGetCommand({
      RequestItems: { [this.table]: { Keys: ids.map((id) => followKey(id, residentId)), ProjectionExpression: 'caseId' } },
    }));
    return new Set((out.Responses?.[this.table] ?? []).map((item) => String(item.caseId)));
  }

  /** Everyone following a case (for pushing its status updates): one query under the case. */
  async followersOf(caseId: string): Promise<string[]> {
    const followers: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :follow)',
        ExpressionAttributeValues: { ':pk': `CASE#${caseId}`, ':follow': 'FOLLOW#' },
        ProjectionExpression: 'residentId',
        ...(start ? { ExclusiveStartKey: start } : {}),
      }));
      followers.push(...(out.Items ?? []).map((item) => String(item.residentId)));
      start = out.LastEvaluatedKey;
    } while (start);
    return followers;
  }

  private async count(caseId: string, delta: 1 | -1): Promise<void> {
    try {
      await this.doc.send(new UpdateCommand({
        TableName: this.table,
        Key: caseKey(caseId),
        UpdateExpression: 'ADD followerCount :d',
        // Never below zero, and never onto a case that does not exist.
        ConditionExpression: delta > 0 ? 'attribute_exists(pk)' : 'attribute_exists(pk) AND followerCount > :zero',
        ExpressionAttributeValues: delta > 0 ? { ':d': delta } : { ':d': delta, ':zero': 0 },
      }));
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    }
  }
}
