import { and, eq, sql, type SQL } from 'drizzle-orm';
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
    eq(members.orgId, ctx.orgId),
    eq(members.status, 'active'),
    sql`${members.id} IN (${f.among})`,
    // One set (a UNION), not two IN tests joined by OR: under OR the planner re-runs a subquery for every firm.
    f.named !== undefined ? sql`${members.id} IN (${sql.join([f.named ? sql`SELECT member_id FROM (${f.named}) n` : undefined, f.orAmong].filter((x) => x !== undefined), sql` UNION `)})` : undefined,
    f.sector ? sectorCondition(f.sector) : undefined,
    f.region ? eq(members.region, f.region) : undefined,
    f.size ? eq(members.sizeClass, f.size) : undefined,
  );
}

/** A page of `limit` firms after `after`, walking the name index (members_org_name_idx); `last` is null on the last page. */
export async function activeFirmsByName(ctx: TenantCtx, f: FirmsAmong, after: NamePosition | null, limit: number): Promise<{ ids: string[]; last: NamePosition | null }> {
  const rows = await ctx.tx
    .select({ id: members.id, k: nameKey })
    .from(members)
    .where(and(firmsAmong(ctx, f), after ? sql`(${nameKey}, ${members.id}) > (${after[0]}, ${after[1]}::uuid)` : undefined))
    .orderBy(nameKey, members.id)
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const end = page.at(-1);
  return { ids: page.map((r) => r.id), last: rows.length > limit && end ? [end.k, end.id] : null };
}

/** How many firms match, counted up to `upTo` (a larger count reads as "more than upTo": a directory says so, not the exact figure). */
export async function countActiveFirms(ctx: TenantCtx, f: FirmsAmong, upTo: number): Promise<number> {
  const matches = ctx.tx.select({ one: sql`1` }).from(members).where(firmsAmong(ctx, f)).limit(upTo + 1).as('matches');
  const [row] = await ctx.tx.select({ n: sql<number>`count(*)::int` }).from(matches);
  return row?.n ?? 0;
}
