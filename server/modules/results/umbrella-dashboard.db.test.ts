import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { UmbrellaDashboard } from '../../../contracts/results-dashboard.js';
import type { LedRegionDetail } from '../../../contracts/led.js';
import { withSystem } from '../../platform/db/tenancy.js';
import { useTestApp } from '../../test/app.js';
import { createOrg } from '../../test/factories.js';

const t = useTestApp();
const ghana = { country: 'GH', regions: ['GH-AA', 'GH-AH', 'GH-NP'] };

/**
 * An umbrella with two branches, each running an LED region, and the umbrella
 * running one itself: Ama is trained by both branches, Kofi by the Ashanti
 * branch only, Esi by the umbrella's own region.
 */
async function world() {
  const { admin, orgId } = await createOrg(t.app, ghana);
  const branch = async (name: string, region: string) =>
    (await admin.post('/api/v1/org/branches', { name, kind: 'chamber', country: 'GH', regions: [region], languages: ['en'], currency: 'GHS', shareMemberDataUpward: false })).json() as { id: string; name: string };
  const ashanti = await branch('Ashanti branch', 'GH-AH');
  const northern = await branch('Northern branch', 'GH-NP');
  const region = async (name: string, code: string, branchId: string | null) => (await admin.post('/api/v1/led/regions', { name, region: code, branchId })).json() as LedRegionDetail;
  const measure = async (r: LedRegionDetail, title: string) => {
    const detail = (await admin.post(`/api/v1/led/regions/${r.id}/measures`, { title, budget: 100_00, startsOn: '2025-01-06', endsOn: '2025-12-31', status: 'done' })).json() as LedRegionDetail;
    return detail.measureList.find((m) => m.title === title)!.id;
  };
  const kumasi = await measure(await region('Kumasi', 'GH-AH', ashanti.id), 'Kumasi bookkeeping');
  const tamale = await measure(await region('Tamale', 'GH-NP', northern.id), 'Tamale bookkeeping');
  const accra = await measure(await region('Accra', 'GH-AA', null), 'Accra bookkeeping');
  const train = async (measureId: string, who: { name: string; phone: string; sex: string }) => {
    const res = await admin.post(`/api/v1/led/measures/${measureId}/people`, { role: 'participant', person: { ...who, birthYear: 1998 } });
    expect(res.statusCode, res.body).toBe(200);
  };
  const ama = { name: 'Ama Mensah', phone: '0244000001', sex: 'female' };
  await train(kumasi, ama);
  await train(tamale, ama);
  await train(kumasi, { name: 'Kofi Boateng', phone: '0244000002', sex: 'male' });
  await train(accra, { name: 'Esi Owusu', phone: '0244000003', sex: 'female' });
  const framework = (await admin.post('/api/v1/results/frameworks', { name: 'LED programme' })).json() as { id: string };
  for (const code of ['led.people_trained', 'people.reached']) {
    const res = await admin.post(`/api/v1/results/frameworks/${framework.id}/indicators`, { library: code, name: code, level: 'output', kind: 'unique_people', dimensions: ['sex'] });
    expect(res.statusCode, res.body).toBe(201);
  }
  const period = (await admin.post(`/api/v1/results/frameworks/${framework.id}/periods`, { label: 'Now', startsOn: '2020-01-01', endsOn: `${new Date().getUTCFullYear() + 1}-12-31` })).json() as { id: string };
  return { admin, orgId, ashanti, northern, framework, period };
}

/** Counted apart from the service: people trained by LED measures in the regions some branches run, straight from the records. */
async function peopleOf(orgId: string, branchIds: string[] | null) {
  return withSystem(t.database.db, async (tx) => {
    const rows = (await tx.execute<{ people: number }>(sql`
      SELECT count(DISTINCT p.person_id)::int AS people
        FROM person_participations p
        JOIN led_measures m ON m.org_id = p.org_id AND m.id = p.source_id
        JOIN led_regions g ON g.org_id = m.org_id AND g.id = m.region_id
       WHERE p.org_id = ${orgId} AND p.source = 'led' AND p.role = 'participant'
         AND (${branchIds === null} OR g.branch_id = ANY(${`{${(branchIds ?? []).join(',')}}`}::uuid[]))`)).rows;
    return rows[0]!.people;
  });
}

describe("the umbrella's results dashboard over its branches", () => {
  it('counts a person trained by two branches in each, and once in the total', async () => {
    const w = await world();
    const res = await w.admin.get('/api/v1/results/dashboard/branches');
    expect(res.statusCode, res.body).toBe(200);
    const dashboard = res.json() as UmbrellaDashboard;
    expect(dashboard.branches.map((b) => b.name)).toEqual(['Ashanti branch', 'Northern branch']);
    const [programme] = dashboard.programmes;
    expect(programme!.name).toBe('LED programme');
    const [period] = programme!.periods;
    expect(period!.id).toBe(w.period.id);
    const trained = period!.indicators.find((i) => i.library === 'led.people_trained')!;
    // Ashanti: Ama and Kofi; Northern: Ama; the umbrella's own region: Esi. Ama once in the total.
    expect(trained.branches.map((b) => [b.name, b.people])).toEqual([['Ashanti branch', 2], ['Northern branch', 1]]);
    expect([trained.own, trained.total, trained.overlap]).toEqual([1, 3, 1]);
    expect(trained.total).toBeLessThan(trained.branches.reduce((s, b) => s + b.people, trained.own));
    // The same as counted apart from the records.
    expect(trained.branches.map((b) => b.people)).toEqual([await peopleOf(w.orgId, [w.ashanti.id]), await peopleOf(w.orgId, [w.northern.id])]);
    expect(await peopleOf(w.orgId, [w.ashanti.id, w.northern.id])).toBe(2);
    expect(trained.total).toBe(await peopleOf(w.orgId, null));
    // People reached counts the same participations (and no others here).
    const reached = period!.indicators.find((i) => i.library === 'people.reached')!;
    expect([reached.total, reached.own, reached.overlap, reached.branches.map((b) => b.people)]).toEqual([3, 1, 1, [2, 1]]);
  });

  it('gives one person trained in both branches 1 and 1, and 1 at the umbrella', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const branch = async (name: string, region: string) =>
      (await admin.post('/api/v1/org/branches', { name, kind: 'chamber', country: 'GH', regions: [region], languages: ['en'], currency: 'GHS', shareMemberDataUpward: false })).json() as { id: string };
    const a = await branch('A branch', 'GH-AH');
    const b = await branch('B branch', 'GH-NP');
    for (const [name, code, branchId] of [['Kumasi', 'GH-AH', a.id], ['Tamale', 'GH-NP', b.id]] as const) {
      const r = (await admin.post('/api/v1/led/regions', { name, region: code, branchId })).json() as LedRegionDetail;
      const detail = (await admin.post(`/api/v1/led/regions/${r.id}/measures`, { title: name, budget: 0, startsOn: '2025-01-06', endsOn: '2025-12-31', status: 'done' })).json() as LedRegionDetail;
      const res = await admin.post(`/api/v1/led/measures/${detail.measureList[0]!.id}/people`, { role: 'participant', person: { name: 'Ama Mensah', phone: '0244000001', sex: 'female', birthYear: 1998 } });
      expect(res.statusCode, res.body).toBe(200);
    }
    const framework = (await admin.post('/api/v1/results/frameworks', { name: 'P' })).json() as { id: string };
    await admin.post(`/api/v1/results/frameworks/${framework.id}/indicators`, { library: 'led.people_trained', name: 'Trained', level: 'output', kind: 'unique_people', dimensions: [] });
    await admin.post(`/api/v1/results/frameworks/${framework.id}/periods`, { label: 'All', startsOn: '2020-01-01', endsOn: `${new Date().getUTCFullYear() + 1}-12-31` });
    const dashboard = (await admin.get('/api/v1/results/dashboard/branches')).json() as UmbrellaDashboard;
    const trained = dashboard.programmes[0]!.periods[0]!.indicators[0]!;
    expect([trained.branches.map((x) => x.people), trained.own, trained.total, trained.overlap]).toEqual([[1, 1], 0, 1, 1]);
  });

  it("is the reader's own: a branch (sibling of the other branch) or another organisation sees none of the umbrella's", async () => {
    const w = await world();
    const body = (await w.admin.get('/api/v1/results/dashboard/branches')).body;
    expect(body).toContain('LED programme');
    // Another organisation: its own dashboard, without branches, and nothing of the umbrella's.
    const other = await createOrg(t.app, ghana);
    const otherRes = await other.admin.get('/api/v1/results/dashboard/branches');
    expect(otherRes.statusCode).toBe(200);
    expect(otherRes.json()).toEqual({ branches: [], programmes: [] });
    // A branch (and so a sibling of the other): its own organisation, with no branches of its own.
    expect((await w.admin.post('/api/v1/auth/switch-org', { orgId: w.ashanti.id })).statusCode).toBe(200);
    const branchRes = await w.admin.get('/api/v1/results/dashboard/branches');
    expect(branchRes.statusCode).toBe(200);
    expect(branchRes.json()).toEqual({ branches: [], programmes: [] });
    expect(branchRes.body).not.toContain('Northern branch');
  });
});
