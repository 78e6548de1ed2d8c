import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ChildParams, IdParams, Ok, Page, TABLE_FORMATS, Uuid } from '../../../../contracts/common.js';
import {
  DecisionMaker, DecisionMakerDetail, DecisionMakerFilter, DecisionMakerInput, DecisionMakerQuery, postLabel, ForumSeat, MembershipInput, PostInput, PublicBody, PublicBodyInput, StakeholderInput, StakeholderMap,
} from '../../../../contracts/decision-makers.js';
import type { TenantCtx } from '../../../platform/db/tenancy.js';
import { sendListExport, type ListExport } from '../../../platform/export/list-export.js';
import {
  addMembership, createDecisionMaker, editDecisionMaker, editMembership, getDecisionMaker, getPersonRow, listDecisionMakers, removeDecisionMaker, removeMembership,
} from '../decision-maker-service.js';
import { addPost, createPublicBody, editPublicBody, listPublicBodies, removePost, removePublicBody } from '../public-body-service.js';
import { placeStakeholder, removeStakeholder, stakeholderMap } from '../stakeholder-service.js';

const tags = ['advocacy'];

const Bodies = z.object({ items: z.array(PublicBody) });

/**
 * The forums where a decision-maker sits: dialogue stands above advocacy and
 * cannot be imported from here, so server/app.ts hands this over.
 */
export interface DecisionMakerRoutesOptions {
  forumSeatsOf(ctx: TenantCtx, person: { name: string; email: string }): Promise<ForumSeat[]>;
}

/** The directory of decision-makers and public bodies, and each issue's map of who decides it. */
/** The directory as a file: each person with the posts they hold now. */
const decisionMakersExport: ListExport<DecisionMaker, DecisionMakerFilter> = {
  name: 'decision-makers',
  columns: [
    { header: 'decisionMakers.honorific', cell: (p) => p.honorificPrefix },
    { header: 'decisionMakers.name', cell: (p) => p.name },
    { header: 'decisionMakers.currentPosts', cell: (p) => p.memberships.filter((m) => m.current).map(postLabel).join('; ') },
    { header: 'decisionMakers.email', cell: (p) => p.email },
    { header: 'decisionMakers.phone', cell: (p) => p.phone },
  ],
  page: listDecisionMakers,
};

export const decisionMakerRoutes: FastifyPluginAsyncZod<DecisionMakerRoutesOptions> = async (app, { forumSeatsOf }) => {
  // ---- people ----
  const person = { 200: DecisionMakerDetail };
  /** Runs a change to a person, then answers with the person as they now stand. */
  const personAfter = (request: FastifyRequest & { params: { id: string } }, work: (ctx: TenantCtx) => Promise<unknown>) =>
    app.tenant(request, async (ctx) => {
      await work(ctx);
      return getDecisionMaker(ctx, request.params.id);
    });

  app.get('/api/v1/decision-makers', { schema: { tags, querystring: DecisionMakerQuery, response: { 200: Page(DecisionMaker) } }, config: { auth: 'tenant', permission: 'advocacy.read' } }, async (request) =>
    app.tenant(request, (ctx) => listDecisionMakers(ctx, request.query)));
  for (const format of TABLE_FORMATS) {
    app.get(`/api/v1/decision-makers/export.${format}`, { schema: { tags, querystring: DecisionMakerFilter }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, async (request, reply) =>
      sendListExport(app, request, reply, format, decisionMakersExport, request.query));
  }
  app.post('/api/v1/decision-makers', { schema: { tags, body: DecisionMakerInput, response: { 201: DecisionMakerDetail } }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => getDecisionMaker(ctx, (await createDecisionMaker(ctx, request.body)).id));
  });
  app.get('/api/v1/decision-makers/:id', { schema: { tags, params: IdParams, response: person }, config: { auth: 'tenant', permission: 'advocacy.read' } }, async (request) =>
    app.tenant(request, (ctx) => getDecisionMaker(ctx, request.params.id)));
  app.get('/api/v1/decision-makers/:id/forums', { schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(ForumSeat) }) } }, config: { auth: 'tenant', permission: 'advocacy.read' } }, async (request) => ({
    items: await app.tenant(request, async (ctx) => forumSeatsOf(ctx, await getPersonRow(ctx, request.params.id))),
  }));
  app.put('/api/v1/decision-makers/:id', { schema: { tags, params: IdParams, body: DecisionMakerInput, response: person }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, async (request) =>
    personAfter(request, (ctx) => editDecisionMaker(ctx, request.params.id, request.body)));
  app.delete('/api/v1/decision-makers/:id', { schema: { tags, params: IdParams, response: { 200: Ok } }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, async (request) => {
    await app.tenant(request, (ctx) => removeDecisionMaker(ctx, request.params.id));
    return { ok: true as const };
  });
  app.post('/api/v1/decision-makers/:id/memberships', { schema: { tags, params: IdParams, body: MembershipInput, response: person }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, async (request) =>
    personAfter(request, (ctx) => addMembership(ctx, request.params.id, request.body)));
  app.put('/api/v1/decision-makers/:id/memberships/:childId', { schema: { tags, params: ChildParams, body: MembershipInput, response: person }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, async (request) =>
    personAfter(request, (ctx) => editMembership(ctx, request.params.id, request.params.childId, request.body)));
  app.delete('/api/v1/decision-makers/:id/memberships/:childId', { schema: { tags, params: ChildParams, response: person }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, async (request) =>
    personAfter(request, (ctx) => removeMembership(ctx, request.params.id, request.params.childId)));

  // ---- public bodies and their posts ----
  const bodiesAfter = (request: FastifyRequest, work: (ctx: TenantCtx) => Promise<unknown>) =>
    app.tenant(request, async (ctx) => {
      await work(ctx);
      return { items: await listPublicBodies(ctx) };
    });
  app.get('/api/v1/public-bodies', { schema: { tags, response: { 200: Bodies } }, config: { auth: 'tenant', permission: 'advocacy.read' } }, async (request) =>
    app.tenant(request, async (ctx) => ({ items: await listPublicBodies(ctx) })));
  // With the new body's id, so the screen can go on to its posts.
  app.post('/api/v1/public-bodies', { schema: { tags, body: PublicBodyInput, response: { 201: Bodies.extend({ createdId: Uuid }) } }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => {
      const created = await createPublicBody(ctx, request.body);
      return { items: await listPublicBodies(ctx), createdId: created.id };
    });
  });
  app.put('/api/v1/public-bodies/:id', { schema: { tags, params: IdParams, body: PublicBodyInput, response: { 200: Bodies } }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, async (request) =>
    bodiesAfter(request, (ctx) => editPublicBody(ctx, request.params.id, request.body)));
  app.delete('/api/v1/public-bodies/:id', { schema: { tags, params: IdParams, response: { 200: Bodies } }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, async (request) =>
    bodiesAfter(request, (ctx) => removePublicBody(ctx, request.params.id)));
  app.post('/api/v1/public-bodies/:id/posts', { schema: { tags, params: IdParams, body: PostInput, response: { 200: Bodies } }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, async (request) =>
    bodiesAfter(request, (ctx) => addPost(ctx, request.params.id, request.body)));
  app.delete('/api/v1/public-bodies/:id/posts/:childId', { schema: { tags, params: ChildParams, response: { 200: Bodies } }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, async (request) =>
    bodiesAfter(request, (ctx) => removePost(ctx, request.params.id, request.params.childId)));

  // ---- the map of an issue: who decides, where they stand, how much they weigh ----
  const Map = { 200: StakeholderMap };
  app.get('/api/v1/advocacy-issues/:id/stakeholders', { schema: { tags, params: IdParams, response: Map }, config: { auth: 'tenant', permission: 'advocacy.read' } }, async (request) =>
    app.tenant(request, (ctx) => stakeholderMap(ctx, request.params.id)));
  app.put('/api/v1/advocacy-issues/:id/stakeholders/:childId', { schema: { tags, params: ChildParams, body: StakeholderInput, response: Map }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, async (request) =>
    app.tenant(request, async (ctx) => {
      await placeStakeholder(ctx, request.params.id, request.params.childId, request.body);
      return stakeholderMap(ctx, request.params.id);
    }));
  app.delete('/api/v1/advocacy-issues/:id/stakeholders/:childId', { schema: { tags, params: ChildParams, response: Map }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, async (request) =>
    app.tenant(request, async (ctx) => {
      await removeStakeholder(ctx, request.params.id, request.params.childId);
      return stakeholderMap(ctx, request.params.id);
    }));
};
