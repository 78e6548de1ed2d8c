import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ChildParams, IdParams, Page, TABLE_FORMATS } from '../../../../contracts/common.js';
import {
  AgendaItemInput, Decision, DecisionFilter, DecisionInput, DecisionQuery, Forum, ForumDetail, ForumFilter, ForumInput, ForumMemberInput, ForumQuery, FollowUpInput, MeetingDetail, MeetingFilter, MeetingInput, MeetingQuery,
  MeetingSummary, MinutesInput,
} from '../../../../contracts/dialogue.js';
import { ApprovedPaper } from '../../../../contracts/position-papers.js';
import type { TenantCtx } from '../../../platform/db/tenancy.js';
import { sendListExport, type ListExport } from '../../../platform/export/list-export.js';
import { translator } from '../../../platform/i18n/i18n.js';
import { clockFormat } from '../../../platform/time.js';
import { orgClock } from '../../../platform/org-clock.js';
import { getCurrentOrg } from '../../orgs/org-service.js';
import { addDecision, addFollowUp, getDecision, listDecisions } from '../decision-service.js';
import { addForumMember, createForum, getForum, listForums, removeForumMember, updateForum, updateForumMember } from '../forum-service.js';
import {
  addAgendaItem, createMeeting, getMeeting, listMeetings, meetingCalendarFile, moveAgendaItem, recordMinutes, removeAgendaItem, sendInvitations, updateMeeting, upcomingMeetings,
} from '../meeting-service.js';
import { minutesPdf } from '../minutes-pdf.js';
import { papersOfAgendaItem } from '../agenda-papers.js';

const tags = ['dialogue'];

/** The decisions as a file: what the list shows, in its order, with their meeting and forum. */
const decisionsExport: ListExport<Decision, DecisionFilter> = {
  name: 'decisions',
  columns: [
    { header: 'dialogue.decision', cell: (d) => d.text },
    { header: 'dialogue.owner', cell: (d) => d.owner },
    { header: 'dialogue.due', cell: (d) => d.dueOn ?? '' },
    { header: 'dialogue.status', cell: (d, t) => t(`dialogue.decisionStatuses.${d.status}`) },
    { header: 'dialogue.overdue', cell: (d) => d.overdue },
    { header: 'dialogue.meeting', cell: (d) => d.meeting.title },
    { header: 'dialogue.startsAt', cell: (d) => d.meeting.startsAt },
    { header: 'dialogue.forum', cell: (d) => d.meeting.forumName },
    { header: 'advocacy.fields.title', cell: (d) => d.issue?.title ?? '' },
  ],
  page: listDecisions,
};

/** The forums as a file: what the list shows, in its order, with their members and their next meeting. */
const forumsExport: ListExport<Forum, ForumFilter> = {
  name: 'forums',
  columns: [
    { header: 'dialogue.forumName', cell: (f) => f.name },
    { header: 'dialogue.kind', cell: (f, t) => t(`dialogue.kinds.${f.kind}`) },
    { header: 'dialogue.isPublic', cell: (f) => f.isPublic },
    { header: 'dialogue.members', cell: (f) => f.members },
    { header: 'dialogue.openDecisionsHeader', cell: (f) => f.openDecisions },
    { header: 'dialogue.next', cell: (f) => f.nextMeeting?.title ?? '' },
    { header: 'dialogue.nextMeetingStarts', cell: (f) => f.nextMeeting?.startsAt ?? '' },
  ],
  page: listForums,
};

/** The meetings as a file: what the list shows, in its order. */
const meetingsExport: ListExport<MeetingSummary, MeetingFilter> = {
  name: 'meetings',
  columns: [
    { header: 'dialogue.meetingTitle', cell: (m) => m.title },
    { header: 'dialogue.forum', cell: (m) => m.forumName },
    { header: 'dialogue.startsAt', cell: (m) => m.startsAt },
    { header: 'dialogue.endsAt', cell: (m) => m.endsAt },
    { header: 'dialogue.location', cell: (m) => m.location },
    { header: 'dialogue.status', cell: (m, t) => t(`dialogue.meetingStatuses.${m.status}`) },
    { header: 'dialogue.openDecisionsHeader', cell: (m) => m.openDecisions },
  ],
  page: listMeetings,
};

export const dialogueRoutes: FastifyPluginAsyncZod = async (app) => {
  /** Runs a change, then answers with the forum or meeting as it now stands. */
  const thenForum = (request: FastifyRequest & { params: { id: string } }, work: (ctx: TenantCtx) => Promise<unknown>) =>
    app.tenant(request, async (ctx) => {
      await work(ctx);
      return getForum(ctx, request.params.id);
    });
  const thenMeeting = (request: FastifyRequest & { params: { id: string } }, work: (ctx: TenantCtx) => Promise<unknown>) =>
    app.tenant(request, async (ctx) => {
      await work(ctx);
      return getMeeting(ctx, request.params.id);
    });

  // ---- forums ----
  app.get('/api/v1/forums', { schema: { tags, querystring: ForumQuery, response: { 200: Page(Forum) } }, config: { auth: 'tenant', permission: 'dialogue.read' } }, async (request) =>
    app.tenant(request, (ctx) => listForums(ctx, request.query)),
  );
  for (const format of TABLE_FORMATS) {
    app.get(`/api/v1/forums/export.${format}`, { schema: { tags, querystring: ForumFilter }, config: { auth: 'tenant', permission: 'dialogue.manage' } }, async (request, reply) =>
      sendListExport(app, request, reply, format, forumsExport, request.query));
  }
  app.post('/api/v1/forums', { schema: { tags, body: ForumInput, response: { 201: ForumDetail } }, config: { auth: 'tenant', permission: 'dialogue.manage' } }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => getForum(ctx, (await createForum(ctx, request.body)).id));
  });
  app.get('/api/v1/forums/:id', { schema: { tags, params: IdParams, response: { 200: ForumDetail } }, config: { auth: 'tenant', permission: 'dialogue.read' } }, async (request) =>
    app.tenant(request, (ctx) => getForum(ctx, request.params.id)),
  );
  app.put('/api/v1/forums/:id', { schema: { tags, params: IdParams, body: ForumInput, response: { 200: ForumDetail } }, config: { auth: 'tenant', permission: 'dialogue.manage' } }, async (request) =>
    thenForum(request, (ctx) => updateForum(ctx, request.params.id, request.body)),
  );
  app.post('/api/v1/forums/:id/members', { schema: { tags, params: IdParams, body: ForumMemberInput, response: { 200: ForumDetail } }, config: { auth: 'tenant', permission: 'dialogue.manage' } }, async (request) =>
    thenForum(request, (ctx) => addForumMember(ctx, request.params.id, request.body)),
  );
  app.put('/api/v1/forums/:id/members/:childId', { schema: { tags, params: ChildParams, body: ForumMemberInput, response: { 200: ForumDetail } }, config: { auth: 'tenant', permission: 'dialogue.manage' } }, async (request) =>
    thenForum(request, (ctx) => updateForumMember(ctx, request.params.id, request.params.childId, request.body)),
  );
  app.delete('/api/v1/forums/:id/members/:childId', { schema: { tags, params: ChildParams, response: { 200: ForumDetail } }, config: { auth: 'tenant', permission: 'dialogue.manage' } }, async (request) =>
    thenForum(request, (ctx) => removeForumMember(ctx, request.params.id, request.params.childId)),
  );

  // ---- meetings ----
  app.get('/api/v1/meetings', { schema: { tags, querystring: MeetingQuery, response: { 200: Page(MeetingSummary) } }, config: { auth: 'tenant', permission: 'dialogue.read' } }, async (request) =>
    app.tenant(request, (ctx) => listMeetings(ctx, request.query)),
  );
  for (const format of TABLE_FORMATS) {
    app.get(`/api/v1/meetings/export.${format}`, { schema: { tags, querystring: MeetingFilter }, config: { auth: 'tenant', permission: 'dialogue.manage' } }, async (request, reply) =>
      sendListExport(app, request, reply, format, meetingsExport, request.query));
  }
  app.get('/api/v1/meetings/upcoming', { schema: { tags, response: { 200: z.object({ items: z.array(MeetingSummary) }) } }, config: { auth: 'tenant', permission: 'dialogue.read' } }, async (request) => ({
    items: await app.tenant(request, (ctx) => upcomingMeetings(ctx)),
  }));
  app.post('/api/v1/forums/:id/meetings', { schema: { tags, params: IdParams, body: MeetingInput, response: { 201: MeetingDetail } }, config: { auth: 'tenant', permission: 'dialogue.manage' } }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => getMeeting(ctx, (await createMeeting(ctx, request.params.id, request.body)).id));
  });
  app.get('/api/v1/meetings/:id', { schema: { tags, params: IdParams, response: { 200: MeetingDetail } }, config: { auth: 'tenant', permission: 'dialogue.read' } }, async (request) =>
    app.tenant(request, (ctx) => getMeeting(ctx, request.params.id)),
  );
  app.put('/api/v1/meetings/:id', { schema: { tags, params: IdParams, body: MeetingInput, response: { 200: MeetingDetail } }, config: { auth: 'tenant', permission: 'dialogue.manage' } }, async (request) =>
    thenMeeting(request, (ctx) => updateMeeting(ctx, request.params.id, request.body)),
  );
  app.post('/api/v1/meetings/:id/agenda', { schema: { tags, params: IdParams, body: AgendaItemInput, response: { 200: MeetingDetail } }, config: { auth: 'tenant', permission: 'dialogue.manage' } }, async (request) =>
    thenMeeting(request, (ctx) => addAgendaItem(ctx, request.params.id, request.body)),
  );
  app.post('/api/v1/meetings/:id/agenda/:childId/move', { schema: { tags, params: ChildParams, body: z.object({ direction: z.enum(['up', 'down']) }), response: { 200: MeetingDetail } }, config: { auth: 'tenant', permission: 'dialogue.manage' } }, async (request) =>
    thenMeeting(request, (ctx) => moveAgendaItem(ctx, request.params.id, request.params.childId, request.body.direction)),
  );
  app.delete('/api/v1/meetings/:id/agenda/:childId', { schema: { tags, params: ChildParams, response: { 200: MeetingDetail } }, config: { auth: 'tenant', permission: 'dialogue.manage' } }, async (request) =>
    thenMeeting(request, (ctx) => removeAgendaItem(ctx, request.params.id, request.params.childId)),
  );
  // What the organisation brings to the table on an item: the approved papers of its advocacy issue, for all who see the meeting.
  app.get('/api/v1/meetings/:id/agenda/:childId/papers', { schema: { tags, params: ChildParams, response: { 200: z.object({ items: z.array(ApprovedPaper) }) } }, config: { auth: 'tenant', permission: 'dialogue.read' } }, async (request) => ({
    items: await app.tenant(request, (ctx) => papersOfAgendaItem(ctx, request.params.id, request.params.childId)),
  }));
  app.put('/api/v1/meetings/:id/minutes', { schema: { tags, params: IdParams, body: MinutesInput, response: { 200: MeetingDetail } }, config: { auth: 'tenant', permission: 'dialogue.manage' } }, async (request) =>
    thenMeeting(request, (ctx) => recordMinutes(ctx, request.params.id, request.body)),
  );
  app.post('/api/v1/meetings/:id/invitations', { schema: { tags, params: IdParams, response: { 200: z.object({ invited: z.number().int() }) } }, config: { auth: 'tenant', permission: 'dialogue.manage' } }, async (request) => {
    const result = await app.tenant(request, (ctx) => sendInvitations(ctx, request.params.id));
    void app.mailer.flush();
    return result;
  });
  app.get('/api/v1/meetings/:id/calendar.ics', { schema: { tags, params: IdParams }, config: { auth: 'tenant', permission: 'dialogue.read' } }, async (request, reply) => {
    const ics = await app.tenant(request, (ctx) => meetingCalendarFile(ctx, request.params.id));
    reply.header('content-type', 'text/calendar; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="meeting-${request.params.id.slice(0, 8)}.ics"`);
    return ics;
  });
  app.get('/api/v1/meetings/:id/minutes.pdf', { schema: { tags, params: IdParams }, config: { auth: 'tenant', permission: 'dialogue.read' } }, async (request, reply) => {
    const { meeting, org, locale } = await app.tenant(request, async (ctx) => ({ meeting: await getMeeting(ctx, request.params.id), org: await getCurrentOrg(ctx), locale: ctx.locale }));
    const pdf = await minutesPdf(meeting, org.name, translator(locale), clockFormat(orgClock(org), locale));
    reply.header('content-type', 'application/pdf');
    reply.header('content-disposition', `attachment; filename="minutes-${request.params.id.slice(0, 8)}.pdf"`);
    return pdf;
  });

  // ---- decisions ----
  app.get('/api/v1/decisions', { schema: { tags, querystring: DecisionQuery, response: { 200: Page(Decision) } }, config: { auth: 'tenant', permission: 'dialogue.read' } }, async (request) =>
    app.tenant(request, (ctx) => listDecisions(ctx, request.query)),
  );
  for (const format of TABLE_FORMATS) {
    app.get(`/api/v1/decisions/export.${format}`, { schema: { tags, querystring: DecisionFilter }, config: { auth: 'tenant', permission: 'dialogue.manage' } }, async (request, reply) =>
      sendListExport(app, request, reply, format, decisionsExport, request.query));
  }
  app.post('/api/v1/meetings/:id/decisions', { schema: { tags, params: IdParams, body: DecisionInput, response: { 200: MeetingDetail } }, config: { auth: 'tenant', permission: 'dialogue.manage' } }, async (request) =>
    thenMeeting(request, (ctx) => addDecision(ctx, request.params.id, request.body)),
  );
  app.post('/api/v1/decisions/:id/follow-ups', { schema: { tags, params: IdParams, body: FollowUpInput, response: { 200: Decision } }, config: { auth: 'tenant', permission: 'dialogue.follow_up' } }, async (request) =>
    app.tenant(request, async (ctx) => {
      await addFollowUp(ctx, request.params.id, request.body);
      return getDecision(ctx, request.params.id);
    }),
  );
};
