import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { LedRollup, LedUmbrellaRollup, UmbrellaRollupMeasures } from '../../../contracts/led-rollup.js';
import type { LedRegionDetail } from '../../../contracts/led.js';
import { clock } from '../../platform/clock.js';
import { withSystem, withTenant } from '../../platform/db/tenancy.js';
import { useTestApp } from '../../test/app.js';
import { createOrg } from '../../test/factories.js';

const t = useTestApp();
const ghana = { country: 'GH', regions: ['GH-AA', 'GH-AH', 'GH-NP'] };

const day = (daysFromNow: number) => new Date(clock.ms() + daysFromNow * 86_400_000).toISOString().slice(0, 10);
/** Ended about thirteen months ago: its 6- and 12-month follow-ups are due, the 24-month one not yet. */
const ENDED = { startsOn: day(-700), endsOn: day(-400) };

type Answers = Array<[6 | 12, boolean]>;

/**
 * An umbrella with two branches (organisations of their own), each with measures followed up:
 * North shares upward, 3 of 4 still effective over two regions (one measure effective at 6 months
 * and not at 12, one the other way round), plus a running measure and one whose first follow-up
 * is not due, which do not count; South keeps its records, 1 of 6 (one due and not answered).
 */
async function federation() {
  const { admin, orgId } = await createOrg(t.app, ghana);
  const branch = async (name: string, share: boolean) => {
    const res = await admin.post('/api/v1/org/branches', { name, kind: 'chamber', country: 'GH', regions: ghana.regions, languages: ['en'], currency: 'GHS', shareMemberDataUpward: share });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const north = await branch('North chamber', true);
  const south = await branch('South chamber', false);
  const as = async (id: string) => expect((await admin.post('/api/v1/auth/switch-org', { orgId: id })).statusCode).toBe(200);
  const region = async (name: string, code: string) => (await admin.post('/api/v1/led/regions', { name, region: code, branchId: null })).json() as LedRegionDetail;
  const measure = async (r: LedRegionDetail, title: string, answers: Answers, dates: { startsOn: string; endsOn: string; status?: string } = ENDED) => {
    const res = await admin.post(`/api/v1/led/regions/${r.id}/measures`, { title, budget: 100_00, status: 'done', ...dates });
    expect(res.statusCode, res.body).toBe(200);
    const id = (res.json() as LedRegionDetail).measureList.find((m) => m.title === title)!.id;
    for (const [months, stillEffective] of answers) {
      const answered = await admin.put(`/api/v1/led/measures/${id}/follow-ups/${months}`, { stillEffective });
      expect(answered.statusCode, answered.body).toBe(200);
    }
    return id;
  };
  await as(north);
  const tamale = await region('Tamale', 'GH-NP');
  const kumasi = await region('Kumasi', 'GH-AH');
  await measure(tamale, 'Shea butter', [[6, true]]);
  await measure(tamale, 'Guinea fowl', [[6, true], [12, false]]);
  await measure(kumasi, 'Kente weaving', [[6, false], [12, true]]);
  await measure(kumasi, 'Adinkra printing', [[6, true], [12, true]]);
  await measure(kumasi, 'Craft trail', [], { startsOn: day(-100), endsOn: day(100), status: 'running' });
  await measure(kumasi, 'Bead market', [], { startsOn: day(-200), endsOn: day(-30) });
  await as(south);
  const accra = await region('Accra', 'GH-AA');
  const tema = await region('Tema', 'GH-AA');
  await measure(accra, 'Fish smoking', [[6, true], [12, true]]);
  await measure(accra, 'Salt winning', [[6, false]]);
  await measure(accra, 'Boat repair', [[12, false]]);
  await measure(tema, 'Port clearance', [[6, true], [12, false]]);
  await measure(tema, 'Cold store', [[6, false], [12, false]]);
  await measure(tema, 'Net weaving', []);
  await as(orgId);
  return { admin, orgId, north, south, as, regions: { tamale, kumasi, accra, tema } };
}

/** A branch's share counted apart from both services: its measures' latest answered follow-up, read from the tables. */
async function independent(branchId: string) {
  return withSystem(t.database.db, async (tx) => {
    const rows = (await tx.execute<{ region_id: string; effective: boolean }>(sql`
      SELECT m.region_id, coalesce((SELECT f.still_effective FROM led_follow_ups f WHERE f.org_id = m.org_id AND f.measure_id = m.id AND f.answered_at IS NOT NULL ORDER BY f.months DESC LIMIT 1), false) AS effective
        FROM led_measures m WHERE m.org_id = ${branchId} AND m.status IN ('done', 'effective') AND m.ends_on <= ${day(-190)}::date`)).rows;
    const of = (regionId?: string) => {
      const mine = rows.filter((r) => !regionId || r.region_id === regionId);
      return { num: mine.filter((r) => r.effective).length, den: mine.length };
    };
    return of;
  });
}

describe('the share still effective on the umbrella\'s roll-up over its branches', () => {
  it('is pooled over the branches\' measures, per branch and per shared region, as each branch counts it itself', async () => {
    const { admin, north, south, as, regions } = await federation();
    const r = (await admin.get('/api/v1/led/rollup/branches')).json() as LedUmbrellaRollup;
    const [n, s] = r.branches;
    const northApart = await independent(north);
    const southApart = await independent(south);
    expect(northApart()).toEqual({ num: 3, den: 4 });
    expect(southApart()).toEqual({ num: 1, den: 6 });
    expect(n!.total.effective).toEqual(northApart());
    expect(s!.total.effective).toEqual(southApart());
    expect(n!.regions!.map((g) => [g.name, g.effective])).toEqual([
      ['Kumasi', northApart(regions.kumasi.id)],
      ['Tamale', northApart(regions.tamale.id)],
    ]);
    expect(n!.regions!.map((g) => g.effective)).toEqual([{ num: 2, den: 2 }, { num: 1, den: 2 }]);
    // South keeps its records: its share crosses as a count, its regions do not.
    expect(s!.regions).toBeNull();
    // Overall: (3 + 1) / (4 + 6) = 40 %, not the mean of 75 % and 16.7 % (45.8 %).
    expect(r.total.effective).toEqual({ num: 4, den: 10 });
    expect(r.total.effective.num / r.total.effective.den).toBeCloseTo(0.4, 10);
    const meanOfBranches = (3 / 4 + 1 / 6) / 2;
    expect(r.total.effective.num / r.total.effective.den).not.toBeCloseTo(meanOfBranches, 2);

    // The same figures as each branch's own roll-up (follow-up-service.ts counts them in the application).
    for (const [id, line] of [[north, n!], [south, s!]] as const) {
      await as(id);
      const own = (await admin.get('/api/v1/led/rollup')).json() as LedRollup;
      expect(line.total.effective).toEqual(own.total.effective);
      if (line.regions) for (const g of line.regions) expect(g.effective).toEqual(own.regions.find((x) => x.id === g.id)!.effective);
    }
  });

  it('opens the measures behind a shared branch\'s share, which add up to it; not those of a branch that keeps its records', async () => {
    const { admin, north, south, regions } = await federation();
    const all = (await admin.get(`/api/v1/led/rollup/branches/${north}/measures`)).json() as UmbrellaRollupMeasures;
    const counted = all.items.filter((m) => m.followedUp);
    expect(counted.map((m) => m.title).sort()).toEqual(['Adinkra printing', 'Guinea fowl', 'Kente weaving', 'Shea butter']);
    expect({ num: counted.filter((m) => m.effective).length, den: counted.length }).toEqual({ num: 3, den: 4 });
    expect(all.items.find((m) => m.title === 'Bead market')).toMatchObject({ followedUp: false, effective: false });
    const ofTamale = (await admin.get(`/api/v1/led/rollup/branches/${north}/measures?regionId=${regions.tamale.id}`)).json() as UmbrellaRollupMeasures;
    expect(ofTamale.items.map((m) => [m.title, m.followedUp, m.effective]).sort()).toEqual([['Guinea fowl', true, false], ['Shea butter', true, true]]);
    expect((await admin.get(`/api/v1/led/rollup/branches/${south}/measures`)).statusCode).toBe(403);
    // Another organisation reads nothing across: no branches, and the functions answer no row for someone else's branch.
    const other = await createOrg(t.app, ghana);
    expect(((await other.admin.get('/api/v1/led/rollup/branches')).json() as LedUmbrellaRollup).total.effective).toEqual({ num: 0, den: 0 });
    expect((await other.admin.get(`/api/v1/led/rollup/branches/${north}/measures`)).statusCode).toBe(404);
    const asOther = { orgId: other.orgId, role: 'admin' as const, actor: { userId: null, name: 'test' }, locale: 'en' };
    const across = await withTenant(t.database.db, asOther, async (ctx) => ({
      shares: (await ctx.tx.execute(sql`SELECT * FROM branch_led_effective(${`{${north}}`}::uuid[], ${`{${day(0)}}`}::date[], '{Africa/Accra}'::text[])`)).rows,
      measures: (await ctx.tx.execute(sql`SELECT * FROM branch_led_measures_effective(${north}::uuid, ${day(0)}::date, 'Africa/Accra')`)).rows,
    }));
    expect(across).toEqual({ shares: [], measures: [] });
    // The helper behind them answers only through them: the application may not call it.
    const refused = await withTenant(t.database.db, asOther, (ctx) => ctx.tx.execute(sql`SELECT * FROM branch_led_followed_up_measures(${north}::uuid, ${day(0)}::date, 'Africa/Accra')`)).catch((e: Error) => e);
    expect(String((refused as Error).cause)).toMatch(/permission denied/);
  });
});
