import { BatchGetCommand, DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { conditionalWrite, writtenIf } from '../store/conditional';
import { queryAll } from '../store/paging';
import { caseKey, MY_CASES_PREFIX, residentPartition } from './case-store';

/**
 * 我也遇到: a follow is its own item under the case (pk CASE#id, sk FOLLOW#resident), and
 * appears in the follower's 我的上报 through gsi1. The case's followerCount moves by an ADD
 * that leaves its version alone, so staff actions never collide with a follow.
 *
 * Without transactions, "count exactly once" is made of steps that are each safe to
 * repeat: the follower is first registered as pending on the case (a string-set ADD), the
 * follow item is written, then one conditional update moves the count AND removes the
 * pending mark — it only succeeds while the mark is there, so a retry after a crash at any
 * point counts once, and a repeated or concurrent tap counts nothing more. The follow item
 * records `counted` so a later tap knows there is nothing left to do; unfollowing mirrors it
 * with its own mark and a `leaving` flag. The marks are transient (cleared by the step that
 * counts) and never leave the table: views name their fields.
 */
const followKey = (caseId: string, residentId: string) => ({ pk: `CASE#${caseId}`, sk: `FOLLOW#${residentId}` });

const PENDING_FOLLOW = 'pendingFollows';
const PENDING_UNFOLLOW = 'pendingUnfollows';

interface FollowItem {
  counted?: boolean;
  leaving?: boolean;
}

export class FollowRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** True when this call made the follow (false: it already existed). */
  async follow(caseId: string, residentId: string, now: Date): Promise<boolean> {
    let existing = await this.read(caseId, residentId);
    if (existing?.leaving) {
      // An unfollow stopped half way: finish it, then follow afresh.
      await this.unfollow(caseId, residentId);
      existing = null;
    }
    if (existing?.counted) return false;
    let created = false;
    if (!existing) {
      await this.mark(caseId, PENDING_FOLLOW, residentId);
      const at = now.toISOString();
      // A simultaneous tap may write it first; the guarded count below still runs once.
      created = await writtenIf(this.doc.send(new PutCommand({
          TableName: this.table,
          Item: {
            ...followKey(caseId, residentId),
            caseId,
            residentId,
            followedAt: at,
            counted: false,
            gsi1pk: residentPartition(residentId),
            gsi1sk: `${MY_CASES_PREFIX}${at}#F#${caseId}`,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
      })));
    }
    await this.settle(caseId, residentId, PENDING_FOLLOW, 1);
    await this.setCounted(caseId, residentId);
    return created;
  }

  /** True when this call removed the follow (false: there was none). */
  async unfollow(caseId: string, residentId: string): Promise<boolean> {
    const existing = await this.read(caseId, residentId);
    if (!existing) return false;
    // A follow that never got counted (its mark is still there) is simply dropped.
    const neverCounted = !existing.counted && !existing.leaving && (await this.settle(caseId, residentId, PENDING_FOLLOW, 0));
    if (!neverCounted) {
      if (!existing.leaving) {
        await this.mark(caseId, PENDING_UNFOLLOW, residentId);
        await conditionalWrite(this.doc.send(new UpdateCommand({
          TableName: this.table,
          Key: followKey(caseId, residentId),
          UpdateExpression: 'SET leaving = :yes',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':yes': true },
        })));
      }
      await this.settle(caseId, residentId, PENDING_UNFOLLOW, -1);
    }
    return writtenIf(this.doc.send(new DeleteCommand({ TableName: this.table, Key: followKey(caseId, residentId), ConditionExpression: 'attribute_exists(pk)' })));
  }

  async isFollowing(caseId: string, residentId: string): Promise<boolean> {
    const item = await this.read(caseId, residentId);
    return item !== null && !item.leaving;
  }

  /** Which of these cases (at most 100) the resident follows: one batch read. */
  async followedAmong(caseIds: readonly string[], residentId: string): Promise<Set<string>> {
    const ids = [...new Set(caseIds)].slice(0, 100);
    if (ids.length === 0) return new Set();
    const out = await this.doc.send(new BatchGetCommand({
      RequestItems: { [this.table]: { Keys: ids.map((id) => followKey(id, residentId)), ProjectionExpression: 'caseId, leaving' } },
    }));
    return new Set((out.Responses?.[this.table] ?? []).filter((item) => item.leaving !== true).map((item) => String(item.caseId)));
  }

  /** Everyone following a case (for pushing its status updates): one query under the case. */
  async followersOf(caseId: string): Promise<string[]> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :follow)',
      ExpressionAttributeValues: { ':pk': `CASE#${caseId}`, ':follow': 'FOLLOW#' },
      ProjectionExpression: 'residentId, leaving',
    });
    return items.filter((item) => item.leaving !== true).map((item) => String(item.residentId));
  }

  private async read(caseId: string, residentId: string): Promise<FollowItem | null> {
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: followKey(caseId, residentId), ConsistentRead: true }));
    return out.Item ? { counted: out.Item.counted === true, leaving: out.Item.leaving === true } : null;
  }

  /** Registers the intent on the case (idempotent: a set ADD). */
  private async mark(caseId: string, set: string, residentId: string): Promise<void> {
    await this.doc.send(new UpdateCommand({
      TableName: this.table,
      Key: caseKey(caseId),
      UpdateExpression: 'ADD #set :who',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#set': set },
      ExpressionAttributeValues: { ':who': new Set([residentId]) },
    }));
  }

  /** Moves the count by `delta` and clears the mark, only while the mark is there; false if it was not. */
  private async settle(caseId: string, residentId: string, set: string, delta: number): Promise<boolean> {
    // Not marked: this step already happened (an earlier attempt, or a simultaneous tap).
    return writtenIf(this.doc.send(new UpdateCommand({
      TableName: this.table,
      Key: caseKey(caseId),
      UpdateExpression: delta === 0 ? 'DELETE #set :who' : 'ADD followerCount :d DELETE #set :who',
      // Never below zero, whatever happens.
      ConditionExpression: delta < 0 ? 'contains(#set, :id) AND followerCount > :zero' : 'contains(#set, :id)',
      ExpressionAttributeNames: { '#set': set },
      ExpressionAttributeValues: {
        ':who': new Set([residentId]),
        ':id': residentId,
        ...(delta === 0 ? {} : { ':d': delta }),
        ...(delta < 0 ? { ':zero': 0 } : {}),
      },
    })));
  }

  private async setCounted(caseId: string, residentId: string): Promise<void> {
    await conditionalWrite(this.doc.send(new UpdateCommand({
      TableName: this.table,
      Key: followKey(caseId, residentId),
      UpdateExpression: 'SET counted = :c',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':c': true },
    })));
  }
}
