import { sql } from 'drizzle-orm';
import { dayIn, dayTextIn } from '../../platform/db/day-in.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { currentOrgClock } from '../orgs/org-service.js';
import { costSummaries } from './cost-service.js';

/**
 * Reforms won in a period (days in the organisation's time zone): issues whose
 * outcome (adopted or implemented) was recorded in it, each with the yearly
 * saving claimed for firms, that is the Standard Cost Model's yearly cost
 * times the share the reform removes.
 */
export async function reformsBetween(ctx: TenantCtx, startsOn: string, endsOn: string) {
  const { timeZone } = await currentOrgClock(ctx);
  const rows = await ctx.tx.execute<{ id: string; outcome: string; savingShare: number; on: string }>(sql`
    SELECT i.id, i.outcome, i.saving_share AS "savingShare", ${dayTextIn(timeZone, sql`i.outcome_at`)} AS on
    FROM advocacy_issues i
    WHERE i.org_id = ${ctx.orgId} AND i.outcome IN ('adopted', 'implemented')
      AND ${dayIn(timeZone, sql`i.outcome_at`)} BETWEEN ${startsOn}::date AND ${endsOn}::date`);
  const costs = await costSummaries(ctx, rows.rows.map((r) => r.id));
  // The saving in minor units of the organisation's currency, as every sum of money is kept.
  return rows.rows.map((r) => ({ ...r, yearlySaving: Math.round((costs.get(r.id)!.yearlyCost * r.savingShare) / 100), currency: costs.get(r.id)!.currency }));
}

/** Advocacy issues still open (no outcome yet), counted by the step of dialogue they are at. */
export async function openIssuesByStep(ctx: TenantCtx): Promise<Map<string, number>> {
  const rows = await ctx.tx.execute<{ step: string; count: number }>(sql`
    SELECT i.step, count(*)::int AS count FROM advocacy_issues i
    WHERE i.org_id = ${ctx.orgId} AND i.outcome IS NULL GROUP BY i.step`);
  return new Map(rows.rows.map((r) => [r.step, r.count]));
}
