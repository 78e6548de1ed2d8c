import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { LedBoundaries, LedRollup, LedUmbrellaRollup, RollupMeasures, RollupPeoplePage, UmbrellaRollupMeasures } from '../../../contracts/led-rollup.js';
import type { LedRegionDetail } from '../../../contracts/led.js';
import { withSystem } from '../../platform/db/tenancy.js';
import { useTestApp } from '../../test/app.js';
import { createOrg, createPerson } from '../../test/factories.js';

const t = useTestApp();
const ghana = { country: 'GH', regions: ['GH-AA', 'GH-AH', 'GH-NP'] };
const ROLES = ['participant', 'new_job', 'higher_income'] as const;

/** A small square (closed ring) around a point, as a GeoJSON Polygon. */
const square = (x: number, y: number) => ({ type: 'Polygon', coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] });
const feature = (properties: Record<string, unknown>, geometry: unknown) => ({ type: 'Feature', properties, geometry });

/** An organisation with three regions (two run by a branch), measures in each, and people recorded on several measures and regions. */
async function world() {
  const { admin, orgId } = await createOrg(t.app, ghana);
  const branch = (await admin.post('/api/v1/org/branches', { name: 'Ashanti branch', kind: 'chamber', country: 'GH', regions: ['GH-AH'], languages: ['en'], currency: 'GHS', shareMemberDataUpward: false })).json();
  const region = async (name: string, code: string, branchId: string | null) => (await admin.post('/api/v1/led/regions', { name, region: code, branchId })).json() as LedRegionDetail;
  const accra = await region('Accra', 'GH-AA', null);
  const kumasi = await region('Kumasi', 'GH-AH', branch.id);
  const tamale = await region('Tamale', 'GH-NP', branch.id);
  const measure = async (r: LedRegionDetail, title: string, budget: number) => {
    const detail = (await admin.post(`/api/v1/led/regions/${r.id}/measures`, { title, budget, startsOn: '2025-01-06', endsOn: '2025-12-31', status: 'done' })).json() as LedRegionDetail;
    return detail.measureList.find((m) => m.title === title)!.id;
  };
  const m = {
    a1: await measure(accra, 'Accra market stalls', 1_000_00),
    a2: await measure(accra, 'Accra bookkeeping', 500_00),
    k1: await measure(kumasi, 'Kumasi craft trail', 2_000_00),
    k2: await measure(kumasi, 'Kumasi solar', 700_00),
    t1: await measure(tamale, 'Tamale shea', 300_00),
  };
  await admin.post(`/api/v1/led/measures/${m.a1}/budget-lines`, { label: 'Stalls', source: 'led_fund', planned: 800_00, actual: 750_00 });
  await admin.post(`/api/v1/led/measures/${m.a1}/budget-lines`, { label: 'Partner share', source: 'partner_cash', planned: 200_00, actual: 260_00 });
  await admin.post(`/api/v1/led/measures/${m.k1}/budget-lines`, { label: 'Signs', source: 'donor', planned: 1_500_00, actual: 1_200_00 });
  // People: Ama on three measures in two regions, Kofi on two measures of one region, Esi once, Yaw in two roles.
  const person = async (measureId: string, role: (typeof ROLES)[number], who: { name: string; phone: string; sex: string }) => {
    const res = await admin.post(`/api/v1/led/measures/${measureId}/people`, { role, person: { ...who, birthYear: 1998 } });
    expect(res.statusCode, res.body).toBe(200);
  };
  const ama = { name: 'Ama Mensah', phone: '0244000001', sex: 'female' };
  const kofi = { name: 'Kofi Boateng', phone: '0244000002', sex: 'male' };
  const esi = { name: 'Esi Owusu', phone: '0244000003', sex: 'female' };
  const yaw = { name: 'Yaw Darko', phone: '0244000004', sex: 'male' };
  for (const id of [m.a1, m.a2, m.k1]) await person(id, 'participant', ama);
  for (const id of [m.k1, m.k2]) await person(id, 'participant', kofi);
  await person(m.t1, 'participant', esi);
  await person(m.t1, 'participant', yaw);
  await person(m.t1, 'new_job', yaw);
  await person(m.k1, 'new_job', kofi);
  await person(m.a2, 'higher_income', ama);
  await person(m.k2, 'higher_income', ama);
  return { admin, orgId, branch, accra, kumasi, tamale, m };
}

/** Counted apart from the roll-up: straight from the participation records, by role, over the measures of some regions. */
async function independent(orgId: string, regionIds: string[]) {
  return withSystem(t.database.db, async (tx) => {
    const rows = (await tx.execute<{ role: string; people: number; per_measure: number }>(sql`
      SELECT p.role, count(DISTINCT p.person_id)::int AS people, count(DISTINCT (p.source_id, p.person_id))::int AS per_measure
        FROM person_participations p JOIN led_measures m ON m.org_id = p.org_id AND m.id = p.source_id
       WHERE p.org_id = ${orgId} AND p.source = 'led' AND m.region_id = ANY(${`{${regionIds.join(',')}}`}::uuid[])
       GROUP BY p.role`)).rows;
    return Object.fromEntries(ROLES.map((r) => [r, rows.find((x) => x.role === r) ?? { people: 0, per_measure: 0 }])) as Record<(typeof ROLES)[number], { people: number; per_measure: number }>;
  });
}

/** Counted apart: per role, the people on two measures or more and in two regions or more, straight from the records. */
async function severalApart(orgId: string) {
  return withSystem(t.database.db, async (tx) => {
    const rows = (await tx.execute<{ role: string; measures: number; regions: number }>(sql`
      SELECT role, count(*) FILTER (WHERE measures > 1)::int AS measures, count(*) FILTER (WHERE regions > 1)::int AS regions
        FROM (SELECT p.role, p.person_id, count(DISTINCT p.source_id) AS measures, count(DISTINCT m.region_id) AS regions
                FROM person_participations p JOIN led_measures m ON m.org_id = p.org_id AND m.id = p.source_id
               WHERE p.org_id = ${orgId} AND p.source = 'led' GROUP BY p.role, p.person_id) x
       GROUP BY role`)).rows;
    return Object.fromEntries(ROLES.map((r) => [r, rows.find((x) => x.role === r) ?? { measures: 0, regions: 0 }])) as Record<(typeof ROLES)[number], { measures: number; regions: number }>;
  });
}

/** The roll-up's figures, each checked against the records counted apart, per region and overall. */
async function checkedRollup(w: Awaited<ReturnType<typeof world>>, step: string) {
  const rollup = (await w.admin.get('/api/v1/led/rollup')).json() as LedRollup;
  const apart = await independent(w.orgId, [w.accra.id, w.kumasi.id, w.tamale.id]);
  const several = await severalApart(w.orgId);
  for (const role of ROLES) {
    const got = rollup.total.people[role];
    expect([got.people, got.sum, got.inSeveralMeasures, got.inSeveralRegions], `${step} ${role}`)
      .toEqual([apart[role].people, apart[role].per_measure, several[role].measures, several[role].regions]);
    expect(got.sumOfRegions, `${step} ${role}`).toBe(rollup.regions.reduce((s, r) => s + r.people[role].people, 0));
  }
  for (const r of rollup.regions) {
    const one = await independent(w.orgId, [r.id]);
    for (const role of ROLES) expect(r.people[role], `${step} ${r.name} ${role}`).toEqual({ people: one[role].people, sum: one[role].per_measure });
  }
  return rollup;
}

describe('LED roll-up', () => {
  it('counts each person once across measures and regions, beside the simple sum, and both match the records', async () => {
    const w = await world();
    const rollup = (await w.admin.get('/api/v1/led/rollup')).json() as LedRollup;
    expect(rollup.regions.map((r) => [r.name, r.measures, r.branchName])).toEqual([['Accra', 2, null], ['Kumasi', 2, 'Ashanti branch'], ['Tamale', 1, 'Ashanti branch']]);
    // Budgets: the measures' own and their budget lines, added up apart.
    expect(rollup.regions.map((r) => [r.budget, r.planned, r.actual])).toEqual([[1_500_00, 1_000_00, 1_010_00], [2_700_00, 1_500_00, 1_200_00], [300_00, 0, 0]]);
    expect([rollup.total.budget, rollup.total.planned, rollup.total.actual, rollup.total.measures]).toEqual([4_500_00, 2_500_00, 2_210_00, 5]);

    // Participants: Ama (3 measures, 2 regions), Kofi (2 measures), Esi, Yaw → 4 people; 3 + 2 + 1 + 1 = 7 per measure.
    const total = rollup.total.people.participant;
    expect(total).toEqual({ people: 4, sum: 7, sumOfRegions: 5, inSeveralMeasures: 2, inSeveralRegions: 1 });
    expect(rollup.regions.map((r) => r.people.participant)).toEqual([{ people: 1, sum: 2 }, { people: 2, sum: 3 }, { people: 2, sum: 2 }]);
    // Against an independent count of the records, for every role.
    const apart = await independent(w.orgId, [w.accra.id, w.kumasi.id, w.tamale.id]);
    for (const role of ROLES) {
      expect(rollup.total.people[role].people, role).toBe(apart[role].people);
      expect(rollup.total.people[role].sum, role).toBe(apart[role].per_measure);
    }
    expect(rollup.total.people.higher_income).toEqual({ people: 1, sum: 2, sumOfRegions: 2, inSeveralMeasures: 1, inSeveralRegions: 1 });
    // Per region, too.
    for (const r of rollup.regions) {
      const one = await independent(w.orgId, [r.id]);
      for (const role of ROLES) expect(r.people[role], `${r.name} ${role}`).toEqual({ people: one[role].people, sum: one[role].per_measure });
    }

    // The simple sum is the measures' own counts added up: the drill-down lists them.
    const measures = (await w.admin.get('/api/v1/led/rollup/measures')).json() as RollupMeasures;
    expect(measures.items).toHaveLength(5);
    for (const role of ROLES) expect(measures.items.reduce((s, m) => s + m.people[role], 0), role).toBe(rollup.total.people[role].sum);
    expect(measures.items.reduce((s, m) => s + m.actual, 0)).toBe(rollup.total.actual);
    const accraOnly = (await w.admin.get(`/api/v1/led/rollup/measures?regionId=${w.accra.id}`)).json() as RollupMeasures;
    expect(accraOnly.items.map((m) => m.title)).toEqual(['Accra bookkeeping', 'Accra market stalls']);

    // The people behind the unique count: each once, with their measures.
    const people = (await w.admin.get('/api/v1/led/rollup/people?role=participant')).json() as RollupPeoplePage;
    expect(people.total).toBe(total.people);
    expect(people.items.map((p) => [p.name, p.measures.length])).toEqual([['Ama Mensah', 3], ['Esi Owusu', 1], ['Kofi Boateng', 2], ['Yaw Darko', 1]]);
    const inKumasi = (await w.admin.get(`/api/v1/led/rollup/people?role=participant&regionId=${w.kumasi.id}`)).json() as RollupPeoplePage;
    expect(inKumasi.items.map((p) => p.name)).toEqual(['Ama Mensah', 'Kofi Boateng']);
  });

  it('rolls up the regions one branch runs, and keeps names from viewers and other organisations', async () => {
    const w = await world();
    const branchOnly = (await w.admin.get(`/api/v1/led/rollup?branchId=${w.branch.id}`)).json() as LedRollup;
    expect(branchOnly.regions.map((r) => r.name)).toEqual(['Kumasi', 'Tamale']);
    const apart = await independent(w.orgId, [w.kumasi.id, w.tamale.id]);
    for (const role of ROLES) expect(branchOnly.total.people[role].people, role).toBe(apart[role].people);
    // Ama counts once in the branch's regions (on one of its measures), Kofi once for two.
    expect(branchOnly.total.people.participant).toMatchObject({ people: 4, sum: 5, inSeveralMeasures: 1, inSeveralRegions: 0 });

    const viewer = (await createPerson(t.app, w.orgId, 'viewer')).client;
    expect((await viewer.get('/api/v1/led/rollup')).statusCode).toBe(200);
    expect((await viewer.get('/api/v1/led/rollup/measures')).statusCode).toBe(200);
    expect((await viewer.get('/api/v1/led/rollup/people?role=participant')).statusCode).toBe(403);

    const other = await createOrg(t.app, ghana);
    const empty = (await other.admin.get('/api/v1/led/rollup')).json() as LedRollup;
    expect(empty.regions).toEqual([]);
    expect(empty.total.people.participant).toEqual({ people: 0, sum: 0, sumOfRegions: 0, inSeveralMeasures: 0, inSeveralRegions: 0 });
    expect((await other.admin.get(`/api/v1/led/rollup?branchId=${w.branch.id}`)).json().code).toBe('led.branch_not_ours');
    expect((await other.admin.get(`/api/v1/led/rollup/measures?regionId=${w.accra.id}`)).statusCode).toBe(404);
  });

  it('keeps its stored counts exact when a person is taken off a measure, two people are merged and a measure is removed', async () => {
    const w = await world();
    const checked = (step: string) => checkedRollup(w, step);
    await checked('recorded');
    const ids = new Map(((await w.admin.get('/api/v1/led/rollup/people?role=participant')).json() as RollupPeoplePage).items.map((p) => [p.name, p.id]));

    // Ama off Accra's market stalls: still on two measures in two regions.
    expect((await w.admin.delete(`/api/v1/led/measures/${w.m.a1}/people/${ids.get('Ama Mensah')}?role=participant`)).statusCode).toBe(200);
    expect((await checked('taken off')).total.people.participant).toEqual({ people: 4, sum: 6, sumOfRegions: 5, inSeveralMeasures: 2, inSeveralRegions: 1 });

    // Esi (Tamale) merged into Kofi (Kumasi) by the people module: one person on three measures in two regions.
    const merged = await w.admin.post(`/api/v1/people-reached/${ids.get('Kofi Boateng')}/merge`, { otherId: ids.get('Esi Owusu') });
    expect(merged.statusCode, merged.body).toBe(200);
    expect((await checked('merged')).total.people.participant).toEqual({ people: 3, sum: 6, sumOfRegions: 5, inSeveralMeasures: 2, inSeveralRegions: 2 });

    // Kumasi's craft trail removed: its people count no more there (Ama keeps Accra, Kofi Kumasi solar and Tamale).
    expect((await w.admin.delete(`/api/v1/led/regions/${w.kumasi.id}/measures/${w.m.k1}`)).statusCode).toBe(200);
    const after = await checked('measure removed');
    expect(after.total.people.participant).toEqual({ people: 3, sum: 4, sumOfRegions: 4, inSeveralMeasures: 1, inSeveralRegions: 1 });
    expect(after.total.people.new_job).toEqual({ people: 1, sum: 1, sumOfRegions: 1, inSeveralMeasures: 0, inSeveralRegions: 0 });
    // The branch's regions (Kumasi, Tamale), counted from the per-region rows: Kofi once for both, Yaw.
    const branchOnly = (await w.admin.get(`/api/v1/led/rollup?branchId=${w.branch.id}`)).json() as LedRollup;
    expect(branchOnly.total.people.participant).toEqual({ people: 2, sum: 3, sumOfRegions: 3, inSeveralMeasures: 1, inSeveralRegions: 1 });
  });

  it('counts a statement of many records (an import) by counting the organisation again, and single writes after it on top', async () => {
    const w = await world();
    // 1,200 people in one statement, past the 1,000 the refresh takes one by one: each on one measure, every fourth on the next one too.
    await withSystem(t.database.db, async (tx) => {
      await tx.execute(sql`INSERT INTO people (org_id, name, sex) SELECT ${w.orgId}::uuid, 'Bulk ' || lpad(i::text, 4, '0'), 'female' FROM generate_series(1, 1200) AS i`);
      await tx.execute(sql`
        INSERT INTO person_participations (org_id, person_id, kind, source, source_id, role, occurred_on)
        SELECT p.org_id, p.id, 'measure', 'led', (${`{${w.m.a1},${w.m.k1},${w.m.t1}}`}::uuid[])[1 + k.n % 3], 'participant', date '2025-02-01'
          FROM (SELECT id, org_id, row_number() OVER (ORDER BY name) AS n FROM people WHERE org_id = ${w.orgId} AND name LIKE 'Bulk %') p
         CROSS JOIN LATERAL (SELECT p.n AS n UNION ALL SELECT p.n + 1 WHERE p.n % 4 = 0) k`);
    });
    // World's 4 participants and 1,200 more; 7 + 1,200 + 300 per measure; every fourth on two measures of two regions.
    expect((await checkedRollup(w, 'imported')).total.people.participant).toMatchObject({ people: 1_204, sum: 1_507, inSeveralMeasures: 302, inSeveralRegions: 301 });
    const lone = await w.admin.post(`/api/v1/led/measures/${w.m.a2}/people`, { role: 'participant', person: { name: 'Abena Lone', phone: '0244000099', sex: 'female' } });
    expect(lone.statusCode, lone.body).toBe(200);
    expect((await checkedRollup(w, 'one more')).total.people.participant).toMatchObject({ people: 1_205, sum: 1_508 });
  });

  it('pages the people behind a figure', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const region = (await admin.post('/api/v1/led/regions', { name: 'Accra', region: 'GH-AA' })).json() as LedRegionDetail;
    const measureId = (await admin.post(`/api/v1/led/regions/${region.id}/measures`, { title: 'Big course', budget: 0, startsOn: '2025-01-06', endsOn: '2025-12-31' })).json().measureList[0].id;
    for (let i = 0; i < 105; i++) await admin.post(`/api/v1/led/measures/${measureId}/people`, { role: 'participant', person: { name: `Trainee ${String(i).padStart(3, '0')}`, phone: `024410${String(i).padStart(4, '0')}` } });
    const first = (await admin.get('/api/v1/led/rollup/people?role=participant')).json() as RollupPeoplePage;
    expect([first.total, first.items.length]).toEqual([105, 100]);
    const second = (await admin.get(`/api/v1/led/rollup/people?role=participant&cursor=${first.nextCursor}`)).json() as RollupPeoplePage;
    expect(second.items.map((p) => p.name)).toEqual(['Trainee 100', 'Trainee 101', 'Trainee 102', 'Trainee 103', 'Trainee 104']);
    expect(second.nextCursor).toBeNull();
    expect((await admin.get('/api/v1/led/rollup/people?role=participant&cursor=nonsense')).statusCode).toBe(400);
  });
});

/** An umbrella with two branches (organisations of their own): North shares upward, South does not; Ama is recorded in both. */
async function federation() {
  const { admin, orgId } = await createOrg(t.app, ghana);
  const branch = async (name: string, share: boolean) => {
    const res = await admin.post('/api/v1/org/branches', { name, kind: 'chamber', country: 'GH', regions: ['GH-AA', 'GH-AH', 'GH-NP'], languages: ['en'], currency: 'GHS', shareMemberDataUpward: share });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const north = await branch('North chamber', true);
  const south = await branch('South chamber', false);
  const as = async (id: string) => expect((await admin.post('/api/v1/auth/switch-org', { orgId: id })).statusCode).toBe(200);
  const region = async (name: string, code: string) => (await admin.post('/api/v1/led/regions', { name, region: code, branchId: null })).json() as LedRegionDetail;
  const measure = async (r: LedRegionDetail, title: string, budget: number) => {
    const detail = (await admin.post(`/api/v1/led/regions/${r.id}/measures`, { title, budget, startsOn: '2025-01-06', endsOn: '2025-12-31', status: 'running' })).json() as LedRegionDetail;
    return detail.measureList.find((m) => m.title === title)!.id;
  };
  const person = async (measureId: string, role: (typeof ROLES)[number], who: { name: string; phone: string; sex: string }) => {
    const res = await admin.post(`/api/v1/led/measures/${measureId}/people`, { role, person: { ...who, birthYear: 1990 } });
    expect(res.statusCode, res.body).toBe(200);
  };
  const ama = { name: 'Ama Mensah', phone: '0244000001', sex: 'female' };
  const kofi = { name: 'Kofi Boateng', phone: '0244000002', sex: 'male' };
  await as(north);
  const tamale = await region('Tamale', 'GH-NP');
  const bolga = await region('Kumasi', 'GH-AH');
  const n1 = await measure(tamale, 'Shea butter', 1_000_00);
  const n2 = await measure(tamale, 'Guinea fowl', 400_00);
  const n3 = await measure(bolga, 'Kente weaving', 600_00);
  await admin.post(`/api/v1/led/measures/${n1}/budget-lines`, { label: 'Press', source: 'led_fund', planned: 900_00, actual: 950_00 });
  for (const id of [n1, n2, n3]) await person(id, 'participant', ama);
  await person(n1, 'participant', kofi);
  await person(n3, 'new_job', kofi);
  await as(south);
  const accra = await region('Accra', 'GH-AA');
  const s1 = await measure(accra, 'Fish smoking', 250_00);
  await person(s1, 'participant', ama);
  await as(orgId);
  return { admin, orgId, north, south, as, regions: { tamale, bolga, accra }, m: { n1, n2, n3, s1 } };
}

describe('LED roll-up of an umbrella over its branches', () => {
  it('shows every branch, the regions of those that share, people once per branch beside the sums, and the records behind them', async () => {
    const { admin, north, south, regions, m } = await federation();
    const res = await admin.get('/api/v1/led/rollup/branches');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as LedUmbrellaRollup;
    expect(r.branches.map((b) => [b.name, b.sharesUpward])).toEqual([['North chamber', true], ['South chamber', false]]);
    const [n, s] = r.branches;
    // North shares: its regions, each person once per region and over the branch.
    expect(n!.regions!.map((g) => [g.name, g.measures, g.budget, g.people.participant])).toEqual([
      ['Kumasi', 1, 600_00, { people: 1, sum: 1 }],
      ['Tamale', 2, 1_400_00, { people: 2, sum: 3 }],
    ]);
    expect(n!.total).toMatchObject({ measures: 3, budget: 2_000_00, planned: 900_00, actual: 950_00 });
    expect(n!.total.people.participant).toEqual({ people: 2, sum: 4, sumOfRegions: 3, inSeveralMeasures: 1, inSeveralRegions: 1 });
    expect(n!.total.people.new_job).toMatchObject({ people: 1, sum: 1 });
    // South keeps its records: totals only.
    expect(s!.regions).toBeNull();
    expect(s!.total).toMatchObject({ measures: 1, budget: 250_00 });
    expect(s!.total.people.participant).toMatchObject({ people: 1, sum: 1, sumOfRegions: 1 });
    // Each branch's figures are those of its own records.
    const northApart = await independent(north, [regions.tamale.id, regions.bolga.id]);
    const southApart = await independent(south, [regions.accra.id]);
    for (const role of ROLES) {
      expect(n!.total.people[role].people).toBe(northApart[role].people);
      expect(n!.total.people[role].sum).toBe(northApart[role].per_measure);
      expect(s!.total.people[role].people).toBe(southApart[role].people);
    }
    // Ama recorded by both branches is two records of two organisations: nobody links them, so she counts in each.
    expect(r.total.people.participant).toEqual({ people: 3, sum: 5, sumOfRegions: 4, sumOfBranches: 3, inSeveralMeasures: 1, inSeveralRegions: 1 });
    expect(r.total).toMatchObject({ branches: 2, measures: 4, money: [{ currency: 'GHS', budget: 2_250_00, planned: 900_00, actual: 950_00 }] });

    // The records behind North's figures, live: measures whose columns add up to the roll-up's sums, and the people.
    const measures = (await admin.get(`/api/v1/led/rollup/branches/${north}/measures`)).json() as UmbrellaRollupMeasures;
    expect(measures.items.map((x) => x.title)).toEqual(['Kente weaving', 'Guinea fowl', 'Shea butter']);
    expect(measures.items.reduce((a, x) => a + x.people.participant, 0)).toBe(n!.total.people.participant.sum);
    expect(measures.items.reduce((a, x) => a + x.budget, 0)).toBe(n!.total.budget);
    const ofTamale = (await admin.get(`/api/v1/led/rollup/branches/${north}/measures?regionId=${regions.tamale.id}`)).json() as UmbrellaRollupMeasures;
    expect(ofTamale.items.map((x) => x.id).sort()).toEqual([m.n1, m.n2].sort());
    const people = (await admin.get(`/api/v1/led/rollup/branches/${north}/people?role=participant`)).json() as RollupPeoplePage;
    expect(people.total).toBe(n!.total.people.participant.people);
    expect(people.items.map((p) => [p.name, p.measures.length])).toEqual([['Ama Mensah', 3], ['Kofi Boateng', 1]]);
    const inKumasi = (await admin.get(`/api/v1/led/rollup/branches/${north}/people?role=participant&regionId=${regions.bolga.id}`)).json() as RollupPeoplePage;
    expect(inKumasi.items.map((p) => p.name)).toEqual(['Ama Mensah']);

    // South does not share: no measures, no names.
    expect((await admin.get(`/api/v1/led/rollup/branches/${south}/measures`)).statusCode).toBe(403);
    expect((await admin.get(`/api/v1/led/rollup/branches/${south}/people?role=participant`)).statusCode).toBe(403);
  });

  it('follows a change in a branch at once, and shows nothing across to a sibling or another organisation', async () => {
    const { admin, orgId, north, south, as, m } = await federation();
    await as(north);
    expect((await admin.delete(`/api/v1/led/measures/${m.n2}/people/${(await admin.get(`/api/v1/led/rollup/people?role=participant`)).json().items.find((p: { name: string }) => p.name === 'Ama Mensah').id}?role=participant`)).statusCode).toBe(200);
    // A branch is no umbrella: it sees no sibling.
    expect(((await admin.get('/api/v1/led/rollup/branches')).json() as LedUmbrellaRollup).branches).toEqual([]);
    expect((await admin.get(`/api/v1/led/rollup/branches/${south}/measures`)).statusCode).toBe(404);
    await as(orgId);
    const r = (await admin.get('/api/v1/led/rollup/branches')).json() as LedUmbrellaRollup;
    expect(r.branches[0]!.total.people.participant).toMatchObject({ people: 2, sum: 3 });
    // Another umbrella sees none of it.
    const other = await createOrg(t.app, ghana);
    expect(((await other.admin.get('/api/v1/led/rollup/branches')).json() as LedUmbrellaRollup).branches).toEqual([]);
    expect((await other.admin.get(`/api/v1/led/rollup/branches/${north}/measures`)).statusCode).toBe(404);
    expect((await other.admin.get(`/api/v1/led/rollup/branches/${north}/people?role=participant`)).statusCode).toBe(404);
  });
});

describe('LED map boundaries', () => {
  it('stores a checked GeoJSON file per organisation, matches regions by the chosen property and says what is wrong', async () => {
    const w = await world();
    const file = {
      type: 'FeatureCollection',
      features: [
        feature({ NAME_1: 'Greater Accra', ISO: 'GH-AA' }, square(0, 5)),
        feature({ NAME_1: 'Ashanti', ISO: 'gh-ah' }, { type: 'MultiPolygon', coordinates: [square(-2, 6).coordinates, square(-1, 7).coordinates] }),
        feature({ NAME_1: 'Northern', ISO: 'GH-NP' }, square(-1, 9)),
        feature({ NAME_1: 'Volta', ISO: 'GH-TV' }, square(0.5, 7)),
      ],
    };
    const empty = (await w.admin.get('/api/v1/led/boundaries')).json() as LedBoundaries;
    expect(empty.file).toBeNull();
    // The property naming the most regions is chosen: the ISO codes (three of the four regions' codes; names differ).
    const up = await w.admin.put('/api/v1/led/boundaries', { fileName: 'ghana.geojson', geojson: JSON.stringify(file) });
    expect(up.statusCode, up.body).toBe(200);
    const map = up.json() as LedBoundaries;
    expect(map.file).toMatchObject({ fileName: 'ghana.geojson', property: 'ISO', namingProperties: ['NAME_1', 'ISO'], featureCount: 4 });
    expect(map.shapes.map((s) => [s.name, s.regionId])).toEqual([['GH-AA', w.accra.id], ['gh-ah', w.kumasi.id], ['GH-NP', w.tamale.id], ['GH-TV', null]]);
    expect(map.shapes[1]!.polygons).toHaveLength(2);
    expect(map.unmatchedRegions).toEqual([]);
    // By name, only regions named as the file names them are drawn.
    const byName = (await w.admin.put('/api/v1/led/boundaries/property', { property: 'NAME_1' })).json() as LedBoundaries;
    expect(byName.shapes.every((s) => s.regionId === null)).toBe(true);
    expect(byName.unmatchedRegions.map((r) => r.name)).toEqual(['Accra', 'Kumasi', 'Tamale']);
    const unknown = await w.admin.put('/api/v1/led/boundaries/property', { property: 'nope' });
    expect(unknown.json().errors[0]).toMatchObject({ path: 'property', code: 'led.geojson_property_unknown' });

    // What is wrong is said in the reader's language, naming the feature.
    const bad = { ...file, features: [...file.features, feature({ NAME_1: 'Point', ISO: 'X' }, { type: 'Point', coordinates: [0, 0] })] };
    const refused = await w.admin.request({ method: 'PUT', url: '/api/v1/led/boundaries', payload: { fileName: 'bad.geojson', geojson: JSON.stringify(bad) }, headers: { 'accept-language': 'fr' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ path: 'geojson', code: 'led.geojson_geometry', message: 'L\'entité 5 est un Point : chaque région doit être un Polygon ou un MultiPolygon.' });
    expect((await w.admin.put('/api/v1/led/boundaries', { fileName: 'x.json', geojson: '{"type":"Feature"' })).json().errors[0].code).toBe('led.geojson_not_json');
    // The stored file is still the first.
    expect(((await w.admin.get('/api/v1/led/boundaries')).json() as LedBoundaries).file?.fileName).toBe('ghana.geojson');

    // Another organisation does not see it; a viewer sees the map but cannot change it.
    const other = await createOrg(t.app, ghana);
    expect(((await other.admin.get('/api/v1/led/boundaries')).json() as LedBoundaries).file).toBeNull();
    const viewer = (await createPerson(t.app, w.orgId, 'viewer')).client;
    expect(((await viewer.get('/api/v1/led/boundaries')).json() as LedBoundaries).shapes).toHaveLength(4);
    expect((await viewer.delete('/api/v1/led/boundaries')).statusCode).toBe(403);
    // Audited on the file, by its name.
    const audit = (await w.admin.get('/api/v1/audit?entityType=led_boundary')).json();
    expect(audit.items.map((e: { action: string; entityName: string }) => [e.action, e.entityName])).toEqual([['led_boundary.property', 'ghana.geojson'], ['led_boundary.upload', 'ghana.geojson']]);
    expect(((await w.admin.delete('/api/v1/led/boundaries')).json() as LedBoundaries).file).toBeNull();
    expect((await w.admin.delete('/api/v1/led/boundaries')).json().code).toBe('led.boundaries_not_found');
  });
});
