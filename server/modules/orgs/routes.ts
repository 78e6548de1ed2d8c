import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SessionInfo } from '../../../contracts/auth.js';
import { languageEnglishName, subdivisionName } from '../../../contracts/geo-data.js';
import { Ok, Page, IdParams, TABLE_FORMATS } from '../../../contracts/common.js';
import {
  AcceptInvitationInput,
  ApiToken,
  ApiTokenFilter,
  ApiTokenInput,
  ApiTokenQuery,
  AttachBranchInput,
  Branch,
  BranchFilter,
  BranchQuery,
  CreatedApiToken,
  Invitation,
  InvitationFilter,
  InvitationInput,
  InvitationPreview,
  InvitationQuery,
  Org,
  OrgInput,
  Person,
  PersonFilter,
  PersonQuery,
  RoleChange,
} from '../../../contracts/orgs.js';
import { SESSION_COOKIE } from '../../platform/http/authenticate.js';
import { createSession, deleteSession } from '../../platform/auth/sessions.js';
import { presentSession } from '../../platform/auth/present-session.js';
import { sessionCookieOptions } from '../../platform/auth/routes.js';
import { withSystem } from '../../platform/db/tenancy.js';
import { sendListExport, type ListExport } from '../../platform/export/list-export.js';
import { attachBranch, createBranch, detachBranch, listBranchPage } from './branch-service.js';
import { acceptInvitation, invitePerson, listInvitations, previewInvitation, revokeInvitation } from './invitation-service.js';
import { getCurrentOrg, updateOrg } from './org-service.js';
import { changeRole, listPeople, removePerson } from './people-service.js';
import { presentOrg } from './present.js';
import { referenceRoutes } from './reference-routes.js';
import { createApiToken, listApiTokens, revokeApiToken } from './token-service.js';

const tags = ['organisations'];

/** The organisation's people as a file: name, e-mail, role, since when. */
const peopleExport: ListExport<Person, PersonFilter> = {
  name: 'people',
  columns: [
    { header: 'auth.name', cell: (p) => p.name },
    { header: 'auth.email', cell: (p) => p.email },
    { header: 'people.role', cell: (p, t) => t(`roles.${p.role}`) },
    { header: 'people.since', cell: (p) => p.since },
  ],
  page: listPeople,
};

/** The open invitations as a file: address, role, status, when sent and until when. */
const invitationsExport: ListExport<Invitation, InvitationFilter> = {
  name: 'invitations',
  columns: [
    { header: 'auth.email', cell: (i) => i.email },
    { header: 'people.role', cell: (i, t) => t(`roles.${i.role}`) },
    { header: 'people.status', cell: (i, t) => t(`people.statuses.${i.status}`) },
    { header: 'people.sent', cell: (i) => i.createdAt },
    { header: 'people.expires', cell: (i) => i.expiresAt },
  ],
  page: listInvitations,
};

/** The branches as a file: name, type, country, regions by name, working languages, since when. */
const branchesExport: ListExport<Branch, BranchFilter> = {
  name: 'branches',
  columns: [
    { header: 'org.name', cell: (b) => b.name },
    { header: 'org.kind', cell: (b, t) => t(`org.kinds.${b.kind}`) },
    { header: 'org.country', cell: (b) => b.country },
    { header: 'org.regions', cell: (b) => b.regions.map((r) => subdivisionName(r) ?? r).join(', ') },
    { header: 'org.languages', cell: (b) => b.languages.map((l) => languageEnglishName(l) ?? l).join(', ') },
    { header: 'branches.since', cell: (b) => b.createdAt },
  ],
  page: listBranchPage,
};

/** The API tokens as a file: what `ApiToken` shows (name, role, created, last used, revoked), never a secret nor its hash. */
const apiTokensExport: ListExport<ApiToken, ApiTokenFilter> = {
  name: 'api-tokens',
  columns: [
    { header: 'tokens.name', cell: (k) => k.name },
    { header: 'people.role', cell: (k, t) => t(`roles.${k.role}`) },
    { header: 'tokens.created', cell: (k) => k.createdAt },
    { header: 'tokens.lastUsed', cell: (k) => k.lastUsedAt },
    { header: 'tokens.revoked', cell: (k) => k.revokedAt },
  ],
  page: listApiTokens,
};

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  const flushMail = () => void app.mailer.flush().catch(() => undefined);
  await app.register(referenceRoutes);

  app.get('/api/v1/org', { schema: { tags, response: { 200: Org } }, config: { auth: 'tenant', permission: 'org.read' } }, async (request) =>
    presentOrg(await app.tenant(request, getCurrentOrg)),
  );

  app.put(
    '/api/v1/org',
    { schema: { tags, body: OrgInput, response: { 200: Org } }, config: { auth: 'tenant', permission: 'org.update' } },
    async (request) => presentOrg(await app.tenant(request, (ctx) => updateOrg(ctx, request.body))),
  );

  app.get(
    '/api/v1/org/branches',
    { schema: { tags, querystring: BranchQuery, response: { 200: Page(Branch) } }, config: { auth: 'tenant', permission: 'branches.read' } },
    async (request) => app.tenant(request, (ctx) => listBranchPage(ctx, request.query)),
  );

  for (const format of TABLE_FORMATS) {
    app.get(
      `/api/v1/org/branches/export.${format}`,
      { schema: { tags, querystring: BranchFilter }, config: { auth: 'tenant', permission: 'branches.export' } },
      async (request, reply) => sendListExport(app, request, reply, format, branchesExport, request.query),
    );
  }

  app.post(
    '/api/v1/org/branches',
    { schema: { tags, body: OrgInput, response: { 201: Branch } }, config: { auth: 'tenant', permission: 'branches.manage' } },
    async (request, reply) => {
      reply.code(201);
      return presentOrg(await app.tenant(request, (ctx) => createBranch(ctx, request.body)));
    },
  );

  app.post(
    '/api/v1/org/branches/attach',
    { schema: { tags, body: AttachBranchInput, response: { 200: Branch } }, config: { auth: 'tenant', permission: 'branches.manage' } },
    async (request) => presentOrg(await app.tenant(request, (ctx) => attachBranch(ctx, request.body.orgId))),
  );

  app.delete(
    '/api/v1/org/branches/:id',
    { schema: { tags, params: IdParams, response: { 200: Branch } }, config: { auth: 'tenant', permission: 'branches.manage' } },
    async (request) => presentOrg(await app.tenant(request, (ctx) => detachBranch(ctx, request.params.id))),
  );

  app.get(
    '/api/v1/org/people',
    { schema: { tags, querystring: PersonQuery, response: { 200: Page(Person) } }, config: { auth: 'tenant', permission: 'people.read' } },
    async (request) => app.tenant(request, (ctx) => listPeople(ctx, request.query)),
  );

  for (const format of TABLE_FORMATS) {
    app.get(
      `/api/v1/org/people/export.${format}`,
      { schema: { tags, querystring: PersonFilter }, config: { auth: 'tenant', permission: 'people.read' } },
      async (request, reply) => sendListExport(app, request, reply, format, peopleExport, request.query),
    );
  }

  app.put(
    '/api/v1/org/people/:id/role',
    { schema: { tags, params: IdParams, body: RoleChange, response: { 200: Ok } }, config: { auth: 'tenant', permission: 'people.manage' } },
    async (request) => {
      await app.tenant(request, (ctx) => changeRole(ctx, request.params.id, request.body.role));
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/v1/org/people/:id',
    { schema: { tags, params: IdParams, response: { 200: Ok } }, config: { auth: 'tenant', permission: 'people.manage' } },
    async (request) => {
      await app.tenant(request, (ctx) => removePerson(ctx, request.params.id));
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/org/invitations',
    { schema: { tags, querystring: InvitationQuery, response: { 200: Page(Invitation) } }, config: { auth: 'tenant', permission: 'people.manage' } },
    async (request) => app.tenant(request, (ctx) => listInvitations(ctx, request.query)),
  );

  for (const format of TABLE_FORMATS) {
    app.get(
      `/api/v1/org/invitations/export.${format}`,
      { schema: { tags, querystring: InvitationFilter }, config: { auth: 'tenant', permission: 'people.manage' } },
      async (request, reply) => sendListExport(app, request, reply, format, invitationsExport, request.query),
    );
  }

  app.post(
    '/api/v1/org/invitations',
    { schema: { tags, body: InvitationInput, response: { 201: Invitation } }, config: { auth: 'tenant', permission: 'people.manage' } },
    async (request, reply) => {
      const invitation = await app.tenant(request, (ctx) => invitePerson(ctx, request.body, app.config.publicUrl));
      flushMail();
      reply.code(201);
      return invitation;
    },
  );

  app.delete(
    '/api/v1/org/invitations/:id',
    { schema: { tags, params: IdParams, response: { 200: Ok } }, config: { auth: 'tenant', permission: 'people.manage' } },
    async (request) => {
      await app.tenant(request, (ctx) => revokeInvitation(ctx, request.params.id));
      return { ok: true as const };
    },
  );

  // The token in the link is the credential: these two are public.
  const TokenParams = z.object({ token: z.string().min(10).max(200) });
  app.get(
    '/api/v1/invitations/:token',
    { schema: { tags, params: TokenParams, response: { 200: InvitationPreview } }, config: { auth: 'public' } },
    async (request) => withSystem(app.database.db, (tx) => previewInvitation(tx, request.params.token)),
  );

  app.post(
    '/api/v1/invitations/:token/accept',
    { schema: { tags, params: TokenParams, body: AcceptInvitationInput, response: { 200: SessionInfo } }, config: { auth: 'public' } },
    async (request, reply) => {
      const signedIn = request.principal?.kind === 'session' ? request.principal.user!.id : null;
      const token = await withSystem(app.database.db, async (tx) => {
        const accepted = await acceptInvitation(tx, request.params.token, { ...request.body, locale: request.locale }, signedIn);
        // Signed in afterwards, in the organisation just joined.
        return (await createSession(tx, accepted.userId, accepted.orgId, request.headers['user-agent'])).token;
      });
      if (request.principal?.sessionHash) {
        // Replace the old session rather than leave two behind.
        await deleteSession(app.database.db, request.principal.sessionHash);
      }
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(app.config.secureCookies));
      return presentSession(app, request, token);
    },
  );

  app.get(
    '/api/v1/org/api-tokens',
    { schema: { tags, querystring: ApiTokenQuery, response: { 200: Page(ApiToken) } }, config: { auth: 'tenant', permission: 'tokens.manage' } },
    async (request) => app.tenant(request, (ctx) => listApiTokens(ctx, request.query)),
  );

  for (const format of TABLE_FORMATS) {
    app.get(
      `/api/v1/org/api-tokens/export.${format}`,
      { schema: { tags, querystring: ApiTokenFilter }, config: { auth: 'tenant', permission: 'tokens.manage' } },
      async (request, reply) => sendListExport(app, request, reply, format, apiTokensExport, request.query),
    );
  }

  app.post(
    '/api/v1/org/api-tokens',
    { schema: { tags, body: ApiTokenInput, response: { 201: CreatedApiToken } }, config: { auth: 'tenant', permission: 'tokens.manage' } },
    async (request, reply) => {
      reply.code(201);
      return app.tenant(request, (ctx) => createApiToken(ctx, request.body));
    },
  );

  app.delete(
    '/api/v1/org/api-tokens/:id',
    { schema: { tags, params: IdParams, response: { 200: Ok } }, config: { auth: 'tenant', permission: 'tokens.manage' } },
    async (request) => {
      await app.tenant(request, (ctx) => revokeApiToken(ctx, request.params.id));
      return { ok: true as const };
    },
  );
};
