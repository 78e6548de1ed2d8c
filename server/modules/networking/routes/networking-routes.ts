import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Page, TABLE_FORMATS, Uuid } from '../../../../contracts/common.js';
import {
  DealFollowUp, DealFollowUpQuery, DirectoryFilter, DirectoryQuery, FederationOffer, FederationOfferQuery, Interest, InterestInput, Introduction, IntroductionInput, IntroductionQuery, IntroductionStatusInput, Match, NetworkingSettings,
  Offer, OfferDetail, OfferFilter, OfferInput, OfferQuery, Profile, ProfileInput, ReturnInput, StaffOfferInput, WhyNot,
} from '../../../../contracts/networking.js';
import { clock } from '../../../platform/clock.js';
import type { TenantCtx } from '../../../platform/db/tenancy.js';
import { sendListExport, type ListExport } from '../../../platform/export/list-export.js';
import { ownFirm } from '../../members/portal-service.js';
import { dealFollowUpList, dealFollowUpsOf } from '../deal-service.js';
import { listFederationOfferPage } from '../federation-service.js';
import { createIntroduction, getIntroduction, introductionsOf, listIntroductionPage, moveIntroduction } from '../introduction-service.js';
import { matchesFor, whyNot } from '../match-service.js';
import { createOffer, expressInterest, getOfferDetail, interestsWhere, listOfferPage, moveOffer, updateOffer, type OfferAction } from '../offer-service.js';
import { getProfile, listProfilePage, saveProfile } from '../profile-service.js';
import { getNetworkingSettings, saveNetworkingSettings } from '../settings-service.js';

const tags = ['networking'];
const MemberParams = z.object({ id: Uuid, memberId: Uuid });
const Items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
const ownId = async (ctx: TenantCtx) => (await ownFirm(ctx)).id;

const profilesExport: ListExport<Profile, DirectoryFilter> = {
  name: 'directory-profiles',
  columns: [
    { header: 'networking.firm', cell: (p) => p.firmName },
    { header: 'networking.state', cell: (p, t) => t(`networking.profileStates.${p.state}`) },
    { header: 'networking.sector', cell: (p) => p.sector ?? '' },
    { header: 'networking.region', cell: (p) => p.region ?? '' },
    { header: 'networking.offerings', cell: (p) => p.offerings.map((o) => (o.hsCode ? `${o.name} (HS ${o.hsCode})` : o.name)).join('; ') },
    { header: 'networking.exportMarkets', cell: (p) => p.exportMarkets.join(' ') },
    { header: 'networking.expiresAt', cell: (p) => p.expiresAt },
  ],
  page: (ctx, query) => listProfilePage(ctx, query, clock.now()),
};

const offersExport: ListExport<Offer, OfferFilter> = {
  name: 'cooperation-offers',
  columns: [
    { header: 'networking.offerTitle', cell: (o) => o.title },
    { header: 'networking.firm', cell: (o) => o.firmName },
    { header: 'networking.kind', cell: (o, t) => t(`networking.kinds.${o.kind}`) },
    { header: 'networking.side', cell: (o, t) => t(`networking.sides.${o.side}`) },
    { header: 'networking.state', cell: (o, t) => t(`networking.states.${o.state}`) },
    { header: 'networking.hsCodes', cell: (o) => o.hsCodes.join(' ') },
    { header: 'networking.expiresAt', cell: (o) => o.expiresAt },
  ],
  page: (ctx, query) => listOfferPage(ctx, query, clock.now()),
};

/**
 * SME networking for staff and for a member firm's own user: directory
 * profiles, cooperation offers and their review, expressions of interest,
 * introductions, explained matches, settings.
 */
export const networkingRoutes: FastifyPluginAsyncZod = async (app) => {
  // Directory profiles (staff).
  app.get('/api/v1/networking/profiles', {
    schema: { tags, querystring: DirectoryQuery, response: { 200: Page(Profile) } },
    config: { auth: 'tenant', permission: 'networking.read' },
  }, async (request) => app.tenant(request, (ctx) => listProfilePage(ctx, request.query, clock.now())));

  for (const format of TABLE_FORMATS) {
    app.get(`/api/v1/networking/profiles/export.${format}`, {
      schema: { tags, querystring: DirectoryFilter },
      config: { auth: 'tenant', permission: 'networking.read' },
    }, async (request, reply) => sendListExport(app, request, reply, format, profilesExport, request.query));
  }

  app.get('/api/v1/networking/profiles/:id', {
    schema: { tags, params: IdParams, response: { 200: Profile } },
    config: { auth: 'tenant', permission: 'networking.read' },
  }, async (request) => app.tenant(request, (ctx) => getProfile(ctx, request.params.id, clock.now())));

  app.put('/api/v1/networking/profiles/:id', {
    schema: { tags, params: IdParams, body: ProfileInput, response: { 200: Profile } },
    config: { auth: 'tenant', permission: 'networking.manage' },
  }, async (request) => app.tenant(request, (ctx) => saveProfile(ctx, request.params.id, request.body, clock.now(), 'staff')));

  app.get('/api/v1/networking/profiles/:id/matches', {
    schema: { tags, params: IdParams, response: { 200: Items(Match) } },
    config: { auth: 'tenant', permission: 'networking.read' },
  }, async (request) => ({ items: await app.tenant(request, (ctx) => matchesFor(ctx, { memberId: request.params.id }, clock.now())) }));

  app.get('/api/v1/networking/profiles/:id/why-not/:memberId', {
    schema: { tags, params: MemberParams, response: { 200: WhyNot } },
    config: { auth: 'tenant', permission: 'networking.read' },
  }, async (request) => app.tenant(request, (ctx) => whyNot(ctx, { memberId: request.params.id }, request.params.memberId, clock.now())));

  // Offers and requests (staff).
  app.get('/api/v1/networking/offers', {
    schema: { tags, querystring: OfferQuery, response: { 200: Page(Offer) } },
    config: { auth: 'tenant', permission: 'networking.read' },
  }, async (request) => app.tenant(request, (ctx) => listOfferPage(ctx, request.query, clock.now())));

  // What the federation's other organisations share: read-only, their firms not named (federation-service.ts).
  app.get('/api/v1/networking/federation-offers', {
    schema: { tags, querystring: FederationOfferQuery, response: { 200: Page(FederationOffer) } },
    config: { auth: 'tenant', permission: 'networking.read' },
  }, async (request) => app.tenant(request, (ctx) => listFederationOfferPage(ctx, request.query, clock.now())));

  for (const format of TABLE_FORMATS) {
    app.get(`/api/v1/networking/offers/export.${format}`, {
      schema: { tags, querystring: OfferFilter },
      config: { auth: 'tenant', permission: 'networking.read' },
    }, async (request, reply) => sendListExport(app, request, reply, format, offersExport, request.query));
  }

  app.post('/api/v1/networking/offers', {
    schema: { tags, body: StaffOfferInput, response: { 201: OfferDetail } },
    config: { auth: 'tenant', permission: 'networking.manage' },
  }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => getOfferDetail(ctx, await createOffer(ctx, request.body.memberId, request.body), clock.now()));
  });

  app.get('/api/v1/networking/offers/:id', {
    schema: { tags, params: IdParams, response: { 200: OfferDetail } },
    config: { auth: 'tenant', permission: 'networking.read' },
  }, async (request) => app.tenant(request, (ctx) => getOfferDetail(ctx, request.params.id, clock.now())));

  app.put('/api/v1/networking/offers/:id', {
    schema: { tags, params: IdParams, body: OfferInput, response: { 200: OfferDetail } },
    config: { auth: 'tenant', permission: 'networking.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await updateOffer(ctx, request.params.id, request.body);
    return getOfferDetail(ctx, request.params.id, clock.now());
  }));

  for (const action of ['submit', 'approve', 'withdraw', 'renew'] as const satisfies OfferAction[]) {
    app.post(`/api/v1/networking/offers/:id/${action}`, {
      schema: { tags, params: IdParams, response: { 200: OfferDetail } },
      config: { auth: 'tenant', permission: 'networking.manage' },
    }, async (request) => app.tenant(request, async (ctx) => {
      await moveOffer(ctx, request.params.id, action, clock.now());
      return getOfferDetail(ctx, request.params.id, clock.now());
    }));
  }

  app.post('/api/v1/networking/offers/:id/return', {
    schema: { tags, params: IdParams, body: ReturnInput, response: { 200: OfferDetail } },
    config: { auth: 'tenant', permission: 'networking.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await moveOffer(ctx, request.params.id, 'return', clock.now(), { reason: request.body.reason.trim() });
    return getOfferDetail(ctx, request.params.id, clock.now());
  }));

  app.get('/api/v1/networking/offers/:id/matches', {
    schema: { tags, params: IdParams, response: { 200: Items(Match) } },
    config: { auth: 'tenant', permission: 'networking.read' },
  }, async (request) => ({ items: await app.tenant(request, (ctx) => matchesFor(ctx, { offerId: request.params.id }, clock.now())) }));

  app.get('/api/v1/networking/offers/:id/why-not/:memberId', {
    schema: { tags, params: MemberParams, response: { 200: WhyNot } },
    config: { auth: 'tenant', permission: 'networking.read' },
  }, async (request) => app.tenant(request, (ctx) => whyNot(ctx, { offerId: request.params.id }, request.params.memberId, clock.now())));

  app.get('/api/v1/networking/interests', {
    schema: { tags, response: { 200: Items(Interest) } },
    config: { auth: 'tenant', permission: 'networking.read' },
  }, async (request) => ({ items: await app.tenant(request, (ctx) => interestsWhere(ctx, { open: true })) }));

  // Introductions (staff).
  app.get('/api/v1/networking/introductions', {
    schema: { tags, querystring: IntroductionQuery, response: { 200: Page(Introduction) } },
    config: { auth: 'tenant', permission: 'networking.read' },
  }, async (request) => app.tenant(request, (ctx) => listIntroductionPage(ctx, request.query)));

  app.post('/api/v1/networking/introductions', {
    schema: { tags, body: IntroductionInput, response: { 201: Introduction } },
    config: { auth: 'tenant', permission: 'networking.manage' },
  }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => getIntroduction(ctx, await createIntroduction(ctx, request.body)));
  });

  app.post('/api/v1/networking/introductions/:id/state', {
    schema: { tags, params: IdParams, body: IntroductionStatusInput, response: { 200: Introduction } },
    config: { auth: 'tenant', permission: 'networking.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await moveIntroduction(ctx, request.params.id, request.body.state, request.body.note);
    return getIntroduction(ctx, request.params.id);
  }));

  // Deal follow-ups (3, 6 and 12 months after the firms met): who was asked when, and what each answered.
  app.get('/api/v1/networking/introductions/:id/follow-ups', {
    schema: { tags, params: IdParams, response: { 200: Items(DealFollowUp) } },
    config: { auth: 'tenant', permission: 'networking.read' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await getIntroduction(ctx, request.params.id);
    return { items: await dealFollowUpsOf(ctx, request.params.id) };
  }));

  app.get('/api/v1/networking/deal-follow-ups', {
    schema: { tags, querystring: DealFollowUpQuery, response: { 200: Items(DealFollowUp) } },
    config: { auth: 'tenant', permission: 'networking.read' },
  }, async (request) => app.tenant(request, async (ctx) => ({ items: await dealFollowUpList(ctx, request.query.state) })));

  // Settings: expiry, reminders and the matching weights.
  app.get('/api/v1/networking/settings', {
    schema: { tags, response: { 200: NetworkingSettings } },
    config: { auth: 'tenant', permission: 'networking.read' },
  }, async (request) => app.tenant(request, getNetworkingSettings));

  app.put('/api/v1/networking/settings', {
    schema: { tags, body: NetworkingSettings, response: { 200: NetworkingSettings } },
    config: { auth: 'tenant', permission: 'networking.settings' },
  }, async (request) => app.tenant(request, (ctx) => saveNetworkingSettings(ctx, request.body)));

  // The member firm's own: its profile, its offers, others' published offers and its interests.
  app.get('/api/v1/networking/my/profile', {
    schema: { tags, response: { 200: Profile } },
    config: { auth: 'tenant', permission: 'networking.self' },
  }, async (request) => app.tenant(request, async (ctx) => getProfile(ctx, await ownId(ctx), clock.now())));

  app.put('/api/v1/networking/my/profile', {
    schema: { tags, body: ProfileInput, response: { 200: Profile } },
    config: { auth: 'tenant', permission: 'networking.self' },
  }, async (request) => app.tenant(request, async (ctx) => saveProfile(ctx, await ownId(ctx), request.body, clock.now())));

  app.get('/api/v1/networking/my/offers', {
    schema: { tags, querystring: OfferQuery.omit({ memberId: true }), response: { 200: Page(Offer) } },
    config: { auth: 'tenant', permission: 'networking.self' },
  }, async (request) => app.tenant(request, async (ctx) => listOfferPage(ctx, { ...request.query, memberId: await ownId(ctx) }, clock.now())));

  app.post('/api/v1/networking/my/offers', {
    schema: { tags, body: OfferInput, response: { 201: OfferDetail } },
    config: { auth: 'tenant', permission: 'networking.self' },
  }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => {
      const me = await ownId(ctx);
      return getOfferDetail(ctx, await createOffer(ctx, me, request.body), clock.now(), me);
    });
  });

  app.get('/api/v1/networking/my/offers/:id', {
    schema: { tags, params: IdParams, response: { 200: OfferDetail } },
    config: { auth: 'tenant', permission: 'networking.self' },
  }, async (request) => app.tenant(request, async (ctx) => getOfferDetail(ctx, request.params.id, clock.now(), await ownId(ctx))));

  app.put('/api/v1/networking/my/offers/:id', {
    schema: { tags, params: IdParams, body: OfferInput, response: { 200: OfferDetail } },
    config: { auth: 'tenant', permission: 'networking.self' },
  }, async (request) => app.tenant(request, async (ctx) => {
    const me = await ownId(ctx);
    await updateOffer(ctx, request.params.id, request.body, me);
    return getOfferDetail(ctx, request.params.id, clock.now(), me);
  }));

  for (const action of ['submit', 'withdraw', 'renew'] as const satisfies OfferAction[]) {
    app.post(`/api/v1/networking/my/offers/:id/${action}`, {
      schema: { tags, params: IdParams, response: { 200: OfferDetail } },
      config: { auth: 'tenant', permission: 'networking.self' },
    }, async (request) => app.tenant(request, async (ctx) => {
      const me = await ownId(ctx);
      await moveOffer(ctx, request.params.id, action, clock.now(), { ownerId: me });
      return getOfferDetail(ctx, request.params.id, clock.now(), me);
    }));
  }

  app.get('/api/v1/networking/my/market', {
    schema: { tags, querystring: OfferQuery.omit({ memberId: true, state: true }), response: { 200: Page(Offer) } },
    config: { auth: 'tenant', permission: 'networking.self' },
  }, async (request) => app.tenant(request, async (ctx) => listOfferPage(ctx, request.query, clock.now(), { othersThan: await ownId(ctx) })));

  app.post('/api/v1/networking/my/market/:id/interest', {
    schema: { tags, params: IdParams, body: InterestInput, response: { 201: Items(Interest) } },
    config: { auth: 'tenant', permission: 'networking.self' },
  }, async (request, reply) => {
    reply.code(201);
    return { items: await app.tenant(request, async (ctx) => {
      const me = await ownId(ctx);
      await expressInterest(ctx, request.params.id, me, request.body.message, clock.now());
      return interestsWhere(ctx, { memberId: me });
    }) };
  });

  app.get('/api/v1/networking/my/interests', {
    schema: { tags, response: { 200: z.object({ interests: z.array(Interest), introductions: z.array(Introduction) }) } },
    config: { auth: 'tenant', permission: 'networking.self' },
  }, async (request) => app.tenant(request, async (ctx) => {
    const me = await ownId(ctx);
    return { interests: await interestsWhere(ctx, { memberId: me }), introductions: await introductionsOf(ctx, { memberId: me }) };
  }));
};
