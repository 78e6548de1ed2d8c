import { sql } from 'drizzle-orm';
import { dayIn } from '../../platform/db/day-in.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { todayIn } from '../../platform/time.js';
import { currentOrgClock } from '../orgs/org-service.js';
import { reportedDeals } from './deal-service.js';

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
 * Deals in the period, once per unordered pair of firms, from two sources: an
 * introduction staff moved to `deal` (dated on its last change: a deal is
 * final) and an answer "agreement signed" to the deal follow-up form (dated
 * on the day answered; both firms may report the same deal). A pair counts
 * once, on its first deal from either source, and is named by that
 * introduction; a pair whose first deal fell before the period is not counted
 * again in it. Days are the organisation's.
 */
export async function dealsBetween(ctx: TenantCtx, startsOn: string, endsOn: string): Promise<Array<{ id: string; on: string; firmA: string; firmB: string }>> {
  const { timeZone } = await currentOrgClock(ctx);
  const day = dayIn(timeZone, sql`updated_at`);
  const marked = await ctx.tx.execute<{ id: string; on: string; low: string; high: string }>(sql`
    SELECT id, to_char(${day}, 'YYYY-MM-DD') AS on, least(firm_a, firm_b) AS low, greatest(firm_a, firm_b) AS high
    FROM networking_introductions
    WHERE org_id = ${ctx.orgId} AND state = 'deal'`);
  const reported = (await reportedDeals(ctx)).map((d) => ({ id: d.introductionId, on: todayIn(timeZone, d.answeredAt), low: d.low, high: d.high }));
  const first = new Map<string, { id: string; on: string; low: string; high: string }>();
  for (const d of [...marked.rows, ...reported]) {
    const key = `${d.low}:${d.high}`;
    const seen = first.get(key);
    if (!seen || d.on < seen.on || (d.on === seen.on && d.id < seen.id)) first.set(key, d);
  }
  return [...first.values()].filter((d) => d.on >= startsOn && d.on <= endsOn)
    .sort((a, b) => a.on.localeCompare(b.on) || a.id.localeCompare(b.id))
    .map((d) => ({ id: d.id, on: d.on, firmA: d.low, firmB: d.high }));
}

/**
 * Deals the firms reported on the deal follow-up form ("agreement signed"), once
 * per unordered pair of firms, dated on the pair's first such answer and named by
 * that introduction (staff's `deal` marks are not reports: `dealsBetween` counts
 * those). The form asks a deal's value and the jobs it created in the answering
 * firm as totals so far, not what was added since the last answer, so a later
 * answer replaces an earlier one: `value` is the latest value either firm gave
 * for the pair (both report the same deal), `jobs` the sum over the two firms of
 * each one's latest figure; `null` where no answer gave one. `value` is in minor
 * units of the organisation's currency. A pair's figures count in the period of
 * its first report only, so periods add up without counting a repeat twice.
 */
export async function dealsReportedBetween(ctx: TenantCtx, startsOn: string, endsOn: string): Promise<Array<{ id: string; on: string; firmA: string; firmB: string; value: number | null; currency: string; jobs: number | null }>> {
  const { timeZone } = await currentOrgClock(ctx);
  type Pair = { id: string; on: string; firmA: string; firmB: string; value: number | null; currency: string; jobsBy: Map<string, number> };
  const pairs = new Map<string, Pair>();
  // First answered first: the first report dates the pair, each later figure replaces the one before.
  for (const d of await reportedDeals(ctx)) {
    const key = `${d.low}:${d.high}`;
    let pair = pairs.get(key);
    if (!pair) pairs.set(key, (pair = { id: d.introductionId, on: todayIn(timeZone, d.answeredAt), firmA: d.low, firmB: d.high, value: null, currency: d.report.currency, jobsBy: new Map() }));
    if (d.report.value !== null) pair.value = d.report.value;
    if (d.report.jobs !== null) pair.jobsBy.set(d.reportedBy, d.report.jobs);
  }
  return [...pairs.values()].filter((p) => p.on >= startsOn && p.on <= endsOn)
    .sort((a, b) => a.on.localeCompare(b.on) || a.id.localeCompare(b.id))
    .map(({ jobsBy, ...p }) => ({ ...p, jobs: jobsBy.size ? [...jobsBy.values()].reduce((s, n) => s + n, 0) : null }));
}
