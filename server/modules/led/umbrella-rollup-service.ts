import { sql } from 'drizzle-orm';
import { type MeasureStatus } from '../../../contracts/led.js';
import { MEASURE_ROLES } from '../../../contracts/led-implementation.js';
import type { LedUmbrellaRollup, RollupPeoplePage, RollupTotalPeople, UmbrellaRollupBranch, UmbrellaRollupMeasures, UmbrellaRollupRegion } from '../../../contracts/led-rollup.js';
import type { z } from 'zod';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { arrayLiteral } from '../../platform/db/array-literal.js';
import { AppError } from '../../platform/errors/app-error.js';
import { clock } from '../../platform/clock.js';
import { orgClock } from '../../platform/org-clock.js';
import { todayIn } from '../../platform/time.js';
import { listBranches } from '../orgs/branch-service.js';
import { nextPeopleCursor, PEOPLE_PAGE, peopleAfter } from './rollup-people-page.js';
import { byRole } from './rollup-service.js';

/**
 * The umbrella's LED roll-up over its branches (issue 17.9): the branches are
 * organisations of their own, so their figures cross only through the
 * database functions of migration 0066 (`branch_led_rollup()`,
 * `branch_led_measures()`, `branch_led_people()`), as members' federation
 * reads `branch_membership()`. A branch's totals always cross (counts, as for
 * members); its regions, measures and people's names only when the branch
 * shares upward (`shareMemberDataUpward`). People belong to one organisation
 * and the people module links nobody across organisations: each branch counts
 * its people once, and the umbrella's unique figure is the branches' added up.
 * The share of measures still effective crosses as counts (migration 0072,
 * `branch_led_effective()`), per branch and per shared region, pooled over all.
 */

type Role = (typeof MEASURE_ROLES)[number];
const isRole = (r: string): r is Role => (MEASURE_ROLES as readonly string[]).includes(r);

type Row = {
  branch_id: string; branch_name: string; shares: boolean; currency: string;
  region_id: string | null; region_name: string | null; region_code: string | null; district: string | null;
  measures: number; budget: string; planned: string; actual: string;
  role: string; people: number; sum: number; in_several_measures: number; in_several_regions: number; sum_of_regions: number;
};

const zeroPeople = (): RollupTotalPeople => ({ people: 0, sum: 0, sumOfRegions: 0, inSeveralMeasures: 0, inSeveralRegions: 0 });

type Branch = Awaited<ReturnType<typeof listBranches>>[number];
/** A branch's today and time zone: "still effective" is counted on each branch's own calendar, as the branch counts it itself. */
const branchDay = (b: Branch, now: Date) => {
  const { timeZone } = orgClock(b);
  return { today: todayIn(timeZone, now), zone: timeZone };
};

/**
 * The share still effective per branch (every branch: a count, as its totals) and per region of a
 * branch that shares upward, from migration 0072's `branch_led_effective()`: aggregates only.
 */
async function effectiveOfBranches(ctx: TenantCtx, now: Date) {
  const branches = await listBranches(ctx);
  const shares = new Map<string, { num: number; den: number }>();
  if (!branches.length) return shares;
  const days = branches.map((b) => branchDay(b, now));
  const rows = (await ctx.tx.execute<{ branch_id: string; region_id: string | null; effective: number; followed_up: number }>(sql`
    SELECT branch_id, region_id, effective, followed_up
      FROM branch_led_effective(${arrayLiteral(branches.map((b) => b.id))}::uuid[], ${arrayLiteral(days.map((d) => d.today))}::date[], ${arrayLiteral(days.map((d) => d.zone))}::text[])`)).rows;
  for (const r of rows) shares.set(r.region_id ?? r.branch_id, { num: Number(r.effective), den: Number(r.followed_up) });
  return shares;
}

/** Every direct branch with its totals, and the regions of those that share upward; the total over all of them. */
export async function umbrellaRollup(ctx: TenantCtx, now = clock.now()): Promise<LedUmbrellaRollup> {
  const rows = (await ctx.tx.execute<Row>(sql`SELECT * FROM branch_led_rollup()`)).rows;
  const effective = await effectiveOfBranches(ctx, now);
  const shareOf = (id: string) => effective.get(id) ?? { num: 0, den: 0 };
  const branches = new Map<string, UmbrellaRollupBranch & { regionMap: Map<string, UmbrellaRollupRegion> }>();
  for (const r of rows) {
    let b = branches.get(r.branch_id);
    if (!b) {
      b = {
        id: r.branch_id, name: r.branch_name, sharesUpward: r.shares, currency: r.currency, regions: r.shares ? [] : null,
        total: { measures: 0, budget: 0, planned: 0, actual: 0, people: byRole(zeroPeople), effective: shareOf(r.branch_id) }, regionMap: new Map(),
      };
      branches.set(r.branch_id, b);
    }
    if (!isRole(r.role)) continue;
    const money = { measures: Number(r.measures), budget: Number(r.budget), planned: Number(r.planned), actual: Number(r.actual) };
    if (r.region_id === null) {
      Object.assign(b.total, money);
      b.total.people[r.role] = { people: Number(r.people), sum: Number(r.sum), sumOfRegions: Number(r.sum_of_regions), inSeveralMeasures: Number(r.in_several_measures), inSeveralRegions: Number(r.in_several_regions) };
    } else {
      let region = b.regionMap.get(r.region_id);
      if (!region) {
        region = { id: r.region_id, name: r.region_name ?? '', region: r.region_code ?? '', district: r.district, ...money, people: byRole(() => ({ people: 0, sum: 0 })), effective: shareOf(r.region_id) };
        b.regionMap.set(r.region_id, region);
      }
      region.people[r.role] = { people: Number(r.people), sum: Number(r.sum) };
    }
  }
  const list = [...branches.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)).map(({ regionMap, ...b }) => {
    const regions = b.sharesUpward ? [...regionMap.values()].sort((x, y) => x.name.localeCompare(y.name) || x.id.localeCompare(y.id)) : null;
    return { ...b, regions };
  });
  const money = new Map<string, { currency: string; budget: number; planned: number; actual: number }>();
  for (const b of list) {
    const m = money.get(b.currency) ?? { currency: b.currency, budget: 0, planned: 0, actual: 0 };
    m.budget += b.total.budget; m.planned += b.total.planned; m.actual += b.total.actual;
    money.set(b.currency, m);
  }
  const sum = (f: (b: UmbrellaRollupBranch) => number) => list.reduce((s, b) => s + f(b), 0);
  return {
    branches: list,
    total: {
      branches: list.length,
      measures: sum((b) => b.total.measures),
      money: [...money.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
      people: byRole((role) => {
        const p = (b: UmbrellaRollupBranch) => b.total.people[role];
        return {
          people: sum((b) => p(b).people), sum: sum((b) => p(b).sum), sumOfRegions: sum((b) => p(b).sumOfRegions), sumOfBranches: sum((b) => p(b).people),
          inSeveralMeasures: sum((b) => p(b).inSeveralMeasures), inSeveralRegions: sum((b) => p(b).inSeveralRegions),
        };
      }),
      // Pooled over every branch's measures: Σ still effective / Σ followed up, not a mean of the branches' percentages.
      effective: { num: sum((b) => b.total.effective.num), den: sum((b) => b.total.effective.den) },
    },
  };
}

/** A direct branch that shares upward, or the refusal: not one of ours is 404, one that keeps its records is 403. */
async function sharingBranch(ctx: TenantCtx, branchId: string) {
  const branch = (await listBranches(ctx)).find((b) => b.id === branchId);
  if (!branch) throw new AppError('orgs.not_found');
  if (!branch.shareMemberDataUpward) throw new AppError('led.branch_not_shared');
  return branch;
}

type MeasureRow = {
  id: string; title: string; region_id: string; region_name: string; status: string; starts_on: string; ends_on: string;
  budget: string; planned: string; actual: string; participants: number; new_jobs: number; higher_income: number;
};

/** The measures behind a branch's figures (of one of its regions, or all), each with its own figures counted live. */
export async function umbrellaMeasures(ctx: TenantCtx, branchId: string, of: { regionId?: string }, now = clock.now()): Promise<UmbrellaRollupMeasures> {
  const branch = await sharingBranch(ctx, branchId);
  const rows = (await ctx.tx.execute<MeasureRow>(sql`SELECT id, title, region_id, region_name, status, starts_on::text AS starts_on, ends_on::text AS ends_on, budget, planned, actual, participants, new_jobs, higher_income FROM branch_led_measures(${branchId}::uuid, ${of.regionId ?? null}::uuid)`)).rows;
  const day = branchDay(branch, now);
  const followed = new Map((await ctx.tx.execute<{ measure_id: string; effective: boolean }>(sql`
    SELECT measure_id, effective FROM branch_led_measures_effective(${branchId}::uuid, ${day.today}::date, ${day.zone}::text)`)).rows.map((r) => [r.measure_id, r.effective]));
  return {
    branch: { id: branch.id, name: branch.name },
    currency: branch.currency,
    items: rows.map((r) => ({
      id: r.id, title: r.title, regionId: r.region_id, regionName: r.region_name, status: r.status as z.infer<typeof MeasureStatus>, startsOn: r.starts_on, endsOn: r.ends_on,
      budget: Number(r.budget), planned: Number(r.planned), actual: Number(r.actual),
      people: { participant: Number(r.participants), new_job: Number(r.new_jobs), higher_income: Number(r.higher_income) },
      followedUp: followed.has(r.id), effective: followed.get(r.id) === true,
    })),
  };
}

/** The people behind a branch's figure of one role: each once, by name, with their measures; a page at a time, counted live. */
export async function umbrellaPeople(ctx: TenantCtx, branchId: string, of: { regionId?: string; role: Role; cursor?: string }): Promise<RollupPeoplePage> {
  const measures = await umbrellaMeasures(ctx, branchId, { regionId: of.regionId });
  const byId = new Map(measures.items.map((m) => [m.id, m]));
  const after = peopleAfter(of.cursor);
  const rows = (await ctx.tx.execute<{ id: string; name: string; sex: string; measure_ids: string[] | string; total: number }>(sql`
    SELECT id, name, sex, measure_ids, total FROM branch_led_people(${branchId}::uuid, ${of.role}, ${of.regionId ?? null}::uuid, ${after?.name ?? null}::text, ${after?.id ?? null}::uuid, ${PEOPLE_PAGE + 1}::int)`)).rows;
  const ids = (v: string[] | string) => (Array.isArray(v) ? v : v.replace(/^\{|\}$/g, '').split(',').filter(Boolean));
  const items = rows.slice(0, PEOPLE_PAGE).map((p) => ({
    id: p.id, name: p.name, sex: p.sex,
    measures: ids(p.measure_ids).map((id) => byId.get(id)).filter((m) => m !== undefined)
      .sort((a, b) => a.startsOn.localeCompare(b.startsOn)).map((m) => ({ id: m.id, title: m.title, regionName: m.regionName })),
  }));
  // The total comes with each row; on a page past the last person there is none, and the first page says it.
  return { total: rows.length ? Number(rows[0]!.total) : 0, items, nextCursor: nextPeopleCursor(rows.length, items) };
}
