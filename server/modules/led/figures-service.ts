import { and, eq, inArray } from 'drizzle-orm';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { participationsBetween, type ParticipationSelection } from '../people/figures-service.js';
import { measuresFollowedUp } from './follow-up-service.js';
import { LED_KIND, LED_SOURCE } from './implementation-service.js';
import { ledMeasures, ledRegions } from './tables.js';

/**
 * What the results module counts of LED (results/library.ts reads LED only
 * through this file).
 */

/**
 * The people LED measures reached in a period, as the people module recorded
 * them (source `led`, kind `measure`): participants (trained), people in new
 * jobs and people with higher income, each participation with the person, their
 * sex and their age band on the day. Results counts each person once.
 */
export async function ledPeopleBetween(ctx: TenantCtx, startsOn: string, endsOn: string) {
  return (await participationsBetween(ctx, startsOn, endsOn, ['participant', 'new_job', 'higher_income']))
    .filter((p) => p.source === LED_SOURCE && p.kind === LED_KIND);
}

/**
 * The branch that runs each of these measures (through its region, `branch_id`;
 * null when the organisation runs the region itself): what places an LED
 * participation with a branch on the umbrella's results dashboard.
 */
export async function measureBranches(ctx: TenantCtx, measureIds: readonly string[]): Promise<Map<string, string | null>> {
  if (!measureIds.length) return new Map();
  const rows = await ctx.tx
    .select({ id: ledMeasures.id, branchId: ledRegions.branchId })
    .from(ledMeasures)
    .innerJoin(ledRegions, and(eq(ledRegions.orgId, ledMeasures.orgId), eq(ledRegions.id, ledMeasures.regionId)))
    .where(and(eq(ledMeasures.orgId, ctx.orgId), inArray(ledMeasures.id, [...measureIds])));
  return new Map(rows.map((r) => [r.id, r.branchId]));
}

/** The participations of `ledPeopleBetween` in one role, as the people module counts them in the database (`peopleCountedBetween`). */
export const ledPeopleIn = (role: 'participant' | 'new_job' | 'higher_income'): ParticipationSelection => ({ roles: [role], source: LED_SOURCE, kind: LED_KIND });

/**
 * Measures with a follow-up due by the period's end, each with whether its
 * latest follow-up answered by then says it is still effective, dated on its
 * first follow-up's day, with the ISO 3166-2 subdivision of its region.
 */
export async function measuresEffectiveAt(ctx: TenantCtx, endsOn: string) {
  const measures = await measuresFollowedUp(ctx, endsOn);
  const regionIds = [...new Set(measures.map((m) => m.regionId))];
  const regions = regionIds.length
    ? new Map((await ctx.tx.select({ id: ledRegions.id, region: ledRegions.region }).from(ledRegions).where(and(eq(ledRegions.orgId, ctx.orgId), inArray(ledRegions.id, regionIds)))).map((r) => [r.id, r.region]))
    : new Map<string, string>();
  return measures.map((m) => ({ id: m.id, on: m.firstDueOn, region: regions.get(m.regionId) ?? null, effective: m.effective }));
}
