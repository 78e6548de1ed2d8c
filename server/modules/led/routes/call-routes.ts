import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ChildParams, Email, IdParams, Page } from '../../../../contracts/common.js';
import { Application, ApplicationInput, ApplicationQuery, CallDetail, CallInput, CallQuery, CallStatusInput, Call, CriteriaInput } from '../../../../contracts/led-calls.js';
import { LOCALES, type Locale } from '../../../../contracts/roles.js';
import { withTenant, type TenantCtx } from '../../../platform/db/tenancy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { pickLocale, translator, zodMessage } from '../../../platform/i18n/i18n.js';
import { clockFormat } from '../../../platform/time.js';
import { applicationToForm, fieldOfPath, formToInput, parseFormBody, type RawForm } from '../call-form.js';
import { applicationFormPage, callLandingPage, callMessagePage, type PublicCallView } from '../call-page.js';
import { getApplication, listApplications, saveApplication, withdrawApplication } from '../application-service.js';
import { publicCall, resolveResumeLink, startApplication } from '../call-link-service.js';
import { createCall, editCall, getCall, listCalls, setCallStatus, setCriteria } from '../call-service.js';

const tags = ['led'];

/** Calls for LED measures and their applications, for staff (`led.read` to read, `led.manage` to write). */
export const ledCallRoutes: FastifyPluginAsyncZod = async (app) => {
  const detail = { 200: CallDetail };

  app.get('/api/v1/led/calls', {
    schema: { tags, querystring: CallQuery, response: { 200: Page(Call) } },
    config: { auth: 'tenant', permission: 'led.read' },
  }, async (request) => app.tenant(request, (ctx) => listCalls(ctx, request.query)));

  app.post('/api/v1/led/calls', {
    schema: { tags, body: CallInput, response: { 201: CallDetail } },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => getCall(ctx, await createCall(ctx, request.body)));
  });

  app.get('/api/v1/led/calls/:id', {
    schema: { tags, params: IdParams, response: detail },
    config: { auth: 'tenant', permission: 'led.read' },
  }, async (request) => app.tenant(request, (ctx) => getCall(ctx, request.params.id)));

  app.put('/api/v1/led/calls/:id', {
    schema: { tags, params: IdParams, body: CallInput, response: detail },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await editCall(ctx, request.params.id, request.body);
    return getCall(ctx, request.params.id);
  }));

  app.post('/api/v1/led/calls/:id/status', {
    schema: { tags, params: IdParams, body: CallStatusInput, response: detail },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await setCallStatus(ctx, request.params.id, request.body.status);
    return getCall(ctx, request.params.id);
  }));

  app.put('/api/v1/led/calls/:id/criteria', {
    schema: { tags, params: IdParams, body: CriteriaInput, response: detail },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await setCriteria(ctx, request.params.id, request.body);
    return getCall(ctx, request.params.id);
  }));

  app.get('/api/v1/led/calls/:id/applications', {
    schema: { tags, params: IdParams, querystring: ApplicationQuery, response: { 200: Page(Application) } },
    config: { auth: 'tenant', permission: 'led.read' },
  }, async (request) => app.tenant(request, (ctx) => listApplications(ctx, request.params.id, request.query)));

  // Staff enter an application for a partner (a paper form, a phone call).
  app.post('/api/v1/led/calls/:id/applications', {
    schema: { tags, params: IdParams, body: ApplicationInput, response: { 201: Application } },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => getApplication(ctx, request.params.id, await saveApplication(ctx, request.params.id, null, request.body, 'staff')));
  });

  app.get('/api/v1/led/calls/:id/applications/:childId', {
    schema: { tags, params: ChildParams, response: { 200: Application } },
    config: { auth: 'tenant', permission: 'led.read' },
  }, async (request) => app.tenant(request, (ctx) => getApplication(ctx, request.params.id, request.params.childId)));

  app.put('/api/v1/led/calls/:id/applications/:childId', {
    schema: { tags, params: ChildParams, body: ApplicationInput, response: { 200: Application } },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await saveApplication(ctx, request.params.id, request.params.childId, request.body, 'staff');
    return getApplication(ctx, request.params.id, request.params.childId);
  }));

  app.post('/api/v1/led/calls/:id/applications/:childId/withdraw', {
    schema: { tags, params: ChildParams, response: { 200: Application } },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await withdrawApplication(ctx, request.params.id, request.params.childId);
    return getApplication(ctx, request.params.id, request.params.childId);
  }));
};

const CallParams = z.object({ orgId: z.uuid(), callId: z.uuid() });
const TokenParams = CallParams.extend({ token: z.string().min(10).max(200) });
const Lang = z.object({ lang: z.enum(LOCALES).optional() });
const FormBody = z.record(z.string().max(100), z.union([z.string().max(20_000), z.array(z.string().max(200)).max(100)]));
/** On these pages, what a refused link or call says and answers. */
const PAGE_ERRORS: Record<string, number> = {
  'orgs.not_found': 404, 'led.call_not_found': 404, 'led.resume_link_invalid': 404, 'led.call_not_open': 409, 'led.call_deadline_passed': 410, 'led.application_withdrawn': 409,
};
const rateLimit = { max: 60, timeWindow: '1 minute' };
// Starting an application mails a link: fewer per minute, so the form is no way to flood a mailbox.
const startLimit = { max: 10, timeWindow: '1 minute' };

/**
 * The public side of a call: its page with a form to start an application
 * with an e-mail (a personal link is mailed), and the application form that
 * link opens, saved as a draft or submitted until the deadline. No sign-in:
 * the mailed link is the only credential. Pages as follow-up-page.ts.
 */
export const ledCallPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  // A browser's form post (checkboxes repeat a name); this plugin's routes only.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 200_000 }, (_request, body, done) => {
    done(null, parseFormBody(body as string));
  });

  const asApplicant = <T>(orgId: string, locale: string, work: (ctx: TenantCtx) => Promise<T>) =>
    withTenant(app.database.db, { orgId, role: 'viewer', actor: { userId: null, name: 'Applicant' }, locale }, work);
  /** The reader's language where the organisation speaks it (or the one asked for), else the organisation's first. */
  const pageLocale = (asked: Locale | undefined, browser: string, languages: string[]): Locale => asked ?? (languages.includes(browser) ? (browser as Locale) : pickLocale(languages[0]));
  const spoken = (languages: string[]) => languages.filter((l) => (LOCALES as readonly string[]).includes(l));
  const withLang = (path: string, lang: string | undefined) => (lang ? `${path}?lang=${lang}` : path);
  type CallData = Awaited<ReturnType<typeof publicCall>>;
  const view = (data: CallData): PublicCallView => ({ call: data.call, regions: data.regions, bottlenecks: data.bottlenecks, criteria: data.criteria, org: data.org });
  /** What every public page of a call is written with: the reader's language, its clock, and the page's own address in it. */
  const pageFor = (request: { query: { lang?: Locale }; locale: string }, data: CallData, path: string) => {
    const locale = pageLocale(request.query.lang, request.locale, data.org.languages);
    return { locale, t: translator(locale), f: clockFormat(data.org.clock, locale), opts: { languages: spoken(data.org.languages), path: withLang(path, request.query.lang) } };
  };

  /** A refused call or link as a page in the browser's language (a link that opens nothing has no organisation to take one from). */
  const refused = (error: unknown, request: { locale: string }, reply: { code: (n: number) => unknown }) => {
    if (!(error instanceof AppError) || !PAGE_ERRORS[error.code]) throw error;
    reply.code(PAGE_ERRORS[error.code]!);
    const t = translator(request.locale);
    return callMessagePage(t, request.locale, 'bad', t(`errors.${error.code}`, error.params));
  };
  /** Zod's issues and the service's field errors as messages by form field. */
  const messages = (locale: Locale, issues: Array<{ path: string; code: string; params?: Record<string, unknown>; issue?: Record<string, unknown> }>) => {
    const t = translator(locale);
    const out = new Map<string, string>();
    for (const i of issues) {
      const name = fieldOfPath(i.path);
      if (out.has(name)) continue;
      const empty = i.issue?.code === 'too_small' && i.issue.origin === 'string' && i.issue.minimum === 1;
      out.set(name, i.issue && i.code === i.issue.code && !empty ? zodMessage(locale, i.issue) : empty ? t('errors.required') : t(`errors.${i.code}`, i.params ?? {}));
    }
    return out;
  };

  app.get('/led-calls/:orgId/:callId', {
    schema: { tags, params: CallParams, querystring: Lang },
    config: { auth: 'public', rateLimit },
  }, async (request, reply) => {
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('vary', 'Accept-Language');
    const { orgId, callId } = request.params;
    try {
      const data = await asApplicant(orgId, request.locale, (ctx) => publicCall(ctx, callId));
      const { locale, t, f, opts } = pageFor(request, data, `/led-calls/${orgId}/${callId}`);
      const open = data.call.status === 'open' && data.today <= data.call.deadlineOn;
      if (!open && data.call.status === 'open') reply.code(410);
      const closedMessage = data.call.status === 'open' ? t('errors.led.call_deadline_passed', { date: data.call.deadlineOn }) : t('errors.led.call_not_open');
      return callLandingPage(t, locale, f, view(data), { ...opts, open, closedMessage });
    } catch (error) {
      return refused(error, request, reply);
    }
  });

  app.post('/led-calls/:orgId/:callId', {
    schema: { tags, params: CallParams, querystring: Lang, body: FormBody },
    config: { auth: 'public', rateLimit: startLimit },
  }, async (request, reply) => {
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    const { orgId, callId } = request.params;
    const typed = typeof request.body.email === 'string' ? request.body.email : '';
    try {
      const data = await asApplicant(orgId, request.locale, (ctx) => publicCall(ctx, callId));
      const { locale, t, f, opts } = pageFor(request, data, `/led-calls/${orgId}/${callId}`);
      const email = Email.safeParse(typed);
      if (!email.success) {
        reply.code(400);
        return callLandingPage(t, locale, f, view(data), { ...opts, open: true, email: typed, error: t(typed.trim() ? 'ledCalls.page.emailInvalid' : 'errors.required') });
      }
      await asApplicant(orgId, locale, (ctx) => startApplication(ctx, callId, email.data, app.config.publicUrl));
      return callLandingPage(t, locale, f, view(data), { ...opts, open: true, sentTo: email.data });
    } catch (error) {
      return refused(error, request, reply);
    }
  });

  /** The application the link opens and the call's page data, in one transaction. */
  const opened = (orgId: string, callId: string, token: string) => asApplicant(orgId, 'en', async (ctx) => {
    const row = await resolveResumeLink(ctx, callId, token);
    return { row, data: await publicCall(ctx, callId) };
  });
  type LinkRequest = { params: z.infer<typeof TokenParams>; query: { lang?: Locale }; locale: string };
  type LinkPage = Awaited<ReturnType<typeof opened>> & ReturnType<typeof pageFor>;
  /** A page of the application a mailed link opens: the link resolved, the page's language and clock; a refused link as a page. */
  const onLink = async (request: LinkRequest, reply: FastifyReply, write: (page: LinkPage) => Promise<string> | string) => {
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    const { orgId, callId, token } = request.params;
    try {
      const { row, data } = await opened(orgId, callId, token);
      return await write({ row, data, ...pageFor(request, data, `/led-calls/${orgId}/${callId}/${token}`) });
    } catch (error) {
      return refused(error, request, reply);
    }
  };

  app.get('/led-calls/:orgId/:callId/:token', {
    schema: { tags, params: TokenParams, querystring: Lang },
    config: { auth: 'public', rateLimit },
  }, (request, reply) => onLink(request, reply, ({ row, data, locale, t, f, opts }) => {
    if (row.status === 'withdrawn') throw new AppError('led.application_withdrawn');
    return applicationFormPage(t, locale, f, view(data), { ...opts, raw: applicationToForm(row, data.org.currency), errors: new Map(), status: row.status, leadEmail: row.leadEmail });
  }));

  app.post('/led-calls/:orgId/:callId/:token', {
    schema: { tags, params: TokenParams, querystring: Lang, body: FormBody },
    config: { auth: 'public', rateLimit },
  }, (request, reply) => onLink(request, reply, async ({ row, data, locale, t, f, opts }) => {
    const { orgId, callId, token } = request.params;
    const { input, compact } = formToInput(request.body as RawForm, data.org.currency, row);
    const base = { ...opts, leadEmail: row.leadEmail };
    const again = (errors: Map<string, string>) => {
      reply.code(400);
      return applicationFormPage(t, locale, f, view(data), { ...base, raw: compact, errors, status: row.status });
    };
    const parsed = ApplicationInput.safeParse(input);
    if (!parsed.success) {
      return again(messages(locale, parsed.error.issues.map((i) => {
        const params = i.code === 'custom' ? (i.params as Record<string, unknown> | undefined) : undefined;
        const code = typeof params?.code === 'string' ? params.code : i.code;
        return { path: i.path.join('.'), code, params, issue: i as unknown as Record<string, unknown> };
      })));
    }
    try {
      const saved = await asApplicant(orgId, locale, async (ctx) => {
        // The link was checked in its own transaction: checked again under the call's lock, with the save.
        await resolveResumeLink(ctx, callId, token);
        await saveApplication(ctx, callId, row.id, parsed.data, 'partner');
        return resolveResumeLink(ctx, callId, token);
      });
      const notice = { kind: 'ok' as const, text: t(saved.status === 'submitted' && row.status !== 'submitted' ? 'ledCalls.page.submitted' : 'ledCalls.page.saved') };
      return applicationFormPage(t, locale, f, view(data), { ...base, raw: applicationToForm(saved, data.org.currency), errors: new Map(), status: saved.status, notice });
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation_failed') return again(messages(locale, error.fieldErrors.map((e) => ({ path: e.path, code: e.code, params: e.params }))));
      throw error;
    }
  }));
};
