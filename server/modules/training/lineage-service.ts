import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Lineage } from '../../../contracts/training.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { currentPersonIds, peopleByIds } from '../people/person-service.js';
import { assembleLineage, lineageShape, type LineageReach, type LineageShapeNode } from './lineage.js';
import { trainingReachSets } from './reach-tables.js';
import { trainingCertifications, trainingCourses, trainingCourseTrainers } from './tables.js';
import { arrayLiteral } from '../../platform/db/array-literal.js';

/**
 * The unique people each trainer, each generation and all trainers reached,
 * read from the stored reach (migration 0070, `reach-tables.ts`): the sets of
 * trainers people were reached by, each with how many people exactly that set
 * reached, kept exact by the database on every write of a participation or a
 * course's trainers. A person counts once for a trainer, a generation or
 * overall when their set holds such a trainer, so each count is a sum over
 * sets. The sets hold the trainers' ids as the courses record them; `trainers`
 * maps each to its current record (a merged trainer's courses are the kept
 * record's) and that record's generation in today's tree, so neither a
 * certification nor a merge of two trainers changes what is stored.
 *
 * Measured on the benchmark's 50,000 participants: counting from the records
 * hashed ~70,000 (trainer, generation, person) triples at each request (p50
 * 285–335 ms, p95 344–526 ms, quiet); the sets are ~11,600 rows (one per
 * trainer and per mix of trainers people took courses with): the statement
 * about a quarter of the work (alternated at load 5–10: min 275 → 65–94 ms).
 */
async function reachOf(ctx: TenantCtx, shape: LineageShapeNode[], trainers: Map<string, string>): Promise<LineageReach> {
  const reach: LineageReach = { byTrainer: new Map(), byGeneration: new Map(), total: 0 };
  const generationOf = new Map(shape.map((n) => [n.personId, n.generation]));
  const recorded = [...trainers].filter(([, now]) => generationOf.has(now));
  if (!recorded.length) return reach;
  const rows = (await ctx.tx.execute<{ level: string; key: string; n: number }>(sql`
    WITH trainers AS (
      SELECT * FROM unnest(${arrayLiteral(recorded.map(([id]) => id))}::uuid[], ${arrayLiteral(recorded.map(([, now]) => now))}::uuid[], ${arrayLiteral(recorded.map(([, now]) => generationOf.get(now)!))}::int[])
        AS x(trainer_id, person_id, generation)
    ), members AS MATERIALIZED (
      SELECT s.trainers_key, s.people, t.person_id, t.generation
      FROM ${trainingReachSets} s CROSS JOIN LATERAL unnest(s.trainers) AS u(trainer_id)
      JOIN trainers t ON t.trainer_id = u.trainer_id
      WHERE s.org_id = ${ctx.orgId}
    )
    SELECT 'trainer' AS level, person_id::text AS key, sum(people)::int AS n FROM (SELECT DISTINCT trainers_key, people, person_id FROM members) m GROUP BY person_id
    UNION ALL SELECT 'generation', generation::text, sum(people)::int FROM (SELECT DISTINCT trainers_key, people, generation FROM members) g GROUP BY generation
    UNION ALL SELECT 'all', '', coalesce(sum(people), 0)::int FROM (SELECT DISTINCT trainers_key, people FROM members) a`)).rows;
  for (const r of rows) {
    if (r.level === 'trainer') reach.byTrainer.set(r.key, Number(r.n));
    else if (r.level === 'generation') reach.byGeneration.set(Number(r.key), Number(r.n));
    else reach.total = Number(r.n);
  }
  return reach;
}

/**
 * Master trainers → the trainers they certified through a ToT → … with the
 * unique people each trainer and each generation reached (the participants of
 * the courses they ran, as the people module recorded them: merged records
 * count once).
 */
export async function getLineage(ctx: TenantCtx): Promise<Lineage> {
  const trainerRows = await ctx.tx.select({ courseId: trainingCourseTrainers.courseId, personId: trainingCourseTrainers.personId }).from(trainingCourseTrainers).where(eq(trainingCourseTrainers.orgId, ctx.orgId));
  const certRows = await ctx.tx.select().from(trainingCertifications).where(eq(trainingCertifications.orgId, ctx.orgId));
  // Only the ToTs someone was certified through are named.
  const totIds = [...new Set(certRows.map((c) => c.courseId))];
  const courses = totIds.length ? await ctx.tx.select({ id: trainingCourses.id, title: trainingCourses.title }).from(trainingCourses).where(and(eq(trainingCourses.orgId, ctx.orgId), inArray(trainingCourses.id, totIds))) : [];
  const titles = new Map(courses.map((c) => [c.id, c.title]));
  const current = await currentPersonIds(ctx, [...trainerRows.map((t) => t.personId), ...certRows.map((c) => c.personId)]);
  const now = (id: string) => current.get(id) ?? id;

  const trainersOf = new Map<string, string[]>();
  for (const t of trainerRows) trainersOf.set(t.courseId, [...(trainersOf.get(t.courseId) ?? []), now(t.personId)]);
  const certifications = certRows.map((c) => ({ personId: now(c.personId), courseId: c.courseId, on: c.certifiedOn }));
  const shape = lineageShape({ trainersOf, certifications });
  const figures = assembleLineage(shape, await reachOf(ctx, shape, new Map(trainerRows.map((t) => [t.personId, now(t.personId)]))));
  const people = await peopleByIds(ctx, figures.nodes.map((n) => n.personId));
  return {
    trainers: figures.nodes.map((n) => ({
      ...n,
      name: people.get(n.personId)?.name ?? '',
      certifiedThrough: certifications.filter((c) => c.personId === n.personId).map((c) => ({ courseId: c.courseId, title: titles.get(c.courseId) ?? '', certifiedOn: c.on })),
    })),
    generations: figures.generations,
    reach: figures.reach,
  };
}
