import { sql } from 'drizzle-orm';
import { dayIn } from '../../platform/db/day-in.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { currentOrgClock } from '../orgs/org-service.js';

/**
 * What the results module counts of networking (results/library.ts reads
 * networking only through this file). Days are the organisation's.
 */

/** Introductions the chamber made in the period, on the day each was made. */
export async function introductionsBetween(ctx: TenantCtx, startsOn: string, endsOn: string): Promise<Array<{ id: string; on: string }>> {
  const { timeZone } = await currentOrgClock(ctx);
  const day = dayIn(timeZone, sql`created_at`);
  const rows = await ctx.tx.execute<{ id: string; on: string }>(sql`
    SELECT id, to_char(${day}, 'YYYY-MM-DD') AS on
    FROM networking_introductions
    WHERE org_id = ${ctx.orgId} AND ${day} BETWEEN ${startsOn}::date AND ${endsOn}::date`);
  return rows.rows;
}

/**
 * Deals in the period, once per pair of firms: two introductions of the same
 * two firms that both ended in a deal (each side reporting it) are one deal,
 * dated by the first. A deal is dated on the day its introduction reached
 * `deal`, its last change (a deal is final). A pair whose first deal fell
 * before the period is not counted again in it.
 */
export async function dealsBetween(ctx: TenantCtx, startsOn: string, endsOn: string): Promise<Array<{ id: string; on: string; firmA: string; firmB: string }>> {
  const { timeZone } = await currentOrgClock(ctx);
  const day = dayIn(timeZone, sql`updated_at`);
  const rows = await ctx.tx.execute<{ id: string; on: string; firmA: string; firmB: string }>(sql`
    SELECT id, to_char(day, 'YYYY-MM-DD') AS on, low AS "firmA", high AS "firmB"
    FROM (
      SELECT DISTINCT ON (least(firm_a, firm_b), greatest(firm_a, firm_b))
             id, ${day} AS day, least(firm_a, firm_b) AS low, greatest(firm_a, firm_b) AS high
      FROM networking_introductions
      WHERE org_id = ${ctx.orgId} AND state = 'deal'
      ORDER BY least(firm_a, firm_b), greatest(firm_a, firm_b), ${day}, id
    ) first_deal
    WHERE day BETWEEN ${startsOn}::date AND ${endsOn}::date`);
  return rows.rows;
}
