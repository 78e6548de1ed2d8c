import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RespondentView, SaveAnswersInput } from '../../../../contracts/surveys.js';
import { withSystem, withTenant, type TenantCtx } from '../../../platform/db/tenancy.js';
import { followUpFormView, resolveFollowUpFormLink, submitFollowUpForm, type FollowUpAnswered, type FollowUpLink } from '../follow-up-form-service.js';

const tags = ['surveys'];
const TokenParams = z.object({ token: z.string().min(10).max(200) });
// The respondent page's own limit, as for a course participant's link.
const rateLimit = { max: 120, timeWindow: '1 minute' };
const Submitted = z.object({ status: z.literal('submitted'), resumeKey: z.null() });
// Only the answers and the submission's key: what a link answers (form, subject, recipient) is the link's, never the request's.
const FollowUpAnswers = z.strictObject({ answers: SaveAnswersInput.shape.answers, submissionKey: SaveAnswersInput.shape.submissionKey });

/**
 * A recipient's own link to a follow-up form (`/r/fu-…` on the respondent
 * page): no sign-in, the link is the only credential, and it answers its own
 * follow-up and nothing else. `answered`: per subject type, what its module
 * does with an answer (handed by server/app.ts: surveys knows no subject).
 */
export const followUpFormRoutes: FastifyPluginAsyncZod<{ answered?: Record<string, FollowUpAnswered> }> = async (app, options) => {
  const asRecipient = async <T>(request: { params: { token: string }; locale: string }, work: (ctx: TenantCtx, link: FollowUpLink) => Promise<T>) => {
    const link = await withSystem(app.database.db, (tx) => resolveFollowUpFormLink(tx, request.params.token));
    return withTenant(app.database.db, { orgId: link.orgId, role: 'viewer', actor: { userId: null, name: 'Follow-up recipient' }, locale: request.locale }, (ctx) => work(ctx, link));
  };

  app.get('/api/v1/follow-ups/respond/:token', {
    schema: { tags, params: TokenParams, response: { 200: RespondentView } },
    config: { auth: 'public', rateLimit },
  }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return asRecipient(request, (ctx, link) => followUpFormView(ctx, link, request.params.token));
  });

  app.put('/api/v1/follow-ups/respond/:token', {
    schema: { tags, params: TokenParams, body: FollowUpAnswers, response: { 200: Submitted } },
    config: { auth: 'public', rateLimit },
  }, async (request) => asRecipient(request, async (ctx, link) => {
    const answered = await submitFollowUpForm(ctx, link, request.params.token, request.body);
    // The subject's module reads the answer in the same transaction (networking stops a deal's later follow-ups).
    if (answered) await options.answered?.[answered.subjectType]?.(ctx, answered);
    return { status: 'submitted' as const, resumeKey: null };
  }));
};
