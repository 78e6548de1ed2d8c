import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Ok, IdParams, Uuid } from '../../../../contracts/common.js';
import {
  Contact,
  ContactInput,
  Interaction,
  InteractionInput,
  Member,
  MemberFilter,
  MemberInput,
  MemberQuery,
  MemberUpdate,
} from '../../../../contracts/members.js';
import { addContact, addInteraction, listContacts, listInteractions, removeContact, updateContact } from '../contact-service.js';
import { TABLE_CONTENT_TYPES } from '../../../platform/export/stream-table.js';
import { exportMembers } from '../export-members.js';
import { getCurrentOrg } from '../../orgs/org-service.js';
import { createMember, getMember, updateMember } from '../member-service.js';
import { presentContact, presentInteraction, presentMember } from '../present.js';
import { countMembers, searchMembers } from '../search-members.js';

const tags = ['members'];
const ContactParams = z.object({ id: Uuid, contactId: Uuid });
const ExportFilter = MemberFilter.omit({ sort: true });

export const memberRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/members',
    {
      schema: { tags, querystring: MemberQuery, response: { 200: z.object({ items: z.array(Member), nextCursor: z.string().nullable(), total: z.number().int().nullable(), totalEstimated: z.boolean().optional() }) } },
      config: { auth: 'tenant', permission: 'members.read', presentedReply: true },
    },
    async (request) =>
      app.tenant(request, async (ctx) => {
        const page = await searchMembers(ctx, request.query);
        // The total is counted for the first page only; later pages reuse it. Beyond 5,000 firms
        // without a name to search it is an estimate (`totalEstimated`, list-by-filters.ts).
        const total = request.query.cursor ? null : (page.total ?? (await countMembers(ctx, request.query)));
        return { items: page.items.map(presentMember), nextCursor: page.nextCursor, total, ...(page.totalEstimated ? { totalEstimated: true } : {}) };
      }),
  );

  app.post(
    '/api/v1/members',
    { schema: { tags, body: MemberInput, response: { 201: Member } }, config: { auth: 'tenant', permission: 'members.write' } },
    async (request, reply) => {
      reply.code(201);
      return presentMember(await app.tenant(request, (ctx) => createMember(ctx, request.body)));
    },
  );

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/api/v1/members/export.${format}`,
      { schema: { tags, querystring: ExportFilter }, config: { auth: 'tenant', permission: 'members.export' } },
      async (request, reply) => {
        const run = (work: Parameters<typeof app.tenant>[1]) => app.tenant(request, work) as Promise<void>;
        const { currency } = await app.tenant(request, getCurrentOrg);
        // The person's chosen language, which a download link's Accept-Language may not carry.
        const locale = request.principal?.user?.locale ?? request.locale;
        const stream = exportMembers(format, run, request.query, { currency, locale });
        reply.header('content-disposition', `attachment; filename="members.${format}"`);
        reply.type(TABLE_CONTENT_TYPES[format]);
        return reply.send(stream);
      },
    );
  }

  app.get(
    '/api/v1/members/:id',
    { schema: { tags, params: IdParams, response: { 200: Member } }, config: { auth: 'tenant', permission: 'members.read' } },
    async (request) => presentMember(await app.tenant(request, (ctx) => getMember(ctx, request.params.id))),
  );

  app.put(
    '/api/v1/members/:id',
    { schema: { tags, params: IdParams, body: MemberUpdate, response: { 200: Member } }, config: { auth: 'tenant', permission: 'members.write' } },
    async (request) => presentMember(await app.tenant(request, (ctx) => updateMember(ctx, request.params.id, request.body))),
  );

  app.get(
    '/api/v1/members/:id/contacts',
    { schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(Contact) }) } }, config: { auth: 'tenant', permission: 'members.read' } },
    async (request) => ({ items: (await app.tenant(request, (ctx) => listContacts(ctx, request.params.id))).map(presentContact) }),
  );

  app.post(
    '/api/v1/members/:id/contacts',
    { schema: { tags, params: IdParams, body: ContactInput, response: { 201: Contact } }, config: { auth: 'tenant', permission: 'members.write' } },
    async (request, reply) => {
      reply.code(201);
      return presentContact(await app.tenant(request, (ctx) => addContact(ctx, request.params.id, request.body)));
    },
  );

  app.put(
    '/api/v1/members/:id/contacts/:contactId',
    { schema: { tags, params: ContactParams, body: ContactInput, response: { 200: Contact } }, config: { auth: 'tenant', permission: 'members.write' } },
    async (request) => presentContact(await app.tenant(request, (ctx) => updateContact(ctx, request.params.id, request.params.contactId, request.body))),
  );

  app.delete(
    '/api/v1/members/:id/contacts/:contactId',
    { schema: { tags, params: ContactParams, response: { 200: Ok } }, config: { auth: 'tenant', permission: 'members.write' } },
    async (request) => {
      await app.tenant(request, (ctx) => removeContact(ctx, request.params.id, request.params.contactId));
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/members/:id/interactions',
    { schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(Interaction) }) } }, config: { auth: 'tenant', permission: 'members.read' } },
    async (request) => ({
      items: (await app.tenant(request, (ctx) => listInteractions(ctx, request.params.id))).map(presentInteraction),
    }),
  );

  app.post(
    '/api/v1/members/:id/interactions',
    { schema: { tags, params: IdParams, body: InteractionInput, response: { 201: Ok } }, config: { auth: 'tenant', permission: 'members.write' } },
    async (request, reply) => {
      await app.tenant(request, (ctx) => addInteraction(ctx, request.params.id, request.body));
      reply.code(201);
      return { ok: true as const };
    },
  );
};
