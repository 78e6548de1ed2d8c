import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, Page } from '../../../../contracts/common.js';
import {
  Enquiry, EnquiryAnswerInput, EnquiryEntryInput, EnquiryInput, EnquiryQuery, FederationInfoEntry, FederationInfoQuery, InfoEntry, InfoEntryInput, InfoEntryQuery, InfoEntryStateInput, InfoSubscription, InfoSubscriptionInput,
} from '../../../../contracts/networking-info.js';
import { clock } from '../../../platform/clock.js';
import type { TenantCtx } from '../../../platform/db/tenancy.js';
import { ownFirm } from '../../members/portal-service.js';
import { answerEnquiry, askEnquiry, entryFromEnquiry, getEnquiry, listEnquiryPage } from '../enquiry-service.js';
import { getInfoSubscription, saveInfoSubscription } from '../info-digest.js';
import { listFederationInfoEntryPage } from '../federation-service.js';
import { createInfoEntry, getInfoEntry, listInfoEntryPage, setInfoEntryState, updateInfoEntry } from '../info-entry-service.js';

const tags = ['networking'];
const ownId = async (ctx: TenantCtx) => (await ownFirm(ctx)).id;

/**
 * The information service (issue 18.7): staff keep entries and answer
 * enquiries; a member firm's own user reads published entries, follows them
 * by sector, product or country, and asks questions.
 */
export const infoRoutes: FastifyPluginAsyncZod = async (app) => {
  // Entries (staff).
  app.get('/api/v1/networking/info/entries', {
    schema: { tags, querystring: InfoEntryQuery, response: { 200: Page(InfoEntry) } },
    config: { auth: 'tenant', permission: 'networking.read' },
  }, async (request) => app.tenant(request, (ctx) => listInfoEntryPage(ctx, request.query, clock.now())));

  app.post('/api/v1/networking/info/entries', {
    schema: { tags, body: InfoEntryInput, response: { 201: InfoEntry } },
    config: { auth: 'tenant', permission: 'networking.manage' },
  }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => getInfoEntry(ctx, await createInfoEntry(ctx, request.body), clock.now()));
  });

  app.get('/api/v1/networking/info/entries/:id', {
    schema: { tags, params: IdParams, response: { 200: InfoEntry } },
    config: { auth: 'tenant', permission: 'networking.read' },
  }, async (request) => app.tenant(request, (ctx) => getInfoEntry(ctx, request.params.id, clock.now())));

  app.put('/api/v1/networking/info/entries/:id', {
    schema: { tags, params: IdParams, body: InfoEntryInput, response: { 200: InfoEntry } },
    config: { auth: 'tenant', permission: 'networking.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await updateInfoEntry(ctx, request.params.id, request.body);
    return getInfoEntry(ctx, request.params.id, clock.now());
  }));

  app.post('/api/v1/networking/info/entries/:id/state', {
    schema: { tags, params: IdParams, body: InfoEntryStateInput, response: { 200: InfoEntry } },
    config: { auth: 'tenant', permission: 'networking.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await setInfoEntryState(ctx, request.params.id, request.body.state, clock.now());
    return getInfoEntry(ctx, request.params.id, clock.now());
  }));

  // Entries the federation's other organisations share with this one (issue 18.8): read-only, no route writes them.
  app.get('/api/v1/networking/info/federation-entries', {
    schema: { tags, querystring: FederationInfoQuery, response: { 200: Page(FederationInfoEntry) } },
    config: { auth: 'tenant', permission: 'networking.read' },
  }, async (request) => app.tenant(request, (ctx) => listFederationInfoEntryPage(ctx, request.query)));

  // Enquiries (staff): the inbox, answering, making an entry of an answer.
  app.get('/api/v1/networking/info/enquiries', {
    schema: { tags, querystring: EnquiryQuery, response: { 200: Page(Enquiry) } },
    config: { auth: 'tenant', permission: 'networking.read' },
  }, async (request) => app.tenant(request, (ctx) => listEnquiryPage(ctx, request.query)));

  app.get('/api/v1/networking/info/enquiries/:id', {
    schema: { tags, params: IdParams, response: { 200: Enquiry } },
    config: { auth: 'tenant', permission: 'networking.read' },
  }, async (request) => app.tenant(request, (ctx) => getEnquiry(ctx, request.params.id)));

  app.post('/api/v1/networking/info/enquiries/:id/answer', {
    schema: { tags, params: IdParams, body: EnquiryAnswerInput, response: { 200: Enquiry } },
    config: { auth: 'tenant', permission: 'networking.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await answerEnquiry(ctx, request.params.id, request.body.answer, clock.now());
    return getEnquiry(ctx, request.params.id);
  }));

  app.post('/api/v1/networking/info/enquiries/:id/entry', {
    schema: { tags, params: IdParams, body: EnquiryEntryInput, response: { 201: InfoEntry } },
    config: { auth: 'tenant', permission: 'networking.manage' },
  }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => getInfoEntry(ctx, await entryFromEnquiry(ctx, request.params.id, request.body), clock.now()));
  });

  // The member firm's own: published entries, its subscription, its enquiries.
  app.get('/api/v1/networking/my/info/entries', {
    schema: { tags, querystring: InfoEntryQuery.omit({ state: true, reviewDue: true }), response: { 200: Page(InfoEntry) } },
    config: { auth: 'tenant', permission: 'networking.self' },
  }, async (request) => app.tenant(request, (ctx) => listInfoEntryPage(ctx, request.query, clock.now(), true)));

  app.get('/api/v1/networking/my/info/entries/:id', {
    schema: { tags, params: IdParams, response: { 200: InfoEntry } },
    config: { auth: 'tenant', permission: 'networking.self' },
  }, async (request) => app.tenant(request, (ctx) => getInfoEntry(ctx, request.params.id, clock.now(), true)));

  app.get('/api/v1/networking/my/info/subscription', {
    schema: { tags, response: { 200: InfoSubscription } },
    config: { auth: 'tenant', permission: 'networking.self' },
  }, async (request) => app.tenant(request, async (ctx) => getInfoSubscription(ctx, await ownId(ctx))));

  app.put('/api/v1/networking/my/info/subscription', {
    schema: { tags, body: InfoSubscriptionInput, response: { 200: InfoSubscription } },
    config: { auth: 'tenant', permission: 'networking.self' },
  }, async (request) => app.tenant(request, async (ctx) => saveInfoSubscription(ctx, await ownId(ctx), request.body, clock.now())));

  app.get('/api/v1/networking/my/info/enquiries', {
    schema: { tags, querystring: EnquiryQuery, response: { 200: Page(Enquiry) } },
    config: { auth: 'tenant', permission: 'networking.self' },
  }, async (request) => app.tenant(request, async (ctx) => listEnquiryPage(ctx, request.query, await ownId(ctx))));

  app.post('/api/v1/networking/my/info/enquiries', {
    schema: { tags, body: EnquiryInput, response: { 201: Enquiry } },
    config: { auth: 'tenant', permission: 'networking.self' },
  }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => {
      const me = await ownId(ctx);
      return getEnquiry(ctx, await askEnquiry(ctx, me, request.body, clock.now()), me);
    });
  });
};
