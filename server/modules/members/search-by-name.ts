import { and, sql, type SQL } from 'drizzle-orm';
import type { MemberQuery } from '../../../contracts/members.js';
import { CursorKey, decodeCursor } from '../../platform/db/cursor.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { hasFieldFilters, memberConditions } from './member-conditions.js';
import { gatheredRows, pageOfFirms, type KeyedRow } from './keyed-pages.js';
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
  const { rows, total } = starts ? await rankByStarts(ctx, query, starts) : await rankByMatches(ctx, query);
  return { ...(await pageOfFirms(ctx, rows, query.limit)), total: query.cursor ? null : total };
}

type Ranked = { rows: KeyedRow[]; total: number };

/** Through member_name_matches(), joined to the firms only when a field filter needs them. */
async function rankByMatches(ctx: TenantCtx, query: NameQuery): Promise<Ranked> {
  const { q: _q, ...filters } = query;
  const scored = hasFieldFilters(filters)
    ? sql`SELECT nm.member_id AS id, nm.score AS k FROM ${members} JOIN member_name_matches(${query.q}) nm ON nm.member_id = ${members.id}
          WHERE ${and(...memberConditions(ctx, filters))}`
    : sql`SELECT nm.member_id AS id, nm.score AS k FROM member_name_matches(${query.q}) nm`;
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
    ? sql`SELECT f.member_id AS id, f.score::real AS k FROM (${perFirm}) f JOIN ${members} ON ${members.id} = f.member_id
          WHERE ${and(...memberConditions(ctx, filters))}`
    : sql`SELECT f.member_id AS id, f.score::real AS k FROM (${perFirm}) f`;
  return bestFirst(ctx, scored, query);
}

/** One two-letter start and nothing else: the page is a range of the primary key read backwards, the total its length. */
async function oneStart(ctx: TenantCtx, query: NameQuery, start: string): Promise<Ranked> {
  const after = decodeCursor(query.cursor, [CursorKey.real, CursorKey.uuid]);
  const res = await ctx.tx.execute<KeyedRow>(sql`
    SELECT k.member_id AS id, k.score::text AS k FROM member_name_starts k
    WHERE k.org_id = ${ctx.orgId} AND k.start = ${start}
      ${after ? sql`AND (k.score, k.member_id) < (${after[0]}::real, ${after[1]}::uuid)` : sql``}
    ORDER BY k.score DESC, k.member_id DESC LIMIT ${query.limit + 1}`);
  // Later pages carry no total (searchByName leaves it out): not counted again.
  const total = after
    ? 0
    : (await ctx.tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM member_name_starts k WHERE k.org_id = ${ctx.orgId} AND k.start = ${start}`)).rows[0]!.n;
  return { rows: res.rows, total };
}

/** A scored set (columns `id` and its score `k`), best first. */
function bestFirst(ctx: TenantCtx, scored: SQL, query: NameQuery): Promise<Ranked> {
  return gatheredRows(ctx, scored, { type: 'real', desc: true }, query);
}
