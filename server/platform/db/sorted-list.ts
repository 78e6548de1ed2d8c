import { and, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { SortValue } from '../../../contracts/common.js';
import { cursorKeyOf, encodeCursor, type CursorKeyType } from './cursor.js';
import { AppError } from '../errors/app-error.js';

/**
 * One column a list may be sorted by: the SQL it orders on and the type its
 * key is cast back to from the cursor. `nullable` columns put their empty
 * rows last whichever the direction (then by id).
 */
export interface SortColumn {
  by: SQL | AnyColumn;
  type: CursorKeyType;
  nullable?: boolean;
}
export type SortColumns<C extends string> = Record<C, SortColumn>;
/** The type of the id that breaks ties: a uuid, or a `bigint` identity (the audit log). */
export type IdType = 'uuid' | 'bigint';

/** What a list's query needs for one page in the chosen order. */
export interface SortedQuery {
  /** The sort key as text, to select beside the row as `k` (text keeps a timestamp's microseconds and a real's digits). */
  key: SQL<string | null>;
  /** The condition for the rows after the cursor, or undefined on the first page. */
  after: SQL | undefined;
  /** ORDER BY: the column, then the id, both in the chosen direction; empty keys (of a `nullable` column) last. */
  orderBy: SQL[];
  /** The page of `limit + 1` fetched rows (each with its `k`) and the cursor after its last row. */
  page<R extends { k: string | null }>(rows: R[], limit: number, idOf: (row: R) => string | number): { items: R[]; nextCursor: string | null };
}

const invalidCursor = () => new AppError('validation_failed', {}, [{ path: 'cursor', code: 'invalid_cursor' }]);

/** Splits `-name` into the column and its direction. */
export function parseSort<C extends string>(sort: SortValue<C>): { column: C; desc: boolean } {
  return sort.startsWith('-') ? { column: sort.slice(1) as C, desc: true } : { column: sort as C, desc: false };
}

/**
 * Reads a cursor written by `sortedQuery(…).page`: the sort it was written
 * for, the key of the last row seen (null for an empty one) and its id. A
 * cursor of another order, or holding a value its column's type refuses, is
 * refused as `invalid_cursor` before it reaches the database.
 */
export function decodeSortedCursor(cursor: string | undefined, sort: string, column: SortColumn, idType: IdType = 'uuid'): { key: unknown; id: string | number } | null {
  if (!cursor) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const keySchema = column.nullable ? cursorKeyOf(column.type).nullable() : cursorKeyOf(column.type);
  const parsed = z.tuple([z.literal(sort), keySchema, cursorKeyOf(idType)]).safeParse(raw);
  if (!parsed.success) throw invalidCursor();
  return { key: parsed.data[1], id: parsed.data[2] as string | number };
}

/**
 * How a list is ordered and paged: by a column it declares (a zod enum of its
 * contract, `SortParam`), then by id so rows tied on the column keep one
 * order, with a cursor that holds the order, the key and the id. Lists read
 * their pages through `sortedPage`, which puts these parts in their place.
 */
export function sortedQuery<C extends string>(columns: SortColumns<C>, id: SQL | AnyColumn, sort: SortValue<C>, cursor: string | undefined, idType: IdType = 'uuid'): SortedQuery {
  const { column, desc } = parseSort(sort);
  const spec = columns[column];
  if (!spec) throw invalidCursor();
  const by = sql`${spec.by}`;
  const dir = sql.raw(desc ? 'DESC' : 'ASC');
  const op = sql.raw(desc ? '<' : '>');
  const last = decodeSortedCursor(cursor, sort, spec, idType);
  let after: SQL | undefined;
  if (last) {
    const key = sql`${last.key}::${sql.raw(spec.type)}`;
    const lastId = sql`${String(last.id)}::${sql.raw(idType)}`;
    if (last.key === null) after = sql`(${by} IS NULL AND ${id} ${op} ${lastId})`;
    else if (spec.nullable) after = sql`(${by} IS NULL OR (${by}, ${id}) ${op} (${key}, ${lastId}))`;
    else after = sql`(${by}, ${id}) ${op} (${key}, ${lastId})`;
  }
  return {
    key: sql<string | null>`(${by})::text`,
    after,
    // Empty keys last both ways; a column that has none is ordered plainly, so a descending page walks an ascending index backwards.
    orderBy: [spec.nullable ? sql`${by} ${dir} NULLS LAST` : sql`${by} ${dir}`, sql`${id} ${dir}`],
    page(rows, limit, idOf) {
      const items = rows.slice(0, limit);
      const end = items.at(-1);
      return { items, nextCursor: rows.length > limit && end ? encodeCursor([sort, end.k, idOf(end)]) : null };
    },
  };
}

/** A list's order: the columns it may be sorted by and the id that breaks ties. */
export interface SortedList<C extends string> {
  columns: SortColumns<C>;
  /** A column, or the id column of a row source that is no table (a SECURITY DEFINER function's rows). */
  id: SQL | AnyColumn;
  idType?: IdType;
}

/** What a page of a sorted list is asked for: the order, the cursor and the page's size (a list's contract, `PageQuery`). */
export interface PageRequest<C extends string> {
  sort: SortValue<C>;
  cursor?: string | undefined;
  limit: number;
}

/**
 * A select before its conditions: `ctx.tx.select({ row: t, k }).from(t)….$dynamic()`.
 * Only what `sortedPage` calls of it.
 */
interface DynamicSelect<R> {
  where(where: SQL | undefined): { orderBy(...columns: SQL[]): { limit(limit: number): PromiseLike<R[]> } };
}

/**
 * One page of a sorted list, the one way every list reads one: `select` is
 * given the sort key to select as `k` beside the row, the page's conditions
 * are `where` and the cursor's, ordered by the column then the id.
 * ```ts
 * const page = await sortedPage(EVENT_LIST, query, (k) => ctx.tx.select({ row: events, k }).from(events).$dynamic(), filters, (r) => r.row.id);
 * ```
 */
export async function sortedPage<C extends string, R extends { k: string | null }>(
  list: SortedList<C>,
  request: PageRequest<C>,
  select: (key: SQL<string | null>) => DynamicSelect<R>,
  where: Array<SQL | undefined>,
  idOf: (row: R) => string | number,
): Promise<{ items: R[]; nextCursor: string | null }> {
  const order = sortedQuery(list.columns, list.id, request.sort, request.cursor, list.idType);
  const rows = await select(order.key).where(and(...where, order.after)).orderBy(...order.orderBy).limit(request.limit + 1);
  return order.page(rows, request.limit, idOf);
}
