import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { UmbrellaDashboard } from '../../../contracts/results-dashboard.js';
import type { CourseDetail } from '../../../contracts/training.js';
import { withSystem, withTenant } from '../../platform/db/tenancy.js';
import { useTestApp } from '../../test/app.js';
import { createOrg } from '../../test/factories.js';

const t = useTestApp();
const YEARS = { startsOn: '2020-01-01', endsOn: `${new Date().getUTCFullYear() + 1}-12-31` };
const CODE = 'training.certified_trainers';

type Client = Awaited<ReturnType<typeof createOrg>>['admin'];
type Report = { name: string; total: { n: number }; breakdowns: Record<string, { categories: Array<{ category: string; figure: { n: number } }>; overlap: number }> };

/**
 * The signed-in organisation's ToT and a way to certify people on it. The certification is written
 * as the training module stores it: what is tested is how certifications are counted, and certifying
 * through the routes (sessions, attendance, completion) is training.db.test.ts's.
 */
async function totOf(admin: Client, orgId: string, title: string) {
  const res = await admin.post('/api/v1/training/courses', { title, kind: 'tot' });
  expect(res.statusCode, res.body).toBe(201);
  const courseId = (res.json() as CourseDetail).id;
  return (personId: string, on: string) => withSystem(t.database.db, (tx) => tx.execute(sql`
    INSERT INTO training_certifications (org_id, course_id, person_id, certified_on, teach_back, certified_by)
    VALUES (${orgId}, ${courseId}, ${personId}, ${on}::date, 'Taught a module to peers.', 'Test Admin')`));
}

async function personIn(admin: Client, who: { name: string; sex: string; birthYear: number; phone: string }) {
  const res = await admin.post('/api/v1/people-reached', { ...who, confirmedNew: true });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

/** The signed-in organisation's framework with the indicator by sex and age band, and its period's draft report of it. */
async function ownReport(admin: Client) {
  const f = (await admin.post('/api/v1/results/frameworks', { name: 'Trainers' })).json() as { id: string };
  const added = await admin.post(`/api/v1/results/frameworks/${f.id}/indicators`, { library: CODE, name: CODE, level: 'output', kind: 'unique_people', dimensions: ['sex', 'age_band'] });
  expect(added.statusCode, added.body).toBe(201);
  const period = await admin.post(`/api/v1/results/frameworks/${f.id}/periods`, { label: 'All years', ...YEARS });
  expect(period.statusCode, period.body).toBe(201);
  return (period.json() as { results: Report[] }).results.find((r) => r.name === CODE)!;
}

/** Counted apart from the services: an organisation's certifications of the period read raw, merges followed here, each person once. */
async function certifiedApart(orgId: string) {
  return withSystem(t.database.db, async (tx) => {
    const mergedInto = new Map((await tx.execute<{ id: string; into: string | null }>(sql`SELECT id, merged_into_id AS into FROM people WHERE org_id = ${orgId}`)).rows.map((r) => [r.id, r.into]));
    const rows = (await tx.execute<{ person: string }>(sql`
      SELECT person_id AS person FROM training_certifications WHERE org_id = ${orgId} AND certified_on BETWEEN ${YEARS.startsOn}::date AND ${YEARS.endsOn}::date`)).rows;
    return new Set(rows.map((r) => mergedInto.get(r.person) ?? r.person)).size;
  });
}

describe("trainers certified on the umbrella's dashboard over its branches", () => {
  it("counts each branch's trainers once, as the branch's own report does, and adds them up with the umbrella's", async () => {
    const { admin, orgId } = await createOrg(t.app, { country: 'GH', regions: ['GH-AA', 'GH-AH', 'GH-NP'] });
    const branch = async (name: string, region: string) => {
      const res = await admin.post('/api/v1/org/branches', { name, kind: 'chamber', country: 'GH', regions: [region], languages: ['en'], currency: 'GHS', shareMemberDataUpward: false });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { id: string }).id;
    };
    const ashanti = await branch('Ashanti branch', 'GH-AH');
    const northern = await branch('Northern branch', 'GH-NP');
    const as = async (id: string) => expect((await admin.post('/api/v1/auth/switch-org', { orgId: id })).statusCode).toBe(200);
    const kwame = { name: 'Kwame Asante', sex: 'male', birthYear: 1990, phone: '0244000011' };

    // The umbrella's framework first: it counts its own trainers and reads the branches'.
    const f = (await admin.post('/api/v1/results/frameworks', { name: 'Training of trainers' })).json() as { id: string };
    expect((await admin.post(`/api/v1/results/frameworks/${f.id}/indicators`, { library: CODE, name: CODE, level: 'output', kind: 'unique_people', dimensions: [] })).statusCode).toBe(201);
    expect((await admin.post(`/api/v1/results/frameworks/${f.id}/periods`, { label: 'All years', ...YEARS })).statusCode).toBe(201);
    // The umbrella certifies Kwame itself.
    await (await totOf(admin, orgId, 'National ToT'))(await personIn(admin, kwame), '2026-07-01');

    // Ashanti certifies Kwame on two ToTs (once), Ama, and Kojo recorded twice then merged (once).
    await as(ashanti);
    const first = await totOf(admin, ashanti, 'Ashanti ToT 1');
    const second = await totOf(admin, ashanti, 'Ashanti ToT 2');
    const kwameInAshanti = await personIn(admin, kwame);
    await first(kwameInAshanti, '2026-03-10');
    await second(kwameInAshanti, '2026-05-10');
    await first(await personIn(admin, { name: 'Ama Mensah', sex: 'female', birthYear: 2001, phone: '0244000012' }), '2026-04-01');
    const kojo = await personIn(admin, { name: 'Kojo Boateng', sex: 'male', birthYear: 1996, phone: '0244000013' });
    const kojoAgain = await personIn(admin, { name: 'Kojo Boateng (again)', sex: 'male', birthYear: 1996, phone: '0244000014' });
    await first(kojo, '2026-03-10');
    await second(kojoAgain, '2026-05-10');
    expect((await admin.post(`/api/v1/people-reached/${kojo}/merge`, { otherId: kojoAgain })).statusCode).toBe(200);
    const ashantiOwn = await ownReport(admin);

    // Northern certifies Kwame (its own record of him: nobody is linked across organisations) and Esi; one before the period.
    await as(northern);
    const northernTot = await totOf(admin, northern, 'Northern ToT');
    await northernTot(await personIn(admin, kwame), '2026-06-01');
    await northernTot(await personIn(admin, { name: 'Esi Owusu', sex: 'female', birthYear: 1985, phone: '0244000015' }), '2026-02-01');
    await northernTot(await personIn(admin, { name: 'Yaw Darko', sex: 'male', birthYear: 1980, phone: '0244000016' }), '2019-05-05');
    const northernOwn = await ownReport(admin);

    await as(orgId);
    const res = await admin.get('/api/v1/results/dashboard/branches');
    expect(res.statusCode, res.body).toBe(200);
    const line = (res.json() as UmbrellaDashboard).programmes[0]!.periods[0]!.indicators.find((i) => i.library === CODE)!;
    const recorded = line.branches.map((b) => b.recorded);

    // Hand-counted: Kwame, Ama and Kojo in Ashanti; Kwame and Esi in Northern; Kwame in the umbrella's own records.
    expect([line.total, ...recorded, line.together]).toEqual([1, 3, 2, 6]);
    // Against the certifications counted apart, organisation by organisation.
    const apart = [await certifiedApart(orgId), await certifiedApart(ashanti), await certifiedApart(northern)];
    expect([line.total, ...recorded]).toEqual(apart);
    expect(line.together).toBe(apart.reduce((s, n) => s + n, 0));

    // Each branch's cell is its own report's figure, whose breakdowns add up to it: female and male, and the age bands.
    for (const [report, n] of [[ashantiOwn, recorded[0]], [northernOwn, recorded[1]]] as const) {
      expect(report.total.n).toBe(n);
      const of = (d: string, category: string) => report.breakdowns[d]!.categories.find((c) => c.category === category)?.figure.n ?? 0;
      expect(of('sex', 'female') + of('sex', 'male')).toBe(report.total.n);
      expect(report.breakdowns.age_band!.categories.reduce((s, c) => s + c.figure.n, 0)).toBe(report.total.n);
      expect([report.breakdowns.sex!.overlap, report.breakdowns.age_band!.overlap]).toEqual([0, 0]);
    }
    // Ashanti: Ama 25 (25–34) and Kojo 30 (25–34) on their first certification, Kwame 36 (35+).
    expect(ashantiOwn.breakdowns.age_band!.categories.map((c) => [c.category, c.figure.n])).toEqual([['25_34', 2], ['35_plus', 1]]);

    // A branch reads none of its sibling's or umbrella's trainers through the count.
    const count = (reader: string, of: string) => withTenant(t.database.db, { orgId: reader, role: 'admin', actor: { userId: null, name: 'test' }, locale: 'en' }, async (ctx) =>
      (await ctx.tx.execute(sql`SELECT * FROM branch_trainers_certified(${of}::uuid, ${YEARS.startsOn}::date, ${YEARS.endsOn}::date)`)).rows);
    // The umbrella reads its branch's counts by cell (so the refusals below are not an empty count)…
    expect((await count(orgId, northern)).sort((a, b) => String(a.sex).localeCompare(String(b.sex)))).toEqual([
      { sex: 'female', birth_year: 1985, age_band: null, year: 2026, people: 1, certifications: 1 },
      { sex: 'male', birth_year: 1990, age_band: null, year: 2026, people: 1, certifications: 1 },
    ]);
    // …a branch reads neither its sibling nor its umbrella.
    expect(await count(ashanti, northern)).toEqual([]);
    expect(await count(ashanti, orgId)).toEqual([]);
  });
});
