import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { hasControlCharacters, INT_MAX } from '../../../contracts/common.js';
import { AppError } from '../errors/app-error.js';

// Cursors are the sort key of the last row seen, base64url-encoded JSON:
// opaque to clients, stable while rows are added before or after.
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
// PostgreSQL has no year 0 and refuses the 31st of February: a key it would refuse is refused here.
function realDate(s: string): boolean {
  const [y, m, d] = [Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))];
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}
const TIMESTAMP = /^\d{4}-\d\d-\d\d[T ]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?(Z|[+-]\d\d(:?\d\d)?)$/;
const REAL = /^-?\d{1,20}(\.\d{1,20})?(e[+-]?\d{1,2})?$/i;

/**
 * What one element of a cursor's key may be, by the SQL type the list casts
 * it to. A list decodes its cursor against these so that a well-formed cursor
 * holding a wrong value is refused as `invalid_cursor`, not by the database.
 */
export const CursorKey = {
  text: z.string().max(1000).refine((s) => !hasControlCharacters(s)),
  uuid: z.uuid(),
  /** ISO 8601 as the API writes it, or PostgreSQL's text form (`2026-01-05 10:00:00.123+00`). */
  timestamp: z.string().regex(TIMESTAMP).refine(realDate),
  date: z.string().regex(/^\d{4}-\d\d-\d\d$/).refine(realDate),
  /** A `real` score, as a number or its text form. */
  real: z.union([z.number().finite(), z.string().regex(REAL)]),
  /** An `integer` column, as a number or its text form. */
  int: z.union([z.number().int(), z.string().regex(/^-?\d{1,10}$/).transform(Number)]).pipe(z.number().min(-INT_MAX - 1).max(INT_MAX)),
  /** A `bigint` identity, within what JavaScript holds exactly. */
  bigint: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  /** A `bigint` as a number or its text form (as a sort key is read back, `::text`). */
  bigintText: z.union([z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), z.string().regex(/^\d{1,15}$/)]),
} as const;

export type CursorKeyType = 'text' | 'uuid' | 'timestamptz' | 'date' | 'real' | 'int' | 'bigint';
/** The key schema for an SQL type name a list casts its cursor to. */
export function cursorKeyOf(type: CursorKeyType): z.ZodType {
  return { text: CursorKey.text, uuid: CursorKey.uuid, timestamptz: CursorKey.timestamp, date: CursorKey.date, real: CursorKey.real, int: CursorKey.int, bigint: CursorKey.bigintText }[type];
}

/**
 * The key of the last row seen, checked against the list's own key shape, e.g.
 * `decodeCursor(cursor, [CursorKey.timestamp, CursorKey.uuid])`.
 */
export function decodeCursor<const S extends readonly [z.ZodType, ...z.ZodType[]]>(
  cursor: string | undefined,
  shape: S,
): { -readonly [K in keyof S]: z.output<S[K]> } | null {
  if (!cursor) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const parsed = z.tuple(shape as unknown as [z.ZodType, ...z.ZodType[]]).safeParse(key);
    if (parsed.success) return parsed.data as { -readonly [K in keyof S]: z.output<S[K]> };
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
    const after = decodeCursor(cursor, [CursorKey.timestamp, CursorKey.uuid]);
    return after ? sql`(${createdAt}, ${id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined;
  },
  key: (row: { createdAt: Date; id: string }) => [row.createdAt.toISOString(), row.id],
};
