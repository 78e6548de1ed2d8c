import { and, asc, eq, inArray } from 'drizzle-orm';
import type { UmbrellaDashboard, UmbrellaIndicator } from '../../../contracts/results-dashboard.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { ledPeopleIn, measureBranches } from '../led/figures-service.js';
import { listBranches } from '../orgs/branch-service.js';
import { aggregate, type Observation } from './engine/aggregate.js';
import { LIBRARY, participationsOf, Reads, type LibraryIndicator, type Period } from './library.js';
import { addedUp, peopleBreakdown } from './people-breakdown.js';
import { resultsFrameworks, resultsIndicators, resultsPeriods, resultsTargets } from './tables.js';

// The umbrella's results dashboard over its branches (issue 20.5). Its branches
// are organisations of their own, and people belong to one organisation: no
// person is linked across them, so counting their own records could only add
// their unique counts up. What the umbrella records itself is placed with the
// branch that ran the activity (an LED measure's region is run by a branch,
// `led_regions.branch_id`), and there one person is one person: someone reached
// by two branches counts in each branch and once in the umbrella's total.
// Each branch's own records are counted too, as its own reports count them
// (`countInBranch` in library.ts, migrations 0082 and 0083: only counts by cell of
// sex and age band cross, for direct branches only), and added up with the umbrella's
// total. Every figure is broken down by sex and by age band as the organisation's own
// report breaks it down (the engine's `aggregate`, each person in the category of
// their first record counted), so the parts of each add up to it.

/** The indicators the branch scope applies to: people counted once, each record a participation. */
const BY_BRANCH = new Map(LIBRARY.filter((i) => i.kind === 'unique_people').map((i) => [i.code, i]));
const LED = ledPeopleIn('participant');

/**
 * Each participation of a period with the branch whose activity it was (null: the organisation's
 * own), from the same read of the participations the indicators then observe (`reads`).
 */
async function branchOfParticipations(ctx: TenantCtx, period: Period, branchIds: ReadonlySet<string>, reads: Reads) {
  const participations = await participationsOf(ctx, period, reads);
  const led = participations.filter((p) => p.source === LED.source && p.kind === LED.kind);
  const measures = await measureBranches(ctx, [...new Set(led.map((p) => p.sourceId))]);
  const of = new Map<string, string | null>();
  for (const p of led) {
    const branch = measures.get(p.sourceId) ?? null;
    // A region may name an organisation that is no longer a branch of this one: counted as the organisation's own.
    of.set(p.id, branch && branchIds.has(branch) ? branch : null);
  }
  return of;
}

const DIMENSIONS = ['sex', 'age_band'] as const;

/** People once each in some records of an indicator, with their breakdown by sex and age band. */
function peopleIn(indicator: LibraryIndicator, observations: Observation[]) {
  const counted = aggregate(indicator.kind, observations, DIMENSIONS);
  return { n: 'n' in counted.total ? counted.total.n : 0, by: peopleBreakdown(counted) };
}

/** The figure of a people indicator in a branch's own records, with its breakdown (null: not counted across organisations). */
async function inBranch(ctx: TenantCtx, indicator: LibraryIndicator, branchId: string, period: Period, reads: Reads) {
  if (!indicator.countInBranch) return null;
  const counted = aggregate(indicator.kind, [], DIMENSIONS, await indicator.countInBranch(ctx, branchId, period, reads));
  return 'n' in counted.total ? { n: counted.total.n, by: peopleBreakdown(counted) } : null;
}

/** Every framework of the organisation with its periods, each people indicator counted now, in total and by branch. */
export async function umbrellaDashboard(ctx: TenantCtx): Promise<UmbrellaDashboard> {
  const branches = (await listBranches(ctx)).map((b) => ({ id: b.id, name: b.name }));
  if (!branches.length) return { branches, programmes: [] };
  const branchIds = new Set(branches.map((b) => b.id));
  const frameworks = await ctx.tx
    .select({ id: resultsFrameworks.id, name: resultsFrameworks.name })
    .from(resultsFrameworks)
    .where(eq(resultsFrameworks.orgId, ctx.orgId))
    .orderBy(asc(resultsFrameworks.name), asc(resultsFrameworks.id));
  if (!frameworks.length) return { branches, programmes: [] };
  const frameworkIds = frameworks.map((f) => f.id);
  const indicators = (
    await ctx.tx
      .select()
      .from(resultsIndicators)
      .where(and(eq(resultsIndicators.orgId, ctx.orgId), inArray(resultsIndicators.frameworkId, frameworkIds)))
      .orderBy(asc(resultsIndicators.position), asc(resultsIndicators.id))
  ).filter((i) => i.library !== null && BY_BRANCH.has(i.library));
  const periods = await ctx.tx
    .select()
    .from(resultsPeriods)
    .where(and(eq(resultsPeriods.orgId, ctx.orgId), inArray(resultsPeriods.frameworkId, frameworkIds)))
    .orderBy(asc(resultsPeriods.startsOn), asc(resultsPeriods.id));
  const targets = await ctx.tx.select().from(resultsTargets).where(eq(resultsTargets.orgId, ctx.orgId));
  const targetOf = new Map(targets.map((t) => [`${t.indicatorId}:${t.periodId}`, t.value]));

  // Periods of the same days share one read of the records.
  const counted = new Map<string, Promise<{ branchOf: Map<string, string | null>; reads: Reads }>>();
  const recordsOf = (p: Period) => {
    const key = `${p.startsOn}:${p.endsOn}`;
    if (!counted.has(key)) {
      const reads = new Reads();
      counted.set(key, branchOfParticipations(ctx, p, branchIds, reads).then((branchOf) => ({ branchOf, reads })));
    }
    return counted.get(key)!;
  };

  const programmes = [];
  for (const f of frameworks) {
    const own = indicators.filter((i) => i.frameworkId === f.id);
    const list = [];
    for (const p of periods.filter((x) => x.frameworkId === f.id)) {
      const { branchOf, reads } = await recordsOf(p);
      const figures: UmbrellaIndicator[] = [];
      for (const i of own) {
        const indicator = BY_BRANCH.get(i.library!)!;
        const observations = (await indicator.observe(ctx, p, reads)).filter((o) => o.unit !== undefined);
        const byBranch = new Map<string | null, Observation[]>();
        for (const o of observations) {
          const branch = branchOf.get(o.record.id) ?? null;
          let records = byBranch.get(branch);
          if (!records) byBranch.set(branch, (records = []));
          records.push(o);
        }
        const all = peopleIn(indicator, observations);
        const parts = [];
        for (const b of branches) {
          const placed = peopleIn(indicator, byBranch.get(b.id) ?? []);
          const recorded = await inBranch(ctx, indicator, b.id, p, reads);
          parts.push({ ...b, people: placed.n, peopleBy: placed.by, recorded: recorded?.n ?? null, recordedBy: recorded?.by ?? null });
        }
        const own = peopleIn(indicator, byBranch.get(null) ?? []);
        const recorded = parts.map((b) => (b.recorded === null || b.recordedBy === null ? null : { n: b.recorded, by: b.recordedBy }));
        const counted = recorded.every((r) => r !== null) ? recorded : null;
        figures.push({
          indicatorId: i.id,
          name: i.name,
          library: i.library!,
          level: i.level,
          target: targetOf.get(`${i.id}:${p.id}`) ?? null,
          total: all.n,
          totalBy: all.by,
          branches: parts,
          own: own.n,
          ownBy: own.by,
          overlap: parts.reduce((s, b) => s + b.people, own.n) - all.n,
          together: counted ? counted.reduce((s, r) => s + r.n, all.n) : null,
          togetherBy: counted ? addedUp([all.by, ...counted.map((r) => r.by)]) : null,
        });
      }
      list.push({ id: p.id, label: p.label, startsOn: p.startsOn, endsOn: p.endsOn, state: p.state, indicators: figures });
    }
    programmes.push({ frameworkId: f.id, name: f.name, periods: list });
  }
  return { branches, programmes };
}
