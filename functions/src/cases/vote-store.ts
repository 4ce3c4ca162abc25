import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { satisfactionSchema, type Satisfaction } from '@gridtong/shared/schemas/case';
import { shardOf } from '../outbox/outbox';
import { writtenIf } from '../store/conditional';

const SHARDS = 8;
const voteKey = (caseId: string, userId: string) => ({ pk: `CASE#${caseId}`, sk: `VOTE#${userId}` });
const tallyPartition = (communityCode: string) => `STATS#${communityCode}`;

export type VoteTotals = Partial<Record<Satisfaction, number>>;

/**
 * A follower's satisfaction vote is its own item beside the case (the case
 * is never written for it), counted per community and Beijing month in a tally guarded by
 * the vote's id, so a repeated vote, or a retried count, adds once.
 */
export class VoteStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** The vote as stored: the first one stays; `created` says whether this call made it. */
  async cast(caseId: string, userId: string, level: Satisfaction, now: Date): Promise<{ level: Satisfaction; created: boolean }> {
    const created = await writtenIf(this.doc.send(new PutCommand({
      TableName: this.table,
      Item: { ...voteKey(caseId, userId), level, at: now.toISOString() },
      ConditionExpression: 'attribute_not_exists(pk)',
    })));
    if (created) return { level, created };
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: voteKey(caseId, userId), ConsistentRead: true }));
    return { level: satisfactionSchema.parse(out.Item?.level), created };
  }

  /** Adds the vote to its community's month once; true if it was not counted before. */
  async tally(communityCode: string, month: string, caseId: string, userId: string, level: Satisfaction): Promise<boolean> {
    const id = `${caseId}#${userId}`;
    return writtenIf(this.doc.send(new UpdateCommand({
      TableName: this.table,
      Key: { pk: tallyPartition(communityCode), sk: `VOTES#${month}#${shardOf(id, SHARDS)}` },
      UpdateExpression: 'ADD #level :one, #voters :ids',
      ConditionExpression: 'attribute_not_exists(#voters) OR NOT contains(#voters, :id)',
      ExpressionAttributeNames: { '#level': level, '#voters': 'voters' },
      ExpressionAttributeValues: { ':one': 1, ':ids': new Set([id]), ':id': id },
    })));
  }

  async monthTotals(communityCode: string, month: string): Promise<VoteTotals> {
    const out = await this.doc.send(new QueryCommand({
      TableName: this.table,
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
      ExpressionAttributeValues: { ':p': tallyPartition(communityCode), ':s': `VOTES#${month}#` },
      ProjectionExpression: satisfactionSchema.options.map((_, i) => `#l${i}`).join(', '),
      ExpressionAttributeNames: Object.fromEntries(satisfactionSchema.options.map((l, i) => [`#l${i}`, l])),
    }));
    const totals: VoteTotals = {};
    for (const item of out.Items ?? []) {
      for (const level of satisfactionSchema.options) if (typeof item[level] === 'number') totals[level] = (totals[level] ?? 0) + (item[level] as number);
    }
    return totals;
  }
}
