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
import { SESSION_COOKIE } from '../http/authenticate.js';
import * as auth from './auth-service.js';
import { countedSignIn, guardAttempt } from './attempts.js';
import { resetRequestRules, resetTokenRules, signInRules, signupRules } from './limits.js';
import { presentSession } from './present-session.js';
import { deleteSession, SESSION_DAYS } from './sessions.js';
import { giveBackAttempt, type ThrottleRule } from './throttle.js';

export function sessionCookieOptions(secure: boolean) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, maxAge: SESSION_DAYS * 86_400 };
}

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const setSession = (reply: FastifyReply, token: string) => reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(app.config.secureCookies));

  async function respondWithNewSession(request: FastifyRequest, reply: FastifyReply, token: string) {
    setSession(reply, token);
    return presentSession(app, request, token);
  }

  const limit = app.config.LOGIN_RATE_LIMIT;
  const db = app.database.db;

  const guard = (reply: FastifyReply, rules: ThrottleRule[]) => guardAttempt(db, reply, rules);

  app.post(
    '/api/v1/auth/login',
    { schema: { tags, body: LoginInput, response: { 200: SessionInfo } }, config: { auth: 'public', unaudited: 'opens a session for the caller; attempts are counted in auth_throttle' } },
    async (request, reply) => {
      const { token } = await countedSignIn(db, reply, { limit, ip: request.ip, userAgent: request.headers['user-agent'] }, request.body);
      return respondWithNewSession(request, reply, token);
    },
  );

  app.post(
    '/api/v1/auth/signup',
    { schema: { tags, body: SignupInput, response: { 201: SessionInfo } }, config: { auth: 'public' } },
    async (request, reply) => {
      await guard(reply, signupRules(limit, request.ip));
      const { token } = await auth.signup(app.database.db, request.body, request.headers['user-agent']);
      reply.code(201);
      return respondWithNewSession(request, reply, token);
    },
  );

  app.post('/api/v1/auth/logout', { schema: { tags, response: { 200: Ok } }, config: { auth: 'user', unaudited: "ends the caller's own session" } }, async (request, reply) => {
    if (request.principal?.sessionHash) await deleteSession(app.database.db, request.principal.sessionHash);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/api/v1/auth/session', { schema: { tags, response: { 200: SessionInfo } }, config: { auth: 'user' } }, async (request) => {
    return presentSession(app, request);
  });

  app.post(
    '/api/v1/auth/switch-org',
    { schema: { tags, body: SwitchOrgInput, response: { 200: SessionInfo } }, config: { auth: 'user', unaudited: "moves the caller's own session to another of their organisations" } },
    async (request) => {
      const p = request.principal!;
      await auth.switchOrg(app.database.db, p.sessionHash!, p.user!.id, request.body.orgId);
      return presentSession(app, request, request.cookies[SESSION_COOKIE]!);
    },
  );

  app.post(
    '/api/v1/auth/forgot-password',
    { schema: { tags, body: ForgotPasswordInput, response: { 202: Ok } }, config: { auth: 'public', unaudited: 'only mails a reset link (or nothing, for an unknown address); the reset itself is audited' } },
    async (request, reply) => {
      await guard(reply, resetRequestRules(limit, request.body.email, request.ip));
      await auth.requestPasswordReset(db, request.body.email, { publicUrl: app.config.publicUrl, smtpConfigured: app.mailer.sends });
      void app.mailer.flush().catch(() => undefined);
      reply.code(202);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/auth/reset-password',
    { schema: { tags, body: ResetPasswordInput, response: { 200: Ok } }, config: { auth: 'public' } },
    async (request, reply) => {
      const rules = resetTokenRules(limit, request.ip);
      await guard(reply, rules);
      await auth.resetPassword(db, request.body.token, request.body.password);
      await giveBackAttempt(db, rules);
      return { ok: true as const };
    },
  );

  app.put('/api/v1/auth/profile', { schema: { tags, body: ProfileInput, response: { 200: SessionInfo } }, config: { auth: 'user' } }, async (request) => {
    const p = request.principal!;
    await auth.updateProfile(app.database.db, p.user!.id, request.body);
    return presentSession(app, request);
  });

  app.post(
    '/api/v1/auth/password',
    { schema: { tags, body: PasswordChangeInput, response: { 200: Ok } }, config: { auth: 'user' } },
    async (request, reply) => {
      const p = request.principal!;
      // A wrong current password is a guess like a failed sign-in, on the same counters.
      const rules = signInRules(limit, p.user!.email, request.ip);
      await guard(reply, rules);
      await auth.changePassword(db, p.user!.id, p.sessionHash!, request.body);
      await giveBackAttempt(db, rules);
      return { ok: true as const };
    },
  );
};
