import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { subdivisionName } from '../../../../contracts/geo-data.js';
import { DirectoryFilter } from '../../../../contracts/networking.js';
import { LOCALES } from '../../../../contracts/roles.js';
import { clock } from '../../../platform/clock.js';
import { withTenant, type TenantCtx } from '../../../platform/db/tenancy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { pickLocale, translator } from '../../../platform/i18n/i18n.js';
import { getCurrentOrg } from '../../orgs/org-service.js';
import { directoryPage, firmPage } from '../directory-page.js';
import { DIRECTORY_COUNT_UP_TO, publicDirectoryPage } from '../directory-search-service.js';
import { presentPublicProfile } from '../present.js';
import { listedProfiles } from '../profile-service.js';
import { showcasePage } from '../showcase-page.js';
import { getProductPhoto, publishedProducts } from '../showcase-service.js';
import { sendPhoto } from '../../../platform/files/photo.js';
import { PhotoSize } from '../../../../contracts/photos.js';

// Filters of the public page: as the staff list's, anything ill-formed is dropped rather than refused (a search box, not an API).
const PublicSearch = z.object({
  q: z.string().max(100).optional(), sector: z.string().max(10).optional(), hs: z.string().max(10).optional(), region: z.string().max(10).optional(),
  market: z.string().max(10).optional(), certification: z.string().max(100).optional(), size: z.string().max(10).optional(), lang: z.enum(LOCALES).optional(),
  cursor: z.string().max(500).optional(),
});

async function orgFacts(ctx: TenantCtx) {
  const org = await getCurrentOrg(ctx);
  const regions = org.regions.map((code) => ({ code, name: subdivisionName(code) ?? code }));
  return { org: { name: org.name, languages: org.languages.filter((l) => (LOCALES as readonly string[]).includes(l)) }, regions, firstLanguage: org.languages[0] };
}

/**
 * The public directory of an organisation's member firms and one page per
 * firm: no sign-in, only listed profiles (opted in, not expired, of active
 * members), only the fields each firm made public.
 */
export const directoryRoutes: FastifyPluginAsyncZod = async (app) => {
  const publicCtx = (orgId: string, locale: string) => ({ orgId, role: 'viewer' as const, actor: { userId: null, name: 'Public' }, locale });

  app.get('/directory/:orgId', {
    schema: { tags: ['networking'], params: z.object({ orgId: z.uuid() }), querystring: PublicSearch },
    config: { auth: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
  }, async (request, reply) => {
    const { lang, cursor, ...raw } = request.query;
    const parsed = DirectoryFilter.omit({ state: true, sort: true }).safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== '')));
    const search = parsed.success ? parsed.data : {};
    const data = await withTenant(app.database.db, publicCtx(request.params.orgId, request.locale), async (ctx) => {
      const facts = await orgFacts(ctx);
      const found = await publicDirectoryPage(ctx, search, clock.now(), { cursor });
      return { ...facts, ...found, profiles: found.profiles.map(({ row, firm }) => presentPublicProfile(row, firm)) };
    });
    const locale = lang ?? (data.org.languages.includes(request.locale) ? request.locale : pickLocale(data.firstLanguage));
    // The words follow the reader's Accept-Language: a shared cache keeps one copy per language.
    reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=300').header('vary', 'Accept-Language');
    const paging = { found: data.found, upTo: DIRECTORY_COUNT_UP_TO, next: data.next, paged: Boolean(cursor), lang };
    return directoryPage(data.org, data.profiles, search, translator(locale), locale, `/directory/${request.params.orgId}`, data.regions, paging);
  });

  app.get('/directory/:orgId/firms/:memberId', {
    schema: { tags: ['networking'], params: z.object({ orgId: z.uuid(), memberId: z.uuid() }), querystring: z.object({ lang: z.enum(LOCALES).optional() }) },
    config: { auth: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
  }, async (request, reply) => {
    const { orgId, memberId } = request.params;
    const data = await withTenant(app.database.db, publicCtx(orgId, request.locale), async (ctx) => {
      const facts = await orgFacts(ctx);
      const found = (await listedProfiles(ctx, {}, clock.now(), 1, memberId))[0];
      if (!found) throw new AppError('networking.firm_not_found');
      return { ...facts, profile: presentPublicProfile(found.row, found.firm) };
    });
    const locale = request.query.lang ?? (data.org.languages.includes(request.locale) ? request.locale : pickLocale(data.firstLanguage));
    // The words follow the reader's Accept-Language: a shared cache keeps one copy per language.
    reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=300').header('vary', 'Accept-Language');
    return firmPage(data.org, data.profile, translator(locale), locale, `/directory/${orgId}`, data.regions);
  });

  // The showcase of local products: published products only, of active member firms or producer groups.
  app.get('/directory/:orgId/products', {
    // A page at a time, by name: `cursor` is the page before's (an ill-formed one starts at the first page).
    schema: { tags: ['networking'], params: z.object({ orgId: z.uuid() }), querystring: z.object({ lang: z.enum(LOCALES).optional(), cursor: z.string().max(500).optional() }) },
    config: { auth: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
  }, async (request, reply) => {
    const { orgId } = request.params;
    const { lang, cursor } = request.query;
    const data = await withTenant(app.database.db, publicCtx(orgId, request.locale), async (ctx) => ({ ...(await orgFacts(ctx)), products: await publishedProducts(ctx, { cursor }) }));
    const locale = lang ?? (data.org.languages.includes(request.locale) ? request.locale : pickLocale(data.firstLanguage));
    reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=300').header('vary', 'Accept-Language');
    return showcasePage(data.org, data.products.items, translator(locale), locale, `/directory/${orgId}`, data.regions, { next: data.products.nextCursor, paged: Boolean(cursor), lang });
  });

  // A published product's photo; any other (unpublished, a draft, another organisation's) is not found.
  app.get('/directory/:orgId/products/:productId/photos/:photoId', {
    schema: { tags: ['networking'], params: z.object({ orgId: z.uuid(), productId: z.uuid(), photoId: z.uuid() }), querystring: z.object({ size: PhotoSize.default('large') }) },
    config: { auth: 'public', rateLimit: { max: 600, timeWindow: '1 minute' } },
  }, async (request, reply) => {
    const { orgId, productId, photoId } = request.params;
    const { size } = request.query;
    const photo = await withTenant(app.database.db, publicCtx(orgId, request.locale), (ctx) => getProductPhoto(ctx, productId, photoId, size, { publicOnly: true }));
    return sendPhoto(request, reply, photo, `${photoId}-${size}`, 'public');
  });
};
