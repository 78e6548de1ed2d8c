import { and, sql, type SQL } from 'drizzle-orm';
import type { MemberQuery } from '../../../contracts/members.js';
import { decodeCursor, pageOf } from '../../platform/db/cursor.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { hasFieldFilters, memberConditions } from './member-conditions.js';
import { membersInOrder } from './members-in-order.js';
import { members } from './tables.js';

type NameQuery = MemberQuery & { q: string };

/**
 * With a name to search, the best matches first. A search of short words
 * only ("ho") is answered from the starts of the names' words (member_name_starts),
 * the others by member_name_matches(); both give ids and scores, then the
 * page's rows are read. The total comes with the first page.
 */
export async function searchByName(ctx: TenantCtx, query: NameQuery) {
  const [row] = (await ctx.tx.execute<{ starts: string[] | null }>(sql`SELECT member_search_starts(${query.q}) AS starts`)).rows;
  const starts = row?.starts;
  if (starts && !starts.length) return { items: [], nextCursor: null, total: 0 };
  const rows = starts ? await rankByStarts(ctx, query, starts) : await rankByMatches(ctx, query);
  const found = rows.filter((r): r is { id: string; k: string; total: number } => r.id !== null && r.k !== null);
  const page = pageOf(found, query.limit, (r) => [r.k, r.id]);
  const total = query.cursor ? null : (rows[0]?.total ?? 0);
  return { nextCursor: page.nextCursor, items: await membersInOrder(ctx, page.items.map((r) => r.id)), total };
}

type Ranked = Array<{ id: string | null; k: string | null; total: number }>;

/** Through member_name_matches(), joined to the firms only when a field filter needs them. */
async function rankByMatches(ctx: TenantCtx, query: NameQuery): Promise<Ranked> {
  const { q: _q, ...filters } = query;
  const scored = hasFieldFilters(filters)
    ? sql`SELECT nm.member_id AS id, nm.score FROM ${members} JOIN member_name_matches(${query.q}) nm ON nm.member_id = ${members.id}
          WHERE ${and(...memberConditions(ctx, filters))}`
    : sql`SELECT nm.member_id AS id, nm.score FROM member_name_matches(${query.q}) nm`;
  return bestFirst(ctx, scored, query);
}

/**
 * Every start must begin a word of the name; a firm scores the share of its
 * best such word the start covers ("ho" scores 1 on Ho, 0.4 on House).
 * member_name_starts holds two-letter starts with that share, so a
 * one-letter start reads a range of them and scales their share. Range and
 * equality conditions on the "C"-collated start are leakproof, so the index
 * serves them under row-level security, as long as the bound is a plain
 * value: computed in the query (start || chr()) the condition was not
 * leakproof, and the scan read on to the end of the alphabet. U+10FFFF is
 * above any letter or digit.
 */
async function rankByStarts(ctx: TenantCtx, query: NameQuery, starts: string[]): Promise<Ranked> {
  const { q: _q, ...filters } = query;
  const [only] = starts;
  if (starts.length === 1 && only!.length === 2 && !hasFieldFilters(filters)) return oneStart(ctx, query, only!);
  const list = (values: string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);
  const perStart = sql`
    SELECT k.member_id, p.i, max(length(p.start) * k.score / length(k.start)) AS best
    FROM unnest(ARRAY[${list(starts)}]::text[], ARRAY[${list(starts.map((p) => `${p}\u{10FFFF}`))}]::text[]) WITH ORDINALITY AS p(start, upper, i)
    JOIN member_name_starts k ON k.org_id = ${ctx.orgId} AND k.start >= p.start AND k.start < p.upper
    GROUP BY k.member_id, p.i`;
  const perFirm = sql`SELECT member_id, sum(best) / ${starts.length} AS score FROM (${perStart}) s GROUP BY member_id HAVING count(*) = ${starts.length}`;
  const scored = hasFieldFilters(filters)
    ? sql`SELECT f.member_id AS id, f.score::real AS score FROM (${perFirm}) f JOIN ${members} ON ${members.id} = f.member_id
          WHERE ${and(...memberConditions(ctx, filters))}`
    : sql`SELECT f.member_id AS id, f.score::real AS score FROM (${perFirm}) f`;
  return bestFirst(ctx, scored, query);
}

/** One two-letter start and nothing else: the page is a range of the primary key read backwards, the total its length. */
async function oneStart(ctx: TenantCtx, query: NameQuery, start: string): Promise<Ranked> {
  const after = decodeCursor<[string, string]>(query.cursor, 2);
  const res = await ctx.tx.execute<{ id: string; k: string }>(sql`
    SELECT k.member_id AS id, k.score::text AS k FROM member_name_starts k
    WHERE k.org_id = ${ctx.orgId} AND k.start = ${start}
      ${after ? sql`AND (k.score, k.member_id) < (${after[0]}::real, ${after[1]}::uuid)` : sql``}
    ORDER BY k.score DESC, k.member_id DESC LIMIT ${query.limit + 1}`);
  // Later pages carry no total (searchByName leaves it out): not counted again.
  const total = after
    ? 0
    : (await ctx.tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM member_name_starts k WHERE k.org_id = ${ctx.orgId} AND k.start = ${start}`)).rows[0]!.n;
  return res.rows.length ? res.rows.map((r) => ({ ...r, total })) : [{ id: null, k: null, total }];
}

/**
 * The page of a scored set, best first, with the size of the set: gathered
 * once, then counted and sorted (a window count over the 22,207 matches of
 * "ho" cost as much again as the matching).
 */
async function bestFirst(ctx: TenantCtx, scored: SQL, query: NameQuery): Promise<Ranked> {
  const after = decodeCursor<[string, string]>(query.cursor, 2);
  const res = await ctx.tx.execute<{ id: string | null; k: string | null; total: number }>(sql`
    WITH g AS MATERIALIZED (${scored})
    SELECT p.id, p.score::text AS k, t.total
    FROM (SELECT count(*)::int AS total FROM g) t
    LEFT JOIN LATERAL (
      SELECT g.id, g.score FROM g
      ${after ? sql`WHERE (g.score, g.id) < (${after[0]}::real, ${after[1]}::uuid)` : sql``}
      ORDER BY g.score DESC, g.id DESC LIMIT ${query.limit + 1}) p ON true`);
  return res.rows;
}
