import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LoginInput } from '../../../contracts/auth.js';
import { LOCALE_COOKIE, LOCALES, type Locale } from '../../../contracts/role-list.js';
import { AppError } from '../errors/app-error.js';
import { statusOf } from '../errors/catalogue.js';
import { SESSION_COOKIE } from '../http/authenticate.js';
import { interfaceLocale } from '../i18n/interface-locale.js';
import { translator, zodMessage } from '../i18n/i18n.js';
import { countedSignIn } from './attempts.js';
import { sessionCookieOptions } from './routes.js';
import { safeNext } from './safe-next.js';
import { signInPage } from './sign-in-page.js';
import { newSecret, sameSecret } from './tokens.js';

const tags = ['auth'];
// A link's query that this page cannot use (an unknown language, an address too long to be one of
// ours) is ignored, not answered with a problem in JSON: a person opened it. Overlong fields are
// refused by the page itself, in words (LoginInput below); the body limit bounds them all.
const PageQuery = z.object({ next: z.string().max(2000).optional().catch(undefined), lang: z.enum(LOCALES).optional().catch(undefined) });
const FormBody = z.object({ email: z.string().default(''), password: z.string().default(''), formToken: z.string().max(200).default('') });
/** What these pages read of a request (both routes' requests, whatever their body). */
type PageRequest = { query: z.infer<typeof PageQuery>; cookies: FastifyRequest['cookies']; headers: FastifyRequest['headers'] };

/**
 * The form's token, also held by this browser in a cookie (SameSite=Strict).
 * The API's sign-in needs none: another site's form cannot send JSON. A plain
 * form can be posted from anywhere, and would sign the visitor in as someone
 * else (into an account an attacker then reads); the token, which another site
 * can neither read nor set, proves the form is this page's. Over HTTPS the
 * cookie is `__Host-`, which a neighbouring subdomain cannot set either.
 */
const FORM_COOKIE_SECONDS = 86_400;
const LOCALE_COOKIE_SECONDS = 365 * 86_400;
/** Sign-in failures the page answers itself, in words, with the API's status. */
const REFUSALS = new Set(['auth.invalid_credentials', 'auth.too_many_attempts']);

/**
 * /sign-in as a page the server writes (sign-in-page.ts), signing in through
 * the API's own path (`countedSignIn`: the same limits, lockout and session
 * cookie), then on to the app's home or the same-site `next` it was opened with.
 */
export const signInPageRoutes: FastifyPluginAsyncZod = async (app) => {
  // A browser's form post; this plugin's routes only.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 8_192 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  const secure = app.config.secureCookies;
  const form = secure ? { cookie: '__Host-rt_sign_in_form', path: '/' } : { cookie: 'rt_sign_in_form', path: '/sign-in' };

  /** The reader's language as the app picks it; one asked for by a link is kept for the app too. */
  function localeOf(request: PageRequest, reply: FastifyReply): Locale {
    const asked = request.query.lang;
    if (asked && request.cookies[LOCALE_COOKIE] !== asked) reply.setCookie(LOCALE_COOKIE, asked, { path: '/', sameSite: 'lax', secure, maxAge: LOCALE_COOKIE_SECONDS });
    return asked ?? interfaceLocale(request.cookies[LOCALE_COOKIE], request.headers['accept-language']);
  }

  /** This browser's form token: the one it holds (several tabs share it), else a new one. */
  function formToken(request: PageRequest, reply: FastifyReply) {
    const held = request.cookies[form.cookie];
    if (held && /^[\w-]{43}$/.test(held)) return held;
    const token = newSecret();
    reply.setCookie(form.cookie, token, { path: form.path, httpOnly: true, sameSite: 'strict', secure, maxAge: FORM_COOKIE_SECONDS });
    return token;
  }

  type Shown = { email?: string; problem?: string; emailProblem?: string | undefined; passwordProblem?: string | undefined };
  function page(request: PageRequest, reply: FastifyReply, locale: Locale, shown: Shown = {}) {
    const { next, lang } = request.query;
    const address = (query: Record<string, string | undefined>) => {
      const search = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => !!e[1]));
      return search.size ? `/sign-in?${search}` : '/sign-in';
    };
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    return signInPage(translator(locale), locale, {
      action: address({ next, lang }),
      inLanguage: (l) => address({ next, lang: l }),
      formToken: formToken(request, reply),
      ...shown,
    });
  }

  app.get('/sign-in', {
    schema: { tags, querystring: PageQuery, hide: true },
    config: { auth: 'public' },
  }, async (request, reply) => {
    // Signed in already: on, as the app's sign-in screen did.
    if (request.principal?.kind === 'session') return reply.redirect(safeNext(request.query.next), 303);
    return page(request, reply, localeOf(request, reply));
  });

  app.post('/sign-in', {
    schema: { tags, querystring: PageQuery, body: FormBody, hide: true },
    config: { auth: 'public', unaudited: 'opens a session for the caller, as POST /api/v1/auth/login; attempts are counted in auth_throttle' },
  }, async (request, reply) => {
    const locale = localeOf(request, reply);
    const t = translator(locale);
    const email = request.body.email.trim();
    const refuse = (status: number, shown: Shown) => {
      reply.code(status);
      return page(request, reply, locale, { email, ...shown });
    };
    const held = request.cookies[form.cookie];
    if (!held || !sameSecret(request.body.formToken, held)) return refuse(403, { problem: t('auth.signIn.formExpired') });

    // The app's form checks its fields before sending; here the browser does (required, type=email), and this for any other client.
    const input = LoginInput.safeParse({ email, password: request.body.password });
    if (!input.success) {
      const on = (field: string) => input.error.issues.find((i) => i.path[0] === field);
      const message = (issue: (typeof input.error.issues)[number] | undefined, typed: string) => (!issue ? undefined : typed ? zodMessage(locale, issue as unknown as Record<string, unknown>) : t('errors.required'));
      return refuse(400, { emailProblem: message(on('email'), email), passwordProblem: message(on('password'), request.body.password) });
    }
    try {
      const { token } = await countedSignIn(app.database.db, reply, { limit: app.config.LOGIN_RATE_LIMIT, ip: request.ip, userAgent: request.headers['user-agent'] }, input.data);
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(secure));
      return reply.header('cache-control', 'no-store').redirect(safeNext(request.query.next), 303);
    } catch (error) {
      if (!(error instanceof AppError) || !REFUSALS.has(error.code)) throw error;
      return refuse(statusOf(error.code), { problem: t(`errors.${error.code}`, error.params) });
    }
  });
};
