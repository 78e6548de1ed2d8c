import { and, asc, count, eq, inArray, isNotNull, max, sql } from 'drizzle-orm';
import type { EventSummary } from '../../../contracts/events.js';
import type { COURSE_SORTS, CourseDetail, CourseInput, CourseParticipant, CourseQuery, CourseSummary, ModuleInput, SessionInput } from '../../../contracts/training.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { changedFields, recordAudit } from '../../platform/audit/record.js';
import { sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { createEvent, getEvent } from '../events/event-service.js';
import { listRegistrations } from '../events/registration-service.js';
import { attendanceOf } from '../events/participant-service.js';
import { currentPersonIds, peopleByIds, recordsOfPerson } from '../people/person-service.js';
import { completionOf } from './completion.js';
import { presentCourse, presentModule, type CourseRow } from './present.js';
import { trainingCertifications, trainingCourses, trainingCourseTrainers, trainingEvaluationAnswers, trainingModules, trainingSessions } from './tables.js';

export async function getCourseRow(ctx: TenantCtx, id: string, lock = false): Promise<CourseRow> {
  const query = ctx.tx.select().from(trainingCourses).where(and(eq(trainingCourses.orgId, ctx.orgId), eq(trainingCourses.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('training.not_found');
  return row;
}

/** The sessions of courses, as events of the events module, by start. */
async function sessionsOf(ctx: TenantCtx, courseIds: string[]): Promise<Map<string, EventSummary[]>> {
  const out = new Map<string, EventSummary[]>(courseIds.map((id) => [id, []]));
  if (!courseIds.length) return out;
  const links = await ctx.tx.select().from(trainingSessions).where(and(eq(trainingSessions.orgId, ctx.orgId), inArray(trainingSessions.courseId, courseIds)));
  for (const link of links) {
    const { ticketTypes: _t, currency: _c, ...event } = await getEvent(ctx, link.eventId);
    out.get(link.courseId)!.push(event);
  }
  for (const list of out.values()) list.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
  return out;
}

/** The courses, newest first, each with its number of sessions and the next session's start. */
/** The columns the list sorts by (contracts' COURSE_SORTS). */
const COURSE_LIST: SortedList<(typeof COURSE_SORTS)[number]> = {
  id: trainingCourses.id,
  columns: {
    created: { by: trainingCourses.createdAt, type: 'timestamptz' },
    title: { by: trainingCourses.title, type: 'text' },
  },
};

/** A page of courses in the chosen order, each with its number of sessions and the next one to come. */
export async function listCoursePage(ctx: TenantCtx, query: CourseQuery, now: Date) {
  const page = await sortedPage(COURSE_LIST, query, (k) => ctx.tx.select({ row: trainingCourses, k }).from(trainingCourses).$dynamic(), [
    eq(trainingCourses.orgId, ctx.orgId),
    query.kind ? eq(trainingCourses.kind, query.kind) : undefined,
  ], (r) => r.row.id);
  return { items: await summaries(ctx, page.items.map((r) => r.row), now), nextCursor: page.nextCursor };
}

/** Every course, newest first (up to 1000): what the demo's checks read. */
export async function listCourses(ctx: TenantCtx, now: Date): Promise<CourseSummary[]> {
  return (await listCoursePage(ctx, { sort: '-created', limit: 1000 }, now)).items;
}

async function summaries(ctx: TenantCtx, rows: CourseRow[], now: Date): Promise<CourseSummary[]> {
  const ids = rows.map((r) => r.id);
  const counts = new Map(ids.length ? (await ctx.tx
    .select({ courseId: trainingSessions.courseId, n: count() })
    .from(trainingSessions)
    .where(and(eq(trainingSessions.orgId, ctx.orgId), inArray(trainingSessions.courseId, ids)))
    .groupBy(trainingSessions.courseId)).map((r) => [r.courseId, Number(r.n)]) : []);
  const sessions = await sessionsOf(ctx, rows.filter((r) => counts.get(r.id)).map((r) => r.id));
  return rows.map((r) => {
    const next = (sessions.get(r.id) ?? []).find((s) => s.state !== 'cancelled' && Date.parse(s.startsAt) > now.getTime());
    return presentCourse(r, { sessions: counts.get(r.id) ?? 0, nextSessionAt: next ? new Date(next.startsAt) : null });
  });
}

/**
 * Who attended a course's sessions, each person once (a merged record counts
 * for the one it became), with the sessions they attended against the
 * course's completion rule. Sessions cancelled are not counted.
 */
export async function courseAttendance(ctx: TenantCtx, course: CourseRow, sessions: EventSummary[]) {
  const held = sessions.filter((s) => s.state !== 'cancelled');
  const attendedBy = new Map<string, Set<string>>();
  for (const s of held) {
    if (!s.attended) continue;
    for (const reg of await listRegistrations(ctx, s.id)) {
      if (!reg.attendedAt || !reg.personId) continue;
      attendedBy.set(reg.personId, (attendedBy.get(reg.personId) ?? new Set()).add(s.id));
    }
  }
  const current = await currentPersonIds(ctx, [...attendedBy.keys()]);
  const merged = new Map<string, Set<string>>();
  for (const [id, set] of attendedBy) {
    const to = current.get(id) ?? id;
    merged.set(to, new Set([...(merged.get(to) ?? []), ...set]));
  }
  const scores = await postScores(ctx, course.id);
  return [...merged].map(([personId, set]) => {
    const postScore = scores.get(personId) ?? null;
    return { personId, attended: set.size, sessions: held.length, postScore, ...completionOf(set.size, held.length, course.completionShare, { minScore: course.minPostScore, postScore }) };
  });
}

/** The post-test scores of a course's participants, by their current person record (a score not computed is left out). */
export async function postScores(ctx: TenantCtx, courseId: string): Promise<Map<string, number>> {
  const rows = await ctx.tx.select({ personId: trainingEvaluationAnswers.personId, score: trainingEvaluationAnswers.score }).from(trainingEvaluationAnswers)
    .where(and(eq(trainingEvaluationAnswers.orgId, ctx.orgId), eq(trainingEvaluationAnswers.courseId, courseId), eq(trainingEvaluationAnswers.kind, 'post')))
    .orderBy(asc(trainingEvaluationAnswers.createdAt));
  const current = await currentPersonIds(ctx, rows.map((r) => r.personId));
  const out = new Map<string, number>();
  for (const r of rows) {
    const to = current.get(r.personId) ?? r.personId;
    if (r.score !== null && !out.has(to)) out.set(to, r.score);
  }
  return out;
}

/** The events that are a course's sessions (cancelled ones included). */
export async function sessionEventIds(ctx: TenantCtx, courseId: string): Promise<string[]> {
  return (await ctx.tx.select({ eventId: trainingSessions.eventId }).from(trainingSessions)
    .where(and(eq(trainingSessions.orgId, ctx.orgId), eq(trainingSessions.courseId, courseId)))).map((r) => r.eventId);
}

/**
 * One participant of a course as `getCourse` lists them, read with queries
 * bounded by the person (their records, merged ones included; their check-ins
 * at the course's sessions; their post-test; their certification), so that
 * issuing one certificate does not cost the whole course. The same rule
 * (`completion.ts`); null when the person attended none of its sessions or
 * their id was merged into another record.
 */
export async function courseParticipant(ctx: TenantCtx, course: CourseRow, personId: string): Promise<CourseParticipant | null> {
  const records = await recordsOfPerson(ctx, personId);
  if (!records.length) return null;
  const { held, attended } = await attendanceOf(ctx, await sessionEventIds(ctx, course.id), records);
  const sessions = new Set(attended.map((a) => a.eventId));
  if (!sessions.size) return null;
  const [answer] = await ctx.tx.select({ score: trainingEvaluationAnswers.score }).from(trainingEvaluationAnswers)
    .where(and(eq(trainingEvaluationAnswers.orgId, ctx.orgId), eq(trainingEvaluationAnswers.courseId, course.id), eq(trainingEvaluationAnswers.kind, 'post'),
      inArray(trainingEvaluationAnswers.personId, records), isNotNull(trainingEvaluationAnswers.score)))
    .orderBy(asc(trainingEvaluationAnswers.createdAt)).limit(1);
  const postScore = answer?.score ?? null;
  const [cert] = await ctx.tx.select().from(trainingCertifications)
    .where(and(eq(trainingCertifications.orgId, ctx.orgId), eq(trainingCertifications.courseId, course.id), inArray(trainingCertifications.personId, records)))
    .orderBy(asc(trainingCertifications.createdAt)).limit(1);
  const person = (await peopleByIds(ctx, [personId])).get(personId);
  return {
    personId, attended: sessions.size, sessions: held.length, postScore,
    ...completionOf(sessions.size, held.length, course.completionShare, { minScore: course.minPostScore, postScore }),
    name: person?.name ?? '',
    sex: person?.sex ?? 'not_stated',
    ageBand: person?.ageBand ?? ('unknown' as const),
    firm: person?.member?.name ?? null,
    certification: cert ? { id: cert.id, certifiedOn: cert.certifiedOn, teachBack: cert.teachBack, certifiedBy: cert.certifiedBy } : null,
  };
}

export async function getCourse(ctx: TenantCtx, id: string, now: Date): Promise<CourseDetail> {
  const course = await getCourseRow(ctx, id);
  const modules = await ctx.tx.select().from(trainingModules).where(and(eq(trainingModules.orgId, ctx.orgId), eq(trainingModules.courseId, id))).orderBy(asc(trainingModules.position), asc(trainingModules.createdAt));
  const sessionList = (await sessionsOf(ctx, [id])).get(id)!;
  const attendance = await courseAttendance(ctx, course, sessionList);
  const trainerRows = await ctx.tx.select().from(trainingCourseTrainers).where(and(eq(trainingCourseTrainers.orgId, ctx.orgId), eq(trainingCourseTrainers.courseId, id))).orderBy(asc(trainingCourseTrainers.createdAt));
  const certRows = await ctx.tx.select().from(trainingCertifications).where(eq(trainingCertifications.orgId, ctx.orgId));
  const people = await peopleByIds(ctx, [...attendance.map((a) => a.personId), ...trainerRows.map((t) => t.personId), ...certRows.map((c) => c.personId)]);
  const currentOf = (personId: string) => people.get(personId)?.id ?? personId;
  const certifiedPeople = new Set(certRows.map((c) => currentOf(c.personId)));
  const certificationOf = new Map(certRows.filter((c) => c.courseId === id).map((c) => [currentOf(c.personId), c]));
  const trainers = [...new Map(trainerRows.map((t) => [currentOf(t.personId), t])).keys()].map((personId) => ({
    personId, name: people.get(personId)?.name ?? '', certified: certifiedPeople.has(personId),
  }));
  const participants: CourseParticipant[] = attendance.map((a) => {
    const person = people.get(a.personId);
    const cert = certificationOf.get(a.personId);
    return {
      ...a,
      name: person?.name ?? '',
      sex: person?.sex ?? 'not_stated',
      ageBand: person?.ageBand ?? ('unknown' as const),
      firm: person?.member?.name ?? null,
      certification: cert ? { id: cert.id, certifiedOn: cert.certifiedOn, teachBack: cert.teachBack, certifiedBy: cert.certifiedBy } : null,
    };
  }).sort((a, b) => a.name.localeCompare(b.name) || a.personId.localeCompare(b.personId));
  const next = sessionList.find((s) => s.state !== 'cancelled' && Date.parse(s.startsAt) > now.getTime());
  return {
    ...presentCourse(course, { sessions: sessionList.length, nextSessionAt: next ? new Date(next.startsAt) : null }),
    modules: modules.map(presentModule),
    sessionList,
    trainers,
    participants,
  };
}

const auditable = (c: CourseInput | CourseRow) => ({
  title: c.title, kind: c.kind, description: c.description, audience: c.audience, hours: c.hours, completionShare: c.completionShare,
});

export async function createCourse(ctx: TenantCtx, input: CourseInput): Promise<string> {
  const [row] = await ctx.tx.insert(trainingCourses).values({ orgId: ctx.orgId, ...auditable(input) }).returning({ id: trainingCourses.id });
  await recordAudit(ctx, { action: 'training_course.create', entityType: 'training_course', entityId: row!.id, after: auditable(input) });
  return row!.id;
}

/**
 * Changes a course. Its kind decides what its participations count as (a ToT
 * or a course), so the participations already recorded follow (attendance-service.ts).
 */
export async function editCourse(ctx: TenantCtx, id: string, input: CourseInput): Promise<{ kindChanged: boolean }> {
  const before = await getCourseRow(ctx, id, true);
  const changed = changedFields(auditable(before), auditable(input));
  if (!Object.keys(changed.after).length) {
    nothingChanged();
    return { kindChanged: false };
  }
  await ctx.tx.update(trainingCourses).set({ ...auditable(input), updatedAt: sql`now()` }).where(and(eq(trainingCourses.orgId, ctx.orgId), eq(trainingCourses.id, id)));
  await recordAudit(ctx, { action: 'training_course.update', entityType: 'training_course', entityId: id, ...changed });
  return { kindChanged: 'kind' in changed.after };
}

const moduleValues = (m: ModuleInput) => ({ title: m.title, objectives: m.objectives, materials: m.materials.map((x) => ({ title: x.title, url: x.url })), hours: m.hours });

export async function addModule(ctx: TenantCtx, courseId: string, input: ModuleInput) {
  await getCourseRow(ctx, courseId, true);
  const [last] = await ctx.tx.select({ position: max(trainingModules.position) }).from(trainingModules).where(and(eq(trainingModules.orgId, ctx.orgId), eq(trainingModules.courseId, courseId)));
  const values = moduleValues(input);
  const [row] = await ctx.tx.insert(trainingModules).values({ orgId: ctx.orgId, courseId, position: (last?.position ?? 0) + 1, ...values }).returning({ id: trainingModules.id });
  await recordAudit(ctx, { action: 'training_course.module_add', entityType: 'training_course', entityId: courseId, after: { moduleId: row!.id, ...values } });
}

async function moduleRow(ctx: TenantCtx, courseId: string, moduleId: string) {
  await getCourseRow(ctx, courseId, true);
  const [row] = await ctx.tx.select().from(trainingModules).where(and(eq(trainingModules.orgId, ctx.orgId), eq(trainingModules.courseId, courseId), eq(trainingModules.id, moduleId)));
  if (!row) throw new AppError('training.module_not_found');
  return row;
}

export async function editModule(ctx: TenantCtx, courseId: string, moduleId: string, input: ModuleInput) {
  const before = await moduleRow(ctx, courseId, moduleId);
  const values = moduleValues(input);
  const changed = changedFields(moduleValues(before as ModuleInput), values);
  if (!Object.keys(changed.after).length) return nothingChanged();
  await ctx.tx.update(trainingModules).set(values).where(and(eq(trainingModules.orgId, ctx.orgId), eq(trainingModules.id, moduleId)));
  await recordAudit(ctx, { action: 'training_course.module_update', entityType: 'training_course', entityId: courseId, before: { moduleId, ...changed.before }, after: { moduleId, ...changed.after } });
}

export async function removeModule(ctx: TenantCtx, courseId: string, moduleId: string) {
  const before = await moduleRow(ctx, courseId, moduleId);
  await ctx.tx.delete(trainingModules).where(and(eq(trainingModules.orgId, ctx.orgId), eq(trainingModules.id, moduleId)));
  await recordAudit(ctx, { action: 'training_course.module_remove', entityType: 'training_course', entityId: courseId, before: { moduleId, ...moduleValues(before as ModuleInput) } });
}

/**
 * A new session of the course: an event of kind `training_session`, in draft,
 * created by the events module, which keeps its registration, capacity,
 * waiting list, fees and check-in.
 */
export async function addSession(ctx: TenantCtx, courseId: string, input: SessionInput): Promise<string> {
  await getCourseRow(ctx, courseId, true);
  const eventId = await createEvent(ctx, {
    title: input.title, kind: 'training_session', startsAt: input.startsAt, endsAt: input.endsAt, venue: input.venue, onlineUrl: input.onlineUrl,
    description: '', capacity: input.capacity, audience: input.audience, branchId: null, external: false, organiser: '',
  });
  await ctx.tx.insert(trainingSessions).values({ orgId: ctx.orgId, eventId, courseId });
  await recordAudit(ctx, { action: 'training_course.session_add', entityType: 'training_course', entityId: courseId, after: { eventId } });
  return eventId;
}

/** The course an event is a session of, if any. */
export async function courseOfSession(ctx: TenantCtx, eventId: string): Promise<CourseRow | null> {
  const [link] = await ctx.tx.select({ courseId: trainingSessions.courseId }).from(trainingSessions).where(and(eq(trainingSessions.orgId, ctx.orgId), eq(trainingSessions.eventId, eventId)));
  return link ? getCourseRow(ctx, link.courseId) : null;
}
