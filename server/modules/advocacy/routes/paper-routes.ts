import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, INT_MAX } from '../../../../contracts/common.js';
import { Paper, PaperInput, PaperSummary, ReviewInput } from '../../../../contracts/position-papers.js';
import { translator } from '../../../platform/i18n/i18n.js';
import { clockFormat } from '../../../platform/time.js';
import { orgClock } from '../../../platform/org-clock.js';
import { getCurrentOrg } from '../../orgs/org-service.js';
import { paperPdf } from '../paper-pdf.js';
import { createPaper, getPaper, papersOfIssue, reviewPaper, revisePaper, setPaperPublished, submitPaper } from '../paper-service.js';

const tags = ['advocacy'];

const VersionQuery = z.object({ version: z.coerce.number().int().min(1).max(INT_MAX).optional() });

export const paperRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/advocacy-issues/:id/papers', { schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(PaperSummary) }) } }, config: { auth: 'tenant', permission: 'advocacy.read' } }, async (request) => ({
    items: await app.tenant(request, (ctx) => papersOfIssue(ctx, request.params.id)),
  }));
  app.post('/api/v1/advocacy-issues/:id/papers', { schema: { tags, params: IdParams, body: PaperInput, response: { 201: Paper } }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => getPaper(ctx, (await createPaper(ctx, request.params.id, request.body)).id));
  });
  app.get('/api/v1/position-papers/:id', { schema: { tags, params: IdParams, querystring: VersionQuery, response: { 200: Paper } }, config: { auth: 'tenant', permission: 'advocacy.read' } }, async (request) =>
    app.tenant(request, (ctx) => getPaper(ctx, request.params.id, request.query.version)),
  );
  app.put('/api/v1/position-papers/:id', { schema: { tags, params: IdParams, body: PaperInput, response: { 200: Paper } }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, async (request) =>
    app.tenant(request, async (ctx) => {
      await revisePaper(ctx, request.params.id, request.body);
      return getPaper(ctx, request.params.id);
    }),
  );
  app.post('/api/v1/position-papers/:id/submit', { schema: { tags, params: IdParams, response: { 200: Paper } }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, async (request) =>
    app.tenant(request, async (ctx) => {
      await submitPaper(ctx, request.params.id);
      return getPaper(ctx, request.params.id);
    }),
  );
  app.post('/api/v1/position-papers/:id/review', { schema: { tags, params: IdParams, body: ReviewInput, response: { 200: Paper } }, config: { auth: 'tenant', permission: 'advocacy.approve' } }, async (request) =>
    app.tenant(request, async (ctx) => {
      await reviewPaper(ctx, request.params.id, request.body);
      return getPaper(ctx, request.params.id);
    }),
  );
  app.post('/api/v1/position-papers/:id/publication', { schema: { tags, params: IdParams, body: z.object({ published: z.boolean() }), response: { 200: Paper } }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, async (request) =>
    app.tenant(request, async (ctx) => {
      await setPaperPublished(ctx, request.params.id, request.body.published);
      return getPaper(ctx, request.params.id);
    }),
  );
  app.get('/api/v1/position-papers/:id/pdf', { schema: { tags, params: IdParams, querystring: VersionQuery }, config: { auth: 'tenant', permission: 'advocacy.read' } }, async (request, reply) => {
    const { paper, org, locale } = await app.tenant(request, async (ctx) => ({ paper: await getPaper(ctx, request.params.id, request.query.version), org: await getCurrentOrg(ctx), locale: ctx.locale }));
    reply.header('content-type', 'application/pdf');
    reply.header('content-disposition', `attachment; filename="position-paper-v${paper.shown.version}.pdf"`);
    return paperPdf(paper, org.name, translator(locale), clockFormat(orgClock(org), locale));
  });
};
