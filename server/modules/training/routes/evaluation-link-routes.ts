import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../../contracts/common.js';
import { RespondentView } from '../../../../contracts/surveys.js';
import { CourseEvaluation, EvaluationAnswersInput, EvaluationKind, EvaluationLinkHandOver, EvaluationLinksSent, EvaluationParams } from '../../../../contracts/training.js';
import { clock } from '../../../platform/clock.js';
import { withSystem, withTenant, type TenantCtx } from '../../../platform/db/tenancy.js';
import { handOverEvaluationLink, participantSubmit, participantView, resolveEvaluationLink, sendEvaluationLinks, type EvaluationLink } from '../evaluation-link-service.js';
import { correctEvaluationAnswer, getEvaluation } from '../evaluation-service.js';

const tags = ['training'];
const TokenParams = z.object({ token: z.string().min(10).max(200) });
// The respondent page's own limit: generous for a room of participants behind one address, firm against scripts.
const rateLimit = { max: 120, timeWindow: '1 minute' };
const Submitted = z.object({ status: z.literal('submitted'), resumeKey: z.null() });
// Only the answers and the submission's key: what a link answers (course, form, person) is the link's, never the request's.
const ParticipantAnswers = z.strictObject({ answers: EvaluationAnswersInput.shape.answers, submissionKey: EvaluationAnswersInput.shape.submissionKey });

/**
 * A participant's own link to a course's evaluation forms: staff mail the
 * links or hand one over (QR code), the participant answers on the surveys
 * module's respondent page (`/r/t-…`), with the link as the only credential;
 * and staff correct a submitted answer.
 */
export const evaluationLinkRoutes: FastifyPluginAsyncZod = async (app) => {
  const url = app.config.publicUrl;
  // The links leave at once where SMTP is configured, not at the next mail-dispatch job.
  const flushMail = () => void app.mailer.flush().catch(() => undefined);

  app.post('/api/v1/training/courses/:id/evaluation/:kind/links', {
    schema: { tags, params: IdParams.extend({ kind: EvaluationKind }), response: { 200: EvaluationLinksSent } },
    config: { auth: 'tenant', permission: 'training.manage' },
  }, async (request) => {
    const sent = await app.tenant(request, (ctx) => sendEvaluationLinks(ctx, request.params.id, request.params.kind, url));
    flushMail();
    return sent;
  });

  app.post('/api/v1/training/courses/:id/evaluation/:kind/people/:personId/link', {
    schema: { tags, params: EvaluationParams, response: { 200: EvaluationLinkHandOver } },
    config: { auth: 'tenant', permission: 'training.manage' },
  }, async (request) => app.tenant(request, (ctx) => handOverEvaluationLink(ctx, request.params.id, request.params.kind, request.params.personId, url)));

  // Staff correct answers already submitted (on the respondent page, /r/course/…?correct=1).
  app.put('/api/v1/training/courses/:id/evaluation/:kind/people/:personId/correction', {
    schema: { tags, params: EvaluationParams, body: EvaluationAnswersInput, response: { 200: CourseEvaluation } },
    config: { auth: 'tenant', permission: 'training.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await correctEvaluationAnswer(ctx, request.params.id, request.params.kind, request.params.personId, request.body);
    return getEvaluation(ctx, request.params.id, clock.now());
  }));

  const asParticipant = async <T>(request: { params: { token: string }; locale: string }, work: (ctx: TenantCtx, link: EvaluationLink) => Promise<T>) => {
    const link = await withSystem(app.database.db, (tx) => resolveEvaluationLink(tx, request.params.token));
    return withTenant(app.database.db, { orgId: link.orgId, role: 'viewer', actor: { userId: null, name: 'Participant' }, locale: request.locale }, (ctx) => work(ctx, link));
  };

  app.get('/api/v1/training/respond/:token', {
    schema: { tags, params: TokenParams, response: { 200: RespondentView } },
    config: { auth: 'public', rateLimit },
  }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return asParticipant(request, (ctx, link) => participantView(ctx, link, request.params.token));
  });

  app.put('/api/v1/training/respond/:token', {
    schema: { tags, params: TokenParams, body: ParticipantAnswers, response: { 200: Submitted } },
    config: { auth: 'public', rateLimit },
  }, async (request) => asParticipant(request, async (ctx, link) => {
    await participantSubmit(ctx, link, request.params.token, request.body);
    return { status: 'submitted' as const, resumeKey: null };
  }));
};
