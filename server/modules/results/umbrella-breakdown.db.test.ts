import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { PeopleBreakdown, UmbrellaDashboard, UmbrellaIndicator } from '../../../contracts/results-dashboard.js';
import type { LedRegionDetail } from '../../../contracts/led.js';
import type { CourseDetail } from '../../../contracts/training.js';
import { withSystem, withTenant } from '../../platform/db/tenancy.js';
import { useTestApp } from '../../test/app.js';
import { createOrg } from '../../test/factories.js';

const t = useTestApp();
const ghana = { country: 'GH', regions: ['GH-AA', 'GH-AH', 'GH-NP'] };
const YEARS = { startsOn: '2020-01-01', endsOn: `${new Date().getUTCFullYear() + 1}-12-31` };
const PEOPLE_CODES = ['led.people_trained', 'people.reached', 'led.new_jobs'] as const;
const TRAINERS = 'training.certified_trainers';
const CODES = [...PEOPLE_CODES, TRAINERS] as const;

type Client = Awaited<ReturnType<typeof createOrg>>['admin'];
type Who = { name: string; phone: string; sex: string; birthYear?: number | null; ageBand?: string | null };
type Report = { name: string; total: { n: number }; breakdowns: Record<string, { categories: Array<{ category: string; figure: { n: number } }>; overlap: number }> };
/** One person as counted apart: who they are and the day of their first record counted. */
type Row = { sex: string; birth_year: number | null; age_band: string | null; first_on: string };

/**
 * The age band rule written out again, apart from contracts/people.ts: the age reached in the
 * year of the first record from the birth year, else the band stated, else not stated.
 */
function bandApart(r: Row) {
  if (r.birth_year === null) return r.age_band ?? 'not_stated';
  const age = Number(r.first_on.slice(0, 4)) - r.birth_year;
  return age < 0 ? 'not_stated' : age < 15 ? 'under_15' : age < 25 ? '15_24' : age < 35 ? '25_34' : '35_plus';
}
function breakdownApart(rows: Row[]): { n: number; by: PeopleBreakdown } {
  const by: PeopleBreakdown = { sex: { female: 0, male: 0, not_stated: 0 }, ageBand: { under_15: 0, '15_24': 0, '25_34': 0, '35_plus': 0, not_stated: 0 } };
  for (const r of rows) {
    by.sex[r.sex as keyof PeopleBreakdown['sex']] += 1;
    by.ageBand[bandApart(r) as keyof PeopleBreakdown['ageBand']] += 1;
  }
  return { n: rows.length, by };
}
const sum = (parts: Record<string, number>) => Object.values(parts).reduce((s, n) => s + n, 0);

/**
 * Counted apart from the services, straight from the records: an organisation's people in one role
 * of participations (of LED, or any module; of the LED regions some branch runs, or all), each once
 * with the day of their first participation counted.
 */
async function peopleApart(orgId: string, role: string, source: string | null, branchId?: string | null) {
  return withSystem(t.database.db, async (tx) => breakdownApart((await tx.execute<Row>(sql`
    WITH firsts AS (
      SELECT p.person_id, min(p.occurred_on)::text AS first_on
        FROM person_participations p
        LEFT JOIN led_measures m ON p.source = 'led' AND m.org_id = p.org_id AND m.id = p.source_id
        LEFT JOIN led_regions g ON g.org_id = m.org_id AND g.id = m.region_id
       WHERE p.org_id = ${orgId} AND p.role = ${role} AND (${source}::text IS NULL OR p.source = ${source}::text)
         AND p.occurred_on BETWEEN ${YEARS.startsOn}::date AND ${YEARS.endsOn}::date
         AND (${branchId === undefined} OR g.branch_id IS NOT DISTINCT FROM ${branchId ?? null}::uuid)
       GROUP BY p.person_id)
    SELECT per.sex, per.birth_year, per.age_band, f.first_on FROM firsts f JOIN people per ON per.org_id = ${orgId} AND per.id = f.person_id`)).rows));
}

/** Counted apart: an organisation's trainers certified, merges followed here, each once with their first certification. */
async function trainersApart(orgId: string) {
  return withSystem(t.database.db, async (tx) => {
    const people = new Map((await tx.execute<Row & { id: string; into: string | null }>(sql`
      SELECT id, merged_into_id AS into, sex, birth_year, age_band, '' AS first_on FROM people WHERE org_id = ${orgId}`)).rows.map((r) => [r.id, r]));
    const first = new Map<string, string>();
    for (const c of (await tx.execute<{ person: string; day: string }>(sql`
      SELECT person_id AS person, certified_on::text AS day FROM training_certifications
       WHERE org_id = ${orgId} AND certified_on BETWEEN ${YEARS.startsOn}::date AND ${YEARS.endsOn}::date`)).rows) {
      const id = people.get(c.person)?.into ?? c.person;
      if (!first.has(id) || c.day < first.get(id)!) first.set(id, c.day);
    }
    return breakdownApart([...first].map(([id, on]) => ({ ...people.get(id)!, first_on: on })));
  });
}

/** An LED region of the signed-in organisation (run by `branchId`, or itself) with one measure; a way to record people on it. */
async function measureOf(admin: Client, name: string, code: string, branchId: string | null) {
  const region = (await admin.post('/api/v1/led/regions', { name, region: code, branchId })).json() as LedRegionDetail;
  const detail = (await admin.post(`/api/v1/led/regions/${region.id}/measures`, { title: `${name} bookkeeping`, budget: 0, startsOn: '2025-01-06', endsOn: '2025-12-31', status: 'done' })).json() as LedRegionDetail;
  const measureId = detail.measureList.find((m) => m.title === `${name} bookkeeping`)!.id;
  return async (role: 'participant' | 'new_job', who: Who) => {
    const res = await admin.post(`/api/v1/led/measures/${measureId}/people`, { role, person: { birthYear: null, ageBand: null, ...who } });
    expect(res.statusCode, res.body).toBe(200);
  };
}

/** The signed-in organisation's ToT; a way to certify a person on it, written as the training module stores it. */
async function totOf(admin: Client, orgId: string, title: string) {
  const res = await admin.post('/api/v1/training/courses', { title, kind: 'tot' });
  expect(res.statusCode, res.body).toBe(201);
  const courseId = (res.json() as CourseDetail).id;
  return (personId: string, on: string) => withSystem(t.database.db, (tx) => tx.execute(sql`
    INSERT INTO training_certifications (org_id, course_id, person_id, certified_on, teach_back, certified_by)
    VALUES (${orgId}, ${courseId}, ${personId}, ${on}::date, 'Taught a module to peers.', 'Test Admin')`));
}
async function personIn(admin: Client, who: Who) {
  const res = await admin.post('/api/v1/people-reached', { ...who, confirmedNew: true });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

/** A framework of the signed-in organisation with every indicator by sex and age band; its period's draft report by code. */
async function ownReport(admin: Client) {
  const f = (await admin.post('/api/v1/results/frameworks', { name: 'Programme' })).json() as { id: string };
  for (const code of CODES) {
    const res = await admin.post(`/api/v1/results/frameworks/${f.id}/indicators`, { library: code, name: code, level: 'output', kind: 'unique_people', dimensions: ['sex', 'age_band'] });
    expect(res.statusCode, res.body).toBe(201);
  }
  const period = await admin.post(`/api/v1/results/frameworks/${f.id}/periods`, { label: 'All years', ...YEARS });
  expect(period.statusCode, period.body).toBe(201);
  return (period.json() as { results: Report[] }).results;
}

/**
 * An umbrella with two branches. The umbrella runs Accra itself and places Kumasi with Ashanti and
 * Tamale with Northern; every sex, every age band, a band stated without a birth year and no age at
 * all occur, and someone crosses an age band between two records. Each branch keeps its own people,
 * and Ashanti certifies trainers (one recorded twice and merged, one certified in two years).
 */
async function federation() {
  const { admin, orgId } = await createOrg(t.app, ghana);
  const branch = async (name: string, region: string) =>
    (await admin.post('/api/v1/org/branches', { name, kind: 'chamber', country: 'GH', regions: [region], languages: ['en'], currency: 'GHS', shareMemberDataUpward: false })).json() as { id: string; name: string };
  const ashanti = await branch('Ashanti branch', 'GH-AH');
  const northern = await branch('Northern branch', 'GH-NP');
  const as = async (id: string) => expect((await admin.post('/api/v1/auth/switch-org', { orgId: id })).statusCode).toBe(200);

  const kumasi = await measureOf(admin, 'Kumasi', 'GH-AH', ashanti.id);
  const tamale = await measureOf(admin, 'Tamale', 'GH-NP', northern.id);
  const accra = await measureOf(admin, 'Accra', 'GH-AA', null);
  const ama = { name: 'Ama Mensah', phone: '0244000001', sex: 'female', birthYear: 1998 };
  await kumasi('participant', ama);
  await tamale('participant', ama);
  await kumasi('participant', { name: 'Kofi Boateng', phone: '0244000002', sex: 'male', birthYear: 2012 });
  await tamale('participant', { name: 'Kweku Addo', phone: '0244000003', sex: 'not_stated', ageBand: '35_plus' });
  await accra('participant', { name: 'Esi Owusu', phone: '0244000004', sex: 'female' });
  const yaw = { name: 'Yaw Darko', phone: '0244000005', sex: 'male', birthYear: 1960 };
  await accra('participant', yaw);
  await accra('new_job', yaw);
  await kumasi('new_job', ama);
  const umbrella = await framework(admin);

  await as(ashanti.id);
  const ashantiLed = await measureOf(admin, 'Obuasi', 'GH-AH', null);
  const abena = { name: 'Abena Ofori', phone: '0244000011', sex: 'female', birthYear: 2000 };
  await ashantiLed('participant', abena);
  await ashantiLed('new_job', abena);
  await ashantiLed('participant', { name: 'Kojo Mensah', phone: '0244000012', sex: 'male', ageBand: '15_24' });
  await ashantiLed('participant', { name: 'Adwoa Sarpong', phone: '0244000013', sex: 'not_stated', birthYear: 1980 });
  await ashantiLed('participant', { name: 'Akua Nyarko', phone: '0244000014', sex: 'female' });
  const certify = await totOf(admin, ashanti.id, 'ToT 1');
  const certifyAgain = await totOf(admin, ashanti.id, 'ToT 2');
  // Born 2011: 14 on the first certification (under 15), 15 on the second; counted once, under 15.
  const efua = await personIn(admin, { name: 'Efua Quaye', phone: '0244000015', sex: 'female', birthYear: 2011 });
  await certify(efua, '2025-03-10');
  await certifyAgain(efua, '2026-05-10');
  const kwesi = await personIn(admin, { name: 'Kwesi Appiah', phone: '0244000016', sex: 'male', birthYear: 1990 });
  const kwesiAgain = await personIn(admin, { name: 'Kwesi Appiah (again)', phone: '0244000017', sex: 'not_stated' });
  await certify(kwesiAgain, '2025-02-01');
  await certifyAgain(kwesi, '2026-02-01');
  expect((await admin.post(`/api/v1/people-reached/${kwesi}/merge`, { otherId: kwesiAgain })).statusCode).toBe(200);
  await certify(await personIn(admin, { name: 'Ato Forson', phone: '0244000018', sex: 'not_stated', ageBand: '25_34' }), '2026-01-15');
  const ashantiReport = await ownReport(admin);

  await as(northern.id);
  const northernLed = await measureOf(admin, 'Bolgatanga', 'GH-NP', null);
  await northernLed('participant', { name: 'Fatima Issah', phone: '0244000021', sex: 'female', birthYear: 1990 });
  await northernLed('participant', { name: 'Ibrahim Sule', phone: '0244000022', sex: 'male', birthYear: 2008 });
  const northernReport = await ownReport(admin);

  await as(orgId);
  return { admin, orgId, ashanti, northern, umbrella, reports: [ashantiReport, northernReport], as };
}

async function framework(admin: Client) {
  const f = (await admin.post('/api/v1/results/frameworks', { name: 'LED programme' })).json() as { id: string };
  for (const code of CODES) {
    expect((await admin.post(`/api/v1/results/frameworks/${f.id}/indicators`, { library: code, name: code, level: 'output', kind: 'unique_people', dimensions: [] })).statusCode).toBe(201);
  }
  const period = await admin.post(`/api/v1/results/frameworks/${f.id}/periods`, { label: 'All years', ...YEARS });
  expect(period.statusCode, period.body).toBe(201);
  return (period.json() as { id: string }).id;
}

/** Every cell's parts add up: female + male + not stated, and the age bands, each to the cell's figure. */
function expectAddsUp(n: number, by: PeopleBreakdown, what: string) {
  expect(sum(by.sex), `${what} by sex`).toBe(n);
  expect(sum(by.ageBand), `${what} by age band`).toBe(n);
}

describe("the umbrella's results dashboard by sex and by age band", () => {
  it('breaks every cell down as the organisation’s report does, each adding up, against the records counted apart', async () => {
    const w = await federation();
    const res = await w.admin.get('/api/v1/results/dashboard/branches');
    expect(res.statusCode, res.body).toBe(200);
    const period = (res.json() as UmbrellaDashboard).programmes[0]!.periods[0]!;
    expect(period.id).toBe(w.umbrella);
    const line = (code: string) => period.indicators.find((i) => i.library === code)!;
    const branchIds = [w.ashanti.id, w.northern.id];

    const checkLine = (code: string, l: UmbrellaIndicator) => {
      expectAddsUp(l.total, l.totalBy, `${code} total`);
      expectAddsUp(l.own, l.ownBy, `${code} own`);
      for (const b of l.branches) {
        expectAddsUp(b.people, b.peopleBy, `${code} placed with ${b.name}`);
        expectAddsUp(b.recorded!, b.recordedBy!, `${code} in ${b.name}'s records`);
      }
      expectAddsUp(l.together!, l.togetherBy!, `${code} together`);
    };
    for (const [code, role, source] of [['led.people_trained', 'participant', 'led'], ['people.reached', 'participant', null], ['led.new_jobs', 'new_job', 'led']] as const) {
      const l = line(code);
      checkLine(code, l);
      expect({ n: l.total, by: l.totalBy }, `${code} total`).toEqual(await peopleApart(w.orgId, role, source));
      expect({ n: l.own, by: l.ownBy }, `${code} own`).toEqual(await peopleApart(w.orgId, role, source, null));
      for (const b of l.branches) {
        expect({ n: b.people, by: b.peopleBy }, `${code} placed with ${b.name}`).toEqual(await peopleApart(w.orgId, role, source, b.id));
        expect({ n: b.recorded, by: b.recordedBy }, `${code} in ${b.name}'s records`).toEqual(await peopleApart(b.id, role, source));
      }
    }
    const trainers = line(TRAINERS);
    checkLine(TRAINERS, trainers);
    expect(trainers.branches.map((b) => ({ n: b.recorded, by: b.recordedBy }))).toEqual([await trainersApart(w.ashanti.id), await trainersApart(w.northern.id)]);

    // Hand-counted: Ama (female, 1998) counts once in the total and in each branch that placed her;
    // Kweku states no sex and only a band; Esi states no age.
    const trained = line('led.people_trained');
    expect([trained.total, trained.totalBy]).toEqual([5, { sex: { female: 2, male: 2, not_stated: 1 }, ageBand: { under_15: 1, '15_24': 0, '25_34': 1, '35_plus': 2, not_stated: 1 } }]);
    expect(trained.branches.map((b) => b.peopleBy.sex)).toEqual([{ female: 1, male: 1, not_stated: 0 }, { female: 1, male: 0, not_stated: 1 }]);
    expect(trained.together).toBe(5 + 4 + 2);
    expect(trained.togetherBy!.sex).toEqual({ female: 2 + 2 + 1, male: 2 + 1 + 1, not_stated: 1 + 1 + 0 });
    // Efua counts under 15 (her first certification), Kwesi as the record he became (male, 1990), Ato by his stated band.
    expect(trainers.branches[0]!.recordedBy).toEqual({ sex: { female: 1, male: 1, not_stated: 1 }, ageBand: { under_15: 1, '15_24': 0, '25_34': 1, '35_plus': 1, not_stated: 0 } });

    // A branch's cells are its own report's breakdowns, category by category.
    w.reports.forEach((report, k) => {
      for (const code of CODES) {
        const own = report.find((r) => r.name === code)!;
        const b = line(code).branches.find((x) => x.id === branchIds[k])!;
        const of = (d: string) => Object.fromEntries(own.breakdowns[d]!.categories.map((c) => [c.category, c.figure.n]));
        const nonZero = (parts: Record<string, number>) => Object.fromEntries(Object.entries(parts).filter(([, n]) => n > 0));
        expect([b.recorded, nonZero(b.recordedBy!.sex), nonZero(b.recordedBy!.ageBand)], `${code} in ${b.name}`).toEqual([own.total.n, nonZero(of('sex')), nonZero(of('age_band'))]);
      }
    });
  });

  it('gives the umbrella counts only, and a sibling, the umbrella itself or a stranger nothing', async () => {
    const w = await federation();
    const selections = JSON.stringify([{ roles: ['participant'] }]);
    const read = (reader: string, of: string, fn: 'people' | 'trainers') =>
      withTenant(t.database.db, { orgId: reader, role: 'admin', actor: { userId: null, name: 'test' }, locale: 'en' }, async (ctx) =>
        (await ctx.tx.execute<Record<string, unknown>>(fn === 'people'
          ? sql`SELECT * FROM branch_people_counted(${of}::uuid, ${YEARS.startsOn}::date, ${YEARS.endsOn}::date, ${selections}::jsonb)`
          : sql`SELECT * FROM branch_trainers_certified(${of}::uuid, ${YEARS.startsOn}::date, ${YEARS.endsOn}::date)`)).rows);
    // The umbrella reads its branch's cells (so the refusals below are not an empty count), counts of people alike and nobody's id.
    const people = await read(w.orgId, w.ashanti.id, 'people');
    expect(people.map((r) => Object.keys(r).sort())).toEqual(people.map(() => ['age_band', 'birth_year', 'participations', 'people', 'selection', 'sex', 'year']));
    expect(people.reduce((s, r) => s + Number(r.people), 0)).toBe(4);
    const trainers = await read(w.orgId, w.ashanti.id, 'trainers');
    expect(trainers.map((r) => Object.keys(r).sort())).toEqual(trainers.map(() => ['age_band', 'birth_year', 'certifications', 'people', 'sex', 'year']));
    expect(trainers.reduce((s, r) => s + Number(r.people), 0)).toBe(3);
    expect(trainers.reduce((s, r) => s + Number(r.certifications), 0)).toBe(5);
    // A branch reads neither its sibling nor its umbrella; a stranger no branch of the umbrella.
    const stranger = await createOrg(t.app, ghana);
    for (const fn of ['people', 'trainers'] as const) {
      expect(await read(w.northern.id, w.ashanti.id, fn), fn).toEqual([]);
      expect(await read(w.ashanti.id, w.orgId, fn), fn).toEqual([]);
      expect(await read(stranger.orgId, w.ashanti.id, fn), fn).toEqual([]);
    }
  });
});
