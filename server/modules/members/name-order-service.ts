import { and, eq, sql, type SQL } from 'drizzle-orm';
import { estimatedRows } from '../../platform/db/estimated-rows.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { sectorCondition } from './member-conditions.js';
import { members } from './tables.js';

export { firmsNamed } from './search-by-name.js';

/**
 * Active firms in name order, among a set another module chose over its own
 * records (the public directory: firms with a listed profile). The set comes
 * as SQL (`SELECT member_id FROM …`) so that a directory of 100,000 firms is
 * paged in one statement instead of shipping every id through the server.
 */
export interface FirmsAmong {
  among: SQL;
  /** Firms whose name matches (`firmsNamed`: starts, words, misspellings, as the member list finds them), or none when null… */
  named?: SQL | null | undefined;
  /** …or, with `named`, a firm of this set (e.g. its profile's own text holds the words). */
  orAmong?: SQL | undefined;
  sector?: string | undefined;
  region?: string | undefined;
  size?: string | undefined;
}

/** Where a page ended: the name key (lower-case legal name) and id of its last firm. */
export type NamePosition = readonly [key: string, id: string];

const nameKey = sql<string>`lower(${members.legalName})`;

function firmsAmong(ctx: TenantCtx, f: FirmsAmong): SQL | undefined {
  return and(
    memberSide(ctx, f),
    sql`${members.id} IN (${f.among})`,
    // One set (a UNION), not two IN tests joined by OR: under OR the planner re-runs a subquery for every firm.
    f.named !== undefined ? sql`${members.id} IN (${sql.join([f.named ? sql`SELECT member_id FROM (${f.named}) n` : undefined, f.orAmong].filter((x) => x !== undefined), sql` UNION `)})` : undefined,
  );
}

type FirmsPage = { ids: string[]; last: NamePosition | null };

function pageOfRows(rows: Array<{ id: string; k: string }>, limit: number): FirmsPage {
  const page = rows.slice(0, limit);
  const end = page.at(-1);
  return { ids: page.map((r) => r.id), last: rows.length > limit && end ? [end.k, end.id] : null };
}

/**
 * The page read along the name order: the next `window` active firms after
 * `after` (members_org_name_idx), each tested on its own (the other module's
 * set through its key, `OFFSET 0` keeping the planner from gathering the whole
 * set first). Null when the window held fewer than `limit + 1` matches and
 * more firms follow it: the matches are too sparse to walk to.
 */
async function walkedPage(ctx: TenantCtx, f: FirmsAmong, after: NamePosition | null, limit: number, window: number): Promise<FirmsPage | null> {
  const tested = (set: SQL) => sql`EXISTS (SELECT 1 FROM (${set}) AS s(member_id) WHERE s.member_id = w.id OFFSET 0)`;
  const nameOrText = f.named !== undefined
    ? sql`AND (${sql.join([f.named ? tested(sql`SELECT member_id FROM (${f.named}) n`) : undefined, f.orAmong ? tested(f.orAmong) : undefined].filter((x) => x !== undefined), sql` OR `)})`
    : sql``;
  const res = await ctx.tx.execute<{ id: string; k: string; seen: number }>(sql`
    WITH w AS MATERIALIZED (
      SELECT ${members.id} AS id, ${nameKey} AS k FROM ${members}
      WHERE ${and(memberSide(ctx, f), after ? sql`(${nameKey}, ${members.id}) > (${after[0]}, ${after[1]}::uuid)` : undefined)}
      ORDER BY ${nameKey}, ${members.id} LIMIT ${window})
    SELECT w.id, w.k, (SELECT count(*) FROM w)::int AS seen FROM w
    WHERE ${tested(f.among)} ${nameOrText}
    ORDER BY w.k, w.id LIMIT ${limit + 1}`);
  const seen = res.rows[0]?.seen ?? 0;
  if (res.rows.length <= limit && (res.rows.length ? seen : await windowFull(ctx, f, after, window)) >= window) return null;
  return pageOfRows(res.rows, limit);
}

/** Whether `window` active firms follow `after` (a walk that matched none cannot say). */
async function windowFull(ctx: TenantCtx, f: FirmsAmong, after: NamePosition | null, window: number): Promise<number> {
  const [row] = (await ctx.tx.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM ${members}
      WHERE ${and(memberSide(ctx, f), after ? sql`(${nameKey}, ${members.id}) > (${after[0]}, ${after[1]}::uuid)` : undefined)} LIMIT ${window}) w`)).rows;
  return row?.n ?? 0;
}

/** Active firms of the organisation with the filters on the member record. */
function memberSide(ctx: TenantCtx, f: FirmsAmong): SQL | undefined {
  return and(
    eq(members.orgId, ctx.orgId),
    eq(members.status, 'active'),
    f.sector ? sectorCondition(f.sector) : undefined,
    f.region ? eq(members.region, f.region) : undefined,
    f.size ? eq(members.sizeClass, f.size) : undefined,
  );
}

/**
 * A page of `limit` firms after `after` in name order; `last` is null on the last page. With
 * `walk`, the caller expects matches to be common though the planner cannot tell (a profile's
 * words): the first `walk.window` firms in name order are tested one by one against `walk.firms`
 * (the same firms as `f`, its sets cheap to test for one firm: a table read by its key, not a
 * function), and only if too few match is `f` gathered, as without it.
 */
export async function activeFirmsByName(ctx: TenantCtx, f: FirmsAmong, after: NamePosition | null, limit: number, walk?: { window: number; firms: FirmsAmong }): Promise<FirmsPage> {
  if (walk) {
    const walked = await walkedPage(ctx, walk.firms, after, limit, walk.window);
    if (walked) return walked;
  }
  const rows = await ctx.tx
    .select({ id: members.id, k: nameKey })
    .from(members)
    .where(and(firmsAmong(ctx, f), after ? sql`(${nameKey}, ${members.id}) > (${after[0]}, ${after[1]}::uuid)` : undefined))
    .orderBy(nameKey, members.id)
    .limit(limit + 1);
  return pageOfRows(rows, limit);
}

/** How many firms the planner expects to match, from its statistics (no row read): for a caller choosing whether to count them. */
export function estimatedActiveFirms(ctx: TenantCtx, f: FirmsAmong): Promise<number> {
  return estimatedRows(ctx.tx, sql`SELECT 1 FROM ${members} WHERE ${firmsAmong(ctx, f)}`);
}

/** How many firms match, counted up to `upTo` (a larger count reads as "more than upTo": a directory says so, not the exact figure). */
export async function countActiveFirms(ctx: TenantCtx, f: FirmsAmong, upTo: number): Promise<number> {
  const matches = ctx.tx.select({ one: sql`1` }).from(members).where(firmsAmong(ctx, f)).limit(upTo + 1).as('matches');
  const [row] = await ctx.tx.select({ n: sql<number>`count(*)::int` }).from(matches);
  return row?.n ?? 0;
}
