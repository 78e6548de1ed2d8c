import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type MeasureStatus } from '../../../contracts/led.js';
import { MEASURE_ROLES } from '../../../contracts/led-implementation.js';
import type { LedRollup, RollupMeasures, RollupPeoplePage, RollupRegion } from '../../../contracts/led-rollup.js';
import type { z } from 'zod';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { listBranches } from '../orgs/branch-service.js';
import { getCurrentOrg, orgToday } from '../orgs/org-service.js';
import { countPeopleByGroup, peopleOfActivities } from '../people/group-count-service.js';
import { measuresFollowedUp } from './follow-up-service.js';
import { LED_KIND, LED_SOURCE } from './implementation-service.js';
import { nextPeopleCursor, PEOPLE_PAGE, peopleAfter } from './rollup-people-page.js';
import { ledRollupPersonRegions, ledRollupRegionCounts, ledRollupTotals } from './rollup-tables.js';
import { ledBudgetLines, ledMeasures, ledRegions } from './tables.js';
import { arrayLiteral } from '../../platform/db/array-literal.js';

/**
 * The LED roll-up (issue 17.9): every region's measures, budgets and results
 * in one table, for the organisation or for the regions one of its branches
 * runs. Results are counted from the people module's records (never typed
 * totals): each person once per region and once over all regions, beside the
 * simple sums (each measure's people added up), so the page can say why they
 * differ. Every figure is backed by `rollupMeasures` / `rollupPeople`.
 */

type Role = (typeof MEASURE_ROLES)[number];
/** A figure per measure role. */
export const byRole = <T>(f: (role: Role) => T) => ({ participant: f('participant'), new_job: f('new_job'), higher_income: f('higher_income') });

/** The regions in scope: all, or those run by one branch (which must be the organisation's). */
async function regionsInScope(ctx: TenantCtx, of: { branchId?: string; regionId?: string }) {
  const branches = await listBranches(ctx);
  if (of.branchId && !branches.some((b) => b.id === of.branchId)) throw new AppError('led.branch_not_ours');
  const rows = await ctx.tx.select({ id: ledRegions.id, name: ledRegions.name, region: ledRegions.region, district: ledRegions.district, branchId: ledRegions.branchId })
    .from(ledRegions)
    .where(and(eq(ledRegions.orgId, ctx.orgId), of.branchId ? eq(ledRegions.branchId, of.branchId) : undefined, of.regionId ? eq(ledRegions.id, of.regionId) : undefined))
    .orderBy(asc(ledRegions.name), asc(ledRegions.id));
  if (of.regionId && !rows.length) throw new AppError('led.region_not_found');
  const names = new Map(branches.map((b) => [b.id, b.name]));
  return rows.map((r) => ({ ...r, branchName: r.branchId ? names.get(r.branchId) ?? null : null }));
}

/** The measures of these regions with their budgets, planned and actual (budget lines summed in SQL). */
async function measuresOfRegions(ctx: TenantCtx, regionIds: string[]) {
  if (!regionIds.length) return [];
  const lines = ctx.tx.select({ measureId: ledBudgetLines.measureId, planned: sql<number>`sum(${ledBudgetLines.planned})`.as('planned'), actual: sql<number>`sum(${ledBudgetLines.actual})`.as('actual') })
    .from(ledBudgetLines).where(eq(ledBudgetLines.orgId, ctx.orgId)).groupBy(ledBudgetLines.measureId).as('lines');
  const rows = await ctx.tx.select({
    id: ledMeasures.id, title: ledMeasures.title, regionId: ledMeasures.regionId, status: ledMeasures.status, startsOn: ledMeasures.startsOn, endsOn: ledMeasures.endsOn,
    budget: ledMeasures.budget, planned: sql<string | null>`${lines.planned}`, actual: sql<string | null>`${lines.actual}`,
  })
    .from(ledMeasures)
    .leftJoin(lines, eq(lines.measureId, ledMeasures.id))
    .where(and(eq(ledMeasures.orgId, ctx.orgId), inArray(ledMeasures.regionId, regionIds)))
    .orderBy(asc(ledMeasures.startsOn), asc(ledMeasures.title), asc(ledMeasures.id));
  return rows.map((r) => ({ ...r, status: r.status as z.infer<typeof MeasureStatus>, budget: Number(r.budget), planned: Number(r.planned ?? 0), actual: Number(r.actual ?? 0) }));
}

/** Per region: its measures, their own budgets and their budget lines planned and actual, added up in SQL (the roll-up needs no row per measure). */
async function sumsOfRegions(ctx: TenantCtx, regionIds: string[]) {
  if (!regionIds.length) return new Map<string, { measures: number; budget: number; planned: number; actual: number }>();
  const lines = ctx.tx.select({ measureId: ledBudgetLines.measureId, planned: sql<number>`sum(${ledBudgetLines.planned})`.as('planned'), actual: sql<number>`sum(${ledBudgetLines.actual})`.as('actual') })
    .from(ledBudgetLines).where(eq(ledBudgetLines.orgId, ctx.orgId)).groupBy(ledBudgetLines.measureId).as('lines');
  const rows = await ctx.tx.select({
    regionId: ledMeasures.regionId, measures: sql<number>`count(*)::int`, budget: sql<string>`sum(${ledMeasures.budget})`,
    planned: sql<string | null>`sum(${lines.planned})`, actual: sql<string | null>`sum(${lines.actual})`,
  })
    .from(ledMeasures)
    .leftJoin(lines, eq(lines.measureId, ledMeasures.id))
    .where(and(eq(ledMeasures.orgId, ctx.orgId), inArray(ledMeasures.regionId, regionIds)))
    .groupBy(ledMeasures.regionId);
  return new Map(rows.map((r) => [r.regionId, { measures: Number(r.measures), budget: Number(r.budget), planned: Number(r.planned ?? 0), actual: Number(r.actual ?? 0) }]));
}

const roles = [...MEASURE_ROLES];
const asRole = (role: string) => role as Role;

/**
 * People per region and over the regions in scope, read from the counts the database keeps on every
 * write (migration 0064, `rollup-tables.ts`): counting 360,000 records at each request took seconds.
 * Over all regions the organisation's totals are one row per role; over a branch's regions each person
 * is counted once from their per-region rows (a person of two of its regions once).
 */
async function storedPeopleCounts(ctx: TenantCtx, regionIds: string[], allRegions: boolean) {
  const byRegion = new Map(roles.map((role) => [role, new Map<string, { people: number; sum: number }>()]));
  const total = new Map(roles.map((role) => [role, { people: 0, sum: 0, inSeveralMeasures: 0, inSeveralRegions: 0 }]));
  if (!regionIds.length) return { byRegion, total };
  const perRegion = await ctx.tx.select().from(ledRollupRegionCounts)
    .where(and(eq(ledRollupRegionCounts.orgId, ctx.orgId), allRegions ? undefined : inArray(ledRollupRegionCounts.regionId, regionIds)));
  for (const r of perRegion) byRegion.get(asRole(r.role))?.set(r.regionId, { people: r.people, sum: r.sum });
  if (allRegions) {
    for (const t of await ctx.tx.select().from(ledRollupTotals).where(eq(ledRollupTotals.orgId, ctx.orgId))) {
      if (total.has(asRole(t.role))) total.set(asRole(t.role), { people: t.people, sum: t.sum, inSeveralMeasures: t.inSeveralMeasures, inSeveralRegions: t.inSeveralRegions });
    }
    return { byRegion, total };
  }
  const a = ledRollupPersonRegions;
  const rows = (await ctx.tx.execute<{ role: string; people: number; sum: number; several_measures: number; several_regions: number }>(sql`
    SELECT role, count(*)::int AS people, sum(measures)::int AS sum,
           count(*) FILTER (WHERE measures > 1)::int AS several_measures, count(*) FILTER (WHERE regions > 1)::int AS several_regions
      FROM (SELECT ${a.role} AS role, sum(${a.measures}) AS measures, count(*) AS regions FROM ${a}
             WHERE ${a.orgId} = ${ctx.orgId} AND ${a.regionId} = ANY(${arrayLiteral(regionIds)}::uuid[])
             GROUP BY ${a.role}, ${a.personId}) s
     GROUP BY role`)).rows;
  for (const r of rows) {
    if (total.has(asRole(r.role))) total.set(asRole(r.role), { people: Number(r.people), sum: Number(r.sum), inSeveralMeasures: Number(r.several_measures), inSeveralRegions: Number(r.several_regions) });
  }
  return { byRegion, total };
}

/** The roll-up: a row per region and the total, each person once. */
export async function ledRollup(ctx: TenantCtx, of: { branchId?: string } = {}): Promise<LedRollup> {
  const org = await getCurrentOrg(ctx);
  const regions = await regionsInScope(ctx, of);
  const sums = await sumsOfRegions(ctx, regions.map((r) => r.id));
  const counts = await storedPeopleCounts(ctx, regions.map((r) => r.id), !of.branchId);
  const followed = regions.length ? await measuresFollowedUp(ctx, await orgToday(ctx), regions.map((r) => r.id)) : [];
  const rows: RollupRegion[] = regions.map((r) => {
    const mine = sums.get(r.id) ?? { measures: 0, budget: 0, planned: 0, actual: 0 };
    const due = followed.filter((f) => f.regionId === r.id);
    return {
      id: r.id, name: r.name, region: r.region, district: r.district, branchId: r.branchId, branchName: r.branchName,
      ...mine,
      people: byRole((role) => counts.byRegion.get(role)!.get(r.id) ?? { people: 0, sum: 0 }),
      effective: { num: due.filter((f) => f.effective).length, den: due.length },
    };
  });
  const sum = (f: (r: RollupRegion) => number) => rows.reduce((s, r) => s + f(r), 0);
  return {
    currency: org.currency,
    branchId: of.branchId ?? null,
    regions: rows,
    total: {
      regions: rows.length,
      measures: sum((r) => r.measures),
      budget: sum((r) => r.budget),
      planned: sum((r) => r.planned),
      actual: sum((r) => r.actual),
      people: byRole((role) => ({ ...counts.total.get(role)!, sumOfRegions: sum((r) => r.people[role].people) })),
      // Pooled over measures, as Compare and results count it: Σ still effective / Σ with a follow-up due.
      effective: { num: sum((r) => r.effective.num), den: sum((r) => r.effective.den) },
    },
  };
}

/** The records behind a region's (or the total's) measures, budgets, sums and share still effective: its measures, each with its own figures. */
export async function rollupMeasures(ctx: TenantCtx, of: { regionId?: string; branchId?: string }): Promise<RollupMeasures> {
  const org = await getCurrentOrg(ctx);
  const regions = await regionsInScope(ctx, of);
  const names = new Map(regions.map((r) => [r.id, r.name]));
  const measures = await measuresOfRegions(ctx, regions.map((r) => r.id));
  const counts = await countPeopleByGroup(ctx, { source: LED_SOURCE, kinds: [LED_KIND], roles, groups: measures.map((m) => ({ sourceId: m.id, group: m.id })) });
  const followed = new Map((regions.length ? await measuresFollowedUp(ctx, await orgToday(ctx), regions.map((r) => r.id)) : []).map((f) => [f.id, f]));
  return {
    currency: org.currency,
    items: measures
      .sort((a, b) => names.get(a.regionId)!.localeCompare(names.get(b.regionId)!) || a.startsOn.localeCompare(b.startsOn) || a.title.localeCompare(b.title))
      .map((m) => ({
        id: m.id, title: m.title, regionId: m.regionId, regionName: names.get(m.regionId)!, status: m.status, startsOn: m.startsOn, endsOn: m.endsOn,
        budget: m.budget, planned: m.planned, actual: m.actual,
        people: byRole((role) => counts.byGroup.get(role)!.get(m.id)?.people ?? 0),
        followedUp: followed.has(m.id), effective: followed.get(m.id)?.effective ?? false,
      })),
  };
}

/** The people behind a role's figure: each once, by name, with the measures they were recorded on; a page at a time. */
export async function rollupPeople(ctx: TenantCtx, of: { regionId?: string; branchId?: string; role: Role; cursor?: string }): Promise<RollupPeoplePage> {
  const regions = await regionsInScope(ctx, of);
  const names = new Map(regions.map((r) => [r.id, r.name]));
  const measures = await measuresOfRegions(ctx, regions.map((r) => r.id));
  const byId = new Map(measures.map((m) => [m.id, m]));
  const page = await peopleOfActivities(ctx, { source: LED_SOURCE, kinds: [LED_KIND], role: of.role, sourceIds: measures.map((m) => m.id), limit: PEOPLE_PAGE + 1, after: peopleAfter(of.cursor) });
  const items = page.items.slice(0, PEOPLE_PAGE).map((p) => ({
    id: p.id, name: p.name, sex: p.sex,
    measures: p.sourceIds.map((id) => byId.get(id)!).sort((a, b) => a.startsOn.localeCompare(b.startsOn)).map((m) => ({ id: m.id, title: m.title, regionName: names.get(m.regionId)! })),
  }));
  return { total: page.total, items, nextCursor: nextPeopleCursor(page.items.length, items) };
}
