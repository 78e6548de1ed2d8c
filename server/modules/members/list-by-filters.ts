import { and, sql, type SQL } from 'drizzle-orm';
import type { MemberQuery } from '../../../contracts/members.js';
import { cursorKeyOf, CursorKey, decodeCursor, pageOf, type CursorKeyType } from '../../platform/db/cursor.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { hasFieldFilters, memberConditions } from './member-conditions.js';
import { gatheredRows, pageOfFirms } from './keyed-pages.js';
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
  if (!hasFieldFilters(query) || (everyFilterIndexed(query) && (await moreThanGathered(ctx, query)))) return walkInOrder(ctx, query);
  return (await gatherAndSort(ctx, query)) ?? (await walkInOrder(ctx, query));
}

// Sector, region, size and status are in indexes whose entries can be
// counted without reading a firm: finding out that there are more than
// GATHER_AT_MOST is then cheaper than starting to gather them. Tags (whose
// GIN index row-level security keeps out of reach), formality and
// ownership are not; there the gathering finds out.
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

/** Along the order's index, filtering as it goes; the route counts the first page's total. */
async function walkInOrder(ctx: TenantCtx, query: MemberQuery) {
  const { key, type, desc } = ordering(query);
  const after = decodeCursor(query.cursor, [cursorKeyOf(type), CursorKey.uuid]);
  const afterCondition = after
    ? desc
      ? sql`(${key}, ${members.id}) < (${after[0]}::${sql.raw(type)}, ${after[1]}::uuid)`
      : sql`(${key}, ${members.id}) > (${after[0]}::${sql.raw(type)}, ${after[1]}::uuid)`
    : undefined;
  const rows = await ctx.tx
    .select({ member: members, k: sql<string>`(${key})::text` })
    .from(members)
    .where(and(...memberConditions(ctx, query), afterCondition))
    .orderBy(desc ? sql`${key} desc, ${members.id} desc` : sql`${key} asc, ${members.id} asc`)
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (r) => [r.k, r.member.id]);
  return { nextCursor: page.nextCursor, items: page.items.map((r) => r.member), total: undefined as number | null | undefined };
}
