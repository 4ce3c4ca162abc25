import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** A district's day of numbers (`TH261208`): one counter item, moved by an atomic ADD. */
const sequenceKey = (prefix: string) => ({ pk: `CASENOSEQ#${prefix}`, sk: 'SEQ' });
/** 受理编号 → case id, so staff can find a case by the number a resident reads out. */
const numberKey = (caseNumber: string) => ({ pk: `CASENO#${caseNumber}`, sk: 'CASE' });

/**
 * 受理编号 allocation and lookup: no transaction and no scan. Each report costs two small
 * writes beside the case: the counter's ADD (unique under any concurrency: DynamoDB applies
 * ADDs to one item one at a time) and the number's lookup item.
 */
export class CaseNumberStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** The next sequence under a prefix, from 1. A number drawn by a report that then fails is simply skipped. */
  async next(prefix: string): Promise<number> {
    const out = await this.doc.send(new UpdateCommand({
      TableName: this.table,
      Key: sequenceKey(prefix),
      UpdateExpression: 'ADD #seq :one',
      ExpressionAttributeNames: { '#seq': 'seq' },
      ExpressionAttributeValues: { ':one': 1 },
      ReturnValues: 'UPDATED_NEW',
    }));
    const seq = out.Attributes?.seq;
    if (typeof seq !== 'number') throw new Error('case number counter answered no sequence');
    return seq;
  }

  /** Points the number at its case; written before the case, so every stored case's number can be found. */
  async record(caseNumber: string, caseId: string): Promise<void> {
    await this.doc.send(new PutCommand({
      TableName: this.table,
      Item: { ...numberKey(caseNumber), caseId },
      ConditionExpression: 'attribute_not_exists(pk)',
    }));
  }

  /** The case id a number belongs to, or null. */
  async find(caseNumber: string): Promise<string | null> {
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: numberKey(caseNumber) }));
    return typeof out.Item?.caseId === 'string' ? out.Item.caseId : null;
  }
}
