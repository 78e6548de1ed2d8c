import { describe, expect, it } from 'vitest';
import type { Registration } from '../../../contracts/events.js';
import type { CourseDetail, Lineage } from '../../../contracts/training.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { useTestApp, type Client } from '../../test/app.js';
import { createOrg } from '../../test/factories.js';
import { recordParticipations } from '../people/participation-service.js';
import { computeLineage } from './lineage.js';

const t = useTestApp();

/**
 * The lineage report reads reach from the stored sets (migration 0070), kept
 * by the database on every write. After each change made through the routes —
 * check-ins, a certification, a trainer taken off, a course's kind changed
 * (its participations recorded again), a merge of two participants and of two
 * records of a trainer — the report must equal the reach counted apart from
 * the records themselves, and the stored rows must equal those the records
 * give; a transaction that fails leaves them as they were.
 */
describe('lineage reach kept from the records', () => {
  it('stays equal to counting from the records through check-ins, certification, removals and merges', async () => {
    const org = await createOrg(t.app);
    const admin: Client = org.admin;
    const pool = t.app.database.pool;
    const rows = async <T>(text: string) => (await pool.query(text, [org.orgId])).rows as T[];
    const idOf = async (name: string) => (await pool.query('SELECT id FROM people WHERE org_id = $1 AND name = $2', [org.orgId, name])).rows[0]!.id as string;

    const newPerson = async (name: string) => {
      const res = await admin.post('/api/v1/people-reached', { name, confirmedNew: true });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { id: string }).id;
    };
    const newCourse = async (title: string, kind: 'tot' | 'course', trainers: string[]) => {
      const res = await admin.post('/api/v1/training/courses', { title, kind });
      expect(res.statusCode, res.body).toBe(201);
      const id = (res.json() as CourseDetail).id;
      for (const personId of trainers) expect((await admin.post(`/api/v1/training/courses/${id}/trainers`, { personId })).statusCode).toBe(200);
      return id;
    };
    let day = 1;
    /** A published session of the course, the people registered by name and address and ticked present. */
    const heldWith = async (courseId: string, people: string[]) => {
      const d = String(day++).padStart(2, '0');
      const res = await admin.post(`/api/v1/training/courses/${courseId}/sessions`, { title: `Session ${d}`, startsAt: `2027-03-${d}T09:00:00Z`, endsAt: `2027-03-${d}T13:00:00Z`, capacity: 30, audience: 'public' });
      expect(res.statusCode, res.body).toBe(200);
      const eventId = (res.json() as CourseDetail).sessionList.find((s) => s.title === `Session ${d}`)!.id;
      expect((await admin.post(`/api/v1/events/${eventId}/state`, { state: 'published' })).statusCode).toBe(200);
      const ids: string[] = [];
      for (const name of people) {
        const reg = await admin.post(`/api/v1/events/${eventId}/registrations`, { kind: 'public', sex: 'not_stated', name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.test` });
        expect(reg.statusCode, reg.body).toBe(201);
        ids.push((reg.json() as Registration).id);
      }
      const ticked = await admin.post(`/api/v1/events/${eventId}/check-in`, { items: ids.map((registrationId) => ({ registrationId })) });
      expect(ticked.statusCode, ticked.body).toBe(200);
    };

    /** The report against the same rules counted in memory from the raw rows (merges followed), and the stored rows against the records. */
    const expectCountedFromRecords = async (step: string) => {
      const report = (await admin.get('/api/v1/training/lineage')).json() as Lineage;
      const merged = new Map((await rows<{ id: string; into: string }>('SELECT id, merged_into_id AS into FROM people WHERE org_id = $1 AND merged_into_id IS NOT NULL')).map((r) => [r.id, r.into]));
      const now = (id: string) => merged.get(id) ?? id;
      const trainersOf = new Map<string, string[]>();
      for (const r of await rows<{ course: string; person: string }>('SELECT course_id AS course, person_id AS person FROM training_course_trainers WHERE org_id = $1')) {
        trainersOf.set(r.course, [...(trainersOf.get(r.course) ?? []), now(r.person)]);
      }
      const participantsOf = new Map<string, string[]>();
      const attended = await rows<{ course: string; person: string }>("SELECT source_id AS course, person_id AS person FROM person_participations WHERE org_id = $1 AND source = 'training' AND role = 'participant'");
      for (const r of attended) participantsOf.set(r.course, [...new Set([...(participantsOf.get(r.course) ?? []), r.person])]);
      const certifications = (await rows<{ course: string; person: string }>('SELECT course_id AS course, person_id AS person FROM training_certifications WHERE org_id = $1'))
        .map((r) => ({ courseId: r.course, personId: now(r.person) }));
      const expected = computeLineage({ trainersOf, participantsOf, certifications });
      expect(report.trainers.map(({ personId, generation, trainedBy, courses, reach }) => ({ personId, generation, trainedBy, courses, reach })), step).toEqual(expected.nodes);
      expect(report.generations, step).toEqual(expected.generations);
      expect(report.reach, step).toBe(expected.reach);
      expect(report.reach, step).toBe(new Set(attended.filter((r) => trainersOf.has(r.course)).map((r) => r.person)).size);

      // What is stored is what the records give: each participant's trainers, and each set's people.
      const stored = await rows<{ person: string; trainers: string[] }>('SELECT person_id AS person, trainers FROM training_reach_people WHERE org_id = $1 ORDER BY person_id');
      const recorded = await rows<{ person: string; trainers: string[] }>(`
        SELECT p.person_id AS person, array_agg(DISTINCT t.person_id ORDER BY t.person_id) AS trainers
        FROM person_participations p JOIN training_course_trainers t ON t.org_id = p.org_id AND t.course_id = p.source_id
        WHERE p.org_id = $1 AND p.source = 'training' AND p.role = 'participant' GROUP BY p.person_id ORDER BY p.person_id`);
      expect(stored, step).toEqual(recorded);
      const sets = new Map<string, number>();
      for (const r of recorded) sets.set(r.trainers.join(','), (sets.get(r.trainers.join(',')) ?? 0) + 1);
      const storedSets = await rows<{ trainers: string[]; people: number }>('SELECT trainers, people FROM training_reach_sets WHERE org_id = $1');
      expect(new Map(storedSets.map((s) => [s.trainers.join(','), s.people])), step).toEqual(sets);
      return report;
    };

    // A master runs a ToT; Kofi and Efua attend it; Kofi runs a course, the master another with Kofi beside him.
    const master = await newPerson('Master Adjoa');
    const tot = await newCourse('ToT', 'tot', [master]);
    await heldWith(tot, ['Kofi Mensah', 'Efua Owusu']);
    const kofi = await idOf('Kofi Mensah');
    const kofiCourse = await newCourse("Kofi's course", 'course', [kofi]);
    await heldWith(kofiCourse, ['Ama Boateng', 'Yaw Darko', 'Yaw Darko Jr']);
    const shared = await newCourse('Shared course', 'course', [master, kofi]);
    await heldWith(shared, ['Ama Boateng', 'Abena Asante', 'Akosua Addo']);
    let report = await expectCountedFromRecords('after the check-ins');
    expect(report.reach).toBe(7);

    // Certified after the teach-back: Kofi is of generation 1 now; nothing stored had to change.
    const certified = await admin.post(`/api/v1/training/courses/${tot}/certifications`, { personId: kofi, certifiedOn: '2027-03-20', teachBack: 'Taught a module to peers.' });
    expect(certified.statusCode, certified.body).toBe(200);
    report = await expectCountedFromRecords('after the certification');
    expect(report.generations.map((g) => g.generation)).toEqual([0, 1]);

    // A second session of Kofi's course: Abena again (once still), Kwame new.
    await heldWith(kofiCourse, ['Abena Asante', 'Kwame Nkrumah']);
    report = await expectCountedFromRecords('after a second check-in');
    expect(report.reach).toBe(8);

    // Kofi taken off the shared course: Akosua, who attended only that one, is no longer his; Ama and Abena still are (his own course).
    const kofiBefore = report.trainers.find((n) => n.personId === kofi)!.reach;
    expect((await admin.delete(`/api/v1/training/courses/${shared}/trainers/${kofi}`)).statusCode).toBe(200);
    report = await expectCountedFromRecords('after a trainer was taken off');
    expect(report.trainers.find((n) => n.personId === kofi)!.reach).toBe(kofiBefore - 1);

    // The shared course becomes a workshop: its participations are removed and recorded again.
    expect((await admin.put(`/api/v1/training/courses/${shared}`, { title: 'Shared course', kind: 'workshop' })).statusCode).toBe(200);
    await expectCountedFromRecords('after the course was recorded again');

    // Two records of one participant merged: one person less.
    const merge = await admin.post(`/api/v1/people-reached/${await idOf('Yaw Darko')}/merge`, { otherId: await idOf('Yaw Darko Jr') });
    expect(merge.statusCode, merge.body).toBe(200);
    report = await expectCountedFromRecords('after merging two participants');
    expect(report.reach).toBe(7);

    // A trainer recorded twice: a course run by the second record, then merged into Kofi's; his reach takes both.
    const kofiAgain = await newPerson('Kofi Mensah (again)');
    const another = await newCourse('Another course', 'course', [kofiAgain]);
    await heldWith(another, ['Ama Boateng', 'Kojo Antwi']);
    await expectCountedFromRecords('with a second record of a trainer');
    expect((await admin.post(`/api/v1/people-reached/${kofi}/merge`, { otherId: kofiAgain })).statusCode).toBe(200);
    report = await expectCountedFromRecords('after merging two records of a trainer');
    expect(report.trainers.find((n) => n.personId === kofi)).toMatchObject({ generation: 1, courses: 2 });

    // A write that fails leaves the stored reach as it was: it is written in the same transaction.
    const before = await rows<object>('SELECT * FROM training_reach_sets WHERE org_id = $1 ORDER BY trainers_key');
    const kwame = await idOf('Kwame Nkrumah');
    await expect(withTenant(t.app.database.db, { orgId: org.orgId, role: 'staff' as const, actor: { userId: org.adminId, name: 'Test' }, locale: 'en' }, async (ctx) => {
      await recordParticipations(ctx, [{ personId: kwame, kind: 'course', source: 'training', sourceId: another, role: 'participant', on: '2027-03-28' }]);
      throw new Error('the write fails after the participation');
    })).rejects.toThrow('the write fails');
    expect(await rows<object>('SELECT * FROM training_reach_sets WHERE org_id = $1 ORDER BY trainers_key')).toEqual(before);
    await expectCountedFromRecords('after a failed write');
  });
});
