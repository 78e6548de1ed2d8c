import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ChildParams, IdParams, Page, TABLE_FORMATS } from '../../../../contracts/common.js';
import { z } from 'zod';
import { RespondentView } from '../../../../contracts/surveys.js';
import { CertificationInput, CourseDetail, CourseEvaluation, CourseFilter, CourseInput, CourseParticipant, CourseParticipantFilter, CourseParticipantQuery, CourseQuery, CourseSummary, EvaluationAnswersInput, EvaluationParams, EvaluationSettingsInput, Lineage, ModuleInput, SessionInput, TrainerInput } from '../../../../contracts/training.js';
import { clock } from '../../../platform/clock.js';
import type { TenantCtx } from '../../../platform/db/tenancy.js';
import { sendListExport, type ListExport } from '../../../platform/export/list-export.js';
import { addTrainer, certifyTrainer, recountCourse, removeTrainer } from '../attendance-service.js';
import { addModule, addSession, createCourse, editCourse, editModule, getCourse, getCourseRow, listCoursePage, removeModule } from '../course-service.js';
import { evaluationView, getEvaluation, removeEvaluationAnswer, setEvaluation, submitEvaluation } from '../evaluation-service.js';
import { getLineage } from '../lineage-service.js';
import { courseParticipantPage } from '../participant-list-service.js';

const tags = ['training'];
const detail = (ctx: TenantCtx, id: string) => getCourse(ctx, id, clock.now());

/**
 * Training: courses and their curriculum, sessions (events of the events
 * module, which keep registration and check-in), trainers, certification
 * after a ToT, and the lineage of trainers with their reach.
 */
/** The courses listed, as a file. */
/** A course's participants as a file: who, their firm, sex and age band in words, sessions attended, completion, post-test score, certification. */
const participantsExport = (courseId: string): ListExport<CourseParticipant, CourseParticipantFilter> => ({
  name: 'training-participants',
  columns: [
    { header: 'training.participantColumns.name', cell: (p) => p.name },
    { header: 'training.participantColumns.firm', cell: (p) => p.firm ?? '' },
    { header: 'training.participantColumns.sex', cell: (p, t) => t(`peopleReached.sexes.${p.sex}`) },
    { header: 'training.participantColumns.ageBand', cell: (p, t) => t(`peopleReached.bands.${p.ageBand}`) },
    { header: 'training.participantColumns.attended', cell: (p) => p.attended },
    { header: 'training.participantColumns.sessions', cell: (p) => p.sessions },
    { header: 'training.participantColumns.share', cell: (p) => p.share },
    { header: 'training.participantColumns.completed', cell: (p) => p.completed },
    { header: 'training.participantColumns.postScore', cell: (p) => p.postScore },
    { header: 'training.participantColumns.certifiedOn', cell: (p) => p.certification?.certifiedOn ?? '' },
  ],
  page: (ctx, query) => courseParticipantPage(ctx, courseId, query, clock.now()),
});

const coursesExport: ListExport<CourseSummary, CourseFilter> = {
  name: 'training-courses',
  columns: [
    { header: 'training.title', cell: (c) => c.title },
    { header: 'training.kind', cell: (c, t) => t(`training.kinds.${c.kind}`) },
    { header: 'training.audience', cell: (c) => c.audience },
    { header: 'training.hours', cell: (c) => c.hours },
    { header: 'training.sessions', cell: (c) => c.sessions },
    { header: 'training.nextSessionAt', cell: (c) => c.nextSessionAt },
    { header: 'ui.export.created', cell: (c) => c.createdAt },
  ],
  page: (ctx, query) => listCoursePage(ctx, query, clock.now()),
};

export const trainingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/training/courses', {
    schema: { tags, querystring: CourseQuery, response: { 200: Page(CourseSummary) } },
    config: { auth: 'tenant', permission: 'training.read' },
  }, async (request) => app.tenant(request, (ctx) => listCoursePage(ctx, request.query, clock.now())));

  for (const format of TABLE_FORMATS) {
    app.get(`/api/v1/training/courses/export.${format}`, {
      schema: { tags, querystring: CourseFilter },
      config: { auth: 'tenant', permission: 'training.read' },
    }, async (request, reply) => sendListExport(app, request, reply, format, coursesExport, request.query));
  }

  app.post('/api/v1/training/courses', {
    schema: { tags, body: CourseInput, response: { 201: CourseDetail } },
    config: { auth: 'tenant', permission: 'training.manage' },
  }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => detail(ctx, await createCourse(ctx, request.body)));
  });

  app.get('/api/v1/training/courses/:id', {
    schema: { tags, params: IdParams, response: { 200: CourseDetail } },
    config: { auth: 'tenant', permission: 'training.read' },
  }, async (request) => app.tenant(request, (ctx) => detail(ctx, request.params.id)));

  // Who attended, with their attendance and score: listed to whoever reads the course, downloaded by staff (names, sex and age of people).
  app.get('/api/v1/training/courses/:id/participants', {
    schema: { tags, params: IdParams, querystring: CourseParticipantQuery, response: { 200: Page(CourseParticipant) } },
    config: { auth: 'tenant', permission: 'training.read' },
  }, async (request) => app.tenant(request, (ctx) => courseParticipantPage(ctx, request.params.id, request.query, clock.now())));
  for (const format of TABLE_FORMATS) {
    app.get(`/api/v1/training/courses/:id/participants/export.${format}`, {
      schema: { tags, params: IdParams, querystring: CourseParticipantFilter },
      config: { auth: 'tenant', permission: 'training.manage' },
    }, async (request, reply) => {
      // A course not there answers 404 before the file starts.
      await app.tenant(request, (ctx) => getCourseRow(ctx, request.params.id));
      return sendListExport(app, request, reply, format, participantsExport(request.params.id), request.query);
    });
  }

  app.put('/api/v1/training/courses/:id', {
    schema: { tags, params: IdParams, body: CourseInput, response: { 200: CourseDetail } },
    config: { auth: 'tenant', permission: 'training.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    const { kindChanged } = await editCourse(ctx, request.params.id, request.body);
    // A ToT turned into a course (or back): its participations are recorded again under the new kind.
    if (kindChanged) await recountCourse(ctx, request.params.id);
    return detail(ctx, request.params.id);
  }));

  app.post('/api/v1/training/courses/:id/modules', {
    schema: { tags, params: IdParams, body: ModuleInput, response: { 200: CourseDetail } },
    config: { auth: 'tenant', permission: 'training.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await addModule(ctx, request.params.id, request.body);
    return detail(ctx, request.params.id);
  }));

  app.put('/api/v1/training/courses/:id/modules/:childId', {
    schema: { tags, params: ChildParams, body: ModuleInput, response: { 200: CourseDetail } },
    config: { auth: 'tenant', permission: 'training.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await editModule(ctx, request.params.id, request.params.childId, request.body);
    return detail(ctx, request.params.id);
  }));

  app.delete('/api/v1/training/courses/:id/modules/:childId', {
    schema: { tags, params: ChildParams, response: { 200: CourseDetail } },
    config: { auth: 'tenant', permission: 'training.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await removeModule(ctx, request.params.id, request.params.childId);
    return detail(ctx, request.params.id);
  }));

  // A session is an event (kind training_session) made by the events module, in draft: publish it there.
  app.post('/api/v1/training/courses/:id/sessions', {
    schema: { tags, params: IdParams, body: SessionInput, response: { 200: CourseDetail } },
    config: { auth: 'tenant', permission: 'training.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await addSession(ctx, request.params.id, request.body);
    return detail(ctx, request.params.id);
  }));

  app.post('/api/v1/training/courses/:id/trainers', {
    schema: { tags, params: IdParams, body: TrainerInput, response: { 200: CourseDetail } },
    config: { auth: 'tenant', permission: 'training.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await addTrainer(ctx, request.params.id, request.body.personId);
    return detail(ctx, request.params.id);
  }));

  app.delete('/api/v1/training/courses/:id/trainers/:childId', {
    schema: { tags, params: ChildParams, response: { 200: CourseDetail } },
    config: { auth: 'tenant', permission: 'training.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await removeTrainer(ctx, request.params.id, request.params.childId);
    return detail(ctx, request.params.id);
  }));

  // A ToT's completer becomes a trainer after a teach-back: a staff decision, audited.
  app.post('/api/v1/training/courses/:id/certifications', {
    schema: { tags, params: IdParams, body: CertificationInput, response: { 200: CourseDetail } },
    config: { auth: 'tenant', permission: 'training.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await certifyTrainer(ctx, request.params.id, request.body);
    return detail(ctx, request.params.id);
  }));

  // Evaluations: the course's pre-test, post-test and satisfaction form (forms of the surveys module), gain and satisfaction.
  app.get('/api/v1/training/courses/:id/evaluation', {
    schema: { tags, params: IdParams, response: { 200: CourseEvaluation } },
    config: { auth: 'tenant', permission: 'training.read' },
  }, async (request) => app.tenant(request, (ctx) => getEvaluation(ctx, request.params.id, clock.now())));

  app.put('/api/v1/training/courses/:id/evaluation', {
    schema: { tags, params: IdParams, body: EvaluationSettingsInput, response: { 200: CourseEvaluation } },
    config: { auth: 'tenant', permission: 'training.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await setEvaluation(ctx, request.params.id, request.body);
    return getEvaluation(ctx, request.params.id, clock.now());
  }));

  // A person's answers to one of the course's forms, entered by staff on the respondent page (/r/course/…).
  app.get('/api/v1/training/courses/:id/evaluation/:kind/people/:personId', {
    schema: { tags, params: EvaluationParams, response: { 200: RespondentView } },
    config: { auth: 'tenant', permission: 'training.manage' },
  }, async (request) => app.tenant(request, (ctx) => evaluationView(ctx, request.params.id, request.params.kind, request.params.personId)));

  app.put('/api/v1/training/courses/:id/evaluation/:kind/people/:personId', {
    schema: { tags, params: EvaluationParams, body: EvaluationAnswersInput, response: { 200: z.object({ status: z.literal('submitted'), resumeKey: z.null() }) } },
    config: { auth: 'tenant', permission: 'training.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await submitEvaluation(ctx, request.params.id, request.params.kind, request.params.personId, request.body);
    return { status: 'submitted' as const, resumeKey: null };
  }));

  app.delete('/api/v1/training/courses/:id/evaluation/:kind/people/:personId', {
    schema: { tags, params: EvaluationParams, response: { 200: CourseEvaluation } },
    config: { auth: 'tenant', permission: 'training.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await removeEvaluationAnswer(ctx, request.params.id, request.params.kind, request.params.personId);
    return getEvaluation(ctx, request.params.id, clock.now());
  }));

  app.get('/api/v1/training/lineage', {
    schema: { tags, response: { 200: Lineage } },
    config: { auth: 'tenant', permission: 'training.read' },
  }, async (request) => app.tenant(request, (ctx) => getLineage(ctx)));
};
