import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  B2bAnswerInput, B2bMeeting, B2bMeetingFilter, B2bMeetingQuery, B2bMine, B2bOverview, B2bParticipantFilter, B2bParticipantQuery, B2bParticipantRow, B2bProfileInput, B2bRequestInput, B2bRequestParams,
  B2bSeatParams, B2bSeats, B2bSettingsInput,
} from '../../../../contracts/b2b.js';
import { IdParams, Page, TABLE_FORMATS } from '../../../../contracts/common.js';
import { instantToWallTime } from '../../../../contracts/time.js';
import { sendListExport, type ListExport } from '../../../platform/export/list-export.js';
import { translator } from '../../../platform/i18n/i18n.js';
import { agendaPdf } from '../agenda-pdf.js';
import { agendaForPrint, answerRequest, cancelRequest, getMine, getOverview, getSeats, requestMeeting, runScheduler, saveProfile, saveSettings } from '../b2b-service.js';
import { meetingPage, participantPage } from '../list-service.js';
import { currentOrgClock } from '../../orgs/org-service.js';

const tags = ['b2b'];

/** An event's participants as a file: who, their firm, what they offer and seek, their requests and meetings. */
const participantsExport = (eventId: string): ListExport<B2bParticipantRow, B2bParticipantFilter> => ({
  name: 'b2b-participants',
  columns: [
    { header: 'b2b.participantName', cell: (p) => p.name },
    { header: 'b2b.firm', cell: (p) => p.firm ?? '' },
    { header: 'b2b.offerHeader', cell: (p) => p.offer },
    { header: 'b2b.seekHeader', cell: (p) => p.seek },
    { header: 'b2b.sent', cell: (p) => p.sent },
    { header: 'b2b.received', cell: (p) => p.received },
    { header: 'b2b.meetings', cell: (p) => p.meetings },
  ],
  page: (ctx, query) => participantPage(ctx, eventId, query),
});

/** An event's meetings as a file: the two sides and their firms, the state, the slot (on the organisation's clock) and the table, when requested. */
const meetingsExport = (eventId: string): ListExport<B2bMeeting & { slotAt: string; requestedOn: string }, B2bMeetingFilter> => ({
  name: 'b2b-meetings',
  columns: [
    { header: 'b2b.from', cell: (m) => m.from.name },
    { header: 'b2b.fromFirm', cell: (m) => m.from.firm ?? '' },
    { header: 'b2b.to', cell: (m) => m.to.name },
    { header: 'b2b.toFirm', cell: (m) => m.to.firm ?? '' },
    { header: 'b2b.state', cell: (m, t) => t(`b2b.states.${m.state}`) },
    { header: 'b2b.slot', cell: (m) => m.slotAt },
    { header: 'b2b.table', cell: (m) => m.tableName ?? '' },
    { header: 'b2b.requestedOn', cell: (m) => m.requestedOn },
  ],
  page: async (ctx, query) => {
    // A download writes the slot on the organisation's clock (the screen writes it in the reader's).
    const zone = (await currentOrgClock(ctx)).timeZone;
    const page = await meetingPage(ctx, eventId, query);
    return { items: page.items.map((m) => ({ ...m, slotAt: m.startsAt ? instantToWallTime(m.startsAt, zone).replace('T', ' ') : '', requestedOn: instantToWallTime(m.createdAt, zone).slice(0, 10) })), nextCursor: page.nextCursor };
  },
});

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

  // The lists staff scan and download: participants with their requests, and every request or meeting with its slot and table.
  app.get('/api/v1/b2b/events/:id/participants', {
    schema: { tags, params: IdParams, querystring: B2bParticipantQuery, response: { 200: Page(B2bParticipantRow) } },
    config: { auth: 'tenant', permission: 'b2b.manage' },
  }, async (request) => app.tenant(request, (ctx) => participantPage(ctx, request.params.id, request.query)));
  app.get('/api/v1/b2b/events/:id/meetings', {
    schema: { tags, params: IdParams, querystring: B2bMeetingQuery, response: { 200: Page(B2bMeeting) } },
    config: { auth: 'tenant', permission: 'b2b.manage' },
  }, async (request) => app.tenant(request, (ctx) => meetingPage(ctx, request.params.id, request.query)));
  for (const format of TABLE_FORMATS) {
    app.get(`/api/v1/b2b/events/:id/participants/export.${format}`, {
      schema: { tags, params: IdParams, querystring: B2bParticipantFilter },
      config: { auth: 'tenant', permission: 'b2b.manage' },
    }, async (request, reply) => {
      // An event not there answers 404 before the file starts.
      await app.tenant(request, (ctx) => getSeats(ctx, request.params.id));
      return sendListExport(app, request, reply, format, participantsExport(request.params.id), request.query);
    });
    app.get(`/api/v1/b2b/events/:id/meetings/export.${format}`, {
      schema: { tags, params: IdParams, querystring: B2bMeetingFilter },
      config: { auth: 'tenant', permission: 'b2b.manage' },
    }, async (request, reply) => {
      await app.tenant(request, (ctx) => getSeats(ctx, request.params.id));
      return sendListExport(app, request, reply, format, meetingsExport(request.params.id), request.query);
    });
  }

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
