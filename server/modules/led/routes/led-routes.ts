import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ChildParams, IdParams, Ok, Page, TABLE_FORMATS, Uuid } from '../../../../contracts/common.js';
import { subdivisionName } from '../../../../contracts/geo-data.js';
import {
  AssessmentInput, BottleneckInput, KeyFigureInput, LedComparison, LedMatrix, LedRegion, LedRegionDetail, LedRegionFilter, LedRegionInput, LedRegionQuery, LedTeamMemberInput, MatrixQuery, MeasureInput,
} from '../../../../contracts/led.js';
import { sendListExport, type ListExport } from '../../../platform/export/list-export.js';
import { addAssessment, copyMatrix, editAssessment, getMatrix, removeAssessment } from '../analysis-service.js';
import { takeBottleneckToAdvocacy } from '../bottleneck-to-advocacy-service.js';
import { addBottleneck, addMeasure, editBottleneck, editMeasure, removeBottleneck, removeMeasure } from '../measure-service.js';
import {
  addKeyFigure, addTeamMember, compareRegions, createRegion, editKeyFigure, editRegion, editTeamMember, getRegion, listRegions, removeKeyFigure, removeRegion, removeTeamMember,
} from '../region-service.js';

const tags = ['led'];
const Year = z.number().int().min(1900).max(2999);
const CopyInput = z.object({ fromYear: Year, toYear: Year });
const CompareQuery = z.object({ ids: z.string().max(2000).optional().transform((s, ctx) => {
  if (!s) return undefined;
  const ids = s.split(',').filter(Boolean);
  if (ids.length > 30 || ids.some((id) => !Uuid.safeParse(id).success)) {
    ctx.addIssue({ code: 'custom', params: { code: 'led.compare_ids' } });
    return z.NEVER;
  }
  return ids;
}) });

/** The regions as a file: each region's subdivision by its name, its district, branch and what it holds. */
const regionsExport: ListExport<LedRegion, LedRegionFilter> = {
  name: 'led-regions',
  columns: [
    { header: 'led.regionName', cell: (r) => r.name },
    { header: 'led.subdivision', cell: (r) => subdivisionName(r.region) ?? r.region },
    { header: 'led.district', cell: (r) => r.district ?? '' },
    { header: 'led.branch', cell: (r) => r.branchName ?? '' },
    { header: 'led.teamSize', cell: (r) => r.teamSize },
    { header: 'led.bottlenecks', cell: (r) => r.bottlenecks },
    { header: 'led.measures', cell: (r) => r.measures },
    { header: 'led.updated', cell: (r) => r.updatedAt },
  ],
  page: listRegions,
};

/** LED: regions with their team, profile, locational analysis, bottlenecks and measures; regions side by side. */
export const ledRoutes: FastifyPluginAsyncZod = async (app) => {
  const detail = { 200: LedRegionDetail };

  app.get('/api/v1/led/regions', {
    schema: { tags, querystring: LedRegionQuery, response: { 200: Page(LedRegion) } },
    config: { auth: 'tenant', permission: 'led.read' },
  }, async (request) => app.tenant(request, (ctx) => listRegions(ctx, request.query)));

  for (const format of TABLE_FORMATS) {
    app.get(`/api/v1/led/regions/export.${format}`, {
      schema: { tags, querystring: LedRegionFilter },
      config: { auth: 'tenant', permission: 'led.manage' },
    }, async (request, reply) => sendListExport(app, request, reply, format, regionsExport, request.query));
  }

  app.get('/api/v1/led/compare', {
    schema: { tags, querystring: CompareQuery, response: { 200: LedComparison } },
    config: { auth: 'tenant', permission: 'led.read' },
  }, async (request) => app.tenant(request, (ctx) => compareRegions(ctx, request.query.ids)));

  app.post('/api/v1/led/regions', {
    schema: { tags, body: LedRegionInput, response: { 201: LedRegionDetail } },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => getRegion(ctx, await createRegion(ctx, request.body)));
  });

  app.get('/api/v1/led/regions/:id', {
    schema: { tags, params: IdParams, response: detail },
    config: { auth: 'tenant', permission: 'led.read' },
  }, async (request) => app.tenant(request, (ctx) => getRegion(ctx, request.params.id)));

  app.put('/api/v1/led/regions/:id', {
    schema: { tags, params: IdParams, body: LedRegionInput, response: detail },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await editRegion(ctx, request.params.id, request.body);
    return getRegion(ctx, request.params.id);
  }));

  app.delete('/api/v1/led/regions/:id', {
    schema: { tags, params: IdParams, response: { 200: Ok } },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => {
    await app.tenant(request, (ctx) => removeRegion(ctx, request.params.id));
    return { ok: true as const };
  });

  // The team and committee.
  app.post('/api/v1/led/regions/:id/team', {
    schema: { tags, params: IdParams, body: LedTeamMemberInput, response: detail },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await addTeamMember(ctx, request.params.id, request.body);
    return getRegion(ctx, request.params.id);
  }));

  app.put('/api/v1/led/regions/:id/team/:childId', {
    schema: { tags, params: ChildParams, body: LedTeamMemberInput, response: detail },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await editTeamMember(ctx, request.params.id, request.params.childId, request.body);
    return getRegion(ctx, request.params.id);
  }));

  app.delete('/api/v1/led/regions/:id/team/:childId', {
    schema: { tags, params: ChildParams, response: detail },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await removeTeamMember(ctx, request.params.id, request.params.childId);
    return getRegion(ctx, request.params.id);
  }));

  // Key figures of the profile.
  app.post('/api/v1/led/regions/:id/figures', {
    schema: { tags, params: IdParams, body: KeyFigureInput, response: detail },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await addKeyFigure(ctx, request.params.id, request.body);
    return getRegion(ctx, request.params.id);
  }));

  app.put('/api/v1/led/regions/:id/figures/:childId', {
    schema: { tags, params: ChildParams, body: KeyFigureInput, response: detail },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await editKeyFigure(ctx, request.params.id, request.params.childId, request.body);
    return getRegion(ctx, request.params.id);
  }));

  app.delete('/api/v1/led/regions/:id/figures/:childId', {
    schema: { tags, params: ChildParams, response: detail },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await removeKeyFigure(ctx, request.params.id, request.params.childId);
    return getRegion(ctx, request.params.id);
  }));

  // The locational analysis matrix, one version per year.
  app.get('/api/v1/led/regions/:id/matrix', {
    schema: { tags, params: IdParams, querystring: MatrixQuery, response: { 200: LedMatrix } },
    config: { auth: 'tenant', permission: 'led.read' },
  }, async (request) => app.tenant(request, (ctx) => getMatrix(ctx, request.params.id, request.query.year)));

  app.post('/api/v1/led/regions/:id/matrix', {
    schema: { tags, params: IdParams, body: AssessmentInput, response: { 200: LedMatrix } },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await addAssessment(ctx, request.params.id, request.body);
    return getMatrix(ctx, request.params.id, request.body.year);
  }));

  app.post('/api/v1/led/regions/:id/matrix-copy', {
    schema: { tags, params: IdParams, body: CopyInput, response: { 200: LedMatrix } },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await copyMatrix(ctx, request.params.id, request.body.fromYear, request.body.toYear);
    return getMatrix(ctx, request.params.id, request.body.toYear);
  }));

  app.put('/api/v1/led/regions/:id/matrix/:childId', {
    schema: { tags, params: ChildParams, body: AssessmentInput, response: { 200: LedMatrix } },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await editAssessment(ctx, request.params.id, request.params.childId, request.body);
    return getMatrix(ctx, request.params.id, request.body.year);
  }));

  app.delete('/api/v1/led/regions/:id/matrix/:childId', {
    schema: { tags, params: ChildParams, response: { 200: LedMatrix } },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await removeAssessment(ctx, request.params.id, request.params.childId);
    return getMatrix(ctx, request.params.id);
  }));

  // Bottlenecks and measures.
  app.post('/api/v1/led/regions/:id/bottlenecks', {
    schema: { tags, params: IdParams, body: BottleneckInput, response: detail },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await addBottleneck(ctx, request.params.id, request.body);
    return getRegion(ctx, request.params.id);
  }));

  app.put('/api/v1/led/regions/:id/bottlenecks/:childId', {
    schema: { tags, params: ChildParams, body: BottleneckInput, response: detail },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await editBottleneck(ctx, request.params.id, request.params.childId, request.body);
    return getRegion(ctx, request.params.id);
  }));

  app.delete('/api/v1/led/regions/:id/bottlenecks/:childId', {
    schema: { tags, params: ChildParams, response: detail },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await removeBottleneck(ctx, request.params.id, request.params.childId);
    return getRegion(ctx, request.params.id);
  }));

  // A regulatory bottleneck becomes an advocacy issue; the answer is the issue's id, to open it.
  app.post('/api/v1/led/regions/:id/bottlenecks/:childId/advocacy', {
    schema: { tags, params: ChildParams, response: { 201: z.object({ advocacyIssueId: Uuid }) } },
    config: { auth: 'tenant', permission: 'advocacy.manage' },
  }, async (request, reply) => {
    const advocacyIssueId = await app.tenant(request, (ctx) => takeBottleneckToAdvocacy(ctx, request.params.id, request.params.childId));
    reply.code(201);
    return { advocacyIssueId };
  });

  app.post('/api/v1/led/regions/:id/measures', {
    schema: { tags, params: IdParams, body: MeasureInput, response: detail },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await addMeasure(ctx, request.params.id, request.body);
    return getRegion(ctx, request.params.id);
  }));

  app.put('/api/v1/led/regions/:id/measures/:childId', {
    schema: { tags, params: ChildParams, body: MeasureInput, response: detail },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await editMeasure(ctx, request.params.id, request.params.childId, request.body);
    return getRegion(ctx, request.params.id);
  }));

  app.delete('/api/v1/led/regions/:id/measures/:childId', {
    schema: { tags, params: ChildParams, response: detail },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await removeMeasure(ctx, request.params.id, request.params.childId);
    return getRegion(ctx, request.params.id);
  }));
};
