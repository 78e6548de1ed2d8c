import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { AppError } from '../errors/app-error.js';

// Cursors are the sort key of the last row seen, base64url-encoded JSON:
// opaque to clients, stable while rows are added before or after.
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T extends unknown[]>(cursor: string | undefined, arity: number): T | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity) return key as T;
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation_failed', {}, [{ path: 'cursor', code: 'invalid_cursor' }]);
}

/** Splits a fetched `limit + 1` rows into the page and the next cursor. */
export function pageOf<R>(rows: R[], limit: number, keyOf: (row: R) => unknown[]) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}

/**
 * For lists newest first by (created_at, id): the condition for the rows
 * after `cursor`, and the key a row leaves in the next cursor.
 */
export const newestFirst = {
  after(createdAt: AnyColumn, id: AnyColumn, cursor: string | undefined): SQL | undefined {
    const after = decodeCursor<[string, string]>(cursor, 2);
    return after ? sql`(${createdAt}, ${id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined;
  },
  key: (row: { createdAt: Date; id: string }) => [row.createdAt.toISOString(), row.id],
};
