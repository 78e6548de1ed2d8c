import { and, asc, eq } from 'drizzle-orm';
import type { EventSummary } from '../../../contracts/events.js';
import type { CertificationInput } from '../../../contracts/training.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { todayIn } from '../../platform/time.js';
import { getEvent } from '../events/event-service.js';
import { listRegistrations } from '../events/registration-service.js';
import { currentOrgClock } from '../orgs/org-service.js';
import { recordParticipations, removeParticipations, type ParticipationInput } from '../people/participation-service.js';
import { currentPersonIds, peopleByIds } from '../people/person-service.js';
import { courseAttendance, courseOfSession, getCourseRow } from './course-service.js';
import type { CourseRow } from './present.js';
import { trainingCertifications, trainingCourseTrainers, trainingSessions } from './tables.js';

/** What a course's participations count as in people's records: a training of trainers, or a course. */
export const participationKind = (course: Pick<CourseRow, 'kind'>) => (course.kind === 'tot' ? 'tot' : 'course');

async function trainersOf(ctx: TenantCtx, courseId: string) {
  const rows = await ctx.tx.select({ personId: trainingCourseTrainers.personId }).from(trainingCourseTrainers)
    .where(and(eq(trainingCourseTrainers.orgId, ctx.orgId), eq(trainingCourseTrainers.courseId, courseId)));
  return rows.map((r) => r.personId);
}

/**
 * The participations a held session gives the people module: each attendee
 * (ticked by the events module's check-in, which made them a person) a
 * participant of the course on the session's day, and the course's trainers
 * its trainers that day. Recording them twice adds nothing.
 */
async function sessionParticipations(ctx: TenantCtx, course: CourseRow, session: EventSummary, trainers: string[], timeZone: string): Promise<ParticipationInput[]> {
  if (session.state === 'cancelled' || !session.attended) return [];
  const on = todayIn(timeZone, new Date(session.startsAt));
  const kind = participationKind(course);
  const attendees = (await listRegistrations(ctx, session.id)).flatMap((r) => (r.attendedAt && r.personId ? [r.personId] : []));
  return [
    ...attendees.map((personId) => ({ personId, kind, source: 'training', sourceId: course.id, role: 'participant' as const, on })),
    ...trainers.map((personId) => ({ personId, kind, source: 'training', sourceId: course.id, role: 'trainer' as const, on })),
  ];
}

/** Records the participations of every held session of a course (after a trainer joins, or its kind changed). */
export async function recordCourseAttendance(ctx: TenantCtx, course: CourseRow) {
  const links = await ctx.tx.select({ eventId: trainingSessions.eventId }).from(trainingSessions)
    .where(and(eq(trainingSessions.orgId, ctx.orgId), eq(trainingSessions.courseId, course.id))).orderBy(asc(trainingSessions.createdAt));
  const trainers = await trainersOf(ctx, course.id);
  const { timeZone } = await currentOrgClock(ctx);
  const entries: ParticipationInput[] = [];
  for (const link of links) entries.push(...(await sessionParticipations(ctx, course, await getEvent(ctx, link.eventId), trainers, timeZone)));
  return recordParticipations(ctx, entries);
}

/**
 * Called after the events module's check-in ticks people (server/app.ts hands
 * it to the event routes): when the event is a session of a course, its
 * attendees become participants of the course (source `training`, kind
 * `course` or `tot`), so "people trained" counts each person once across courses.
 */
export async function recordSessionAttendance(ctx: TenantCtx, eventId: string) {
  const course = await courseOfSession(ctx, eventId);
  if (!course) return 0;
  const { timeZone } = await currentOrgClock(ctx);
  return recordParticipations(ctx, await sessionParticipations(ctx, course, await getEvent(ctx, eventId), await trainersOf(ctx, course.id), timeZone));
}

/** A course's kind changed: its participations are recorded again under the new kind. */
export async function recountCourse(ctx: TenantCtx, courseId: string) {
  await removeParticipations(ctx, { source: 'training', sourceId: courseId });
  await recordCourseAttendance(ctx, await getCourseRow(ctx, courseId));
}

/** A person of the people module runs the course; the sessions held so far count them as its trainer. */
export async function addTrainer(ctx: TenantCtx, courseId: string, personId: string) {
  const course = await getCourseRow(ctx, courseId, true);
  const person = (await peopleByIds(ctx, [personId])).get(personId);
  if (!person) throw new AppError('training.person_not_found');
  const current = await currentPersonIds(ctx, await trainersOf(ctx, courseId));
  if ([...current.values()].includes(person.id)) throw new AppError('training.already_trainer');
  await ctx.tx.insert(trainingCourseTrainers).values({ orgId: ctx.orgId, courseId, personId: person.id });
  await recordAudit(ctx, { action: 'training_course.trainer_add', entityType: 'training_course', entityId: courseId, after: { personId: person.id, name: person.name } });
  await recordCourseAttendance(ctx, course);
}

export async function removeTrainer(ctx: TenantCtx, courseId: string, personId: string) {
  await getCourseRow(ctx, courseId, true);
  const current = await currentPersonIds(ctx, await trainersOf(ctx, courseId));
  const target = (await currentPersonIds(ctx, [personId])).get(personId) ?? personId;
  const stored = [...current].filter(([, to]) => to === target).map(([from]) => from);
  if (!stored.length) throw new AppError('training.trainer_not_found');
  for (const id of stored) {
    await ctx.tx.delete(trainingCourseTrainers).where(and(eq(trainingCourseTrainers.orgId, ctx.orgId), eq(trainingCourseTrainers.courseId, courseId), eq(trainingCourseTrainers.personId, id)));
    await removeParticipations(ctx, { source: 'training', sourceId: courseId, personId: id, role: 'trainer' });
  }
  await recordAudit(ctx, { action: 'training_course.trainer_remove', entityType: 'training_course', entityId: courseId, before: { personId } });
}

/**
 * Certifies a completer of a ToT as a trainer, after their teach-back: a
 * staff decision, audited on the course with who judged it and how it went.
 * Only a ToT's participants who met its completion rule are certified, once each.
 */
export async function certifyTrainer(ctx: TenantCtx, courseId: string, input: CertificationInput) {
  const course = await getCourseRow(ctx, courseId, true);
  if (course.kind !== 'tot') throw new AppError('training.not_tot');
  const personId = (await currentPersonIds(ctx, [input.personId])).get(input.personId);
  if (!personId) throw new AppError('training.person_not_found');
  const links = await ctx.tx.select({ eventId: trainingSessions.eventId }).from(trainingSessions).where(and(eq(trainingSessions.orgId, ctx.orgId), eq(trainingSessions.courseId, courseId)));
  // One after another: a transaction's queries share one connection.
  const sessions = [];
  for (const l of links) sessions.push(await getEvent(ctx, l.eventId));
  const attendance = (await courseAttendance(ctx, course, sessions)).find((a) => a.personId === personId);
  if (!attendance?.completed) throw new AppError('training.not_completed');
  const earlier = await ctx.tx.select({ personId: trainingCertifications.personId }).from(trainingCertifications)
    .where(and(eq(trainingCertifications.orgId, ctx.orgId), eq(trainingCertifications.courseId, courseId)));
  const already = await currentPersonIds(ctx, earlier.map((e) => e.personId));
  if ([...already.values()].includes(personId)) throw new AppError('training.already_certified');
  const [row] = await ctx.tx.insert(trainingCertifications).values({
    orgId: ctx.orgId, courseId, personId, certifiedOn: input.certifiedOn, teachBack: input.teachBack.trim(), certifiedBy: ctx.actor.name,
  }).returning({ id: trainingCertifications.id });
  await recordAudit(ctx, {
    action: 'training_course.certify', entityType: 'training_course', entityId: courseId,
    after: { certificationId: row!.id, personId, certifiedOn: input.certifiedOn, teachBack: input.teachBack.trim(), attended: attendance.attended, sessions: attendance.sessions },
  });
}
