import { eq } from 'drizzle-orm';
import type { Lineage } from '../../../contracts/training.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { participantsOf } from '../people/participation-service.js';
import { currentPersonIds, peopleByIds } from '../people/person-service.js';
import { computeLineage } from './lineage.js';
import { trainingCertifications, trainingCourses, trainingCourseTrainers } from './tables.js';

/**
 * Master trainers → the trainers they certified through a ToT → … with the
 * unique people each trainer and each generation reached (the participants of
 * the courses they ran, as the people module recorded them: merged records
 * count once).
 */
export async function getLineage(ctx: TenantCtx): Promise<Lineage> {
  const courses = await ctx.tx.select({ id: trainingCourses.id, title: trainingCourses.title }).from(trainingCourses).where(eq(trainingCourses.orgId, ctx.orgId));
  const titles = new Map(courses.map((c) => [c.id, c.title]));
  const trainerRows = await ctx.tx.select().from(trainingCourseTrainers).where(eq(trainingCourseTrainers.orgId, ctx.orgId));
  const certRows = await ctx.tx.select().from(trainingCertifications).where(eq(trainingCertifications.orgId, ctx.orgId));
  const current = await currentPersonIds(ctx, [...trainerRows.map((t) => t.personId), ...certRows.map((c) => c.personId)]);
  const now = (id: string) => current.get(id) ?? id;

  const trainersOf = new Map<string, string[]>();
  for (const t of trainerRows) trainersOf.set(t.courseId, [...(trainersOf.get(t.courseId) ?? []), now(t.personId)]);
  const participantsByCourse = new Map<string, string[]>();
  for (const p of await participantsOf(ctx, { source: 'training', sourceIds: [...trainersOf.keys()], roles: ['participant'] })) {
    participantsByCourse.set(p.sourceId, [...(participantsByCourse.get(p.sourceId) ?? []), p.personId]);
  }
  const certifications = certRows.map((c) => ({ personId: now(c.personId), courseId: c.courseId, on: c.certifiedOn }));
  const figures = computeLineage({ trainersOf, participantsOf: participantsByCourse, certifications });
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
