import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ChildParams, IdParams, Page, TABLE_FORMATS } from '../../../../contracts/common.js';
import {
  CheckInInput, CheckInList, CheckInResult, EventDetail, EventFilter, EventInput, EventQuery, EventSharing, EventSharingInput, EventStateInput, EventSummary, FederationEvent, FederationEventQuery, Registration, RegistrationFilter, RegistrationInput, RegistrationQuery, TicketTypeInput,
} from '../../../../contracts/events.js';
import type { TenantCtx } from '../../../platform/db/tenancy.js';
import { sendListExport, type ListExport } from '../../../platform/export/list-export.js';
import { orgClock } from '../../../platform/org-clock.js';
import { clockFormat } from '../../../platform/time.js';
import { getCurrentOrg } from '../../orgs/org-service.js';
import { eventCalendar } from '../calendar.js';
import { checkIn, checkInList } from '../check-in-service.js';
import { getEventSharing, listFederationEventPage, saveEventSharing } from '../federation-service.js';
import { addTicketType, createEvent, editEvent, getEvent, getEventRow, listEvents, removeTicketType, setEventState } from '../event-service.js';
import { cancelRegistration, registerFor, registrationPage } from '../registration-service.js';

const tags = ['events'];

/** The calendar as a file: the events listed, with their seats and attendance. */
const eventsExport: ListExport<EventSummary, EventFilter> = {
  name: 'events',
  columns: [
    { header: 'events.title', cell: (e) => e.title },
    { header: 'events.kind', cell: (e, t) => t(`events.kinds.${e.kind}`) },
    { header: 'events.state', cell: (e, t) => t(`events.states.${e.state}`) },
    { header: 'events.startsAt', cell: (e) => e.startsAt },
    { header: 'events.endsAt', cell: (e) => e.endsAt },
    { header: 'events.venue', cell: (e) => e.venue || e.onlineUrl },
    { header: 'events.branch', cell: (e) => e.branch?.name ?? '' },
    { header: 'events.organiser', cell: (e) => (e.external ? e.organiser : '') },
    { header: 'events.capacity', cell: (e) => e.capacity },
    { header: 'events.registrations', cell: (e) => e.registered },
    { header: 'events.waitingList', cell: (e) => e.waiting },
    { header: 'events.present', cell: (e) => e.attended },
  ],
  page: listEvents,
};

/** An event's registrations as a file: who comes, their firm and ticket, whether they came. The event is the route's. */
const registrationsExport: Omit<ListExport<Registration, RegistrationFilter>, 'page'> = {
  name: 'registrations',
  columns: [
    { header: 'events.name', cell: (r) => r.name },
    { header: 'events.firm', cell: (r) => r.member?.name ?? '' },
    { header: 'events.email', cell: (r) => r.email },
    { header: 'events.phone', cell: (r) => r.phone },
    { header: 'events.status', cell: (r, t) => t(`events.statuses.${r.status}`) },
    { header: 'events.waitingListPlace', cell: (r) => r.waitingPlace },
    { header: 'events.ticketType', cell: (r) => r.ticketType?.name ?? '' },
    { header: 'events.ticketCode', cell: (r) => r.ticketCode },
    { header: 'events.present', cell: (r) => r.attendedAt !== null },
    { header: 'events.registeredAt', cell: (r) => r.createdAt },
  ],
};

export interface EventRoutesOptions {
  /**
   * What the modules above do once people are ticked present, in the same
   * transaction (training: a course's session makes its attendees participants
   * of the course). Handed over by server/app.ts.
   */
  afterCheckIn?: (ctx: TenantCtx, eventId: string) => Promise<unknown>;
}

/** Events: the calendar, an event's page, registration with a waiting list, check-in at the door. */
export const eventRoutes: FastifyPluginAsyncZod<EventRoutesOptions> = async (app, { afterCheckIn }) => {
  app.get('/api/v1/events', {
    schema: { tags, querystring: EventQuery, response: { 200: Page(EventSummary) } },
    config: { auth: 'tenant', permission: 'events.read' },
  }, async (request) => app.tenant(request, (ctx) => listEvents(ctx, request.query)));

  for (const format of TABLE_FORMATS) {
    app.get(`/api/v1/events/export.${format}`, {
      schema: { tags, querystring: EventFilter },
      config: { auth: 'tenant', permission: 'events.manage' },
    }, async (request, reply) => sendListExport(app, request, reply, format, eventsExport, request.query));
  }

  // Across the federation (issue 18.8): this organisation's choice to share its published events, and what the others share (read-only).
  app.get('/api/v1/events/federation', {
    schema: { tags, querystring: FederationEventQuery, response: { 200: Page(FederationEvent) } },
    config: { auth: 'tenant', permission: 'events.read' },
  }, async (request) => app.tenant(request, (ctx) => listFederationEventPage(ctx, request.query)));

  app.get('/api/v1/events/federation/sharing', {
    schema: { tags, response: { 200: EventSharing } },
    config: { auth: 'tenant', permission: 'events.read' },
  }, async (request) => app.tenant(request, (ctx) => getEventSharing(ctx)));

  app.put('/api/v1/events/federation/sharing', {
    schema: { tags, body: EventSharingInput, response: { 200: EventSharing } },
    config: { auth: 'tenant', permission: 'events.manage' },
  }, async (request) => app.tenant(request, (ctx) => saveEventSharing(ctx, request.body)));

  app.get('/api/v1/events/:id', {
    schema: { tags, params: IdParams, response: { 200: EventDetail } },
    config: { auth: 'tenant', permission: 'events.read' },
  }, async (request) => app.tenant(request, (ctx) => getEvent(ctx, request.params.id)));

  app.post('/api/v1/events', {
    schema: { tags, body: EventInput, response: { 201: EventDetail } },
    config: { auth: 'tenant', permission: 'events.manage' },
  }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => getEvent(ctx, await createEvent(ctx, request.body)));
  });

  app.put('/api/v1/events/:id', {
    schema: { tags, params: IdParams, body: EventInput, response: { 200: EventDetail } },
    config: { auth: 'tenant', permission: 'events.manage' },
  }, async (request) => {
    const event = await app.tenant(request, async (ctx) => {
      await editEvent(ctx, request.params.id, request.body);
      return getEvent(ctx, request.params.id);
    });
    // More seats may have promoted people waiting: their mail goes now.
    void app.mailer.flush();
    return event;
  });

  app.post('/api/v1/events/:id/state', {
    schema: { tags, params: IdParams, body: EventStateInput, response: { 200: EventDetail } },
    config: { auth: 'tenant', permission: 'events.manage' },
  }, async (request) => {
    const event = await app.tenant(request, async (ctx) => {
      await setEventState(ctx, request.params.id, request.body.state);
      return getEvent(ctx, request.params.id);
    });
    // A cancellation tells those registered.
    void app.mailer.flush();
    return event;
  });

  app.post('/api/v1/events/:id/ticket-types', {
    schema: { tags, params: IdParams, body: TicketTypeInput, response: { 200: EventDetail } },
    config: { auth: 'tenant', permission: 'events.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await addTicketType(ctx, request.params.id, request.body);
    return getEvent(ctx, request.params.id);
  }));

  app.delete('/api/v1/events/:id/ticket-types/:childId', {
    schema: { tags, params: ChildParams, response: { 200: EventDetail } },
    config: { auth: 'tenant', permission: 'events.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await removeTicketType(ctx, request.params.id, request.params.childId);
    return getEvent(ctx, request.params.id);
  }));

  // Staff see everyone; a member firm's user the firm's own people.
  app.get('/api/v1/events/:id/registrations', {
    schema: { tags, params: IdParams, querystring: RegistrationQuery, response: { 200: Page(Registration) } },
    config: { auth: 'tenant', permission: 'events.register' },
  }, async (request) => app.tenant(request, (ctx) => registrationPage(ctx, request.params.id, request.query)));

  // Who comes, as a file for the organisers: staff only (addresses and telephones of other firms' people).
  for (const format of TABLE_FORMATS) {
    app.get(`/api/v1/events/:id/registrations/export.${format}`, {
      schema: { tags, params: IdParams, querystring: RegistrationFilter },
      config: { auth: 'tenant', permission: 'events.manage' },
    }, async (request, reply) => {
      const eventId = request.params.id;
      // An event not there (or a draft not theirs to see) answers 404 before the file starts.
      await app.tenant(request, (ctx) => getEventRow(ctx, eventId));
      return sendListExport(app, request, reply, format, { ...registrationsExport, page: (ctx, query) => registrationPage(ctx, eventId, query) }, request.query);
    });
  }

  app.post('/api/v1/events/:id/registrations', {
    schema: { tags, params: IdParams, body: RegistrationInput, response: { 201: Registration } },
    config: { auth: 'tenant', permission: 'events.register' },
  }, async (request, reply) => {
    const registration = await app.tenant(request, (ctx) => registerFor(ctx, request.params.id, request.body));
    void app.mailer.flush();
    reply.code(201);
    return registration;
  });

  // A seat given back goes to the first one waiting, in the same transaction.
  app.post('/api/v1/events/:id/registrations/:childId/cancel', {
    schema: { tags, params: ChildParams, response: { 200: z.object({ promoted: z.array(z.uuid()) }) } },
    config: { auth: 'tenant', permission: 'events.register' },
  }, async (request) => {
    const result = await app.tenant(request, (ctx) => cancelRegistration(ctx, request.params.id, request.params.childId));
    void app.mailer.flush();
    return result;
  });

  // Downloaded by the check-in phone before the doors open; ticks are kept on the phone until sent.
  app.get('/api/v1/events/:id/check-in', {
    schema: { tags, params: IdParams, response: { 200: CheckInList } },
    config: { auth: 'tenant', permission: 'events.check_in' },
  }, async (request) => app.tenant(request, (ctx) => checkInList(ctx, request.params.id)));

  app.post('/api/v1/events/:id/check-in', {
    schema: { tags, params: IdParams, body: CheckInInput, response: { 200: CheckInResult } },
    config: { auth: 'tenant', permission: 'events.check_in' },
  }, async (request) => app.tenant(request, async (ctx) => {
    const result = await checkIn(ctx, request.params.id, request.body);
    if (result.checkedIn.length && afterCheckIn) await afterCheckIn(ctx, request.params.id);
    return result;
  }));

  app.get('/api/v1/events/:id/calendar.ics', {
    schema: { tags, params: IdParams },
    config: { auth: 'tenant', permission: 'events.read' },
  }, async (request, reply) => {
    const ics = await app.tenant(request, async (ctx) => {
      const event = await getEventRow(ctx, request.params.id);
      const org = await getCurrentOrg(ctx);
      return eventCalendar(event, { when: clockFormat(orgClock(org), ctx.locale).meetingTime(event.startsAt), orgName: org.name });
    });
    reply.header('content-type', 'text/calendar; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="event-${request.params.id.slice(0, 8)}.ics"`);
    return ics;
  });
};
