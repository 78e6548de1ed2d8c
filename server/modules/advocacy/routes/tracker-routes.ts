import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { LOCALES } from '../../../../contracts/roles.js';
import { withTenant } from '../../../platform/db/tenancy.js';
import { pickLocale, translator } from '../../../platform/i18n/i18n.js';
import { decisionsWhere } from '../../dialogue/decision-service.js';
import { publishedIssues } from '../public-tracker.js';
import { trackerPage, type TrackerDecision } from '../tracker-page.js';

/** The public reform tracker: no sign-in, read as the organisation's public face. */
export const trackerRoutes: FastifyPluginAsyncZod = async (app) => {
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
        const decisions = ids.length ? await decisionsWhere(ctx, sql`f.is_public AND d.issue_id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`) : [];
        const byIssue = new Map<string, TrackerDecision[]>();
        for (const d of decisions) byIssue.set(d.issue!.id, [...(byIssue.get(d.issue!.id) ?? []), d]);
        return { ...published, decisions: byIssue };
      });
      const locale = request.query.lang ?? (data.org.languages.includes(request.locale) ? request.locale : pickLocale(data.org.languages[0]));
      reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=300');
      return trackerPage(data, translator(locale), locale, data.org.languages.filter((l) => (LOCALES as readonly string[]).includes(l)), `/reforms/${orgId}`);
    },
  );
};
