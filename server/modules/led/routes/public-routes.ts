import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../../contracts/common.js';
import { LedRegionDetail } from '../../../../contracts/led.js';
import { LOCALES } from '../../../../contracts/roles.js';
import { withTenant } from '../../../platform/db/tenancy.js';
import { pickLocale, translator } from '../../../platform/i18n/i18n.js';
import { clockFormat } from '../../../platform/time.js';
import { ledIndexPage, ledRegionPage } from '../public-page.js';
import { publishedRegion, publishedRegions, setRegionPublished } from '../public-service.js';
import { getRegion } from '../region-service.js';

const tags = ['led'];
const rateLimit = { max: 120, timeWindow: '1 minute' };
const Lang = z.object({ lang: z.enum(LOCALES).optional() });

/**
 * The public LED page (`/local-development/:orgId`, one page per published
 * region) and the staff switch that publishes a region on it.
 */
export const ledPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/api/v1/led/regions/:id/publication', {
    schema: { tags, params: IdParams, body: z.object({ published: z.boolean() }), response: { 200: LedRegionDetail } },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await setRegionPublished(ctx, request.params.id, request.body.published);
    return getRegion(ctx, request.params.id);
  }));

  const publicCtx = (orgId: string, locale: string) => ({ orgId, role: 'viewer' as const, actor: { userId: null, name: 'Public' }, locale });
  /** The reader's language where the organisation speaks it (or the one asked for), else the organisation's first. */
  const pageLocale = (asked: string | undefined, browser: string, languages: string[]) => asked ?? (languages.includes(browser) ? browser : pickLocale(languages[0]));
  const spoken = (languages: string[]) => languages.filter((l) => (LOCALES as readonly string[]).includes(l));

  // An unknown organisation is orgs.not_found (404), as on the reform tracker.
  app.get('/local-development/:orgId', {
    schema: { tags, params: z.object({ orgId: z.uuid() }), querystring: Lang },
    config: { auth: 'public', rateLimit },
  }, async (request, reply) => {
    const { orgId } = request.params;
    const data = await withTenant(app.database.db, publicCtx(orgId, request.locale), (ctx) => publishedRegions(ctx));
    const locale = pageLocale(request.query.lang, request.locale, data.org.languages);
    // The words follow the reader's Accept-Language: a shared cache keeps one copy per language.
    reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=300').header('vary', 'Accept-Language');
    return ledIndexPage(data, translator(locale), clockFormat(data.org.clock, locale), locale, spoken(data.org.languages), `/local-development/${orgId}`);
  });

  // A region not published, or not this organisation's, is led.region_not_found (404).
  app.get('/local-development/:orgId/regions/:regionId', {
    schema: { tags, params: z.object({ orgId: z.uuid(), regionId: z.uuid() }), querystring: Lang },
    config: { auth: 'public', rateLimit },
  }, async (request, reply) => {
    const { orgId, regionId } = request.params;
    const data = await withTenant(app.database.db, publicCtx(orgId, request.locale), (ctx) => publishedRegion(ctx, regionId));
    const locale = pageLocale(request.query.lang, request.locale, data.org.languages);
    reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=300').header('vary', 'Accept-Language');
    return ledRegionPage(data, translator(locale), clockFormat(data.org.clock, locale), locale, spoken(data.org.languages), `/local-development/${orgId}`);
  });
};
