import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Email, Ok, IdParams, PageQuery, Uuid } from '../../../../contracts/common.js';
import { Invoice, Member, MemberUpdate } from '../../../../contracts/members.js';
import { listInvoices } from '../billing-service.js';
import { membershipDashboard } from '../dashboard-service.js';
import { federationMembership, sharedBranchFirms } from '../federation-service.js';
import { correctOwnFirm, grantPortalAccess, listPortalAccess, ownFirm, revokePortalAccess } from '../portal-service.js';
import { presentMember, presentPortalAccess } from '../present.js';
import { erasePerson, exportFirmData, exportPersonData, type FirmDataElsewhere } from '../privacy-service.js';
import { Federation, SharedFirm } from '../../../../contracts/members.js';

const tags = ['members'];
const Count = z.object({ key: z.string().nullable(), count: z.number() });

/** Given by server/app.ts: what the modules above members hold about a firm. */
export interface PortalPrivacyRoutesOptions {
  firmDataElsewhere: FirmDataElsewhere;
}

export const portalPrivacyRoutes: FastifyPluginAsyncZod<PortalPrivacyRoutesOptions> = async (app, { firmDataElsewhere }) => {
  app.get(
    '/api/v1/members/dashboard',
    {
      schema: {
        tags,
        querystring: z.object({ months: z.coerce.number().int().min(1).max(60).default(12) }),
        response: {
          200: z.object({
            statuses: z.record(z.string(), z.number()),
            series: z.array(z.object({ month: z.string(), active: z.number(), joins: z.number(), lapses: z.number(), income: z.number() })),
            arrears: z.object({ amount: z.number(), firms: z.number() }),
            bySector: z.array(Count),
            byRegion: z.array(Count),
            bySize: z.array(Count),
            byOwnership: z.array(Count),
            byFormality: z.array(Count),
          }),
        },
      },
      config: { auth: 'tenant', permission: 'members.read' },
    },
    async (request) => app.tenant(request, (ctx) => membershipDashboard(ctx, request.query.months)),
  );

  // An umbrella's federation: its own firms, every branch and the total, in figures only.
  app.get(
    '/api/v1/members/dashboard/branches',
    { schema: { tags, response: { 200: Federation } }, config: { auth: 'tenant', permission: 'branches.read' } },
    async (request) => {
      const federation = await app.tenant(request, federationMembership);
      return { own: federation.own, items: federation.branches, total: federation.total };
    },
  );

  // The firms of a branch that shares its member data upward.
  app.get(
    '/api/v1/members/dashboard/branches/:id/firms',
    {
      schema: { tags, params: IdParams, querystring: PageQuery, response: { 200: z.object({ branch: z.object({ orgId: Uuid, name: z.string() }), items: z.array(SharedFirm), nextCursor: z.string().nullable() }) } },
      config: { auth: 'tenant', permission: 'branches.read' },
    },
    async (request) => app.tenant(request, (ctx) => sharedBranchFirms(ctx, request.params.id, request.query)),
  );

  // The member portal: a firm's own user sees and corrects its record.
  app.get('/api/v1/portal/firm', { schema: { tags: ['portal'], response: { 200: Member } }, config: { auth: 'tenant', permission: 'members.self' } }, async (request) =>
    presentMember(await app.tenant(request, ownFirm)),
  );

  app.put(
    '/api/v1/portal/firm',
    { schema: { tags: ['portal'], body: MemberUpdate, response: { 200: Member } }, config: { auth: 'tenant', permission: 'members.self' } },
    async (request) => presentMember(await app.tenant(request, (ctx) => correctOwnFirm(ctx, request.body))),
  );

  app.get(
    '/api/v1/portal/invoices',
    { schema: { tags: ['portal'], response: { 200: z.object({ items: z.array(Invoice) }) } }, config: { auth: 'tenant', permission: 'members.self' } },
    async (request) => ({ items: await app.tenant(request, async (ctx) => listInvoices(ctx, (await ownFirm(ctx)).id)) }),
  );

  app.get(
    '/api/v1/members/:id/portal-access',
    { schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(z.object({ email: z.string(), grantedBy: z.string(), createdAt: z.iso.datetime() })) }) } }, config: { auth: 'tenant', permission: 'members.write' } },
    async (request) => ({
      items: (await app.tenant(request, (ctx) => listPortalAccess(ctx, request.params.id))).map(presentPortalAccess),
    }),
  );

  app.post(
    '/api/v1/members/:id/portal-access',
    { schema: { tags, params: IdParams, body: z.object({ email: Email }), response: { 200: z.object({ invited: z.boolean() }) } }, config: { auth: 'tenant', permission: 'members.write' } },
    async (request) => {
      const result = await app.tenant(request, (ctx) => grantPortalAccess(ctx, request.params.id, request.body.email, app.config.publicUrl));
      void app.mailer.flush().catch(() => undefined);
      return result;
    },
  );

  app.delete(
    '/api/v1/members/:id/portal-access/:email',
    { schema: { tags, params: z.object({ id: Uuid, email: Email }), response: { 200: Ok } }, config: { auth: 'tenant', permission: 'members.write' } },
    async (request) => {
      await app.tenant(request, (ctx) => revokePortalAccess(ctx, request.params.id, request.params.email));
      return { ok: true as const };
    },
  );

  // Data protection: everything held about a firm or a person, and erasure.
  app.get('/api/v1/members/:id/privacy-export', { schema: { tags, params: IdParams }, config: { auth: 'tenant', permission: 'members.privacy' } }, async (request, reply) => {
    const data = await app.tenant(request, (ctx) => exportFirmData(ctx, request.params.id, firmDataElsewhere));
    reply.header('content-disposition', `attachment; filename="firm-${request.params.id}.json"`);
    return data;
  });

  app.get('/api/v1/contacts/:id/privacy-export', { schema: { tags, params: IdParams }, config: { auth: 'tenant', permission: 'members.privacy' } }, async (request, reply) => {
    const data = await app.tenant(request, (ctx) => exportPersonData(ctx, request.params.id));
    reply.header('content-disposition', `attachment; filename="person-${request.params.id}.json"`);
    return data;
  });

  app.post('/api/v1/contacts/:id/erase', { schema: { tags, params: IdParams, response: { 200: Ok } }, config: { auth: 'tenant', permission: 'members.privacy' } }, async (request) => {
    await app.tenant(request, (ctx) => erasePerson(ctx, request.params.id));
    return { ok: true as const };
  });
};
