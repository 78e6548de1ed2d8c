import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Lineage } from '../../../contracts/training.js';
import { useTestApp } from '../../test/app.js';
import { createOrg } from '../../test/factories.js';
import { computeLineage } from './lineage.js';

const t = useTestApp();

/**
 * The reach the report counts in SQL (`lineage-service.ts` `reachOf`) against
 * the pure rules counted in memory (`computeLineage`), on data written straight
 * into the tables (as `bench/training-lineage.ts` does) with every case that
 * can make a person count twice: a course attended on several days, two
 * courses of one trainer, a course with two trainers of one generation, people
 * reached by two generations, a trainer recorded under a record merged since,
 * a trainer certified through ToTs of two generations, and a course nobody
 * runs (its people reach no one).
 */
describe('lineage reach in the database', () => {
  it('counts each person once per trainer, per generation and overall, as the rules in memory do', async () => {
    const org = await createOrg(t.app);
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
    const people: Array<{ id: string; name: string; merged?: string }> = [];
    const newPerson = (name: string) => {
      const id = randomUUID();
      people.push({ id, name });
      return id;
    };
    const courses: Array<{ id: string; kind: 'tot' | 'course'; trainers: string[] }> = [];
    const certifications: Array<{ courseId: string; personId: string }> = [];
    const participations: Array<{ personId: string; courseId: string; kind: string; on: string }> = [];
    const attend = (personId: string, c: { id: string; kind: string }, day: number) =>
      participations.push({ personId, courseId: c.id, kind: c.kind, on: `2027-03-${String(day).padStart(2, '0')}` });

    const masters = [newPerson('Master A'), newPerson('Master B')];
    const certify = (trainers: string[], n: number) => {
      const tot = { id: randomUUID(), kind: 'tot' as const, trainers };
      courses.push(tot);
      const trainees = Array.from({ length: n }, (_, i) => newPerson(`Trainee ${courses.length}.${i}`));
      for (const p of trainees) {
        // Two days of the same ToT: two participations, one person.
        attend(p, tot, 1);
        attend(p, tot, 2);
        certifications.push({ courseId: tot.id, personId: p });
      }
      return { tot, trainees };
    };
    const first = certify([masters[0]!], 4).trainees;
    const alsoFirst = certify([masters[1]!], 3).trainees;
    // A ToT run by a master and a first-generation trainer: its trainees are in generation 1.
    const second = certify([first[0]!, masters[1]!], 3).trainees;
    // A ToT of generation 1 alone: generation 2; one of the trainees above certified through it too stays in generation 1.
    const late = certify([first[1]!], 2);
    certifications.push({ courseId: late.tot.id, personId: second[0]! });
    const trainers = [...masters, ...first, ...alsoFirst, ...second, ...late.trainees];
    // A trainer recorded under a second record, merged into theirs since (the report follows the merge).
    const twin = randomUUID();
    people.push({ id: twin, name: 'Trainee again', merged: first[2]! });

    for (const trainer of trainers) {
      for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
        const other = random() < 0.3 ? pick(trainers) : null;
        const recorded = trainer === first[2] && random() < 0.5 ? twin : trainer;
        courses.push({ id: randomUUID(), kind: 'course', trainers: other && other !== trainer ? [recorded, other] : [recorded] });
      }
    }
    const plain = courses.filter((c) => c.kind === 'course');
    const unrun = { id: randomUUID(), kind: 'course' as const, trainers: [] };
    courses.push(unrun);
    for (let i = 0; i < 150; i++) {
      const p = newPerson(`Participant ${i}`);
      for (let k = 1 + (random() < 0.4 ? 1 : 0) + (random() < 0.2 ? 1 : 0); k > 0; k--) {
        const c = random() < 0.05 ? unrun : pick(plain);
        attend(p, c, 10 + k);
        if (random() < 0.3) attend(p, c, 20 + k);
      }
    }
    // Some trainers attended others' courses too.
    for (const trainer of trainers.slice(0, 5)) attend(trainer, pick(plain), 28);

    const pool = t.app.database.pool;
    const insert = async (table: string, columns: string[], rows: unknown[][]) => {
      const params: unknown[] = [];
      const values = rows.map((r) => `(${r.map((v) => { params.push(v); return `$${params.length}`; }).join(', ')})`).join(', ');
      await pool.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, params);
    };
    await insert('people', ['org_id', 'id', 'name', 'merged_into_id'], people.map((p) => [org.orgId, p.id, p.name, p.merged ?? null]));
    await insert('training_courses', ['org_id', 'id', 'title', 'kind', 'completion_share'], courses.map((c, i) => [org.orgId, c.id, `Course ${i}`, c.kind, 80]));
    await insert('training_course_trainers', ['org_id', 'course_id', 'person_id'], courses.flatMap((c) => c.trainers.map((p) => [org.orgId, c.id, p])));
    await insert('training_certifications', ['org_id', 'course_id', 'person_id', 'certified_on', 'teach_back', 'certified_by'],
      certifications.map((c) => [org.orgId, c.courseId, c.personId, '2027-03-05', 'Teach-back', 'Test']));
    await insert('person_participations', ['org_id', 'person_id', 'kind', 'source', 'source_id', 'role', 'occurred_on'],
      participations.map((p) => [org.orgId, p.personId, p.kind, 'training', p.courseId, 'participant', p.on]));

    const res = await org.admin.get('/api/v1/training/lineage');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as Lineage;

    // The same rules in memory, from what was written: merged ids followed, each course's people once.
    const now = (id: string) => people.find((p) => p.id === id)?.merged ?? id;
    const participantsOf = new Map<string, string[]>();
    for (const p of participations) participantsOf.set(p.courseId, [...new Set([...(participantsOf.get(p.courseId) ?? []), p.personId])]);
    const expected = computeLineage({
      trainersOf: new Map(courses.filter((c) => c.trainers.length).map((c) => [c.id, c.trainers.map(now)])),
      participantsOf,
      certifications: certifications.map((c) => ({ ...c, personId: now(c.personId) })),
    });
    expect(report.trainers.map(({ personId, generation, trainedBy, courses: n, reach }) => ({ personId, generation, trainedBy, courses: n, reach }))).toEqual(expected.nodes);
    expect(report.generations).toEqual(expected.generations);
    expect(report.reach).toBe(expected.reach);

    // Checked apart once more, by hand: everyone who attended a course someone runs, once.
    const run = new Set(courses.filter((c) => c.trainers.length).map((c) => c.id));
    expect(report.reach).toBe(new Set(participations.filter((p) => run.has(p.courseId)).map((p) => p.personId)).size);
    // The data has the cases it is meant to have.
    expect(report.generations.map((g) => g.generation)).toEqual([0, 1, 2]);
    expect(report.trainers.some((n) => n.personId === twin)).toBe(false);
    expect(report.trainers.find((n) => n.personId === second[0])).toMatchObject({ generation: 1, trainedBy: [first[0], first[1], masters[1]].sort() });
    expect(report.generations.reduce((sum, g) => sum + g.reach, 0)).toBeGreaterThan(report.reach);
  });
});
