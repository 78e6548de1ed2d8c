import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Ok, IdParams, Uuid } from '../../../../contracts/common.js';
import { Invoice, Member, MemberFilter, MemberSettingsInput, PaymentInput, StatusChangeInput, StatusHistoryEntry, Tier, TierInput } from '../../../../contracts/members.js';
import { arrears, listInvoices, recordPayment, voidInvoice } from '../billing-service.js';
import { changeStatus, createTier, listTiers, statusHistory, updateTier } from '../membership-service.js';
import { presentArrear, presentMember, presentSavedView, presentStatusChange } from '../present.js';
import { deleteView, listViews, saveView } from '../saved-views.js';
import { getMemberSettings, updateMemberSettings } from '../settings-service.js';
import { orgToday } from '../../orgs/org-service.js';

const tags = ['membership'];
const Settings = MemberSettingsInput;
const SavedView = z.object({ id: Uuid, name: z.string(), query: z.record(z.string(), z.unknown()) });

export const membershipRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/members/:id/status',
    { schema: { tags, params: IdParams, body: StatusChangeInput, response: { 200: Member } }, config: { auth: 'tenant', permission: 'membership.manage' } },
    async (request) => presentMember(await app.tenant(request, (ctx) => changeStatus(ctx, request.params.id, request.body.status, request.body.reason))),
  );

  app.get(
    '/api/v1/members/:id/status-history',
    { schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(StatusHistoryEntry) }) } }, config: { auth: 'tenant', permission: 'members.read' } },
    async (request) => ({
      items: (await app.tenant(request, (ctx) => statusHistory(ctx, request.params.id))).map(presentStatusChange),
    }),
  );

  app.get(
    '/api/v1/members/:id/invoices',
    { schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(Invoice) }) } }, config: { auth: 'tenant', permission: 'members.read' } },
    async (request) => ({ items: await app.tenant(request, (ctx) => listInvoices(ctx, request.params.id)) }),
  );

  app.post(
    '/api/v1/invoices/:id/payments',
    { schema: { tags, params: IdParams, body: PaymentInput, response: { 200: Invoice } }, config: { auth: 'tenant', permission: 'membership.manage' } },
    async (request) => app.tenant(request, (ctx) => recordPayment(ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/v1/invoices/:id/void',
    { schema: { tags, params: IdParams, response: { 200: Ok } }, config: { auth: 'tenant', permission: 'membership.manage' } },
    async (request) => {
      await app.tenant(request, (ctx) => voidInvoice(ctx, request.params.id));
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/membership/arrears',
    {
      schema: { tags, response: { 200: z.object({ items: z.array(z.object({ memberId: Uuid, legalName: z.string(), amount: z.number(), oldestDue: z.string() })) }) } },
      config: { auth: 'tenant', permission: 'members.read' },
    },
    async (request) => ({
      items: (await app.tenant(request, async (ctx) => arrears(ctx, await orgToday(ctx)))).map(presentArrear),
    }),
  );

  app.get('/api/v1/membership/tiers', { schema: { tags, response: { 200: z.object({ items: z.array(Tier) }) } }, config: { auth: 'tenant', permission: 'members.read' } }, async (request) => ({
    items: await app.tenant(request, listTiers),
  }));

  app.post(
    '/api/v1/membership/tiers',
    { schema: { tags, body: TierInput, response: { 201: Ok } }, config: { auth: 'tenant', permission: 'members.settings' } },
    async (request, reply) => {
      await app.tenant(request, (ctx) => createTier(ctx, request.body));
      reply.code(201);
      return { ok: true as const };
    },
  );

  app.put(
    '/api/v1/membership/tiers/:id',
    { schema: { tags, params: IdParams, body: TierInput, response: { 200: Ok } }, config: { auth: 'tenant', permission: 'members.settings' } },
    async (request) => {
      await app.tenant(request, (ctx) => updateTier(ctx, request.params.id, request.body));
      return { ok: true as const };
    },
  );

  app.get('/api/v1/members/settings', { schema: { tags, response: { 200: Settings } }, config: { auth: 'tenant', permission: 'members.read' } }, async (request) => {
    const { orgId: _o, updatedAt: _u, ...settings } = await app.tenant(request, getMemberSettings);
    return settings;
  });

  app.put(
    '/api/v1/members/settings',
    { schema: { tags, body: MemberSettingsInput, response: { 200: Settings } }, config: { auth: 'tenant', permission: 'members.settings' } },
    async (request) => {
      const { orgId: _o, updatedAt: _u, ...settings } = await app.tenant(request, (ctx) => updateMemberSettings(ctx, request.body));
      return settings;
    },
  );

  app.get('/api/v1/members/views', { schema: { tags, response: { 200: z.object({ items: z.array(SavedView) }) } }, config: { auth: 'tenant', permission: 'members.read', person: true } }, async (request) => {
    return { items: (await app.tenant(request, listViews)).map(presentSavedView) };
  });

  app.post(
    '/api/v1/members/views',
    { schema: { tags, body: z.object({ name: z.string().trim().min(1).max(100), query: MemberFilter.partial().strip() }), response: { 200: SavedView } }, config: { auth: 'tenant', permission: 'members.read', person: true } },
    async (request) => {
      return presentSavedView(await app.tenant(request, (ctx) => saveView(ctx, request.body)));
    },
  );

  app.delete(
    '/api/v1/members/views/:id',
    { schema: { tags, params: IdParams, response: { 200: Ok } }, config: { auth: 'tenant', permission: 'members.read', person: true } },
    async (request) => {
      await app.tenant(request, (ctx) => deleteView(ctx, request.params.id));
      return { ok: true as const };
    },
  );
};
