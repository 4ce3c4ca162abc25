import { DomainError } from '@gridtong/shared/errors';

/** An opaque paging cursor: the query's LastEvaluatedKey, base64url JSON. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null;
}

/**
 * A cursor is only accepted for the list it came from: exactly the key attributes of that
 * query (table key + index key), every value a non-empty string (DynamoDB refuses empty key
 * values), and the partition the caller is listing — so it can never reach another
 * resident's items, and a tampered one is a 400, never a 500.
 */
export function decodeCursor(cursor: string, partition: { name: string; value: string }, keyNames: readonly string[]): Record<string, string> {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = null;
  }
  if (key && typeof key === 'object' && !Array.isArray(key)) {
    const entries = Object.entries(key as Record<string, unknown>);
    const sameNames = entries.map(([k]) => k).sort().join(',') === [...keyNames].sort().join(',');
    const allText = entries.every(([, v]) => typeof v === 'string' && v.length > 0 && v.length <= 1024);
    if (sameNames && allText && (key as Record<string, unknown>)[partition.name] === partition.value) return key as Record<string, string>;
  }
  throw new DomainError('REQUEST.INVALID_CURSOR', '分页参数无效，请从第一页重新加载', { problems: [{ path: 'query.cursor', message: 'invalid cursor' }] });
}
