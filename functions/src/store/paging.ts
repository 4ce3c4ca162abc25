import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor } from './cursor';

type Item = Record<string, unknown>;

/** Every page of a query, following LastEvaluatedKey until the last one. */
export async function* queryPages(doc: DynamoDBDocumentClient, input: QueryCommandInput): AsyncGenerator<QueryCommandOutput> {
  let start: Item | undefined = input.ExclusiveStartKey;
  do {
    const out = await doc.send(new QueryCommand({ ...input, ...(start ? { ExclusiveStartKey: start } : {}) }));
    yield out;
    start = out.LastEvaluatedKey;
  } while (start);
}

/** Every item a query finds, across its pages. */
export async function queryAll(doc: DynamoDBDocumentClient, input: QueryCommandInput): Promise<Item[]> {
  const items: Item[] = [];
  for await (const out of queryPages(doc, input)) items.push(...(out.Items ?? []));
  return items;
}

/** Where a paged list resumes: the caller's cursor, checked against the list it came from (see `decodeCursor`). */
export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
  /** The partition attribute and value the list is confined to. */
  partition: { name: string; value: string };
  /** The key attributes of the query: table key plus index key. */
  keyNames: readonly string[];
}

/** One page of a query: at most `limit` items, and the cursor of the next page (null when there is no more). */
export async function queryPage(doc: DynamoDBDocumentClient, input: QueryCommandInput, page: PageRequest): Promise<{ items: Item[]; nextCursor: string | null }> {
  const out = await doc.send(new QueryCommand({
    ...input,
    Limit: page.limit,
    ...(page.cursor ? { ExclusiveStartKey: decodeCursor(page.cursor, page.partition, page.keyNames) } : {}),
  }));
  return { items: out.Items ?? [], nextCursor: encodeCursor(out.LastEvaluatedKey) };
}
