import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Decision } from '../../../../contracts/dialogue.js';
import { LOCALES } from '../../../../contracts/roles.js';
import { withTenant, type TenantCtx } from '../../../platform/db/tenancy.js';
import { pickLocale, translator } from '../../../platform/i18n/i18n.js';
import { paperPdf } from '../paper-pdf.js';
import { getPaper, publishedPapers } from '../paper-service.js';
import { publishedIssues } from '../public-tracker.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { orgClock } from '../../../platform/org-clock.js';
import { getCurrentOrg } from '../../orgs/org-service.js';
import { clockFormat } from '../../../platform/time.js';
import { trackerPage, type TrackerDecision } from '../tracker-page.js';

/**
 * The decisions public forums took on these issues: the dialogue module, a
 * floor above, cannot be imported from here, so server/app.ts hands them over.
 */
export interface TrackerRoutesOptions {
  publicDecisionsOfIssues(ctx: TenantCtx, issueIds: string[]): Promise<Decision[]>;
}

/** The public reform tracker: no sign-in, read as the organisation's public face. */
export const trackerRoutes: FastifyPluginAsyncZod<TrackerRoutesOptions> = async (app, { publicDecisionsOfIssues }) => {
  app.get(
    '/reforms/:orgId',
    {
      schema: { tags: ['advocacy'], params: z.object({ orgId: z.uuid() }), querystring: z.object({ lang: z.enum(LOCALES).optional() }) },
      config: { auth: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { orgId } = request.params;
      // Decisions show only from public forums. An unknown organisation fails in publishedIssues with orgs.not_found (404).
      const data = await withTenant(app.database.db, { orgId, role: 'viewer', actor: { userId: null, name: 'Public' }, locale: request.locale }, async (ctx) => {
        const published = await publishedIssues(ctx);
        const ids = published.issues.map((i) => i.id);
        const decisions = await publicDecisionsOfIssues(ctx, ids);
        const byIssue = new Map<string, TrackerDecision[]>();
        for (const d of decisions) byIssue.set(d.issue!.id, [...(byIssue.get(d.issue!.id) ?? []), d]);
        const papers = new Map<string, Array<{ id: string; title: string }>>();
        for (const p of await publishedPapers(ctx)) papers.set(p.issueId, [...(papers.get(p.issueId) ?? []), { id: p.id, title: p.title }]);
        return { ...published, decisions: byIssue, papers };
      });
      const locale = request.query.lang ?? (data.org.languages.includes(request.locale) ? request.locale : pickLocale(data.org.languages[0]));
      reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=300');
      return trackerPage(data, translator(locale), clockFormat(data.org.clock, locale), data.org.languages.filter((l) => (LOCALES as readonly string[]).includes(l)), `/reforms/${orgId}`);
    },
  );

  // A published position paper, in its approved version, for anyone to download.
  app.get(
    '/reforms/:orgId/papers/:paperId',
    { schema: { tags: ['advocacy'], params: z.object({ orgId: z.uuid(), paperId: z.uuid() }), querystring: z.object({ lang: z.enum(LOCALES).optional() }) }, config: { auth: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const { orgId, paperId } = request.params;
      const found = await withTenant(app.database.db, { orgId, role: 'viewer', actor: { userId: null, name: 'Public' }, locale: request.locale }, async (ctx) => {
        const published = (await publishedPapers(ctx)).find((p) => p.id === paperId);
        if (!published) throw new AppError('advocacy.paper_not_found');
        // The published text is the approved version, even while a newer draft is being written.
        return { paper: await getPaper(ctx, paperId, published.version!), org: await getCurrentOrg(ctx) };
      });
      const locale = request.query.lang ?? pickLocale(found.org.languages[0]);
      reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="position-paper-v${found.paper.shown.version}.pdf"`);
      return paperPdf(found.paper, found.org.name, translator(locale), clockFormat(orgClock(found.org), locale));
    },
  );
};
