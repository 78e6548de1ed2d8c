import { and, sql, type SQL } from 'drizzle-orm';
import type { MemberQuery } from '../../../contracts/members.js';
import { cursorKeyOf, CursorKey, decodeCursor, pageOf, type CursorKeyType } from '../../platform/db/cursor.js';
import { estimatedRows } from '../../platform/db/estimated-rows.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { hasFieldFilters, memberConditions } from './member-conditions.js';
import { gatheredRows, pageOfFirms } from './keyed-pages.js';
import { memberShownColumns } from './present.js';
import { members } from './tables.js';

/**
 * Up to this many matches are gathered and sorted; more, and the order's
 * index is walked instead. Walking is quick when matches are common, but
 * when they are few or bunched (no firm under "A" is women-led) it read
 * 40,000 rows for a page; gathering 5,000 costs about 10 ms.
 */
const GATHER_AT_MOST = 5_000;

/**
 * The first sort key of each order and its type. Cursors carry that key as
 * text, cast back on the way in, so no precision is lost through JavaScript.
 */
function ordering(query: MemberQuery): { key: SQL; type: CursorKeyType; desc: boolean } {
  const desc = query.sort.startsWith('-');
  switch (query.sort.replace('-', '')) {
    case 'created':
      return { key: sql`${members.createdAt}`, type: 'timestamptz', desc };
    case 'renewal':
      return { key: sql`coalesce(${members.renewalDueOn}, '9999-12-31'::date)`, type: 'date', desc };
    default:
      return { key: sql`lower(${members.legalName})`, type: 'text', desc };
  }
}

/** Firms in the chosen order, without a name to search. */
export async function listByFilters(ctx: TenantCtx, query: MemberQuery) {
  if (!hasFieldFilters(query)) return walkInOrder(ctx, query, false);
  if (everyFilterIndexed(query)) {
    if (await moreThanGathered(ctx, query)) return walkInOrder(ctx, query, true);
  } else {
    const estimate = await estimatedCount(ctx, and(...memberConditions(ctx, query)));
    if (estimate >= 2 * GATHER_AT_MOST) return walkInOrder(ctx, query, estimate);
  }
  return (await gatherAndSort(ctx, query)) ?? (await walkInOrder(ctx, query, true));
}

// Sector, region, size and status are in indexes whose entries can be
// counted without reading a firm: finding out that there are more than
// GATHER_AT_MOST is then cheaper than starting to gather them. Tags (whose
// GIN index row-level security keeps out of reach), formality and
// ownership are not; there the planner's estimate decides (two milliseconds
// where gathering 5,001 of 10,000 women-led firms only to walk cost 50),
// and below twice GATHER_AT_MOST the gathering finds out.
function everyFilterIndexed(query: MemberQuery) {
  return !query.tag && !query.informal && !query.womenLed;
}

async function moreThanGathered(ctx: TenantCtx, query: MemberQuery) {
  const [row] = await ctx.tx.select({ n: sql<number>`count(*)::int` }).from(
    ctx.tx.select({ one: sql`1`.as('one') }).from(members).where(and(...memberConditions(ctx, query))).limit(GATHER_AT_MOST + 1).as('m'),
  );
  return row!.n > GATHER_AT_MOST;
}

/** The page when the filters match at most GATHER_AT_MOST firms, with their number; else null. */
async function gatherAndSort(ctx: TenantCtx, query: MemberQuery) {
  const { key, type, desc } = ordering(query);
  const gathered = sql`SELECT ${members.id} AS id, ${key} AS k FROM ${members} WHERE ${and(...memberConditions(ctx, query))} LIMIT ${GATHER_AT_MOST + 1}`;
  const { rows, total } = await gatheredRows(ctx, gathered, { type, desc }, query);
  if (total > GATHER_AT_MOST) return null;
  return { ...(await pageOfFirms(ctx, rows, query.limit)), total: query.cursor ? null : total };
}

/**
 * Along the order's index, filtering as it goes. The first page counts its
 * total in the same statement (an uncorrelated subquery, run once, that
 * stops after GATHER_AT_MOST + 1): counted in a statement of its own, the
 * first page answered 300 requests/s where later pages answered 385
 * (bench/RESULTS.md, 2026-12-01). Beyond GATHER_AT_MOST (or when the caller
 * already found more: `many`, or estimated it) the total is the planner's estimate, rounded
 * and marked as such: counting 44,000 active firms exactly cost more than the
 * page (issue 14.5, bench/RESULTS.md 2026-12-03). A first page without rows
 * has nothing to count.
 */
async function walkInOrder(ctx: TenantCtx, query: MemberQuery, many: boolean | number) {
  const { key, type, desc } = ordering(query);
  const after = decodeCursor(query.cursor, [cursorKeyOf(type), CursorKey.uuid]);
  const afterCondition = after
    ? desc
      ? sql`(${key}, ${members.id}) < (${after[0]}::${sql.raw(type)}, ${after[1]}::uuid)`
      : sql`(${key}, ${members.id}) > (${after[0]}::${sql.raw(type)}, ${after[1]}::uuid)`
    : undefined;
  const matching = and(...memberConditions(ctx, query));
  const counted = after || many ? sql`NULL` : sql`(SELECT count(*) FROM (SELECT 1 FROM ${members} WHERE ${matching} LIMIT ${GATHER_AT_MOST + 1}) c)`;
  const total = sql<number>`${counted}::int`;
  const rows = await ctx.tx
    .select({ ...memberShownColumns, k: sql<string>`(${key})::text`, total })
    .from(members)
    .where(and(matching, afterCondition))
    .orderBy(desc ? sql`${key} desc, ${members.id} desc` : sql`${key} asc, ${members.id} asc`)
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (r) => [r.k, r.id]);
  if (after || !rows.length) return { nextCursor: page.nextCursor, items: page.items, total: after ? null : 0 };
  if (!many && rows[0]!.total <= GATHER_AT_MOST) return { nextCursor: page.nextCursor, items: page.items, total: rows[0]!.total };
  const estimate = typeof many === 'number' ? many : await estimatedCount(ctx, matching);
  return { nextCursor: page.nextCursor, items: page.items, total: estimate, totalEstimated: true };
}

/**
 * More than GATHER_AT_MOST firms match: the planner's estimate of how many
 * (from the statistics ANALYZE keeps, no row read), to two significant figures.
 */
async function estimatedCount(ctx: TenantCtx, matching: SQL | undefined) {
  const n = Math.max(GATHER_AT_MOST + 1, await estimatedRows(ctx.tx, sql`SELECT 1 FROM ${members} WHERE ${matching}`));
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1);
  return Math.round(n / unit) * unit;
}
