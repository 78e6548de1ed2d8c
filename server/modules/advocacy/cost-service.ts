import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { CostActivity, CostActivityInput, CostSummary } from '../../../contracts/advocacy.js';
import { activityCost, standardCost, summaryIsCountable } from '../../../contracts/standard-cost.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { getCurrentOrg } from '../orgs/org-service.js';
import { addAdvocacyEvent } from './history-service.js';
import { getIssueRow } from './issue-row.js';
import { advocacyCostActivities, advocacyIssues } from './tables.js';

type Row = typeof advocacyCostActivities.$inferSelect;

const inputOf = (r: Row): CostActivityInput => ({
  name: r.name, minutes: r.minutes, hourlyTariff: r.hourlyTariff, outOfPocket: r.outOfPocket, perYear: r.perYear,
  firms: { micro: r.firmsMicro, small: r.firmsSmall, medium: r.firmsMedium, large: r.firmsLarge },
});
const columnsOf = (a: CostActivityInput) => ({
  name: a.name, minutes: a.minutes, hourlyTariff: a.hourlyTariff, outOfPocket: a.outOfPocket, perYear: a.perYear,
  firmsMicro: a.firms.micro, firmsSmall: a.firms.small, firmsMedium: a.firms.medium, firmsLarge: a.firms.large,
});

/** The Standard Cost Model of each issue: its activities and what they cost firms a year. */
export async function costSummaries(ctx: TenantCtx, issueIds: string[]): Promise<Map<string, CostSummary>> {
  const { currency } = await getCurrentOrg(ctx);
  const rows = issueIds.length
    ? await ctx.tx.select().from(advocacyCostActivities).where(and(eq(advocacyCostActivities.orgId, ctx.orgId), inArray(advocacyCostActivities.issueId, issueIds))).orderBy(asc(advocacyCostActivities.position), asc(advocacyCostActivities.id))
    : [];
  return new Map(issueIds.map((id) => {
    const activities = rows.filter((r) => r.issueId === id).map((r): CostActivity => {
      const input = inputOf(r);
      const cost = activityCost(input);
      return { ...input, id: r.id, perFirmYearly: cost.perFirm, yearlyCost: cost.total };
    });
    const total = standardCost(activities);
    return [id, { currency, activities, yearlyCost: total.total, bySize: total.bySize, perFirm: total.perFirm }];
  }));
}

/** Each change of the cost is a step in the history, with the yearly total before and after. */
async function recordCostChange(ctx: TenantCtx, issueId: string, before: number, note: string) {
  const summary = (await costSummaries(ctx, [issueId])).get(issueId)!;
  // Activities that each fit can still add up past what a number holds: refuse
  // before the commit, so the answer after it cannot fail.
  if (!summaryIsCountable({ total: summary.yearlyCost, perFirm: summary.perFirm, bySize: summary.bySize })) throw fieldError('hourlyTariff', 'advocacy.cost_too_large');
  const after = summary.yearlyCost;
  await addAdvocacyEvent(ctx, issueId, { action: 'cost', from: String(before), to: String(after), note });
  await ctx.tx.update(advocacyIssues).set({ updatedAt: sql`now()` }).where(eq(advocacyIssues.id, issueId));
}

const totalOf = async (ctx: TenantCtx, issueId: string) => (await costSummaries(ctx, [issueId])).get(issueId)!.yearlyCost;

export async function addCostActivity(ctx: TenantCtx, issueId: string, input: CostActivityInput) {
  await getIssueRow(ctx, issueId, true);
  const before = await totalOf(ctx, issueId);
  await ctx.tx.insert(advocacyCostActivities).values({
    orgId: ctx.orgId, issueId, ...columnsOf(input),
    position: sql`(SELECT coalesce(max(position), 0) + 1 FROM ${advocacyCostActivities} WHERE issue_id = ${issueId})`,
  });
  await recordCostChange(ctx, issueId, before, input.name);
}

export async function updateCostActivity(ctx: TenantCtx, issueId: string, activityId: string, input: CostActivityInput) {
  await getIssueRow(ctx, issueId, true);
  const before = await totalOf(ctx, issueId);
  const updated = await ctx.tx.update(advocacyCostActivities).set(columnsOf(input)).where(and(eq(advocacyCostActivities.id, activityId), eq(advocacyCostActivities.issueId, issueId), eq(advocacyCostActivities.orgId, ctx.orgId))).returning();
  if (!updated.length) throw new AppError('advocacy.activity_not_found');
  await recordCostChange(ctx, issueId, before, input.name);
}

export async function removeCostActivity(ctx: TenantCtx, issueId: string, activityId: string) {
  await getIssueRow(ctx, issueId, true);
  const before = await totalOf(ctx, issueId);
  const [removed] = await ctx.tx.delete(advocacyCostActivities).where(and(eq(advocacyCostActivities.id, activityId), eq(advocacyCostActivities.issueId, issueId), eq(advocacyCostActivities.orgId, ctx.orgId))).returning();
  if (!removed) throw new AppError('advocacy.activity_not_found');
  await recordCostChange(ctx, issueId, before, removed.name);
}
