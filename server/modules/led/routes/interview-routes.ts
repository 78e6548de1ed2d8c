import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ChildParams, IdParams, Ok, Page, Uuid } from '../../../../contracts/common.js';
import {
  BottleneckCodeInput, BottleneckEvidence, InterviewAnswersInput, LedInterview, LedInterviewDetail, LedInterviewInput, LedInterviewQuery, ResponseAnswers,
} from '../../../../contracts/led-interviews.js';
import { RespondentView } from '../../../../contracts/surveys.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { submittedResponseAnswers } from '../../surveys/answer-evidence-service.js';
import { bottleneckEvidence, codeToBottleneck, removeCode } from '../coding-service.js';
import { getInterview, interviewView, listInterviews, removeInterview, startInterview, submitInterview } from '../interview-service.js';

const tags = ['led'];

/**
 * LED interviews and the evidence coded to bottlenecks (17.4): a region's
 * interviews, conducted on the respondent page (`/r/led/<interview>`, which
 * reads and submits through the two `answers` routes), and a bottleneck's
 * evidence with its codes.
 */
export const ledInterviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/led/regions/:id/interviews', {
    schema: { tags, params: IdParams, querystring: LedInterviewQuery, response: { 200: Page(LedInterview) } },
    config: { auth: 'tenant', permission: 'led.read' },
  }, async (request) => app.tenant(request, (ctx) => listInterviews(ctx, request.params.id, request.query)));

  app.post('/api/v1/led/regions/:id/interviews', {
    schema: { tags, params: IdParams, body: LedInterviewInput, response: { 201: LedInterviewDetail } },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => getInterview(ctx, await startInterview(ctx, request.params.id, request.body)));
  });

  app.get('/api/v1/led/interviews/:id', {
    schema: { tags, params: IdParams, response: { 200: LedInterviewDetail } },
    config: { auth: 'tenant', permission: 'led.read' },
  }, async (request) => app.tenant(request, (ctx) => getInterview(ctx, request.params.id)));

  app.delete('/api/v1/led/interviews/:id', {
    schema: { tags, params: IdParams, response: { 200: Ok } },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await removeInterview(ctx, request.params.id);
    return { ok: true as const };
  }));

  // The respondent page's source for an interview (web/respond/source.ts): the guide and the answers, then the submission.
  app.get('/api/v1/led/interviews/:id/answers', {
    schema: { tags, params: IdParams, response: { 200: RespondentView } },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, (ctx) => interviewView(ctx, request.params.id)));

  app.put('/api/v1/led/interviews/:id/answers', {
    schema: { tags, params: IdParams, body: InterviewAnswersInput, response: { 200: Ok } },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await submitInterview(ctx, request.params.id, request.body);
    return { ok: true as const };
  }));

  app.get('/api/v1/led/regions/:id/bottlenecks/:childId', {
    schema: { tags, params: ChildParams, response: { 200: BottleneckEvidence } },
    config: { auth: 'tenant', permission: 'led.read' },
  }, async (request) => app.tenant(request, (ctx) => bottleneckEvidence(ctx, request.params.id, request.params.childId)));

  app.post('/api/v1/led/regions/:id/bottlenecks/:childId/codes', {
    schema: { tags, params: ChildParams, body: BottleneckCodeInput, response: { 201: BottleneckEvidence } },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request, reply) => {
    const evidence = await app.tenant(request, async (ctx) => {
      await codeToBottleneck(ctx, request.params.id, request.params.childId, request.body);
      return bottleneckEvidence(ctx, request.params.id, request.params.childId);
    });
    reply.code(201);
    return evidence;
  });

  app.delete('/api/v1/led/regions/:id/bottlenecks/:childId/codes/:codeId', {
    schema: { tags, params: ChildParams.extend({ codeId: Uuid }), response: { 200: BottleneckEvidence } },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await removeCode(ctx, request.params.id, request.params.childId, request.params.codeId);
    return bottleneckEvidence(ctx, request.params.id, request.params.childId);
  }));

  // A submitted survey response's answers, to choose the one to code.
  app.get('/api/v1/led/survey-responses/:id', {
    schema: { tags, params: IdParams, response: { 200: ResponseAnswers } },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    const found = await submittedResponseAnswers(ctx, request.params.id);
    if (!found) throw new AppError('led.response_not_found');
    return found;
  }));
};

