import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventQuery, type EventSummary } from '../../contracts/events.js';
import { withinOneYear } from '../../contracts/led.js';
import type { Dimension, IndicatorResult } from '../../contracts/results.js';
import { listEvents } from '../modules/events/event-service.js';
import { listRegistrations } from '../modules/events/registration-service.js';
import { memberHome } from '../modules/home/home-service.js';
import { getMatrix } from '../modules/led/analysis-service.js';
import { getRegion, listRegions } from '../modules/led/region-service.js';
import { getMeasureDetail } from '../modules/led/implementation-service.js';
import { ledRollup, rollupMeasures } from '../modules/led/rollup-service.js';
import { umbrellaRollup } from '../modules/led/umbrella-rollup-service.js';
import { aggregate } from '../modules/results/engine/aggregate.js';
import { libraryIndicator, Reads } from '../modules/results/library.js';
import { participantsOf } from '../modules/people/participation-service.js';
import { getEvaluation } from '../modules/training/evaluation-service.js';
import { getCourse, listCourses } from '../modules/training/course-service.js';
import { peopleTrainedBetween } from '../modules/training/figures-service.js';
import { getLineage } from '../modules/training/lineage-service.js';
import { DirectoryQuery, INTRODUCTION_STATES, IntroductionQuery, OFFER_STATES, OfferQuery, isHsCode, type Introduction, type Offer } from '../../contracts/networking.js';
import { getMine, getOverview } from '../modules/b2b/b2b-service.js';
import { ownFirm } from '../modules/members/portal-service.js';
import { dealsBetween, introductionsBetween } from '../modules/networking/figures-service.js';
import { introductionsOf, listIntroductionPage } from '../modules/networking/introduction-service.js';
import { interestsWhere, listOfferPage } from '../modules/networking/offer-service.js';
import { publicDirectoryPage } from '../modules/networking/directory-search-service.js';
import { getProfile, listProfilePage } from '../modules/networking/profile-service.js';
import { ProductQuery } from '../../contracts/networking-showcase.js';
import { EnquiryQuery, InfoEntryQuery } from '../../contracts/networking-info.js';
import { listEnquiryPage } from '../modules/networking/enquiry-service.js';
import { listInfoEntryPage } from '../modules/networking/info-entry-service.js';
import { listProductPage, publishedProducts } from '../modules/networking/showcase-service.js';
import { donorReport } from '../modules/results/donor-report.js';
import { donorReportXlsx } from '../modules/results/donor-report-xlsx.js';
import { frameworkPage, getFramework } from '../modules/results/framework-service.js';
import { iatiActivity, iatiFile } from '../modules/results/iati-service.js';
import { periodReport } from '../modules/results/period-service.js';
import { frameworkShares, orgDashboard } from '../modules/results/donor-service.js';
import { getCurrentOrg } from '../modules/orgs/org-service.js';
import { translator } from '../platform/i18n/i18n.js';
import { orgClock } from '../platform/org-clock.js';
import { clockFormat } from '../platform/time.js';
import { clock } from '../platform/clock.js';
import type { Database } from '../platform/db/database.js';
import { withTenant, type TenantCtx } from '../platform/db/tenancy.js';
import { createTestDatabase } from '../test/database.js';
import { DEMO_PEOPLE, seedDemoIfEmpty } from './seed-demo.js';
import { DEMO_DONOR, DEMO_DONOR_PERSON } from './seed-donor.js';

let database: Database;
let orgId = '';

beforeAll(async () => {
  database = await createTestDatabase();
  const started = performance.now();
  const seeded = await seedDemoIfEmpty(database.db);
  // The demo runs on a first start: how long it takes is printed, to be watched.
  console.log(`demo seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  orgId = seeded!.orgId;
}, 300_000);
afterAll(async () => database?.close());

/** Rows of a query on the tables themselves, as the owner: the counts the services' answers are checked against. */
async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return (await database.db.execute(query)).rows as T[];
}

const asStaff = <T>(work: (ctx: TenantCtx) => Promise<T>) => withTenant(database.db, { orgId, role: 'staff', actor: { userId: null, name: 'test' }, locale: 'en' }, work);

async function demoEvents() {
  const { items } = await asStaff((ctx) => listEvents(ctx, EventQuery.parse({ limit: 200 })));
  const byKind = (kind: EventSummary['kind']) => items.filter((e) => e.kind === kind);
  return { items, workshop: byKind('workshop')[0]!, evening: byKind('networking_evening')[0]!, b2b: byKind('b2b_day')[0]!, sessions: byKind('training_session') };
}

interface RegRow { event_id: string; status: string; attended: boolean; person_id: string | null; invoice_status: string | null; issued_on: string | null; paid_on: string | null; starts_on: string }
const registrationRows = (eventIds: string[]) => rows<RegRow>(sql`
  SELECT r.event_id, r.status, r.attended_at IS NOT NULL AS attended, r.person_id, i.status AS invoice_status, i.issued_on::text AS issued_on,
         (SELECT min(p.paid_on)::text FROM payments p WHERE p.invoice_id = i.id) AS paid_on, (e.starts_at AT TIME ZONE 'UTC')::date::text AS starts_on
    FROM event_registrations r JOIN events e ON e.id = r.event_id LEFT JOIN invoices i ON i.id = r.invoice_id
   WHERE r.org_id = ${orgId} AND r.event_id IN (${sql.join(eventIds.map((id) => sql`${id}::uuid`), sql`, `)})`);

describe('the demo world', () => {
  it('is made once, on an empty database', async () => {
    expect(orgId).toBeTruthy();
    expect(await seedDemoIfEmpty(database.db)).toBeNull();
  });

  it('tells its chapters in order: the audit log read by its sequence never goes back in time', async () => {
    const [{ total }] = await rows<{ total: number }>(sql`SELECT count(*)::int AS total FROM audit_log`) as [{ total: number }];
    expect(total).toBeGreaterThan(1000);
    // Each entry that goes back, with the one before it: the chapter that overlaps another is named.
    expect(await rows(sql`
      SELECT id, action, prev FROM (SELECT id, action, at, lag(at) OVER (ORDER BY id) AS before, lag(action) OVER (ORDER BY id) AS prev FROM audit_log) s
       WHERE at < before`)).toEqual([]);
  });

  it('holds two past events and one to come, their registrations as the tables hold them, paid, cancelled, waiting and present', async () => {
    const { items, workshop, evening, b2b } = await demoEvents();
    const today = clock.now().toISOString();
    expect(workshop.endsAt < today && evening.endsAt < today && b2b.startsAt > today).toBe(true);
    expect(items.every((e) => e.state === 'published')).toBe(true);

    for (const event of [workshop, evening, b2b]) {
      const listed = await asStaff((ctx) => listRegistrations(ctx, event.id));
      const table = await registrationRows([event.id]);
      const count = (status: string) => table.filter((r) => r.status === status).length;
      // The service shows what the table holds, and the event's counts agree.
      for (const status of ['registered', 'waiting', 'cancelled']) expect(listed.filter((r) => r.status === status).length, `${event.title} ${status}`).toBe(count(status));
      expect(listed.filter((r) => r.attendedAt).length).toBe(table.filter((r) => r.attended).length);
      expect([event.registered, event.waiting, event.attended]).toEqual([count('registered'), count('waiting'), table.filter((r) => r.attended).length]);
      // Only seats are ticked present, and each person ticked is a person reached.
      expect(table.filter((r) => r.attended && (r.status !== 'registered' || !r.person_id))).toEqual([]);
      // Tickets were invoiced before the day and paid after they were invoiced; cancelled unpaid ones are void.
      for (const r of table.filter((x) => x.issued_on)) {
        expect(r.issued_on! <= r.starts_on).toBe(true);
        if (r.paid_on) expect(r.paid_on >= r.issued_on!).toBe(true);
      }
      expect(table.filter((r) => r.status === 'cancelled' && r.invoice_status && r.invoice_status !== 'void')).toEqual([]);
    }

    const past = await registrationRows([workshop.id, evening.id]);
    expect(past.filter((r) => r.status === 'cancelled')).toHaveLength(4);
    expect(past.filter((r) => r.invoice_status === 'paid').length).toBeGreaterThan(20);
    expect(past.filter((r) => r.invoice_status === 'open').length).toBeGreaterThan(0);
    expect(past.filter((r) => r.attended).length).toBeGreaterThan(25);
    // One still waited for the evening's terrace on the night; the others got the seats given back.
    expect(evening.registered).toBe(evening.capacity);
    expect(evening.waiting).toBe(1);
    // The event to come is full, with a waiting list, and nobody is ticked yet.
    expect(b2b.registered).toBe(b2b.capacity);
    expect(b2b.waiting).toBe(3);
    expect(b2b.attended).toBe(0);
  });

  it('counts everyone ticked present at an event as a person reached, once per event', async () => {
    const { workshop, evening, sessions } = await demoEvents();
    const ids = [workshop.id, evening.id, ...sessions.map((s) => s.id)];
    const table = await registrationRows(ids);
    const ticked = new Set(table.filter((r) => r.attended).map((r) => `${r.event_id} ${r.person_id}`));
    const reached = await asStaff((ctx) => participantsOf(ctx, { source: 'events', sourceIds: ids, roles: ['participant'] }));
    expect(new Set(reached.map((p) => `${p.sourceId} ${p.personId}`))).toEqual(ticked);
    expect(ticked.size).toBeGreaterThan(50);
    // Ticked at the door: the audit log has each tick while its event ran, and only ticks of the events ticked.
    const ticks = await rows<{ event_id: string; during: boolean }>(sql`
      SELECT e.id AS event_id, a.at BETWEEN e.starts_at AND e.ends_at AS during
        FROM audit_log a JOIN events e ON e.org_id = a.org_id AND e.id = (a.after->>'eventId')::uuid
       WHERE a.org_id = ${orgId} AND a.action = 'event_registration.check_in'`);
    expect(ticks).toHaveLength(table.filter((r) => r.attended).length);
    expect(ticks.filter((t) => !t.during)).toEqual([]);
  });

  it('registers the member persona for the event to come, and her home shows the ticket she owes', async () => {
    const persona = DEMO_PEOPLE.find((p) => p.role === 'member')!;
    const [user] = await rows<{ id: string }>(sql`SELECT id FROM users WHERE email = ${persona.email}`);
    const { b2b } = await demoEvents();
    const theirs = await withTenant(database.db, { orgId, role: 'member', actor: { userId: user!.id, name: persona.name }, locale: 'en' }, async (ctx) => ({
      registrations: await listRegistrations(ctx, b2b.id),
      home: await memberHome(ctx),
    }));
    expect(theirs.registrations.map((r) => [r.name, r.status])).toEqual(expect.arrayContaining([[persona.name, 'registered'], ['Kwaku Sarfo', 'registered']]));
    expect(theirs.registrations.every((r) => r.member?.id === theirs.home.firm.id)).toBe(true);
    const ticket = theirs.registrations.find((r) => r.name === persona.name)!;
    expect(theirs.home.invoicesDue).toEqual(expect.arrayContaining([expect.objectContaining({ id: ticket.invoiceId, amount: ticket.fee, periodStart: b2b.startsAt.slice(0, 10) })]));
  });

  it('trains people in two courses whose sessions are events, and certifies one trainer of the ToT, who ran the second course', async () => {
    const now = clock.now();
    const { courses, details, lineage } = await asStaff(async (ctx) => {
      const courses = await listCourses(ctx, now);
      const details = [];
      for (const c of courses) details.push(await getCourse(ctx, c.id, now));
      return { courses, details, lineage: await getLineage(ctx) };
    });
    expect(courses.map((c) => c.kind).sort()).toEqual(['course', 'tot']);
    const tot = details.find((c) => c.kind === 'tot')!;
    const weavers = details.find((c) => c.kind === 'course')!;
    for (const course of details) {
      expect(course.modules.length).toBeGreaterThanOrEqual(3);
      expect(course.sessionList).toHaveLength(3);
      expect(course.sessionList.every((s) => s.state === 'published' && s.endsAt < now.toISOString() && s.attended > 0)).toBe(true);
      // Who attended how many sessions, from the table, against the course's rule.
      const table = await registrationRows(course.sessionList.map((s) => s.id));
      const attended = new Map<string, number>();
      for (const r of table.filter((x) => x.attended)) attended.set(r.person_id!, (attended.get(r.person_id!) ?? 0) + 1);
      expect(new Map(course.participants.map((p) => [p.personId, p.attended]))).toEqual(attended);
      // The weavers' course also asks a post-test score of 50 (its evaluation), read from the answers' table.
      const postScores = new Map((await rows<{ person_id: string; score: number }>(sql`SELECT person_id, score FROM training_evaluation_answers WHERE org_id = ${orgId} AND course_id = ${course.id} AND kind = 'post'`)).map((r) => [r.person_id, Number(r.score)]));
      const meetsScore = (personId: string) => course.kind !== 'course' || (postScores.get(personId) ?? -1) >= 50;
      const completed = [...attended].filter(([personId, n]) => n * 100 >= course.completionShare * 3 && meetsScore(personId)).length;
      expect(course.participants.filter((p) => p.completed)).toHaveLength(completed);
      expect(completed).toBeGreaterThan(0);
      expect(completed).toBeLessThan(attended.size);
    }
    expect(weavers.participants.map((p) => p.name)).toContain('Abena Owusu');
    // Its evaluation: the knowledge gain is the mean of post − pre over those with both tests, as the table holds them.
    const evaluation = await asStaff((ctx) => getEvaluation(ctx, weavers.id, now));
    const [both] = await rows<{ n: number; gain: number }>(sql`
      SELECT count(*)::int AS n, avg(post.score - pre.score)::float8 AS gain FROM training_evaluation_answers pre
      JOIN training_evaluation_answers post ON post.org_id = pre.org_id AND post.course_id = pre.course_id AND post.person_id = pre.person_id AND post.kind = 'post'
      WHERE pre.org_id = ${orgId} AND pre.course_id = ${weavers.id} AND pre.kind = 'pre'`);
    expect(both!.n).toBe(6);
    expect(evaluation.gain.withBoth).toBe(both!.n);
    expect(evaluation.gain.meanGain).toBeCloseTo(both!.gain, 9);
    expect(evaluation.satisfaction.responses).toBe(5);

    const [{ n: certified }] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM training_certifications WHERE org_id = ${orgId}`) as [{ n: number }];
    expect(certified).toBe(1);
    const grace = tot.participants.find((p) => p.certification)!;
    expect(grace.completed).toBe(true);
    expect(weavers.trainers).toEqual([expect.objectContaining({ personId: grace.personId, certified: true })]);
    const master = tot.trainers[0]!;
    const node = lineage.trainers.find((t) => t.personId === grace.personId)!;
    expect(node).toMatchObject({ generation: 1, trainedBy: [master.personId], reach: weavers.participants.length });
    expect(lineage.trainers.find((t) => t.personId === master.personId)).toMatchObject({ generation: 0, reach: tot.participants.length });

    // People trained, as results count them: each participant once across both courses.
    const trained = await asStaff((ctx) => peopleTrainedBetween(ctx, '2000-01-01', now.toISOString().slice(0, 10)));
    expect(new Set(trained.map((p) => p.personId))).toEqual(new Set([...tot.participants, ...weavers.participants].map((p) => p.personId)));
  });

  it('runs LED in the Ashanti region: a team, sourced figures, this year\'s matrix, bottlenecks and measures within a year', async () => {
    const year = clock.now().getUTCFullYear();
    const { regions, region, matrix } = await asStaff(async (ctx) => {
      const { items: regions } = await listRegions(ctx, { sort: 'name', limit: 50 });
      return { regions, region: await getRegion(ctx, regions[0]!.id), matrix: await getMatrix(ctx, regions[0]!.id, year) };
    });
    expect(regions.map((r) => [r.region, r.branchName])).toEqual([['GH-AH', 'Ashanti Regional Chamber'], ['GH-NP', null]]);
    // Ashanti is on the chamber's public LED page; Northern, just begun, is not.
    expect(regions.map((r) => r.published)).toEqual([true, false]);
    const count = async (table: string, extra = sql``) => (await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE region_id = ${region.id} ${extra}`))[0]!.n;

    expect(region.team).toHaveLength(await count('led_team_members'));
    expect(new Set(region.team.map((m) => m.body))).toEqual(new Set(['team', 'committee']));
    expect(new Set(region.team.map((m) => m.sector))).toEqual(new Set(['private', 'public', 'semi_public']));
    expect(region.team.find((m) => m.name === 'Abena Owusu')?.firmName).toMatch(/^Bonwire Kente Weavers/);
    expect(region.keyFigures).toHaveLength(await count('led_key_figures'));
    expect(region.keyFigures.every((f) => f.source.trim() && f.year >= 1900 && f.year <= year)).toBe(true);

    expect(matrix.year).toBe(year);
    expect(matrix.years).toEqual([year, year - 1]);
    expect(matrix.items).toHaveLength(await count('led_assessments', sql`AND year = ${year}`));
    expect(matrix.summary!.strengths + matrix.summary!.weaknesses).toBe(matrix.items.length);

    expect(region.bottleneckList.length).toBeGreaterThanOrEqual(3);
    expect(region.bottleneckList.length).toBeLessThanOrEqual(4);
    expect(region.bottleneckList).toHaveLength(await count('led_bottlenecks'));
    expect(region.measureList.length).toBeGreaterThanOrEqual(2);
    expect(region.measureList.length).toBeLessThanOrEqual(4);
    expect(region.measureList).toHaveLength(await count('led_measures'));
    expect(region.measureList.every((m) => withinOneYear(m.startsOn, m.endsOn))).toBe(true);
    const linked = region.measureList.filter((m) => m.bottleneckId);
    expect(linked.length).toBeGreaterThan(0);
    expect(region.bottleneckList.reduce((n, b) => n + b.measures, 0)).toBe(linked.length);
    // A measure's status says where it stands today.
    const today = clock.now().toISOString().slice(0, 10);
    // The branch's pilot ended and is still effective at its follow-ups (seed-led-results.ts).
    for (const m of region.measureList) expect(m.status).toBe(m.endsOn < today ? 'effective' : m.startsOn > today ? 'planned' : 'running');
  });

  it('counts LED results from people recorded on measures: the pilot followed up at 12 months, people once across measures', async () => {
    const { rollup, pilot, trained } = await asStaff(async (ctx) => {
      const rollup = await ledRollup(ctx);
      const ashanti = rollup.regions.find((r) => r.region === 'GH-AH')!;
      const measures = await rollupMeasures(ctx, { regionId: ashanti.id });
      const pilot = await getMeasureDetail(ctx, measures.items.find((m) => m.title.includes('(pilot)'))!.id);
      const known = libraryIndicator('led.people_trained')!;
      const trained = aggregate(known.kind, await known.observe(ctx, { startsOn: '2000-01-01', endsOn: clock.now().toISOString().slice(0, 10) }, new Reads()), []).total;
      return { rollup, pilot, trained };
    });
    // The pilot: closed with its evaluation, its 12-month follow-up answered still effective.
    expect(pilot.status).toBe('effective');
    expect(pilot.closingEvaluation).not.toBe('');
    expect(pilot.followUps.find((f) => f.months === 12)).toMatchObject({ stillEffective: true });
    // The roll-up against the participation records counted apart.
    const apart = await rows<{ role: string; people: number; per_measure: number }>(sql`
      SELECT role, count(DISTINCT person_id)::int AS people, count(DISTINCT (source_id, person_id))::int AS per_measure
        FROM person_participations WHERE org_id = ${orgId} AND source = 'led' GROUP BY role`);
    const of = (role: string) => apart.find((a) => a.role === role) ?? { people: 0, per_measure: 0 };
    for (const role of ['participant', 'new_job', 'higher_income'] as const) {
      expect(rollup.total.people[role].people, role).toBe(of(role).people);
      expect(rollup.total.people[role].sum, role).toBe(of(role).per_measure);
      expect(rollup.total.people[role].people, role).toBeGreaterThan(0);
    }
    // Two of the trail's guides were coached in the pilot: counted once, the simple sum counts them twice.
    expect(rollup.total.people.participant.sum - rollup.total.people.participant.people).toBe(2);
    expect(rollup.total.effective).toEqual({ num: 1, den: 1 });
    // Results count the same people.
    expect('n' in trained && trained.n).toBe(rollup.total.people.participant.people);
  });

  it('shows the Greater Accra branch\'s own LED across the branches: its region, people once and the share still effective', async () => {
    const rollup = await asStaff((ctx) => umbrellaRollup(ctx));
    expect(rollup.branches.map((b) => [b.name, b.sharesUpward])).toEqual([
      ['Ashanti Regional Chamber', true], ['Greater Accra Regional Chamber', true], ['Northern Regional Chamber', false],
    ]);
    const accra = rollup.branches.find((b) => b.name === 'Greater Accra Regional Chamber')!;
    expect(accra.regions!.map((r) => [r.name, r.measures, r.effective])).toEqual([['Tema and Ashaiman', 3, { num: 1, den: 2 }]]);
    // The branch's figures against its own participation records, counted apart.
    const apart = await rows<{ role: string; people: number; per_measure: number }>(sql`
      SELECT role, count(DISTINCT person_id)::int AS people, count(DISTINCT (source_id, person_id))::int AS per_measure
        FROM person_participations WHERE org_id = ${accra.id} AND source = 'led' GROUP BY role`);
    for (const role of ['participant', 'new_job', 'higher_income'] as const) {
      const of = apart.find((a) => a.role === role)!;
      expect([accra.total.people[role].people, accra.total.people[role].sum], role).toEqual([of.people, of.per_measure]);
    }
    // Two fish smokers went to the export clinic too: counted once, the simple sum counts them twice.
    expect(accra.total.people.participant).toMatchObject({ people: 11, sum: 13, inSeveralMeasures: 2 });
    // The totals are the branches' added up; the share is pooled over their measures.
    const sum = (f: (b: (typeof rollup.branches)[number]) => number) => rollup.branches.reduce((n, b) => n + f(b), 0);
    expect(rollup.total.measures).toBe(sum((b) => b.total.measures));
    expect(rollup.total.effective).toEqual({ num: sum((b) => b.total.effective.num), den: sum((b) => b.total.effective.den) });
    expect(rollup.total.effective).toEqual({ num: 1, den: 2 });
  });

  it('reports the donor programme: year 1 approved as counted from the demo\'s records, year 2 counted live', async () => {
    const today = clock.now().toISOString().slice(0, 10);
    const { frameworks, framework, year1, year2, org, iati, iatiXml } = await asStaff(async (ctx) => {
      const { items: frameworks, nextCursor } = await frameworkPage(ctx, { sort: 'name', limit: 50 });
      expect(nextCursor).toBeNull();
      const framework = await getFramework(ctx, frameworks[0]!.id);
      const [year1, year2] = [await periodReport(ctx, framework.periods[0]!.id), await periodReport(ctx, framework.periods[1]!.id)];
      // The IATI file is offered only once it validates against the IATI schema (iatiFile throws otherwise).
      const iati = await iatiActivity(ctx, framework.id, `${today}T00:00:00Z`);
      return { frameworks, framework, year1, year2, org: await getCurrentOrg(ctx), iati, iatiXml: await iatiFile(ctx, framework.id) };
    });
    expect(frameworks).toEqual([expect.objectContaining({ name: expect.stringMatching(/^BMO strengthening programme, Ghana \d{4}–\d{4}$/), indicators: 10, periods: 2 })]);
    expect(framework.periods.map((p) => p.state)).toEqual(['approved', 'draft']);
    expect(year1.endsOn < today && year2.startsOn <= today && today <= year2.endsOn).toBe(true);
    // Approved by the director, as counted: nothing changed since, and the checksum holds.
    expect(year1.approved).toMatchObject({ by: 'Ama Mensah', intact: true });
    expect(year1.corrections).toEqual([]);
    const line = (report: typeof year1, code: string | null) => {
      const indicator = framework.indicators.find((i) => i.library === code)!;
      return report.results.find((r) => r.indicatorId === indicator.id)!;
    };
    const parts = (report: typeof year1, code: string, dimension: Dimension) =>
      (line(report, code).breakdowns as IndicatorResult['breakdowns'])[dimension]!.categories.map((c) => [c.category, c.figure]);

    // Independent counts of year 1's records, from the tables.
    const days = (column: ReturnType<typeof sql>, period: { startsOn: string; endsOn: string }) => sql`${column} BETWEEN ${period.startsOn}::date AND ${period.endsOn}::date`;
    const trainedBySex = await rows<{ sex: string; n: number }>(sql`
      SELECT p.sex, count(DISTINCT pp.person_id)::int AS n FROM person_participations pp JOIN people p ON p.org_id = pp.org_id AND p.id = pp.person_id
       WHERE pp.org_id = ${orgId} AND pp.source = 'training' AND pp.role = 'participant' AND ${days(sql`pp.occurred_on`, year1)} GROUP BY p.sex ORDER BY p.sex`);
    const [{ n: trained }] = await rows<{ n: number }>(sql`
      SELECT count(DISTINCT person_id)::int AS n FROM person_participations WHERE org_id = ${orgId} AND source = 'training' AND role = 'participant' AND ${days(sql`occurred_on`, year1)}`) as [{ n: number }];
    const [{ n: reached }] = await rows<{ n: number }>(sql`
      SELECT count(DISTINCT person_id)::int AS n FROM person_participations WHERE org_id = ${orgId} AND role = 'participant' AND ${days(sql`occurred_on`, year1)}`) as [{ n: number }];
    const activeBySize = await rows<{ size: string | null; n: number }>(sql`
      SELECT m.size_class AS size, count(*)::int AS n FROM members m
       WHERE m.org_id = ${orgId} AND (SELECT h.to_status FROM membership_status_history h WHERE h.org_id = m.org_id AND h.member_id = m.id AND (h.changed_at AT TIME ZONE 'Africa/Accra')::date <= ${year1.endsOn}::date ORDER BY h.seq DESC LIMIT 1) = 'active'
       GROUP BY m.size_class ORDER BY m.size_class NULLS LAST`);
    const active = activeBySize.reduce((s, r) => s + r.n, 0);
    const [{ n: certified }] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM training_certifications WHERE org_id = ${orgId} AND ${days(sql`certified_on`, year1)}`) as [{ n: number }];
    const reforms = async (period: { startsOn: string; endsOn: string }) => (await rows<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM advocacy_issues WHERE org_id = ${orgId} AND outcome IN ('adopted', 'implemented') AND ${days(sql`(outcome_at AT TIME ZONE 'Africa/Accra')::date`, period)}`))[0]!.n;
    expect(trained).toBeGreaterThan(10);
    expect(active).toBeGreaterThan(30);

    expect(line(year1, 'training.people_trained').total).toEqual({ n: trained });
    expect(parts(year1, 'training.people_trained', 'sex')).toEqual(trainedBySex.map((r) => [r.sex, { n: r.n }]));
    expect(line(year1, 'people.reached').total).toEqual({ n: reached });
    expect(reached).toBeGreaterThan(trained);
    expect(line(year1, 'training.certified_trainers').total).toEqual({ n: certified });
    expect(line(year1, 'members.active').total).toEqual({ n: active });
    expect(parts(year1, 'members.active', 'size_class')).toEqual(activeBySize.map((r) => [r.size ?? 'not_stated', { n: r.n }]));
    // The jobs the coached firms reported by phone, entered by hand with their evidence: two women, one man.
    expect(line(year1, null).total).toEqual({ n: 3 });
    // The story's reform reaches the donor: in year 1 as reported, or in year 2 counted live until it is approved.
    expect(year2.approved).toBeNull();
    expect([line(year1, 'advocacy.reforms').total, line(year2, 'advocacy.reforms').total]).toEqual([{ n: await reforms(year1) }, { n: await reforms(year2) }]);
    expect((await reforms(year1)) + (await reforms(year2))).toBe(1);

    // The donor's workbook prints year 1 as reported, one row per indicator in the framework's order.
    const content = donorReport(framework, year1, org.name, translator('en'), clockFormat(orgClock(org), 'en'), clock.now());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await donorReportXlsx(content, translator('en'))) as unknown as ArrayBuffer);
    const sheet = Array.from(book.worksheets[0]!.getSheetValues().slice(1), (r) => (Array.isArray(r) ? Array.from(r.slice(1)) : []));
    const header = sheet.findIndex((r) => r[0] === 'Indicator');
    const table = sheet.slice(header + 1).map((r) => [r[0], r[5] ?? null, r[6]]);
    expect(table).toEqual(framework.indicators.map((i) => [i.name, line(year1, i.library).target, expect.anything()]));
    const figure = (code: string) => table[framework.indicators.findIndex((i) => i.library === code)]![2];
    expect([figure('training.people_trained'), figure('members.active'), figure('training.certified_trainers')]).toEqual([trained, active, certified]);

    // The IATI activity carries year 1's actuals as reported, year 2 with its targets only.
    const trainedResult = iati.indicators.find((i) => i.name === line(year1, 'training.people_trained').name)!;
    expect(trainedResult.periods.map((p) => p.actual?.total ?? null)).toEqual([{ n: trained }, null]);
    expect(trainedResult.periods.map((p) => p.target)).toEqual([line(year1, 'training.people_trained').target, line(year2, 'training.people_trained').target]);
    expect(iatiXml).toContain(`<period-end iso-date="${year1.endsOn}"/>`);
    expect(iatiXml).toContain(`<actual value="${trained}"/>`);
  });

  it('shares the donor programme with its donor: the dashboard shows year 1 as reported, cell for cell', async () => {
    const { dashboard, shares, year1 } = await asStaff(async (ctx) => {
      const dashboard = await orgDashboard(ctx);
      const framework = await getFramework(ctx, dashboard.programmes[0]!.frameworkId);
      return { dashboard, shares: await frameworkShares(ctx, framework.id), year1: await periodReport(ctx, framework.periods[0]!.id) };
    });
    expect(shares).toEqual([expect.objectContaining({ donorName: DEMO_DONOR, sharedBy: 'Ama Mensah' })]);
    expect(new Date(shares[0]!.sharedAt).getTime()).toBeLessThanOrEqual(clock.now().getTime());
    // Only the approved year is on the dashboard, with the report's totals and targets.
    expect(dashboard.programmes.map((p) => p.periods.map((x) => x.id))).toEqual([[year1.id]]);
    expect(dashboard.programmes[0]!.periods[0]!.indicators.map((i) => [i.indicatorId, i.total, i.target])).toEqual(year1.results.map((r) => [r.indicatorId, r.total, r.target]));
    // The donor's officer signs in for the donor alone (no organisation): her dashboard holds the same figures.
    const [officer] = await rows<{ id: string; orgs: number }>(sql`SELECT u.id, (SELECT count(*)::int FROM user_roles r WHERE r.user_id = u.id) AS orgs FROM users u WHERE u.email = ${DEMO_DONOR_PERSON.email}`);
    expect(officer?.orgs).toBe(0);
    const [donorOf] = await rows<{ name: string }>(sql`SELECT d.name FROM results_donor_users du JOIN results_donors d ON d.id = du.donor_id WHERE du.user_id = ${officer!.id}`);
    expect(donorOf?.name).toBe(DEMO_DONOR);
  });
});

describe('the demo world: networking and B2B meetings', () => {
  const asPersona = async <T>(work: (ctx: TenantCtx, firmId: string) => Promise<T>) => {
    const persona = DEMO_PEOPLE.find((p) => p.role === 'member')!;
    const [user] = await rows<{ id: string }>(sql`SELECT id FROM users WHERE email = ${persona.email}`);
    return withTenant(database.db, { orgId, role: 'member', actor: { userId: user!.id, name: persona.name }, locale: 'en' }, async (ctx) => work(ctx, (await ownFirm(ctx)).id));
  };

  it('has twelve firms\' profiles; the directory lists those opted in and current, with only the fields each made public and contacts only where the firm chose', async () => {
    const now = clock.now();
    const { all, listed, directory, shea } = await asStaff(async (ctx) => ({
      all: (await listProfilePage(ctx, DirectoryQuery.parse({ limit: 100 }), now)).items,
      listed: (await listProfilePage(ctx, DirectoryQuery.parse({ limit: 100, state: 'published' }), now)).items,
      directory: (await publicDirectoryPage(ctx, {}, now, { limit: 200 })).profiles,
      shea: (await publicDirectoryPage(ctx, { hs: '1515' }, now, { limit: 200 })).profiles,
    }));
    const table = await rows<{ member_id: string; listed: boolean; expired: boolean; contacts: boolean; hs: boolean }>(sql`
      SELECT member_id, opted_in AND expires_at > ${now.toISOString()}::timestamptz AS listed, opted_in AND expires_at <= ${now.toISOString()}::timestamptz AS expired,
             'contacts' = ANY(public_fields) AS contacts,
             'offerings' = ANY(public_fields) AND EXISTS (SELECT 1 FROM jsonb_array_elements(offerings) o WHERE o->>'hsCode' LIKE '1515%') AS hs
        FROM networking_profiles WHERE org_id = ${orgId}`);
    expect(all).toHaveLength(12);
    expect(all).toHaveLength(table.length);
    const counts = Object.fromEntries(['published', 'expired', 'not_listed'].map((s) => [s, all.filter((p) => p.state === s).length]));
    expect(counts).toEqual({ published: 8, expired: 1, not_listed: 3 });
    const listedIds = table.filter((r) => r.listed).map((r) => r.member_id).sort();
    expect(listed.map((p) => p.memberId).sort()).toEqual(listedIds);
    expect(directory.map((p) => p.row.memberId).sort()).toEqual(listedIds);
    expect(table.filter((r) => r.expired)).toHaveLength(1);
    // Contacts are public for the persona's firm only: she chose it; staff entered the others.
    const persona = await asPersona(async (_ctx, firmId) => firmId);
    expect(table.filter((r) => r.contacts).map((r) => r.member_id)).toEqual([persona]);
    expect(shea.map((p) => p.row.memberId).sort()).toEqual(table.filter((r) => r.listed && r.hs).map((r) => r.member_id).sort());
    expect(shea).toHaveLength(1);
    // Every good has an HS code (a service none), and each firm's profile says what it does in its own words.
    for (const p of all) {
      for (const o of p.offerings) expect(o.kind === 'product' ? isHsCode(o.hsCode) : o.hsCode === '', `${p.firmName}: ${o.name}`).toBe(true);
      expect(p.summary.length).toBeGreaterThan(60);
    }
    expect(new Set(all.map((p) => p.summary)).size).toBe(all.length);
  });

  it('has offers and requests in every state, interests and introductions at every step, dated over the months', async () => {
    const now = clock.now();
    const { offers, introductions, interests, open, made, deals } = await asStaff(async (ctx) => {
      const offers: Record<string, Offer[]> = {};
      for (const state of OFFER_STATES) offers[state] = (await listOfferPage(ctx, OfferQuery.parse({ state, limit: 100 }), now)).items;
      const introductions: Record<string, Introduction[]> = {};
      for (const state of INTRODUCTION_STATES) introductions[state] = (await listIntroductionPage(ctx, IntroductionQuery.parse({ state, limit: 100 }))).items;
      const from = new Date(now.getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
      const to = now.toISOString().slice(0, 10);
      return {
        offers, introductions, interests: await interestsWhere(ctx, {}), open: await interestsWhere(ctx, { open: true }),
        made: await introductionsBetween(ctx, from, to), deals: await dealsBetween(ctx, from, to),
      };
    });
    const [{ n: offerRows }] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM networking_offers WHERE org_id = ${orgId}`) as [{ n: number }];
    expect(Object.fromEntries(Object.entries(offers).map(([s, xs]) => [s, xs.length]))).toEqual({ draft: 1, submitted: 1, returned: 1, published: 6, expired: 1, withdrawn: 1 });
    expect(Object.values(offers).flat()).toHaveLength(offerRows);
    expect(offers.returned![0]!.returnReason!.length).toBeGreaterThan(40);
    // The expired one was published more than six months ago (the chamber's setting) and never renewed.
    const expired = offers.expired![0]!;
    expect(expired.expiresAt! < now.toISOString() && expired.publishedAt! < new Date(now.getTime() - 180 * 86_400_000).toISOString()).toBe(true);
    expect(offers.published!.every((o) => o.expiresAt! > now.toISOString())).toBe(true);

    expect(Object.fromEntries(Object.entries(introductions).map(([s, xs]) => [s, xs.length]))).toEqual({ proposed: 1, accepted: 1, met: 1, deal: 2, no_deal: 2 });
    const all = Object.values(introductions).flat();
    expect(all.every((i) => i.createdAt <= i.updatedAt && i.updatedAt < now.toISOString())).toBe(true);
    // Made over the last seven months, as results count them; deals once per pair of firms.
    expect(made.map((m) => m.id).sort()).toEqual(all.map((i) => i.id).sort());
    expect(new Set(made.map((m) => m.on.slice(0, 7))).size).toBeGreaterThanOrEqual(4);
    expect(deals.map((d) => d.id).sort()).toEqual(introductions.deal!.map((i) => i.id).sort());
    // Interests: those the chamber acted on are introduced, the others wait in its queue.
    const introducedOn = new Set(all.map((i) => i.interestId).filter(Boolean));
    expect(interests.filter((i) => i.state === 'introduced').map((i) => i.id).sort()).toEqual([...introducedOn].sort());
    expect(open.map((i) => i.id).sort()).toEqual(interests.filter((i) => !introducedOn.has(i.id)).map((i) => i.id).sort());
    expect(open.length).toBeGreaterThan(0);
  });

  it('gives the member persona her listed profile, her offers, the market of others\' offers, her interests and introductions', async () => {
    const now = clock.now();
    const seen = await asPersona(async (ctx, firmId) => ({
      firmId,
      profile: await getProfile(ctx, firmId, now),
      mine: (await listOfferPage(ctx, OfferQuery.parse({ memberId: firmId, limit: 100 }), now)).items,
      market: (await listOfferPage(ctx, OfferQuery.parse({ limit: 100 }), now, { othersThan: firmId })).items,
      interests: await interestsWhere(ctx, { memberId: firmId }),
      introductions: await introductionsOf(ctx, { memberId: firmId }),
    }));
    expect(seen.profile).toMatchObject({ state: 'published', optedIn: true });
    expect(seen.profile.publicFields).toContain('contacts');
    expect(seen.mine.map((o) => o.state).sort()).toEqual(['draft', 'published']);
    const [{ n: othersPublished }] = await rows<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM networking_offers WHERE org_id = ${orgId} AND member_id <> ${seen.firmId} AND state = 'published' AND expires_at > ${now.toISOString()}::timestamptz`) as [{ n: number }];
    expect(seen.market).toHaveLength(othersPublished);
    expect(seen.market.every((o) => o.memberId !== seen.firmId && o.state === 'published')).toBe(true);
    expect(seen.interests.map((i) => i.state).sort()).toEqual(['introduced', 'open']);
    expect(seen.introductions.map((i) => i.state).sort()).toEqual(['met', 'proposed']);
  });

  it('shows rated local products on the public showcase, one proposal waiting for staff; the information service has entries, one past review, and enquiries answered and open', async () => {
    const now = clock.now();
    const seen = await asStaff(async (ctx) => ({
      products: (await listProductPage(ctx, ProductQuery.parse({ limit: 100 }))).items,
      shown: (await publishedProducts(ctx)).items,
      entries: (await listInfoEntryPage(ctx, InfoEntryQuery.parse({ limit: 100 }), now)).items,
      due: (await listInfoEntryPage(ctx, InfoEntryQuery.parse({ limit: 100, reviewDue: 'true' }), now)).items,
      enquiries: (await listEnquiryPage(ctx, EnquiryQuery.parse({ limit: 100 }))).items,
    }));
    const count = (xs: Array<{ state: string }>) => Object.fromEntries([...new Set(xs.map((x) => x.state))].map((s) => [s, xs.filter((x) => x.state === s).length]));
    expect(count(seen.products)).toEqual({ published: 5, submitted: 1 });
    expect(seen.products.filter((p) => p.state === 'published').every((p) => p.rating && p.ratedBy && p.photos.length === 0)).toBe(true);
    expect(seen.shown.map((p) => p.name).sort()).toEqual(seen.products.filter((p) => p.state === 'published').map((p) => p.name).sort());
    expect(seen.shown.every((p) => p.rating?.scale === 'OVOP stars' && p.rating.label)).toBe(true);
    const persona = await asPersona(async (_ctx, firmId) => firmId);
    expect(seen.products.find((p) => p.state === 'submitted')?.memberId).toBe(persona);

    expect(count(seen.entries)).toEqual({ published: 4, draft: 1 });
    expect(new Set(seen.entries.map((e) => e.type)).size).toBe(5);
    expect(seen.due.map((e) => e.type)).toEqual(['trade_fair']);
    expect(seen.enquiries.map((e) => [e.state, e.memberId === persona])).toEqual([['open', false], ['answered', true]]);
    expect(seen.enquiries[1]!.secondsToAnswer).toBe(5 * 3600);

    // Their days are those of their stories, not the first start's.
    const stamps = await rows<{ t: string; early: boolean }>(sql`
      SELECT 'product' AS t, created_at < now() - interval '12 hours' AS early FROM networking_products WHERE org_id = ${orgId}
      UNION ALL SELECT 'entry', created_at < now() - interval '12 hours' FROM networking_info_entries WHERE org_id = ${orgId}
      UNION ALL SELECT 'enquiry', asked_at < now() - interval '12 hours' FROM networking_enquiries WHERE org_id = ${orgId}`);
    expect(stamps.filter((r) => !r.early)).toEqual([]);
  });

  it('opens B2B matchmaking at the B2B day: every accepted meeting placed or explained, no one twice in a slot, agendas issued', async () => {
    const { b2b } = await demoEvents();
    const overview = await asStaff((ctx) => getOverview(ctx, b2b.id));
    const table = await rows<{ status: string; placed: boolean }>(sql`SELECT status, slot IS NOT NULL AS placed FROM b2b_requests WHERE org_id = ${orgId} AND event_id = ${b2b.id}`);
    const status = (s: string) => table.filter((r) => r.status === s).length;
    expect(overview.settings?.scheduledAt).toBeTruthy();
    expect(overview.counts).toEqual({ participants: b2b.registered, profiles: 10, pending: status('pending'), accepted: status('accepted'), declined: status('declined'), expired: 0 });
    expect([overview.counts.accepted, overview.counts.declined, overview.counts.pending, status('cancelled')]).toEqual([10, 2, 3, 1]);
    const { schedule } = overview;
    expect(schedule.accepted).toBe(overview.counts.accepted);
    expect(schedule.placed).toBe(table.filter((r) => r.status === 'accepted' && r.placed).length);
    expect(schedule.placed + schedule.unplaced.length).toBe(schedule.accepted);
    expect([schedule.placed, schedule.unplaced.map((u) => u.reason)]).toEqual([9, ['no_common_slot']]);
    // One meeting a table and a slot; nobody in two meetings at once.
    const byId = new Map(overview.requests.map((r) => [r.id, r]));
    const seats = schedule.cells.map((c) => `${c.slot}/${c.table}`);
    expect(new Set(seats).size).toBe(seats.length);
    const people = schedule.cells.flatMap((c) => [byId.get(c.requestId)!.from.registrationId, byId.get(c.requestId)!.to.registrationId].map((p) => `${c.slot}/${p}`));
    expect(new Set(people).size).toBe(people.length);
    expect(schedule.maxTables).toBeLessThanOrEqual(overview.settings!.tableCount);
    // Everyone with a meeting placed has an agenda; a meeting accepted after the run issued one again (the hotel's), marked changed.
    const placedPeople = new Set(schedule.cells.flatMap((c) => [byId.get(c.requestId)!.from.registrationId, byId.get(c.requestId)!.to.registrationId]));
    const agendas = await rows<{ registration_id: string; version: number; changed: boolean }>(sql`
      SELECT registration_id, agenda_version AS version, agenda_changed AS changed FROM b2b_profiles WHERE org_id = ${orgId} AND event_id = ${b2b.id} AND agenda_version > 0`);
    expect(new Set(agendas.map((a) => a.registration_id))).toEqual(placedPeople);
    expect(agendas.filter((a) => a.changed).map((a) => a.version)).toEqual([2]);

    // The persona's page: her agenda holds her placed meetings in slot order, as the grid has them.
    const persona = DEMO_PEOPLE.find((p) => p.role === 'member')!;
    const mine = await asPersona(async (ctx) => {
      const registrationId = (await listRegistrations(ctx, b2b.id)).find((r) => r.name === persona.name)!.id;
      return { registrationId, page: await getMine(ctx, b2b.id, registrationId) };
    });
    const hers = schedule.cells.filter((c) => [byId.get(c.requestId)!.from.registrationId, byId.get(c.requestId)!.to.registrationId].includes(mine.registrationId));
    expect(mine.page.agenda.items.map((i) => i.requestId)).toEqual(hers.map((c) => c.requestId));
    expect(hers.length).toBeGreaterThanOrEqual(3);
    expect(mine.page.agenda.sms.length).toBeGreaterThan(0);
  });
  it('holds an open call for measures: what the first selection spends is what its selected applications ask for, within the budget', async () => {
    const apps = await rows<{ id: string; status: string; requested: number }>(sql`
      SELECT id, status, requested_total::float8 AS requested FROM led_applications WHERE org_id = ${orgId}`);
    expect(apps.map((a) => a.status).sort()).toEqual(['draft', 'submitted', 'submitted', 'submitted']);
    const [run] = await rows<{ budget: number; spent: number; results: Array<{ id: string; selected: boolean }> }>(sql`
      SELECT r.budget::float8 AS budget, r.spent::float8 AS spent, r.results FROM led_selection_runs r JOIN led_calls c ON c.id = r.call_id AND c.org_id = r.org_id
       WHERE r.org_id = ${orgId} AND c.status = 'open'`);
    const selected = new Set(run!.results.filter((r) => r.selected).map((r) => r.id));
    const asked = apps.filter((a) => selected.has(a.id)).reduce((sum, a) => sum + a.requested, 0);
    expect(selected.size).toBeGreaterThan(0);
    expect(run!.spent).toBe(asked);
    expect(run!.spent).toBeLessThanOrEqual(run!.budget);
    // Everything submitted asks for more than the budget: the selection had to choose.
    expect(apps.filter((a) => a.status === 'submitted').reduce((sum, a) => sum + a.requested, 0)).toBeGreaterThan(run!.budget);
    const [{ scores }] = await rows<{ scores: number }>(sql`SELECT count(DISTINCT user_id)::int AS scores FROM led_scores WHERE org_id = ${orgId}`) as [{ scores: number }];
    expect(scores).toBe(2);
    // The team's interviews, submitted and each coded to a bottleneck.
    expect(await rows(sql`SELECT i.status, count(c.id)::int AS codes FROM led_interviews i LEFT JOIN led_bottleneck_codes c ON c.interview_id = i.id AND c.org_id = i.org_id
       WHERE i.org_id = ${orgId} GROUP BY i.id, i.status`)).toEqual([{ status: 'submitted', codes: 1 }, { status: 'submitted', codes: 1 }]);
  });
});
