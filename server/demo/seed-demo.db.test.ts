import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventQuery, type EventSummary } from '../../contracts/events.js';
import { withinOneYear } from '../../contracts/led.js';
import { listEvents } from '../modules/events/event-service.js';
import { listRegistrations } from '../modules/events/registration-service.js';
import { memberHome } from '../modules/home/home-service.js';
import { getMatrix } from '../modules/led/analysis-service.js';
import { getRegion, listRegions } from '../modules/led/region-service.js';
import { participantsOf } from '../modules/people/participation-service.js';
import { getCourse, listCourses } from '../modules/training/course-service.js';
import { peopleTrainedBetween } from '../modules/training/figures-service.js';
import { getLineage } from '../modules/training/lineage-service.js';
import { clock } from '../platform/clock.js';
import type { Database } from '../platform/db/database.js';
import { withTenant, type TenantCtx } from '../platform/db/tenancy.js';
import { createTestDatabase } from '../test/database.js';
import { DEMO_PEOPLE, seedDemoIfEmpty } from './seed-demo.js';

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
    const [{ back, total }] = await rows<{ back: number; total: number }>(sql`
      SELECT count(*) FILTER (WHERE at < before)::int AS back, count(*)::int AS total FROM (SELECT at, lag(at) OVER (ORDER BY id) AS before FROM audit_log) s`) as [{ back: number; total: number }];
    expect(total).toBeGreaterThan(1000);
    expect(back).toBe(0);
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
      const completed = [...attended.values()].filter((n) => n * 100 >= course.completionShare * 3).length;
      expect(course.participants.filter((p) => p.completed)).toHaveLength(completed);
      expect(completed).toBeGreaterThan(0);
      expect(completed).toBeLessThan(attended.size);
    }
    expect(weavers.participants.map((p) => p.name)).toContain('Abena Owusu');

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
      const regions = await listRegions(ctx);
      return { regions, region: await getRegion(ctx, regions[0]!.id), matrix: await getMatrix(ctx, regions[0]!.id, year) };
    });
    expect(regions.map((r) => [r.region, r.branchName])).toEqual([['GH-AH', 'Ashanti Regional Chamber']]);
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
    expect(region.measureList.length).toBeLessThanOrEqual(3);
    expect(region.measureList).toHaveLength(await count('led_measures'));
    expect(region.measureList.every((m) => withinOneYear(m.startsOn, m.endsOn))).toBe(true);
    const linked = region.measureList.filter((m) => m.bottleneckId);
    expect(linked.length).toBeGreaterThan(0);
    expect(region.bottleneckList.reduce((n, b) => n + b.measures, 0)).toBe(linked.length);
    // A measure's status says where it stands today.
    const today = clock.now().toISOString().slice(0, 10);
    for (const m of region.measureList) expect(m.status).toBe(m.startsOn > today ? 'planned' : 'running');
  });
});
