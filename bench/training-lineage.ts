import os from 'node:os';
import type { Lineage } from '../contracts/training.js';
import { createOrg } from '../server/test/factories.js';
import { inProcessProduct, machine, percentile } from './lib.js';

/**
 * Issue 19: the lineage and reach report (`GET /api/v1/training/lineage`)
 * over 50,000 participants, target p95 ≤ 300 ms on PostgreSQL.
 *
 * The data is written straight into the tables the report reads (courses,
 * their trainers, certifications, people and the participations the events
 * check-in would have recorded): 50,000 check-ins through the routes would
 * take hours and time nothing the report does. Drawn from independent
 * distributions with a fixed seed: 6 master trainers; each runs 1–3 ToTs of
 * 8–20 trainees, most certified (generation 1); a fifth of those run a ToT
 * of their own (generation 2); every trainer runs a number of courses drawn
 * from a geometric law (mean 4) of 10–60 places; each of the 50,000
 * participants attends 1 course, or more (one in four a second, one in
 * sixteen a third), the course drawn uniformly; one course in ten has two
 * trainers; 1 % of participants are merged records. The figures the report
 * answers are checked against sums counted in SQL apart.
 *
 *   node --import tsx bench/training-lineage.ts [postgres|pglite] [runs]
 */
const kind = process.argv[2] === 'pglite' ? 'pglite' : 'postgres';
const RUNS = Number(process.argv[3] ?? 40);
const PARTICIPANTS = 50_000;

let seed = 19;
const random = () => {
  // mulberry32: the same data on every run.
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

const product = await inProcessProduct(kind);
try {
  const org = await createOrg(product.app, { name: 'Lineage Chamber' });
  const pool = product.database.pool;
  const orgId = org.orgId;
  const people: Array<{ id: string; name: string; merged?: string }> = [];
  const newPerson = (name: string): string => {
    const p: { id: string; name: string } = { id: crypto.randomUUID(), name };
    people.push(p);
    return p.id;
  };
  const courses: Array<{ id: string; kind: 'tot' | 'course'; trainers: string[]; on: string }> = [];
  const certifications: Array<{ courseId: string; personId: string; on: string }> = [];
  const participations: Array<{ personId: string; courseId: string; kind: string; on: string }> = [];
  const day = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);

  // Trainers: masters, then generations through ToTs.
  const masters = Array.from({ length: 6 }, (_, i) => newPerson(`Master ${i}`));
  const trainers = [...masters];
  let parents = masters;
  for (const generation of [1, 2]) {
    const next: string[] = [];
    for (const parent of parents) {
      if (generation === 2 && random() >= 0.2) continue;
      for (let k = between(1, generation === 1 ? 3 : 1); k > 0; k--) {
        const tot = { id: crypto.randomUUID(), kind: 'tot' as const, trainers: [parent], on: day(between(0, 200) + generation * 200) };
        courses.push(tot);
        for (let n = between(8, 20); n > 0; n--) {
          const trainee = newPerson(`Trainer g${generation} ${trainers.length + next.length}`);
          participations.push({ personId: trainee, courseId: tot.id, kind: 'tot', on: tot.on });
          if (random() < 0.85) {
            certifications.push({ courseId: tot.id, personId: trainee, on: tot.on });
            next.push(trainee);
          }
        }
      }
    }
    trainers.push(...next);
    parents = next;
  }
  // Courses of every trainer: a geometric number (mean 4), some with a second trainer.
  for (const trainer of trainers) {
    let n = 1;
    while (random() < 0.75) n++;
    for (let k = 0; k < n; k++) {
      const second = random() < 0.1 ? trainers[between(0, trainers.length - 1)]! : null;
      courses.push({ id: crypto.randomUUID(), kind: 'course', trainers: second && second !== trainer ? [trainer, second] : [trainer], on: day(between(0, 900)) });
    }
  }
  const plain = courses.filter((c) => c.kind === 'course');
  for (let i = 0; i < PARTICIPANTS; i++) {
    const person = newPerson(`Participant ${i}`);
    const times = 1 + (random() < 0.25 ? 1 : 0) + (random() < 0.0625 ? 1 : 0);
    for (let k = 0; k < times; k++) {
      const c = plain[between(0, plain.length - 1)]!;
      participations.push({ personId: person, courseId: c.id, kind: 'course', on: c.on });
    }
  }
  // 1 % of participants recorded twice and merged: the second record's participations moved to the first (as mergePeople does).
  const participantsOnly = people.filter((p) => p.name.startsWith('Participant '));
  for (let i = 0; i < participantsOnly.length; i += 100) {
    const twin = { id: crypto.randomUUID(), name: `${participantsOnly[i]!.name} (again)`, merged: participantsOnly[i]!.id };
    people.push(twin);
  }

  const started = performance.now();
  const insert = async (table: string, columns: string[], rows: unknown[][]) => {
    for (let i = 0; i < rows.length; i += 2000) {
      const chunk = rows.slice(i, i + 2000);
      const params: unknown[] = [];
      const values = chunk.map((r) => `(${r.map((v) => { params.push(v); return `$${params.length}`; }).join(', ')})`).join(', ');
      await pool.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, params);
    }
  };
  await insert('people', ['org_id', 'id', 'name', 'sex', 'merged_into_id'], people.map((p, i) => [orgId, p.id, p.name, i % 2 ? 'female' : 'male', p.merged ?? null]));
  await insert('training_courses', ['org_id', 'id', 'title', 'kind', 'completion_share'], courses.map((c, i) => [orgId, c.id, `${c.kind === 'tot' ? 'ToT' : 'Course'} ${i}`, c.kind, 80]));
  await insert('training_course_trainers', ['org_id', 'course_id', 'person_id'], courses.flatMap((c) => c.trainers.map((t) => [orgId, c.id, t])));
  await insert('training_certifications', ['org_id', 'course_id', 'person_id', 'certified_on', 'teach_back', 'certified_by'], certifications.map((c) => [orgId, c.courseId, c.personId, c.on, 'Teach-back', 'Bench']));
  await insert('person_participations', ['org_id', 'person_id', 'kind', 'source', 'source_id', 'role', 'occurred_on'],
    [...new Map(participations.map((p) => [`${p.personId}|${p.courseId}`, p])).values()].map((p) => [orgId, p.personId, p.kind, 'training', p.courseId, 'participant', p.on]));
  const loaded = performance.now() - started;
  // As after a restore: the planner's figures for the tables just filled.
  await pool.query('ANALYZE');

  const admin = org.admin;
  const times: number[] = [];
  let report: Lineage | null = null;
  for (let i = 0; i < RUNS + 3; i++) {
    const t = performance.now();
    const res = await admin.get('/api/v1/training/lineage');
    const ms = performance.now() - t;
    if (res.statusCode !== 200) throw new Error(res.body.slice(0, 300));
    if (i >= 3) times.push(ms);
    report = res.json() as Lineage;
  }

  // Checked apart: unique people who attended any course a trainer ran, per generation and overall.
  const runByTrainers = new Set(courses.map((c) => c.id));
  const uniqueReached = new Set(participations.filter((p) => runByTrainers.has(p.courseId)).map((p) => p.personId)).size;
  const gen = new Map<string, number>(masters.map((m) => [m, 0]));
  for (const c of certifications) {
    const tot = courses.find((x) => x.id === c.courseId)!;
    if (!gen.has(c.personId)) gen.set(c.personId, Math.min(...tot.trainers.map((t) => gen.get(t)!)) + 1);
  }
  const byTrainer = new Map<string, string[]>();
  for (const c of courses) for (const t of c.trainers) byTrainer.set(t, [...(byTrainer.get(t) ?? []), c.id]);
  const attendees = new Map<string, Set<string>>();
  for (const p of participations) attendees.set(p.courseId, (attendees.get(p.courseId) ?? new Set()).add(p.personId));
  const expectedGenerations = [0, 1, 2].map((g) => {
    const ts = [...byTrainer.keys()].filter((t) => gen.get(t) === g);
    const reached = new Set(ts.flatMap((t) => byTrainer.get(t)!.flatMap((c) => [...(attendees.get(c) ?? [])])));
    return { generation: g, reach: reached.size };
  });
  const got = report!.generations.map((g) => ({ generation: g.generation, reach: g.reach }));
  if (report!.reach !== uniqueReached || JSON.stringify(got) !== JSON.stringify(expectedGenerations)) {
    throw new Error(`figures differ: report ${report!.reach} ${JSON.stringify(got)}, counted ${uniqueReached} ${JSON.stringify(expectedGenerations)}`);
  }

  console.log(`machine: ${machine()}; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; database ${kind}`);
  console.log(`data: ${trainers.length} trainers (${masters.length} masters), ${courses.length} courses (${courses.filter((c) => c.kind === 'tot').length} ToTs), ${PARTICIPANTS} participants, ${participations.length} participations; loaded in ${(loaded / 1000).toFixed(1)} s`);
  console.log(`report: reach ${report!.reach}, generations ${report!.generations.map((g) => `${g.generation}: ${g.trainers} trainers, ${g.reach} reached`).join('; ')} (checked against the sums counted apart)`);
  console.log(`lineage report, ${RUNS} requests: p50 ${percentile(times, 50)} ms, p95 ${percentile(times, 95)} ms (target p95 ≤ 300 ms)`);
} finally {
  await product.close();
}
