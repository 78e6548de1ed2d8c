import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { B2bAnswerInput, B2bMine, B2bOverview, B2bProfileInput, B2bRequestInput, B2bRequestParams, B2bSeatParams, B2bSeats, B2bSettingsInput } from '../../../../contracts/b2b.js';
import { IdParams } from '../../../../contracts/common.js';
import { translator } from '../../../platform/i18n/i18n.js';
import { agendaPdf } from '../agenda-pdf.js';
import { agendaForPrint, answerRequest, cancelRequest, getMine, getOverview, getSeats, requestMeeting, runScheduler, saveProfile, saveSettings } from '../b2b-service.js';

const tags = ['b2b'];

/**
 * B2B meetings at an event: staff open matchmaking (slots, tables, deadline),
 * see the requests and run the scheduler; a participant (an event's
 * registration: a member firm's user acts for the firm's own) states offer and
 * seek, asks others, answers, and reads their agenda.
 */
export const b2bRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/b2b/events/:id', {
    schema: { tags, params: IdParams, response: { 200: B2bSeats } },
    config: { auth: 'tenant', permission: 'b2b.take_part' },
  }, async (request) => app.tenant(request, (ctx) => getSeats(ctx, request.params.id)));

  app.get('/api/v1/b2b/events/:id/overview', {
    schema: { tags, params: IdParams, response: { 200: B2bOverview } },
    config: { auth: 'tenant', permission: 'b2b.manage' },
  }, async (request) => app.tenant(request, (ctx) => getOverview(ctx, request.params.id)));

  app.put('/api/v1/b2b/events/:id/settings', {
    schema: { tags, params: IdParams, body: B2bSettingsInput, response: { 200: B2bOverview } },
    config: { auth: 'tenant', permission: 'b2b.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await saveSettings(ctx, request.params.id, request.body);
    return getOverview(ctx, request.params.id);
  }));

  app.post('/api/v1/b2b/events/:id/schedule', {
    schema: { tags, params: IdParams, response: { 200: B2bOverview } },
    config: { auth: 'tenant', permission: 'b2b.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await runScheduler(ctx, request.params.id);
    return getOverview(ctx, request.params.id);
  }));

  app.get('/api/v1/b2b/events/:id/participants/:childId', {
    schema: { tags, params: B2bSeatParams, response: { 200: B2bMine } },
    config: { auth: 'tenant', permission: 'b2b.take_part' },
  }, async (request) => app.tenant(request, (ctx) => getMine(ctx, request.params.id, request.params.childId)));

  app.put('/api/v1/b2b/events/:id/participants/:childId/profile', {
    schema: { tags, params: B2bSeatParams, body: B2bProfileInput, response: { 200: B2bMine } },
    config: { auth: 'tenant', permission: 'b2b.take_part' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await saveProfile(ctx, request.params.id, request.params.childId, request.body);
    return getMine(ctx, request.params.id, request.params.childId);
  }));

  app.post('/api/v1/b2b/events/:id/participants/:childId/requests', {
    schema: { tags, params: B2bSeatParams, body: B2bRequestInput, response: { 200: B2bMine } },
    config: { auth: 'tenant', permission: 'b2b.take_part' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await requestMeeting(ctx, request.params.id, request.params.childId, request.body);
    return getMine(ctx, request.params.id, request.params.childId);
  }));

  app.post('/api/v1/b2b/events/:id/participants/:childId/requests/:requestId/answer', {
    schema: { tags, params: B2bRequestParams, body: B2bAnswerInput, response: { 200: B2bMine } },
    config: { auth: 'tenant', permission: 'b2b.take_part' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await answerRequest(ctx, request.params.id, request.params.childId, request.params.requestId, request.body.accept);
    return getMine(ctx, request.params.id, request.params.childId);
  }));

  app.post('/api/v1/b2b/events/:id/participants/:childId/requests/:requestId/cancel', {
    schema: { tags, params: B2bRequestParams, response: { 200: B2bMine } },
    config: { auth: 'tenant', permission: 'b2b.take_part' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await cancelRequest(ctx, request.params.id, request.params.childId, request.params.requestId);
    return getMine(ctx, request.params.id, request.params.childId);
  }));

  app.get('/api/v1/b2b/events/:id/participants/:childId/agenda.pdf', {
    schema: { tags, params: B2bSeatParams },
    config: { auth: 'tenant', permission: 'b2b.take_part' },
  }, async (request, reply) => {
    const { found, locale } = await app.tenant(request, async (ctx) => ({ found: await agendaForPrint(ctx, request.params.id, request.params.childId), locale: ctx.locale }));
    const pdf = await agendaPdf({ name: found.me.name, firm: found.me.firm, title: found.title, venue: found.venue, orgName: found.orgName }, found.agenda, translator(locale), found.format);
    reply.header('content-type', 'application/pdf');
    reply.header('content-disposition', `attachment; filename="agenda-v${found.agenda.version}.pdf"`);
    return pdf;
  });
};
