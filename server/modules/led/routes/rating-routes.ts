import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Uuid } from '../../../../contracts/common.js';
import { ConflictInput, MeasureFromApplicationInput, RatingBoard, ReviewerInput, RunDetail, RunInput, Score, ScoreInput } from '../../../../contracts/led-rating.js';
import { translator } from '../../../platform/i18n/i18n.js';
import { orgClock } from '../../../platform/org-clock.js';
import { clockFormat } from '../../../platform/time.js';
import { getCurrentOrg } from '../../orgs/org-service.js';
import {
  addReviewer, declareConflict, getRun, measureFromApplication, ratingBoard, removeReviewer, runSelection, scoreApplication, scoreHistory,
} from '../rating-service.js';
import { selectionReportPdf } from '../selection-pdf.js';

const tags = ['led'];
const ChildParams = z.object({ id: Uuid, childId: Uuid });
const board = { 200: RatingBoard };

/** Rating and selection of a call's applications (issue 17.6). */
export const ledRatingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/led/calls/:id/rating', {
    schema: { tags, params: IdParams, response: board },
    config: { auth: 'tenant', permission: 'led.rate' },
  }, async (request) => app.tenant(request, (ctx) => ratingBoard(ctx, request.params.id)));

  app.post('/api/v1/led/calls/:id/reviewers', {
    schema: { tags, params: IdParams, body: ReviewerInput, response: board },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await addReviewer(ctx, request.params.id, request.body.userId);
    return ratingBoard(ctx, request.params.id);
  }));

  app.delete('/api/v1/led/calls/:id/reviewers/:childId', {
    schema: { tags, params: ChildParams, response: board },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await removeReviewer(ctx, request.params.id, request.params.childId);
    return ratingBoard(ctx, request.params.id);
  }));

  // A reviewer declares their own conflict; scoring is refused from then on.
  app.post('/api/v1/led/calls/:id/conflicts', {
    schema: { tags, params: IdParams, body: ConflictInput, response: board },
    config: { auth: 'tenant', permission: 'led.rate' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await declareConflict(ctx, request.params.id, request.body);
    return ratingBoard(ctx, request.params.id);
  }));

  app.post('/api/v1/led/calls/:id/scores', {
    schema: { tags, params: IdParams, body: ScoreInput, response: board },
    config: { auth: 'tenant', permission: 'led.rate' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await scoreApplication(ctx, request.params.id, request.body);
    return ratingBoard(ctx, request.params.id);
  }));

  // Every reviewer's scores of an application, replaced ones too: for staff running the call.
  app.get('/api/v1/led/calls/:id/applications/:childId/scores', {
    schema: { tags, params: ChildParams, response: { 200: z.object({ items: z.array(Score) }) } },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => ({ items: await scoreHistory(ctx, request.params.id, request.params.childId) })));

  app.post('/api/v1/led/calls/:id/selections', {
    schema: { tags, params: IdParams, body: RunInput, response: { 201: RunDetail } },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => getRun(ctx, request.params.id, await runSelection(ctx, request.params.id, request.body)));
  });

  app.get('/api/v1/led/calls/:id/selections/:childId', {
    schema: { tags, params: ChildParams, response: { 200: RunDetail } },
    config: { auth: 'tenant', permission: 'led.read' },
  }, async (request) => app.tenant(request, (ctx) => getRun(ctx, request.params.id, request.params.childId)));

  // The selection report as a PDF, in the reader's language, from the run as stored.
  app.get('/api/v1/led/calls/:id/selections/:childId/report.pdf', {
    schema: { tags, params: ChildParams },
    config: { auth: 'tenant', permission: 'led.read' },
  }, async (request, reply) => {
    const file = await app.tenant(request, async (ctx) => {
      const [run, org] = [await getRun(ctx, request.params.id, request.params.childId), await getCurrentOrg(ctx)];
      return selectionReportPdf(run, translator(ctx.locale), clockFormat(orgClock(org), ctx.locale), org.name);
    });
    reply.type('application/pdf');
    reply.header('content-disposition', `attachment; filename="selection-${request.params.childId.slice(0, 8)}.pdf"`);
    return file;
  });

  // A selected application of this run becomes a measure of its region.
  app.post('/api/v1/led/calls/:id/selections/:childId/measures', {
    schema: { tags, params: ChildParams, body: MeasureFromApplicationInput, response: { 201: RunDetail } },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => {
      await measureFromApplication(ctx, request.params.id, request.params.childId, request.body.applicationId);
      return getRun(ctx, request.params.id, request.params.childId);
    });
  });
};
