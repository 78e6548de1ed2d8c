import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { RespondentView } from '../../../contracts/surveys.js';
import { pickLabel, type FormDefinition } from '../../../contracts/surveys/form-model.js';
import { EVALUATION_KINDS, type CourseEvaluation, type EvaluationKind, type EvaluationLinkState, type EvaluationSettingsInput } from '../../../contracts/training.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { changedFields, recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { orgClock } from '../../platform/org-clock.js';
import { getCurrentOrg } from '../orgs/org-service.js';
import { currentPersonIds, peopleByIds } from '../people/person-service.js';
import { getFormRow, formVersion } from '../surveys/form-service.js';
import { checkSubmission } from '../surveys/respond-service.js';
import { getCourse, getCourseRow } from './course-service.js';
import { hasScore, knowledgeGain, satisfactionSummary, scoreOf } from './evaluation.js';
import { trainingCertificates, trainingCourseForms, trainingCourses, trainingCourseTrainers, trainingEvaluationAnswers, trainingEvaluationLinks } from './tables.js';

type FormChoice = { formId: string; version: number };
const FIELD: Record<EvaluationKind, 'preFormId' | 'postFormId' | 'satisfactionFormId'> = { pre: 'preFormId', post: 'postFormId', satisfaction: 'satisfactionFormId' };

/** The forms a course evaluates with, by kind. */
async function formChoices(ctx: TenantCtx, courseId: string): Promise<Map<EvaluationKind, FormChoice>> {
  const rows = await ctx.tx.select().from(trainingCourseForms).where(and(eq(trainingCourseForms.orgId, ctx.orgId), eq(trainingCourseForms.courseId, courseId)));
  return new Map(rows.map((r) => [r.kind as EvaluationKind, { formId: r.formId, version: r.formVersion }]));
}

/** Submitted answers of courses, each person as their current record (a merged one's first answer of a kind counts). */
async function answersOf(ctx: TenantCtx, courseIds: string[]) {
  if (!courseIds.length) return [];
  const rows = await ctx.tx.select().from(trainingEvaluationAnswers)
    .where(and(eq(trainingEvaluationAnswers.orgId, ctx.orgId), inArray(trainingEvaluationAnswers.courseId, courseIds)))
    .orderBy(asc(trainingEvaluationAnswers.createdAt), asc(trainingEvaluationAnswers.id));
  const current = await currentPersonIds(ctx, rows.map((r) => r.personId));
  const seen = new Set<string>();
  return rows.map((r) => ({ ...r, kind: r.kind as EvaluationKind, personId: current.get(r.personId) ?? r.personId })).filter((r) => {
    const key = `${r.courseId}:${r.kind}:${r.personId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Pre and post scores per course and person. */
function scorePairs(answers: Awaited<ReturnType<typeof answersOf>>) {
  const pairs = new Map<string, { pre: number | null; post: number | null }>();
  for (const a of answers) {
    if (a.kind === 'satisfaction') continue;
    const key = `${a.courseId}:${a.personId}`;
    const pair = pairs.get(key) ?? { pre: null, post: null };
    pair[a.kind] = a.score;
    pairs.set(key, pair);
  }
  return pairs;
}

/** A course's participant links (`evaluation-link-service.ts`), by kind and person as their current record. */
async function linksOf(ctx: TenantCtx, courseId: string) {
  const rows = await ctx.tx.select().from(trainingEvaluationLinks)
    .where(and(eq(trainingEvaluationLinks.orgId, ctx.orgId), eq(trainingEvaluationLinks.courseId, courseId)))
    .orderBy(asc(trainingEvaluationLinks.sentAt));
  const current = await currentPersonIds(ctx, rows.map((r) => r.personId));
  // The latest sent counts when a person's records were merged.
  return new Map(rows.map((r) => [`${r.kind}:${current.get(r.personId) ?? r.personId}`, r]));
}

/** A person's link to one form: answered once their answers are in (by the link or entered by staff), sent while it works, expired past its day. */
function linkState(link: { expiresAt: Date } | undefined, answered: boolean, now: Date): EvaluationLinkState {
  if (answered) return 'answered';
  if (!link) return 'not_sent';
  return link.expiresAt <= now ? 'expired' : 'sent';
}

/**
 * A course's evaluation: its forms, knowledge gain (post − pre over the
 * people with both tests), each person's scores against the completion rule,
 * the satisfaction form's ratings, and each of its trainers' gain over every
 * course they ran.
 */
export async function getEvaluation(ctx: TenantCtx, courseId: string, now: Date): Promise<CourseEvaluation> {
  const course = await getCourse(ctx, courseId, now);
  const row = await getCourseRow(ctx, courseId);
  const choices = await formChoices(ctx, courseId);
  const forms: CourseEvaluation['forms'] = { pre: null, post: null, satisfaction: null };
  for (const [kind, c] of choices) forms[kind] = { formId: c.formId, title: (await getFormRow(ctx, c.formId)).title, version: c.version };

  const answers = await answersOf(ctx, [courseId]);
  const participants = new Map(course.participants.map((p) => [p.personId, p]));
  const others = await peopleByIds(ctx, answers.map((a) => a.personId).filter((id) => !participants.has(id)));
  const pairs = scorePairs(answers);
  const answered = (kind: EvaluationKind) => new Set(answers.filter((a) => a.kind === kind).map((a) => a.personId));
  const [preAnswered, postAnswered, satisfied] = [answered('pre'), answered('post'), answered('satisfaction')];
  const ids = [...new Set([...participants.keys(), ...answers.map((a) => a.personId)])];
  const links = await linksOf(ctx, courseId);
  const addresses = await peopleByIds(ctx, ids);
  const people = ids.map((personId) => {
    const { pre, post } = pairs.get(`${courseId}:${personId}`) ?? { pre: null, post: null };
    return {
      personId,
      name: participants.get(personId)?.name ?? others.get(personId)?.name ?? '',
      pre, post, preAnswered: preAnswered.has(personId), postAnswered: postAnswered.has(personId), gain: pre !== null && post !== null ? post - pre : null,
      satisfaction: satisfied.has(personId),
      completed: participants.get(personId)?.completed ?? false,
      hasEmail: Boolean(addresses.get(personId)?.email),
      links: {
        pre: linkState(links.get(`pre:${personId}`), preAnswered.has(personId), now),
        post: linkState(links.get(`post:${personId}`), postAnswered.has(personId), now),
        satisfaction: linkState(links.get(`satisfaction:${personId}`), satisfied.has(personId), now),
      },
    };
  }).sort((a, b) => a.name.localeCompare(b.name) || a.personId.localeCompare(b.personId));

  const satisfactionChoice = choices.get('satisfaction');
  const satisfactionForm: FormDefinition | null = satisfactionChoice ? await formVersion(ctx, satisfactionChoice.formId, satisfactionChoice.version) : null;
  const satisfaction = satisfactionSummary(
    satisfactionForm,
    answers.filter((a) => a.kind === 'satisfaction' && satisfactionChoice && a.formId === satisfactionChoice.formId).map((a) => a.answers),
    (q) => pickLabel(q.label, ctx.locale, satisfactionForm?.languages ?? []),
  );

  return {
    forms,
    minPostScore: row.minPostScore,
    gain: knowledgeGain(people),
    people,
    satisfaction,
    trainers: await trainerGains(ctx, course.trainers),
  };
}

/** Each trainer's knowledge gain over every course they ran (a person once per course). */
async function trainerGains(ctx: TenantCtx, trainers: Array<{ personId: string; name: string }>) {
  if (!trainers.length) return [];
  const links = await ctx.tx.select({ courseId: trainingCourseTrainers.courseId, personId: trainingCourseTrainers.personId }).from(trainingCourseTrainers)
    .where(eq(trainingCourseTrainers.orgId, ctx.orgId));
  const current = await currentPersonIds(ctx, links.map((l) => l.personId));
  const coursesOf = new Map<string, Set<string>>();
  for (const l of links) {
    const to = current.get(l.personId) ?? l.personId;
    coursesOf.set(to, (coursesOf.get(to) ?? new Set()).add(l.courseId));
  }
  const wanted = new Set(trainers.flatMap((t) => [...(coursesOf.get(t.personId) ?? [])]));
  const pairs = scorePairs(await answersOf(ctx, [...wanted]));
  return trainers.map((t) => {
    const courses = coursesOf.get(t.personId) ?? new Set<string>();
    const theirs = [...pairs].filter(([key]) => courses.has(key.slice(0, key.indexOf(':')))).map(([, p]) => p);
    return { personId: t.personId, name: t.name, courses: courses.size, ...knowledgeGain(theirs) };
  });
}

/**
 * Chooses the forms a course evaluates with and the least post-test score.
 * A form must be published; a test must have a calculated field `score`. A
 * form is taken at its newest published version; once someone has answered
 * it for the course, it stays (version included) until those answers go.
 */
export async function setEvaluation(ctx: TenantCtx, courseId: string, input: EvaluationSettingsInput) {
  const course = await getCourseRow(ctx, courseId, true);
  const choices = await formChoices(ctx, courseId);
  const answered = new Set((await ctx.tx.selectDistinct({ kind: trainingEvaluationAnswers.kind }).from(trainingEvaluationAnswers)
    .where(and(eq(trainingEvaluationAnswers.orgId, ctx.orgId), eq(trainingEvaluationAnswers.courseId, courseId)))).map((r) => r.kind));
  const before: Record<string, unknown> = { minPostScore: course.minPostScore };
  const after: Record<string, unknown> = { minPostScore: input.minPostScore };
  const next = new Map<EvaluationKind, FormChoice | null>();
  for (const kind of EVALUATION_KINDS) {
    const formId = input[FIELD[kind]];
    const was = choices.get(kind) ?? null;
    before[FIELD[kind]] = was ? `${was.formId}@${was.version}` : null;
    if (answered.has(kind)) {
      if (formId !== (was?.formId ?? null)) throw fieldError(FIELD[kind], 'training.evaluation_answered');
      after[FIELD[kind]] = before[FIELD[kind]];
      continue;
    }
    if (!formId) {
      next.set(kind, null);
      after[FIELD[kind]] = null;
      continue;
    }
    const form = await getFormRow(ctx, formId);
    if (!form.publishedVersion) throw fieldError(FIELD[kind], 'training.form_not_published');
    if (kind !== 'satisfaction' && !hasScore(await formVersion(ctx, formId, form.publishedVersion))) throw fieldError(FIELD[kind], 'training.form_without_score');
    next.set(kind, { formId, version: form.publishedVersion });
    after[FIELD[kind]] = `${formId}@${form.publishedVersion}`;
  }
  const changed = changedFields(before, after);
  if (!Object.keys(changed.after).length) return nothingChanged();
  for (const [kind, choice] of next) {
    await ctx.tx.delete(trainingCourseForms).where(and(eq(trainingCourseForms.orgId, ctx.orgId), eq(trainingCourseForms.courseId, courseId), eq(trainingCourseForms.kind, kind)));
    if (choice) await ctx.tx.insert(trainingCourseForms).values({ orgId: ctx.orgId, courseId, kind, formId: choice.formId, formVersion: choice.version });
  }
  if (course.minPostScore !== input.minPostScore) {
    await ctx.tx.update(trainingCourses).set({ minPostScore: input.minPostScore, updatedAt: sql`now()` }).where(and(eq(trainingCourses.orgId, ctx.orgId), eq(trainingCourses.id, courseId)));
  }
  await recordAudit(ctx, { action: 'training_course.evaluation_set', entityType: 'training_course', entityId: courseId, ...changed });
}

/** The form of a kind a course evaluates with, and the person as their current record. */
export async function evaluationTarget(ctx: TenantCtx, courseId: string, kind: EvaluationKind, personId: string, lock = false) {
  const course = await getCourseRow(ctx, courseId, lock);
  const choice = (await formChoices(ctx, courseId)).get(kind);
  if (!choice) throw new AppError('training.no_evaluation_form');
  const person = (await peopleByIds(ctx, [personId])).get(personId);
  if (!person) throw new AppError('training.person_not_found');
  // The person's answers under any record merged into them since, first the one counted (as answersOf counts).
  const rows = await ctx.tx.select().from(trainingEvaluationAnswers)
    .where(and(eq(trainingEvaluationAnswers.orgId, ctx.orgId), eq(trainingEvaluationAnswers.courseId, courseId), eq(trainingEvaluationAnswers.kind, kind)))
    .orderBy(asc(trainingEvaluationAnswers.createdAt), asc(trainingEvaluationAnswers.id));
  const current = await currentPersonIds(ctx, rows.map((r) => r.personId));
  const theirs = rows.filter((r) => (current.get(r.personId) ?? r.personId) === person.id);
  return { course, choice, person, existing: theirs[0], theirs };
}

/** What the respondent page shows staff entering a person's answers to a course's form: the form, and the answers once given. */
export async function evaluationView(ctx: TenantCtx, courseId: string, kind: EvaluationKind, personId: string): Promise<RespondentView> {
  const { course, choice, person, existing } = await evaluationTarget(ctx, courseId, kind, personId);
  const org = await getCurrentOrg(ctx);
  return {
    consultation: { title: course.title, orgName: org.name, closesOn: null, identity: 'anonymous', locale: orgClock(org).locale },
    firmName: person.name,
    form: await formVersion(ctx, existing?.formId ?? choice.formId, existing?.formVersion ?? choice.version),
    answers: existing?.answers ?? {},
    status: existing ? 'submitted' : 'new',
    resumeKey: null,
  };
}

/**
 * Keeps a person's submitted answers to one of a course's forms, checked by
 * the surveys module as a consultation's are; a test keeps its score. Once
 * per person, course and kind; the same submission sent again (its key) is
 * answered without a second one.
 */
export async function submitEvaluation(ctx: TenantCtx, courseId: string, kind: EvaluationKind, personId: string, input: { answers: Record<string, unknown>; submissionKey: string | null }) {
  const { choice, person, existing } = await evaluationTarget(ctx, courseId, kind, personId, true);
  if (existing) {
    if (input.submissionKey && existing.submissionKey === input.submissionKey) return nothingChanged();
    throw new AppError('training.already_answered');
  }
  const answers = await checkSubmission(ctx, choice.formId, choice.version, input.answers);
  const score = kind === 'satisfaction' ? null : scoreOf(answers);
  const [row] = await ctx.tx.insert(trainingEvaluationAnswers).values({
    orgId: ctx.orgId, courseId, kind, personId: person.id, formId: choice.formId, formVersion: choice.version, answers, score, submissionKey: input.submissionKey, enteredBy: ctx.actor.name,
  }).returning({ id: trainingEvaluationAnswers.id });
  await recordAudit(ctx, {
    action: 'training_course.evaluation_answer', entityType: 'training_course', entityId: courseId,
    after: { answerId: row!.id, kind, personId: person.id, formVersion: choice.version, score },
  });
}

/**
 * Takes back a person's answers to one of a course's forms, entered for the
 * wrong person or from the wrong sheet, so that the right ones can be entered:
 * the audit entry keeps what was removed (its score with it). A test's score
 * decides completion, so a wrong one must not stay for good.
 */
export async function removeEvaluationAnswer(ctx: TenantCtx, courseId: string, kind: EvaluationKind, personId: string) {
  const { person, existing, theirs } = await evaluationTarget(ctx, courseId, kind, personId, true);
  if (!existing) throw new AppError('training.answer_not_found');
  await refuseWhileCertified(ctx, courseId, kind, [person.id, ...theirs.map((r) => r.personId)]);
  // Every answer of theirs goes, also one given under a record merged into them: none is counted afterwards.
  await ctx.tx.delete(trainingEvaluationAnswers).where(and(eq(trainingEvaluationAnswers.orgId, ctx.orgId), inArray(trainingEvaluationAnswers.id, theirs.map((r) => r.id))));
  await recordAudit(ctx, {
    action: 'training_course.evaluation_answer_remove', entityType: 'training_course', entityId: courseId,
    before: { answerId: existing.id, kind, personId: person.id, formVersion: existing.formVersion, score: existing.score, enteredBy: existing.enteredBy, ...(theirs.length > 1 ? { answers: theirs.length } : {}) },
  });
}

/**
 * A post-test's score decided a certificate already issued: it is revoked
 * first, with its reason, not left standing on a score taken back or changed.
 * A pre-test or a satisfaction form decides no certificate.
 */
async function refuseWhileCertified(ctx: TenantCtx, courseId: string, kind: EvaluationKind, personIds: string[]) {
  if (kind !== 'post') return;
  const [held] = await ctx.tx.select({ id: trainingCertificates.id }).from(trainingCertificates)
    .where(and(eq(trainingCertificates.orgId, ctx.orgId), eq(trainingCertificates.courseId, courseId), inArray(trainingCertificates.personId, personIds), isNull(trainingCertificates.revokedAt)));
  if (held) throw new AppError('training.certificate_standing');
}

/** The answers that differ between two submissions, question by question (a question left empty on one side included). */
function changedAnswers(before: Record<string, unknown>, after: Record<string, unknown>) {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)).sort();
  return { before: Object.fromEntries(keys.map((k) => [k, before[k] ?? null])), after: Object.fromEntries(keys.map((k) => [k, after[k] ?? null])) };
}

/**
 * Staff correct a person's submitted answers to one of a course's forms (a
 * mark misread from the sheet, a participant's slip): checked again on the
 * form version the answers were given on, the score computed again, the audit
 * entry holding each answer that changed and the score before and after. A
 * post-test's score behind a standing certificate is not changed
 * (`training.certificate_standing`). The same correction sent again (its key)
 * changes nothing.
 */
export async function correctEvaluationAnswer(ctx: TenantCtx, courseId: string, kind: EvaluationKind, personId: string, input: { answers: Record<string, unknown>; submissionKey: string | null }) {
  const { person, existing, theirs } = await evaluationTarget(ctx, courseId, kind, personId, true);
  if (!existing) throw new AppError('training.answer_not_found');
  if (input.submissionKey && existing.submissionKey === input.submissionKey) return nothingChanged();
  await refuseWhileCertified(ctx, courseId, kind, [person.id, ...theirs.map((r) => r.personId)]);
  const answers = await checkSubmission(ctx, existing.formId, existing.formVersion, input.answers);
  const score = kind === 'satisfaction' ? null : scoreOf(answers);
  const changed = changedAnswers(existing.answers, answers);
  if (!Object.keys(changed.after).length) return nothingChanged();
  await ctx.tx.update(trainingEvaluationAnswers).set({ answers, score, submissionKey: input.submissionKey })
    .where(and(eq(trainingEvaluationAnswers.orgId, ctx.orgId), eq(trainingEvaluationAnswers.id, existing.id)));
  await recordAudit(ctx, {
    action: 'training_course.evaluation_answer_correct', entityType: 'training_course', entityId: courseId,
    before: { answerId: existing.id, kind, personId: person.id, score: existing.score, answers: changed.before },
    after: { answerId: existing.id, kind, personId: person.id, score, answers: changed.after },
  });
}
