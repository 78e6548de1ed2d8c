import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ChildParams, IdParams, Uuid } from '../../../../contracts/common.js';
import { FollowUpAnswerInput, FollowUpMonthsParam } from '../../../../contracts/led-follow-ups.js';
import { BudgetLineInput, ClosingInput, MeasureDetail, MeasurePersonInput, MeasureRole, MilestoneInput, ProgressReportInput } from '../../../../contracts/led-implementation.js';
import { withSystem, withTenant } from '../../../platform/db/tenancy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { translator } from '../../../platform/i18n/i18n.js';
import { followUpFormPage, followUpMessagePage } from '../follow-up-page.js';
import { answerFollowUp, followUpForm, resolveFollowUpLink, sendFollowUpLink } from '../follow-up-service.js';
import { addMeasurePerson, addPart, closeMeasure, editPart, getMeasureDetail, removeMeasurePerson, removePart } from '../implementation-service.js';

const tags = ['led'];
const detail = { 200: MeasureDetail };
const PersonParams = z.object({ id: Uuid, childId: Uuid });
const PersonQuery = z.object({ role: MeasureRole.optional() });
const FollowUpParams = z.object({ id: Uuid, months: FollowUpMonthsParam });

/** A measure carried out: milestones, budget lines, progress reports, its people, its closing and its follow-ups. */
export const ledMeasureRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/led/measures/:id', {
    schema: { tags, params: IdParams, response: detail },
    config: { auth: 'tenant', permission: 'led.read' },
  }, async (request) => app.tenant(request, (ctx) => getMeasureDetail(ctx, request.params.id)));

  const parts = [
    { path: 'milestones', part: 'milestone', body: MilestoneInput },
    { path: 'budget-lines', part: 'budget_line', body: BudgetLineInput },
    { path: 'reports', part: 'report', body: ProgressReportInput },
  ] as const;
  for (const { path, part, body } of parts) {
    app.post(`/api/v1/led/measures/:id/${path}`, {
      schema: { tags, params: IdParams, body, response: detail },
      config: { auth: 'tenant', permission: 'led.manage' },
    }, async (request) => app.tenant(request, async (ctx) => {
      await addPart(ctx, request.params.id, part, request.body as never);
      return getMeasureDetail(ctx, request.params.id);
    }));
    app.put(`/api/v1/led/measures/:id/${path}/:childId`, {
      schema: { tags, params: ChildParams, body, response: detail },
      config: { auth: 'tenant', permission: 'led.manage' },
    }, async (request) => app.tenant(request, async (ctx) => {
      await editPart(ctx, request.params.id, part, request.params.childId, request.body as never);
      return getMeasureDetail(ctx, request.params.id);
    }));
    app.delete(`/api/v1/led/measures/:id/${path}/:childId`, {
      schema: { tags, params: ChildParams, response: detail },
      config: { auth: 'tenant', permission: 'led.manage' },
    }, async (request) => app.tenant(request, async (ctx) => {
      await removePart(ctx, request.params.id, part, request.params.childId);
      return getMeasureDetail(ctx, request.params.id);
    }));
  }

  // Participants, new jobs and people with higher income: people of the people module.
  app.post('/api/v1/led/measures/:id/people', {
    schema: { tags, params: IdParams, body: MeasurePersonInput, response: detail },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await addMeasurePerson(ctx, request.params.id, request.body);
    return getMeasureDetail(ctx, request.params.id);
  }));

  // Without a role: every role the person has on the measure.
  app.delete('/api/v1/led/measures/:id/people/:childId', {
    schema: { tags, params: PersonParams, querystring: PersonQuery, response: detail },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await removeMeasurePerson(ctx, request.params.id, request.params.childId, request.query.role);
    return getMeasureDetail(ctx, request.params.id);
  }));

  app.put('/api/v1/led/measures/:id/closing', {
    schema: { tags, params: IdParams, body: ClosingInput, response: detail },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await closeMeasure(ctx, request.params.id, request.body);
    return getMeasureDetail(ctx, request.params.id);
  }));

  // Staff enter a follow-up's answer (the lead partner did not, or answered by phone).
  app.put('/api/v1/led/measures/:id/follow-ups/:months', {
    schema: { tags, params: FollowUpParams, body: FollowUpAnswerInput, response: detail },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await answerFollowUp(ctx, request.params.id, request.params.months, request.body, 'staff');
    return getMeasureDetail(ctx, request.params.id);
  }));

  // Staff mail the follow-up due now (or a new link for it) without waiting for the daily job.
  app.post('/api/v1/led/measures/:id/follow-up-link', {
    schema: { tags, params: IdParams, response: detail },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await sendFollowUpLink(ctx, request.params.id, app.config.publicUrl);
    return getMeasureDetail(ctx, request.params.id);
  }));
};

const TokenParams = z.object({ token: z.string().min(10).max(200) });
/** The form's fields as a browser posts them (or as JSON). */
const FollowUpForm = z.object({
  stillEffective: z.enum(['yes', 'no']),
  jobsKept: z.string().regex(/^\d{0,6}$/).default(''),
  whoPays: z.string().max(500).default(''),
  note: z.string().max(5000).default(''),
});
const LINK_ERRORS: Record<string, number> = { 'led.follow_up_link_invalid': 404, 'led.follow_up_expired': 410, 'led.follow_up_answered': 409 };
const rateLimit = { max: 60, timeWindow: '1 minute' };

/**
 * The lead partner's follow-up form, with the mailed link as the only
 * credential: a light page without sign-in (GET), answered by a plain form
 * post (POST) that records the answer on the measure, audited.
 */
export const ledFollowUpRoutes: FastifyPluginAsyncZod = async (app) => {
  // A browser's form post; this plugin's routes only.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16_384 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  /** The link's work as its lead partner, and the language of the link's mail that its pages speak. */
  const asPartner = async <T>(token: string, work: (ctx: Parameters<Parameters<typeof withTenant>[2]>[0], link: { measureId: string; months: number }) => Promise<T>) => {
    const link = await withSystem(app.database.db, (tx) => resolveFollowUpLink(tx, token));
    const result = await withTenant(app.database.db, { orgId: link.orgId, role: 'viewer', actor: { userId: null, name: 'Lead partner' }, locale: link.locale }, (ctx) => work(ctx, link));
    return { result, locale: link.locale };
  };
  const linkProblem = (error: unknown) => (error instanceof AppError && LINK_ERRORS[error.code] ? error.code : null);

  app.get('/led/follow-up/:token', {
    schema: { tags, params: TokenParams },
    config: { auth: 'public', rateLimit },
  }, async (request, reply) => {
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    try {
      const { result: form, locale } = await asPartner(request.params.token, (ctx, link) => followUpForm(ctx, link.measureId, link.months));
      return followUpFormPage(translator(locale), locale, form, `/led/follow-up/${request.params.token}`);
    } catch (error) {
      const code = linkProblem(error);
      if (!code) throw error;
      reply.code(LINK_ERRORS[code]!);
      // A link that opens nothing has no organisation to take a language from: the browser's.
      return followUpMessagePage(translator(request.locale), request.locale, 'bad', translator(request.locale)(`errors.${code}`));
    }
  });

  app.post('/led/follow-up/:token', {
    schema: { tags, params: TokenParams, body: FollowUpForm },
    config: { auth: 'public', rateLimit },
  }, async (request, reply) => {
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    const body = request.body;
    try {
      const { locale } = await asPartner(request.params.token, (ctx, link) => answerFollowUp(ctx, link.measureId, link.months as 6 | 12 | 24, {
        stillEffective: body.stillEffective === 'yes', jobsKept: body.jobsKept ? Number(body.jobsKept) : null, whoPays: body.whoPays.trim(), note: body.note,
      }, 'partner'));
      return followUpMessagePage(translator(locale), locale, 'ok', translator(locale)('led.followUpPage.thanks'));
    } catch (error) {
      const code = linkProblem(error);
      if (!code) throw error;
      reply.code(LINK_ERRORS[code]!);
      return followUpMessagePage(translator(request.locale), request.locale, 'bad', translator(request.locale)(`errors.${code}`));
    }
  });
};
