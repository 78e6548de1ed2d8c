import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Dashboard, UmbrellaDashboard } from '../../../contracts/results-dashboard.js';
import type { LedRegionDetail } from '../../../contracts/led.js';
import { withSystem, withTenant } from '../../platform/db/tenancy.js';
import { useTestApp } from '../../test/app.js';
import { createOrg } from '../../test/factories.js';

const t = useTestApp();
const ghana = { country: 'GH', regions: ['GH-AA', 'GH-AH', 'GH-NP'] };
const CODES = ['led.people_trained', 'people.reached', 'led.new_jobs', 'training.certified_trainers'] as const;
const YEARS = { startsOn: '2020-01-01', endsOn: `${new Date().getUTCFullYear() + 1}-12-31` };

type Client = Awaited<ReturnType<typeof createOrg>>['admin'];
type Person = { name: string; phone: string; sex: string };

/** An LED region of the signed-in organisation (run by itself) with one measure; returns a way to record people on it. */
async function measureOf(admin: Client, name: string, code: string) {
  const region = (await admin.post('/api/v1/led/regions', { name, region: code, branchId: null })).json() as LedRegionDetail;
  const detail = (await admin.post(`/api/v1/led/regions/${region.id}/measures`, { title: `${name} bookkeeping`, budget: 0, startsOn: '2025-01-06', endsOn: '2025-12-31', status: 'done' })).json() as LedRegionDetail;
  const measureId = detail.measureList.find((m) => m.title === `${name} bookkeeping`)!.id;
  return async (role: 'participant' | 'new_job', who: Person) => {
    const res = await admin.post(`/api/v1/led/measures/${measureId}/people`, { role, person: { ...who, birthYear: 1998 } });
    expect(res.statusCode, res.body).toBe(200);
  };
}

/** A framework of the signed-in organisation with the indicators of CODES and one period over the years; indicator ids by code. */
async function framework(admin: Client, name: string) {
  const f = (await admin.post('/api/v1/results/frameworks', { name })).json() as { id: string };
  const ids = new Map<string, string>();
  for (const code of CODES) {
    const res = await admin.post(`/api/v1/results/frameworks/${f.id}/indicators`, { library: code, name: code, level: 'output', kind: 'unique_people', dimensions: [] });
    expect(res.statusCode, res.body).toBe(201);
  }
  const period = (await admin.post(`/api/v1/results/frameworks/${f.id}/periods`, { label: 'All years', ...YEARS })).json() as { id: string; results: Array<{ indicatorId: string; name: string }> };
  for (const r of period.results) ids.set(r.name, r.indicatorId);
  return { id: f.id, periodId: period.id, ids };
}

/**
 * An umbrella with two branches, each an organisation with its own LED records: Ashanti trains Ama
 * and Kofi (Kofi on two measures, Ama then in a new job), Northern trains Yaw; the umbrella trains Esi
 * in a region it runs itself. Names and phones repeat across organisations: nobody is linked across them.
 */
async function federation() {
  const { admin, orgId } = await createOrg(t.app, ghana);
  const branch = async (name: string, region: string) =>
    (await admin.post('/api/v1/org/branches', { name, kind: 'chamber', country: 'GH', regions: [region], languages: ['en'], currency: 'GHS', shareMemberDataUpward: false })).json() as { id: string; name: string };
  const ashanti = await branch('Ashanti branch', 'GH-AH');
  const northern = await branch('Northern branch', 'GH-NP');
  const as = async (id: string) => expect((await admin.post('/api/v1/auth/switch-org', { orgId: id })).statusCode).toBe(200);
  const ama = { name: 'Ama Mensah', phone: '0244000001', sex: 'female' };
  const kofi = { name: 'Kofi Boateng', phone: '0244000002', sex: 'male' };

  await (await measureOf(admin, 'Accra', 'GH-AA'))('participant', { name: 'Esi Owusu', phone: '0244000003', sex: 'female' });
  const umbrella = await framework(admin, 'LED programme');

  await as(ashanti.id);
  const kumasi = await measureOf(admin, 'Kumasi', 'GH-AH');
  const obuasi = await measureOf(admin, 'Obuasi', 'GH-AH');
  await kumasi('participant', ama);
  await kumasi('participant', kofi);
  await obuasi('participant', kofi);
  await kumasi('new_job', ama);
  const ashantiOwn = await framework(admin, 'Ashanti LED');

  await as(northern.id);
  await (await measureOf(admin, 'Tamale', 'GH-NP'))('participant', { ...ama, name: 'Yaw Darko', sex: 'male' });
  const northernOwn = await framework(admin, 'Northern LED');

  await as(orgId);
  return { admin, orgId, ashanti, northern, umbrella, ashantiOwn, northernOwn, as };
}

/** What an organisation's own dashboard shows for its one framework's approved period, by indicator code. */
async function approvedDashboard(admin: Client, own: { periodId: string; ids: Map<string, string> }) {
  expect((await admin.post(`/api/v1/results/periods/${own.periodId}/submit`)).statusCode).toBe(200);
  expect((await admin.post(`/api/v1/results/periods/${own.periodId}/approve`)).statusCode).toBe(200);
  const dashboard = (await admin.get('/api/v1/results/dashboard')).json() as Dashboard;
  const period = dashboard.programmes[0]!.periods.find((p) => p.id === own.periodId)!;
  return new Map(CODES.map((code) => {
    const total = period.indicators.find((i) => i.indicatorId === own.ids.get(code))!.total;
    return [code, 'n' in total ? total.n : null];
  }));
}

/** Counted apart from the services: an organisation's people in one role of participations (of LED, or any module). */
async function peopleOf(orgId: string, role: string, source: string | null) {
  return withSystem(t.database.db, async (tx) => (await tx.execute<{ n: number }>(sql`
    SELECT count(DISTINCT person_id)::int AS n FROM person_participations
     WHERE org_id = ${orgId} AND role = ${role} AND (${source}::text IS NULL OR source = ${source}::text)`)).rows[0]!.n);
}

describe("the umbrella's results dashboard over its branches' own records", () => {
  it("shows each branch's own figure as the branch's own dashboard shows it, and the umbrella's total and the branches' added up", async () => {
    const w = await federation();
    const dashboard = (await w.admin.get('/api/v1/results/dashboard/branches')).json() as UmbrellaDashboard;
    const period = dashboard.programmes[0]!.periods[0]!;
    expect(period.id).toBe(w.umbrella.periodId);
    const line = (code: string) => period.indicators.find((i) => i.library === code)!;
    const recorded = (code: string) => line(code).branches.map((b) => b.recorded);
    // Hand-counted: Ama and Kofi (Kofi once over two measures) in Ashanti, Yaw in Northern; Ama in a new job.
    expect(recorded('led.people_trained')).toEqual([2, 1]);
    expect(recorded('people.reached')).toEqual([2, 1]);
    expect(recorded('led.new_jobs')).toEqual([1, 0]);
    // Trainers certified are counted in each branch too (umbrella-certified-trainers.db.test.ts): nobody here.
    expect(recorded('training.certified_trainers')).toEqual([0, 0]);
    expect(line('training.certified_trainers').together).toBe(0);
    // The umbrella's own records are as before: Esi in its own region, placed with no branch.
    expect([line('led.people_trained').total, line('led.people_trained').own, line('led.people_trained').branches.map((b) => b.people)]).toEqual([1, 1, [0, 0]]);

    // Together: the umbrella's total and each branch's, each counted apart from the records.
    for (const [code, role, source] of [['led.people_trained', 'participant', 'led'], ['people.reached', 'participant', null], ['led.new_jobs', 'new_job', 'led']] as const) {
      const apart = [await peopleOf(w.orgId, role, source), await peopleOf(w.ashanti.id, role, source), await peopleOf(w.northern.id, role, source)];
      expect([line(code).total, ...recorded(code)], code).toEqual(apart);
      expect(line(code).together, code).toBe(apart.reduce((s, n) => s + n, 0));
    }
    expect(line('led.people_trained').together).toBe(4);

    // Each branch's cell is what that branch's own dashboard shows for the same indicator and days.
    await w.as(w.ashanti.id);
    const ashanti = await approvedDashboard(w.admin, w.ashantiOwn);
    await w.as(w.northern.id);
    const northern = await approvedDashboard(w.admin, w.northernOwn);
    for (const code of CODES) {
      expect(recorded(code), code).toEqual([ashanti.get(code), northern.get(code)]);
    }
  });

  it('lets a branch read neither its sibling nor its umbrella through the count, nor a stranger any branch', async () => {
    const w = await federation();
    const selections = JSON.stringify([{ roles: ['participant'] }]);
    const count = (orgId: string, fn: 'branch_people_counted' | 'people_counted', of: string) =>
      withTenant(t.database.db, { orgId, role: 'admin', actor: { userId: null, name: 'test' }, locale: 'en' }, async (ctx) =>
        (await ctx.tx.execute(sql`SELECT * FROM ${sql.raw(fn)}(${of}::uuid, ${YEARS.startsOn}::date, ${YEARS.endsOn}::date, ${selections}::jsonb)`)).rows);
    // The umbrella reads its branch's count, people alike by cell (so the refusals below are not an empty count)…
    expect(await count(w.orgId, 'branch_people_counted', w.northern.id)).toEqual([expect.objectContaining({ selection: 0, sex: 'male', birth_year: 1998, age_band: null, people: 1, participations: 1 })]);
    // …a branch reads neither its sibling nor its umbrella, with the definer's function or the plain one.
    expect(await count(w.ashanti.id, 'branch_people_counted', w.northern.id)).toEqual([]);
    expect(await count(w.ashanti.id, 'branch_people_counted', w.orgId)).toEqual([]);
    expect(await count(w.ashanti.id, 'people_counted', w.northern.id)).toEqual([]);
    expect(await count(w.ashanti.id, 'people_counted', w.orgId)).toEqual([]);
    // A stranger reads no branch of the umbrella.
    const other = await createOrg(t.app, ghana);
    expect(await count(other.orgId, 'branch_people_counted', w.ashanti.id)).toEqual([]);
    // Through the API a branch has no branches of its own, and sees nothing of its sibling's or umbrella's.
    await w.as(w.ashanti.id);
    const res = await w.admin.get('/api/v1/results/dashboard/branches');
    expect(res.json()).toEqual({ branches: [], programmes: [] });
    expect(res.body).not.toContain('Northern branch');
  });
});
