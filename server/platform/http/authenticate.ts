import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { can, knownPermission } from '../auth/permissions.js';
import { principalFromApiToken, principalFromSession } from '../auth/sessions.js';
import { sameSecret } from '../auth/tokens.js';
import { withTenant } from '../db/tenancy.js';
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
  config: { auth?: string; permission?: string };
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

  app.addHook('onRequest', async (request) => {
    request.locale = pickLocale(request.headers['accept-language']);
    const config = request.routeOptions.config;
    if (!config?.auth) return;
    request.principal = await resolvePrincipal(app, request);
    if (config.auth === 'public') return;
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
  });

  app.decorate('tenant', function tenant(request, work) {
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
    );
  });
});
