import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Assessment, AssessmentFilter, AssessmentQuery, AssessmentSummary, CAPACITY_DOMAINS, BranchCapacityList, BranchCapacityQuery, CourseGap, NewAssessmentInput, PlanCourseInput, ReopenAssessmentInput, SaveAssessmentInput, SiblingCapacityView } from '../../../../contracts/capacity.js';
import { IdParams, Page, TABLE_FORMATS } from '../../../../contracts/common.js';
import { instantToWallTime } from '../../../../contracts/time.js';
import { sendListExport, type ListExport } from '../../../platform/export/list-export.js';
import { assessmentPage, branchCapacity, createAssessment, gapsOfCourse, getAssessment, planCourseForGap, reopenAssessment, saveAssessment, siblingCapacity, submitAssessment } from '../capacity-service.js';
import { getCourseRow } from '../course-service.js';
import { currentOrgClock } from '../../orgs/org-service.js';

const tags = ['training'];

/** The self-assessments as a file: year, status in words, items answered, each domain's share of the highest level, when and by whom submitted. */
const assessmentsExport: ListExport<AssessmentSummary & { submittedOn: string }, AssessmentFilter> = {
  name: 'capacity-assessments',
  columns: [
    { header: 'capacity.year', cell: (a) => a.year },
    { header: 'capacity.status', cell: (a, t) => t(`capacity.statuses.${a.status}`) },
    { header: 'capacity.answeredItems', cell: (a) => a.answered },
    { header: 'capacity.itemCount', cell: (a) => a.items },
    ...CAPACITY_DOMAINS.map((d) => ({ header: `capacity.domains.${d}`, cell: (a: AssessmentSummary & { submittedOn: string }) => a.scores.find((s) => s.domain === d)?.share ?? null })),
    { header: 'capacity.submittedOn', cell: (a) => a.submittedOn },
    { header: 'capacity.submittedBy', cell: (a) => a.submittedBy ?? '' },
  ],
  // The day submitted on the organisation's calendar, as its screens show it.
  page: async (ctx, query) => {
    const { timeZone } = await currentOrgClock(ctx);
    const page = await assessmentPage(ctx, query);
    return { items: page.items.map((a) => ({ ...a, submittedOn: a.submittedAt ? instantToWallTime(a.submittedAt, timeZone).slice(0, 10) : '' })), nextCursor: page.nextCursor };
  },
};

/**
 * The BMO's own capacity: its self-assessments by year (staff fill them, an
 * admin reopens a submitted one), its branches side by side for an umbrella,
 * a branch beside its sibling branches that share theirs,
 * and the courses planned for its gaps.
 */
export const capacityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/training/capacity/assessments', {
    schema: { tags, querystring: AssessmentQuery, response: { 200: Page(AssessmentSummary) } },
    config: { auth: 'tenant', permission: 'capacity.read' },
  }, async (request) => app.tenant(request, (ctx) => assessmentPage(ctx, request.query)));
  // The file is for those who fill them (staff): a viewer reads the list on the screen.
  for (const format of TABLE_FORMATS) {
    app.get(`/api/v1/training/capacity/assessments/export.${format}`, {
      schema: { tags, querystring: AssessmentFilter },
      config: { auth: 'tenant', permission: 'capacity.fill' },
    }, async (request, reply) => sendListExport(app, request, reply, format, assessmentsExport, request.query));
  }

  app.post('/api/v1/training/capacity/assessments', {
    schema: { tags, body: NewAssessmentInput, response: { 201: Assessment } },
    config: { auth: 'tenant', permission: 'capacity.fill' },
  }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => getAssessment(ctx, await createAssessment(ctx, request.body.year)));
  });

  app.get('/api/v1/training/capacity/assessments/:id', {
    schema: { tags, params: IdParams, response: { 200: Assessment } },
    config: { auth: 'tenant', permission: 'capacity.read' },
  }, async (request) => app.tenant(request, (ctx) => getAssessment(ctx, request.params.id)));

  app.put('/api/v1/training/capacity/assessments/:id', {
    schema: { tags, params: IdParams, body: SaveAssessmentInput, response: { 200: Assessment } },
    config: { auth: 'tenant', permission: 'capacity.fill' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await saveAssessment(ctx, request.params.id, request.body);
    return getAssessment(ctx, request.params.id);
  }));

  app.post('/api/v1/training/capacity/assessments/:id/submit', {
    schema: { tags, params: IdParams, response: { 200: Assessment } },
    config: { auth: 'tenant', permission: 'capacity.fill' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await submitAssessment(ctx, request.params.id);
    return getAssessment(ctx, request.params.id);
  }));

  app.post('/api/v1/training/capacity/assessments/:id/reopen', {
    schema: { tags, params: IdParams, body: ReopenAssessmentInput, response: { 200: Assessment } },
    config: { auth: 'tenant', permission: 'capacity.reopen' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await reopenAssessment(ctx, request.params.id, request.body.reason);
    return getAssessment(ctx, request.params.id);
  }));

  // A gap turned into a training need: the course is made by the training module and linked to the gap.
  app.post('/api/v1/training/capacity/assessments/:id/courses', {
    schema: { tags, params: IdParams, body: PlanCourseInput, response: { 201: z.object({ courseId: z.uuid() }) } },
    config: { auth: 'tenant', permission: 'training.manage' },
  }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => ({ courseId: await planCourseForGap(ctx, request.params.id, request.body.item, request.body.course) }));
  });

  app.get('/api/v1/training/capacity/branches', {
    schema: { tags, querystring: BranchCapacityQuery, response: { 200: BranchCapacityList } },
    config: { auth: 'tenant', permission: 'capacity.read' },
  }, async (request) => app.tenant(request, async (ctx) => ({ year: request.query.year, items: await branchCapacity(ctx, request.query.year) })));

  // A branch beside the other branches of its umbrella that share theirs, and their average.
  app.get('/api/v1/training/capacity/siblings', {
    schema: { tags, querystring: BranchCapacityQuery, response: { 200: SiblingCapacityView } },
    config: { auth: 'tenant', permission: 'capacity.read' },
  }, async (request) => app.tenant(request, (ctx) => siblingCapacity(ctx, request.query.year)));

  app.get('/api/v1/training/courses/:id/capacity-gaps', {
    schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(CourseGap) }) } },
    config: { auth: 'tenant', permission: 'training.read' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await getCourseRow(ctx, request.params.id);
    return { items: await gapsOfCourse(ctx, request.params.id) };
  }));
};
