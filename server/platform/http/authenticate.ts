import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { can, knownPermission } from '../auth/permissions.js';
import { forgetSession, principalFromApiToken, principalFromSession } from '../auth/sessions.js';
import { sameSecret } from '../auth/tokens.js';
import { StaleSession, withTenant, type TenantCtx } from '../db/tenancy.js';
import { AppError } from '../errors/app-error.js';
import { pickLocale } from '../i18n/i18n.js';

export const SESSION_COOKIE = 'rt_session';

/**
 * Every API route, and every other route that declares `auth` (the public
 * reform tracker), with what it declares; the isolation and fuzz tests walk this table.
 */
export interface RouteEntry {
  method: string;
  url: string;
  config: { auth?: string; permission?: string; unaudited?: string };
  schema?: { body?: unknown; params?: unknown; querystring?: unknown; consumes?: string[] };
}
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function resolvePrincipal(app: FastifyInstance, request: FastifyRequest) {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return principalFromApiToken(app.database.db, header.slice(7).trim());
  // The cookie is a 256-bit random token looked up by its hash: signing it would add nothing.
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? principalFromSession(app.database.db, cookie) : null;
}

/**
 * The first links of every route's chain: authenticate, then authorise
 * against the permission the route declares. Deny by default: an API route
 * that declares no `auth` does not even start.
 */
export const authenticate = fp(async (app: FastifyInstance) => {
  app.decorateRequest('principal', null);
  app.decorateRequest('locale', 'en');

  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);

  app.addHook('onRoute', (route) => {
    const declared = (route.config as { auth?: string } | undefined)?.auth;
    if (!route.url.startsWith('/api/v1') && !declared) return;
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, config: route.config as RouteEntry['config'], schema: route.schema as RouteEntry['schema'] });
    }
    const config = route.config as { auth?: string; permission?: string } | undefined;
    if (!config?.auth) throw new Error(`Route ${route.method} ${route.url} declares no auth`);
    if (config.auth === 'tenant' && (!config.permission || !knownPermission(config.permission))) {
      throw new Error(`Route ${route.method} ${route.url} needs a known permission, got "${config.permission}"`);
    }
  });

  /** What the route declares, checked against whoever `request.principal` is now. */
  function authorise(request: FastifyRequest) {
    const config = request.routeOptions.config;
    if (!config?.auth || config.auth === 'public') return;
    const principal = request.principal;
    if (!principal) throw new AppError('unauthenticated');
    if (principal.kind === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !principal.csrfToken || !sameSecret(sent, principal.csrfToken)) {
        throw new AppError('csrf_failed');
      }
    }
    if (config.auth === 'user') {
      if (!principal.user) throw new AppError('forbidden');
      return;
    }
    if (!principal.orgId) throw new AppError('auth.no_organisation');
    if (!can(principal.role, config.permission!)) throw new AppError('forbidden');
    if (config.person && !principal.user) throw new AppError('forbidden');
  }

  app.addHook('onRequest', async (request) => {
    request.locale = pickLocale(request.headers['accept-language']);
    if (!request.routeOptions.config?.auth) return;
    request.principal = await resolvePrincipal(app, request);
    try {
      authorise(request);
    } catch (error) {
      // A cached session may carry a role since raised (or an organisation since joined):
      // before refusing, the session is read afresh and the rule applied once more.
      const hash = request.principal?.sessionHash;
      if (!(error instanceof AppError) || !hash || !['forbidden', 'auth.no_organisation'].includes(error.code)) throw error;
      forgetSession(app.database.db, hash);
      request.principal = await resolvePrincipal(app, request);
      authorise(request);
    }
  });

  function enterTenant<T>(request: FastifyRequest, work: (ctx: TenantCtx) => Promise<T>) {
    const p = request.principal;
    if (!p?.orgId || !p.role) throw new AppError('auth.no_organisation');
    return withTenant(
      app.database.db,
      {
        orgId: p.orgId,
        role: p.role,
        actor: { userId: p.user?.id ?? null, name: p.actorName },
        requestId: request.id,
        locale: request.locale,
      },
      work,
      p.sessionHash ? { sessionHash: p.sessionHash } : undefined,
    );
  }

  // The principal may come from this process's session cache; the tenant
  // transaction checks the session again as it opens. When it no longer
  // holds (signed out or changed through another process), nothing has run:
  // the session is read afresh and the route's rule applied to it again.
  app.decorate('tenant', async function tenant(request, work) {
    try {
      return await enterTenant(request, work);
    } catch (error) {
      if (!(error instanceof StaleSession)) throw error;
      forgetSession(app.database.db, request.principal!.sessionHash!);
      request.principal = await resolvePrincipal(app, request);
      if (!request.principal) throw new AppError('unauthenticated');
      authorise(request);
      try {
        return await enterTenant(request, work);
      } catch (again) {
        throw again instanceof StaleSession ? new AppError('unauthenticated') : again;
      }
    }
  });
});
