import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ForgotPasswordInput,
  LoginInput,
  PasswordChangeInput,
  ProfileInput,
  ResetPasswordInput,
  SessionInfo,
  SignupInput,
  SwitchOrgInput,
} from '../../../contracts/auth.js';
import { Ok } from '../../../contracts/common.js';
import type { Locale, Role } from '../../../contracts/roles.js';
import { getCurrentOrg } from '../../modules/orgs/org-service.js';
import { SESSION_COOKIE } from '../http/authenticate.js';
import { AppError } from '../errors/app-error.js';
import * as auth from './auth-service.js';
import { deleteSession, principalFromSession, SESSION_DAYS } from './sessions.js';

export function sessionCookieOptions(secure: boolean) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, maxAge: SESSION_DAYS * 86_400 };
}

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const setSession = (reply: FastifyReply, token: string) => reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(app.config.secureCookies));

  async function present(request: FastifyRequest, userId: string, csrfToken: string): Promise<SessionInfo> {
    const info = await auth.sessionInfo(app.database.db, userId, request.principal?.orgId ?? null);
    const current = info.current;
    let org: SessionInfo['org'] = null;
    if (current) {
      const full = await app.tenant(request, getCurrentOrg);
      org = { id: full.id, name: full.name, role: current.role as Role, currency: full.currency, languages: full.languages, country: full.country };
    }
    return {
      user: { id: info.user.id, name: info.user.name, email: info.user.email, locale: info.user.locale as Locale },
      org,
      orgs: info.orgs.map((o) => ({ ...o, role: o.role as Role })),
      csrfToken,
    };
  }

  // A fresh login looks the new session up again so the answer is exactly
  // what a later GET /session would say.
  async function respondWithNewSession(request: FastifyRequest, reply: FastifyReply, token: string) {
    setSession(reply, token);
    request.principal = await principalFromSession(app.database.db, token);
    return present(request, request.principal!.user!.id, request.principal!.csrfToken!);
  }

  const loginLimit = {
    max: app.config.LOGIN_RATE_LIMIT,
    timeWindow: '15 minutes',
    hook: 'preHandler' as const,
    keyGenerator: (request: FastifyRequest) => `${request.ip}|${String((request.body as { email?: unknown })?.email ?? '').toLowerCase()}`,
  };

  app.post(
    '/api/v1/auth/login',
    { schema: { tags, body: LoginInput, response: { 200: SessionInfo } }, config: { auth: 'public', rateLimit: loginLimit } },
    async (request, reply) => {
      const { token } = await auth.login(app.database.db, request.body, request.headers['user-agent']);
      return respondWithNewSession(request, reply, token);
    },
  );

  app.post(
    '/api/v1/auth/signup',
    { schema: { tags, body: SignupInput, response: { 201: SessionInfo } }, config: { auth: 'public', rateLimit: { ...loginLimit, max: 5, hook: 'onRequest', keyGenerator: (r: FastifyRequest) => r.ip } } },
    async (request, reply) => {
      const { token } = await auth.signup(app.database.db, request.body, request.headers['user-agent']);
      reply.code(201);
      return respondWithNewSession(request, reply, token);
    },
  );

  app.post('/api/v1/auth/logout', { schema: { tags, response: { 200: Ok } }, config: { auth: 'user' } }, async (request, reply) => {
    if (request.principal?.sessionHash) await deleteSession(app.database.db, request.principal.sessionHash);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/api/v1/auth/session', { schema: { tags, response: { 200: SessionInfo } }, config: { auth: 'user' } }, async (request) => {
    const p = request.principal!;
    if (p.kind !== 'session') throw new AppError('forbidden');
    return present(request, p.user!.id, p.csrfToken!);
  });

  app.post(
    '/api/v1/auth/switch-org',
    { schema: { tags, body: SwitchOrgInput, response: { 200: SessionInfo } }, config: { auth: 'user' } },
    async (request) => {
      const p = request.principal!;
      if (p.kind !== 'session') throw new AppError('forbidden');
      await auth.switchOrg(app.database.db, p.sessionHash!, p.user!.id, request.body.orgId);
      request.principal = await principalFromSession(app.database.db, request.cookies[SESSION_COOKIE]!);
      return present(request, p.user!.id, p.csrfToken!);
    },
  );

  app.post(
    '/api/v1/auth/forgot-password',
    { schema: { tags, body: ForgotPasswordInput, response: { 202: Ok } }, config: { auth: 'public', rateLimit: { ...loginLimit, max: 5 } } },
    async (request, reply) => {
      await auth.requestPasswordReset(app.database.db, request.body.email, app.config.publicUrl);
      void app.mailer.flush().catch(() => undefined);
      reply.code(202);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/auth/reset-password',
    { schema: { tags, body: ResetPasswordInput, response: { 200: Ok } }, config: { auth: 'public', rateLimit: { ...loginLimit, hook: 'onRequest', keyGenerator: (r: FastifyRequest) => r.ip } } },
    async (request) => {
      await auth.resetPassword(app.database.db, request.body.token, request.body.password);
      return { ok: true as const };
    },
  );

  app.put('/api/v1/auth/profile', { schema: { tags, body: ProfileInput, response: { 200: SessionInfo } }, config: { auth: 'user' } }, async (request) => {
    const p = request.principal!;
    if (p.kind !== 'session') throw new AppError('forbidden');
    await auth.updateProfile(app.database.db, p.user!.id, request.body);
    return present(request, p.user!.id, p.csrfToken!);
  });

  app.post(
    '/api/v1/auth/password',
    { schema: { tags, body: PasswordChangeInput, response: { 200: Ok } }, config: { auth: 'user', rateLimit: loginLimit } },
    async (request) => {
      const p = request.principal!;
      if (p.kind !== 'session') throw new AppError('forbidden');
      await auth.changePassword(app.database.db, p.user!.id, p.sessionHash!, request.body);
      return { ok: true as const };
    },
  );
};
