import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../../contracts/common.js';
import { SelfCheckIn, SelfCheckInInput } from '../../../../contracts/events.js';
import { LOCALES, type Locale } from '../../../../contracts/roles.js';
import { clock } from '../../../platform/clock.js';
import { withTenant, type TenantCtx } from '../../../platform/db/tenancy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { pickLocale, translator } from '../../../platform/i18n/i18n.js';
import { clockFormat } from '../../../platform/time.js';
import { selfCheckInFormPage, selfCheckInMessagePage } from '../self-check-in-page.js';
import { checkInSelf, openSelfCheckIn, SELF_CHECK_IN_ACTOR, selfCheckInPath, selfCheckInState, setSelfCheckIn, type SelfCheckInEvent } from '../self-check-in-service.js';
import type { EventRoutesOptions } from './event-routes.js';

const tags = ['events'];

const PageParams = z.object({ orgId: z.uuid(), eventId: z.uuid() });
const PageQuery = z.object({ c: z.string().max(100).optional(), lang: z.enum(LOCALES).optional() });
const PageBody = z.object({ who: z.string().max(1000).default('') });
/** What the participant's page answers, by the refusal: the message alone, nothing of the event. */
const PAGE_ERRORS: Record<string, number> = { 'events.self_check_in_code': 410, 'events.self_check_in_not_today': 409, 'events.not_open': 409 };
// A crowd at the venue may share one address (the venue's wifi, a carrier's NAT): a limit per address that a queue at the door stays under.
const pageLimit = { max: 120, timeWindow: '1 minute' };
const postLimit = { max: 60, timeWindow: '1 minute' };

/**
 * Self check-in: staff switch it on for an event and show a QR code whose link
 * carries a code renewed every minute (self-check-in.ts); a participant
 * scanning it opens a light page at /check-in/:orgId/:eventId and ticks
 * themselves present with their ticket code, or the e-mail or phone they
 * registered with, through the check-in service (and `afterCheckIn`, as the
 * staff's ticks).
 */
export const selfCheckInRoutes: FastifyPluginAsyncZod<EventRoutesOptions> = async (app, { afterCheckIn }) => {
  // A browser's form post; this plugin's routes only.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4_096 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  const at = () => ({ serverSecret: app.config.CREDENTIAL_SECRET ?? null, now: clock.now() });

  app.get('/api/v1/events/:id/self-check-in', {
    schema: { tags, params: IdParams, response: { 200: SelfCheckIn } },
    config: { auth: 'tenant', permission: 'events.check_in' },
  }, async (request) => app.tenant(request, (ctx) => selfCheckInState(ctx, request.params.id, app.config.publicUrl, at())));

  app.put('/api/v1/events/:id/self-check-in', {
    schema: { tags, params: IdParams, body: SelfCheckInInput, response: { 200: SelfCheckIn } },
    config: { auth: 'tenant', permission: 'events.check_in' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await setSelfCheckIn(ctx, request.params.id, request.body.enabled);
    return selfCheckInState(ctx, request.params.id, app.config.publicUrl, at());
  }));

  /**
   * The page reads as a viewer (published events only). The tick is the organisation's own,
   * made for it by the page as staff make theirs at the door: it runs with staff's role, so what
   * the modules above do with it (training reads the session's registrations) sees what it sees
   * after a staff tick. Nothing typed reaches it but the code's check and the one registration's lookup.
   */
  const asParticipant = <T>(orgId: string, locale: string, work: (ctx: TenantCtx) => Promise<T>, role: 'viewer' | 'staff' = 'viewer') =>
    withTenant(app.database.db, { orgId, role, actor: { userId: null, name: SELF_CHECK_IN_ACTOR }, locale }, work);
  type PageRequest = { params: z.infer<typeof PageParams>; query: z.infer<typeof PageQuery>; locale: string };
  /** The reader's language where the organisation speaks it (or the one asked for), else the organisation's first; and the page's addresses. */
  const pageFor = (request: PageRequest, event: SelfCheckInEvent) => {
    const spoken = event.languages.filter((l) => (LOCALES as readonly string[]).includes(l));
    const locale: Locale = request.query.lang ?? (spoken.includes(request.locale) ? (request.locale as Locale) : pickLocale(spoken[0]));
    const base = `${selfCheckInPath(request.params.orgId, request.params.eventId)}?c=${encodeURIComponent(request.query.c ?? '')}`;
    return { locale, t: translator(locale), f: clockFormat(event.clock, locale), opts: { action: request.query.lang ? `${base}&lang=${request.query.lang}` : base, linksPath: base, languages: spoken } };
  };
  /** A refused code or day as a page in the browser's language (a code refused names no organisation to take one from). */
  const refused = (error: unknown, request: { locale: string }, reply: FastifyReply) => {
    if (!(error instanceof AppError) || !PAGE_ERRORS[error.code]) throw error;
    reply.code(PAGE_ERRORS[error.code]!);
    const t = translator(request.locale);
    return selfCheckInMessagePage(t, request.locale, t(`errors.${error.code}`));
  };
  const opened = (request: PageRequest) => asParticipant(request.params.orgId, request.locale, (ctx) => openSelfCheckIn(ctx, request.params.eventId, request.query.c ?? '', at()));

  app.get('/check-in/:orgId/:eventId', {
    schema: { tags, params: PageParams, querystring: PageQuery },
    config: { auth: 'public', rateLimit: pageLimit },
  }, async (request, reply) => {
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('vary', 'Accept-Language');
    try {
      const event = await opened(request);
      const { locale, t, f, opts } = pageFor(request, event);
      return selfCheckInFormPage(t, locale, f, event, opts);
    } catch (error) {
      return refused(error, request, reply);
    }
  });

  app.post('/check-in/:orgId/:eventId', {
    schema: { tags, params: PageParams, querystring: PageQuery, body: PageBody },
    config: { auth: 'public', rateLimit: postLimit },
  }, async (request, reply) => {
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    const { orgId, eventId } = request.params;
    const typed = request.body.who.trim();
    try {
      const event = await opened(request);
      const { locale, t, f, opts } = pageFor(request, event);
      const again = (status: number, text: string) => {
        reply.code(status);
        return selfCheckInFormPage(t, locale, f, event, { ...opts, typed, notice: { kind: 'bad', text } });
      };
      if (!typed) return again(400, t('events.selfCheckIn.page.whoMissing'));
      try {
        const outcome = await asParticipant(orgId, locale, async (ctx) => {
          // The code is checked again in the transaction that ticks.
          const done = await checkInSelf(ctx, eventId, request.query.c ?? '', typed, at());
          if (done === 'checked_in' && afterCheckIn) await afterCheckIn(ctx, eventId);
          return done;
        }, 'staff');
        return selfCheckInFormPage(t, locale, f, event, { ...opts, notice: { kind: 'ok', text: t(outcome === 'checked_in' ? 'events.selfCheckIn.page.done' : 'events.selfCheckIn.page.already') } });
      } catch (error) {
        if (error instanceof AppError && error.code === 'events.self_check_in_not_found') return again(404, t('errors.events.self_check_in_not_found'));
        throw error;
      }
    } catch (error) {
      return refused(error, request, reply);
    }
  });
};
