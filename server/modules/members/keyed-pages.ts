import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { cursorKeyOf, CursorKey, decodeCursor, pageOf, type CursorKeyType } from '../../platform/db/cursor.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { memberShownColumns } from './present.js';
import { members } from './tables.js';

/** A firm's place in a list decided in SQL: its id and its sort key, as text. */
export type KeyedRow = { id: string; k: string };

/**
 * The rows after the cursor of a set gathered once (columns `id`, `k`), in
 * the order (k, id), `limit + 1` of them, with the size of the whole set.
 * Counting the gathered set and sorting it share one pass: a window count
 * over the 22,207 matches of "ho" cost as much again as the matching.
 */
export async function gatheredRows(ctx: TenantCtx, gathered: SQL, order: { type: CursorKeyType; desc: boolean }, query: { cursor?: string; limit: number }) {
  const after = decodeCursor(query.cursor, [cursorKeyOf(order.type), CursorKey.uuid]);
  const direction = sql.raw(order.desc ? 'DESC' : 'ASC');
  const res = await ctx.tx.execute<{ id: string | null; k: string | null; total: number }>(sql`
    WITH g AS MATERIALIZED (${gathered})
    SELECT p.id, p.k::text AS k, t.total
    FROM (SELECT count(*)::int AS total FROM g) t
    LEFT JOIN LATERAL (
      SELECT g.id, g.k FROM g
      ${after ? sql`WHERE (g.k, g.id) ${sql.raw(order.desc ? '<' : '>')} (${after[0]}::${sql.raw(order.type)}, ${after[1]}::uuid)` : sql``}
      ORDER BY g.k ${direction}, g.id ${direction} LIMIT ${query.limit + 1}) p ON true`);
  return {
    rows: res.rows.filter((r): r is KeyedRow & { total: number } => r.id !== null && r.k !== null),
    total: res.rows[0]?.total ?? 0,
  };
}

/** The page of `limit + 1` keyed rows as the API returns it: the firms in that order, and the next cursor. */
export async function pageOfFirms(ctx: TenantCtx, rows: KeyedRow[], limit: number) {
  const page = pageOf(rows, limit, (r) => [r.k, r.id]);
  const ids = page.items.map((r) => r.id);
  const found = ids.length ? await ctx.tx.select(memberShownColumns).from(members).where(and(eq(members.orgId, ctx.orgId), inArray(members.id, ids))) : [];
  const byId = new Map(found.map((r) => [r.id, r]));
  return { nextCursor: page.nextCursor, items: ids.flatMap((id) => byId.get(id) ?? []) };
}
