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
 * the others from the names' words (member_name_words) through the words of
 * the organisation each search term matches (member_name_candidates); both
 * give ids and scores, then the page's rows are read. The total comes with
 * the first page.
 */
export async function searchByName(ctx: TenantCtx, query: NameQuery) {
  const [row] = (await ctx.tx.execute<{ starts: string[] | null }>(sql`SELECT member_search_starts(${query.q}) AS starts`)).rows;
  const starts = row?.starts;
  if (starts && !starts.length) return { items: [], nextCursor: null, total: 0 };
  const ranked = starts ? await rankByStarts(ctx, query, starts) : await rankByWords(ctx, query);
  if (!ranked) return { items: [], nextCursor: null, total: query.cursor ? null : 0 };
  const { rows, total } = ranked;
  return { ...(await pageOfFirms(ctx, rows, query.limit)), total: query.cursor ? null : total };
}

type Ranked = { rows: KeyedRow[]; total: number };
type Candidate = { term: number; word: string; score: number };

/**
 * Every term must match a word of the name; a firm scores the mean over the
 * terms of its best word for each. The words each term matches come from
 * member_name_candidates() (the only step needing the owner's rights); the
 * firms are then reached by equality on member_name_words, which row-level
 * security lets use its index. Most firms match a term through one word,
 * so grouping, which costs about a microsecond a row, is done only where a
 * firm may repeat: when a term matched several words, and after joining
 * the terms (on the firms they share, usually far fewer).
 */
async function rankByWords(ctx: TenantCtx, query: NameQuery): Promise<Ranked | null> {
  const { q: _q, ...filters } = query;
  const perFirm = await firmsByWords(ctx, query.q);
  if (!perFirm) return null;
  const scored = hasFieldFilters(filters)
    ? sql`SELECT f.member_id AS id, f.s AS k FROM (${perFirm}) f JOIN ${members} ON ${members.id} = f.member_id WHERE ${and(...memberConditions(ctx, filters))}`
    : sql`SELECT f.member_id AS id, f.s AS k FROM (${perFirm}) f`;
  return bestFirst(ctx, scored, query);
}

/** The firms whose name holds a word for every term of `q`, as rows (member_id, s: the mean of their best scores), or null when a term matches no word. */
async function firmsByWords(ctx: TenantCtx, q: string): Promise<SQL | null> {
  const res = await ctx.tx.execute<{ terms: number; candidates: Candidate[] | null }>(sql`
    SELECT cardinality(member_search_terms(${q}))::int AS terms,
           (SELECT json_agg(c) FROM member_name_candidates(${q}) c) AS candidates`);
  const { terms, candidates } = res.rows[0]!;
  const byTerm = Array.from({ length: terms }, (_, i) => (candidates ?? []).filter((c) => c.term === i + 1));
  if (!terms || byTerm.some((words) => !words.length)) return null;
  const list = (values: Array<string | number>, type: string) => sql`ARRAY[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::${sql.raw(type)}[]`;
  const firmsOf = (words: Candidate[]) =>
    words.length === 1
      ? sql`SELECT w.member_id, ${words[0]!.score}::real AS s FROM member_name_words w WHERE w.org_id = ${ctx.orgId} AND w.word = ${words[0]!.word}`
      : sql`SELECT w.member_id, max(c.s) AS s
            FROM unnest(${list(words.map((c) => c.word), 'text')}, ${list(words.map((c) => c.score), 'real')}) AS c(word, s)
            JOIN member_name_words w ON w.org_id = ${ctx.orgId} AND w.word = c.word
            GROUP BY w.member_id`;
  const [first, ...others] = byTerm.map(firmsOf);
  return others.length
    ? sql`SELECT t1.member_id, ((t1.s ${sql.join(others.map((_, i) => sql.raw(`+ t${i + 2}.s`)), sql` `)}) / ${terms})::real AS s
          FROM (${first}) t1 ${sql.join(others.map((t, i) => sql`JOIN (${t}) ${sql.raw(`t${i + 2}`)} USING (member_id)`), sql` `)}`
    : first!;
}

/**
 * Every start must begin a word of the name; a firm scores the share of its
 * best such word the start covers ("ho" scores 1 on Ho, 0.4 on House).
 * member_name_starts holds one- and two-letter starts with that share, one
 * row per firm and start, read by equality: leakproof, so the index serves
 * under row-level security.
 */
async function rankByStarts(ctx: TenantCtx, query: NameQuery, starts: string[]): Promise<Ranked> {
  const { q: _q, ...filters } = query;
  const [only] = starts;
  if (starts.length === 1 && !hasFieldFilters(filters)) return oneStart(ctx, query, only!);
  const perFirm = firmsByStarts(ctx, starts);
  const scored = hasFieldFilters(filters)
    ? sql`SELECT f.member_id AS id, f.s::real AS k FROM (${perFirm}) f JOIN ${members} ON ${members.id} = f.member_id
          WHERE ${and(...memberConditions(ctx, filters))}`
    : sql`SELECT f.member_id AS id, f.s::real AS k FROM (${perFirm}) f`;
  return bestFirst(ctx, scored, query);
}

/** The firms with a word beginning with every start, as rows (member_id, s). */
function firmsByStarts(ctx: TenantCtx, starts: string[]): SQL {
  return starts.length === 1
    ? sql`SELECT k.member_id, k.score AS s FROM member_name_starts k WHERE k.org_id = ${ctx.orgId} AND k.start = ${starts[0]!}`
    : sql`SELECT k.member_id, sum(k.score) / ${starts.length} AS s FROM member_name_starts k
          WHERE k.org_id = ${ctx.orgId} AND k.start = ANY(ARRAY[${sql.join(starts.map((p) => sql`${p}`), sql`, `)}]::text[])
          GROUP BY k.member_id HAVING count(*) = ${starts.length}`;
}

/**
 * The firms whose name matches `q` as the member list finds them (word
 * starts, words, misspellings), as rows (member_id, s), or null when none can:
 * for another module's list that narrows by name (the public directory).
 */
export async function firmsNamed(ctx: TenantCtx, q: string): Promise<SQL | null> {
  const [row] = (await ctx.tx.execute<{ starts: string[] | null }>(sql`SELECT member_search_starts(${q}) AS starts`)).rows;
  const starts = row?.starts;
  if (starts) return starts.length ? firmsByStarts(ctx, starts) : null;
  return firmsByWords(ctx, q);
}

/** One start and nothing else: the page is a range of the primary key read backwards, the total its length. */
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
