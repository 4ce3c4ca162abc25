import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * events: residents who follow a case (我也遇到) — items `pk CASE#<id>`, `sk FOLLOW#<user>`
 * next to the case item — read with one query when an event is delivered.
 */
export async function followersOf(doc: DynamoDBDocumentClient, table: string, caseId: string): Promise<string[]> {
  const found: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await doc.send(new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :f)',
      ExpressionAttributeValues: { ':p': `CASE#${caseId}`, ':f': 'FOLLOW#' },
      ...(start ? { ExclusiveStartKey: start } : {}),
    }));
    for (const item of out.Items ?? []) found.push(typeof item.userId === 'string' ? item.userId : String(item.sk).slice('FOLLOW#'.length));
    start = out.LastEvaluatedKey;
  } while (start);
  return found;
}
