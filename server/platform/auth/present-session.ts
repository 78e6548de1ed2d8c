import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SessionInfo } from '../../../contracts/auth.js';
import type { Locale, Role } from '../../../contracts/roles.js';
import { orgClock } from '../org-clock.js';
import { getCurrentOrg } from '../tenants/tenants.js';
import { AppError } from '../errors/app-error.js';
import { sessionInfo } from './auth-service.js';
import { principalFromSession } from './sessions.js';

/**
 * What the web app knows about the signed-in person. With `token`, the
 * session just created is looked up first, so a fresh sign-in answers
 * exactly what a later GET /session would.
 */
export async function presentSession(app: FastifyInstance, request: FastifyRequest, token?: string): Promise<SessionInfo> {
  if (token) request.principal = await principalFromSession(app.database.db, token);
  const p = request.principal;
  if (!p?.user || p.kind !== 'session') throw new AppError('forbidden');
  const info = await sessionInfo(app.database.db, p.user.id, p.orgId);
  let org: SessionInfo['org'] = null;
  if (info.current) {
    const full = await app.tenant(request, getCurrentOrg);
    org = { id: full.id, name: full.name, role: info.current.role as Role, currency: full.currency, languages: full.languages, country: full.country, ...orgClock(full) };
  }
  return {
    user: { id: info.user.id, name: info.user.name, email: info.user.email, locale: info.user.locale as Locale },
    org,
    orgs: info.orgs.map((o) => ({ ...o, role: o.role as Role })),
    csrfToken: p.csrfToken!,
    map: app.config.map,
  };
}
