import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ChildParams, IdParams, Uuid } from '../../../../contracts/common.js';
import { FrameworkInput, IndicatorInput, ManualValueInput, PeriodInput, TargetInput } from '../../../../contracts/results.js';
import { translator } from '../../../platform/i18n/i18n.js';
import { addIndicator, createFramework, getFramework, listFrameworks, removeIndicator, updateFramework, updateIndicator } from '../framework-service.js';
import { LIBRARY } from '../library.js';
import { iatiFile, publishIati, publishedIati } from '../iati-service.js';
import { ORGANISATION_TYPES } from '../iati/iati-file.js';
import { clock } from '../../../platform/clock.js';
import { withTenant } from '../../../platform/db/tenancy.js';
import { TABLE_CONTENT_TYPES } from '../../../platform/export/stream-table.js';
import { orgClock } from '../../../platform/org-clock.js';
import { clockFormat } from '../../../platform/time.js';
import { getCurrentOrg } from '../../orgs/org-service.js';
import { donorReport } from '../donor-report.js';
import { donorReportPdf } from '../donor-report-pdf.js';
import { donorReportXlsx } from '../donor-report-xlsx.js';
import { addManualValue, addPeriod, approvePeriod, indicatorRecords, periodReport, removeManualValue, returnPeriod, setTarget, submitPeriod } from '../period-service.js';

const tags = ['results'];
const PeriodChild = z.object({ id: Uuid, indicatorId: Uuid });

export const resultsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/results/library', { schema: { tags }, config: { auth: 'tenant', permission: 'results.read' } }, async (request) => {
    const t = translator(request.locale);
    return { items: LIBRARY.map(({ code, kind, level, unit, dimensions }) => ({ code, kind, level, unit, dimensions, name: t(`results.library.${code}`) })) };
  });

  // ---- frameworks and their indicators ----
  app.get('/api/v1/results/frameworks', { schema: { tags }, config: { auth: 'tenant', permission: 'results.read' } }, async (request) => ({ items: await app.tenant(request, (ctx) => listFrameworks(ctx)) }));
  app.post('/api/v1/results/frameworks', { schema: { tags, body: FrameworkInput }, config: { auth: 'tenant', permission: 'results.manage' } }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => getFramework(ctx, await createFramework(ctx, request.body)));
  });
  app.get('/api/v1/results/frameworks/:id', { schema: { tags, params: IdParams }, config: { auth: 'tenant', permission: 'results.read' } }, async (request) => app.tenant(request, (ctx) => getFramework(ctx, request.params.id)));
  app.put('/api/v1/results/frameworks/:id', { schema: { tags, params: IdParams, body: FrameworkInput }, config: { auth: 'tenant', permission: 'results.manage' } }, async (request) =>
    app.tenant(request, async (ctx) => {
      await updateFramework(ctx, request.params.id, request.body);
      return getFramework(ctx, request.params.id);
    }),
  );
  app.post('/api/v1/results/frameworks/:id/indicators', { schema: { tags, params: IdParams, body: IndicatorInput }, config: { auth: 'tenant', permission: 'results.manage' } }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => {
      await addIndicator(ctx, request.params.id, request.body);
      return getFramework(ctx, request.params.id);
    });
  });
  app.put('/api/v1/results/frameworks/:id/indicators/:childId', { schema: { tags, params: ChildParams, body: IndicatorInput }, config: { auth: 'tenant', permission: 'results.manage' } }, async (request) =>
    app.tenant(request, async (ctx) => {
      await updateIndicator(ctx, request.params.id, request.params.childId, request.body);
      return getFramework(ctx, request.params.id);
    }),
  );
  app.delete('/api/v1/results/frameworks/:id/indicators/:childId', { schema: { tags, params: ChildParams }, config: { auth: 'tenant', permission: 'results.manage' } }, async (request) =>
    app.tenant(request, async (ctx) => {
      await removeIndicator(ctx, request.params.id, request.params.childId);
      return getFramework(ctx, request.params.id);
    }),
  );

  // ---- IATI ----
  app.get('/api/v1/results/iati/organisation-types', { schema: { tags }, config: { auth: 'tenant', permission: 'results.read' } }, async () => ({ items: ORGANISATION_TYPES }));
  app.get('/api/v1/results/frameworks/:id/iati.xml', { schema: { tags, params: IdParams }, config: { auth: 'tenant', permission: 'results.read' } }, async (request, reply) => {
    const xml = await app.tenant(request, (ctx) => iatiFile(ctx, request.params.id));
    return reply.type('application/xml; charset=utf-8').header('content-disposition', 'attachment; filename="iati-activity.xml"').send(xml);
  });
  app.post('/api/v1/results/frameworks/:id/iati/publish', { schema: { tags, params: IdParams }, config: { auth: 'tenant', permission: 'results.approve' } }, async (request) =>
    app.tenant(request, async (ctx) => {
      await publishIati(ctx, request.params.id);
      return getFramework(ctx, request.params.id);
    }),
  );
  // The published file at a stable address, for IATI's registry: no sign-in, as the reform tracker.
  app.get(
    '/iati/:orgId/:frameworkId.xml',
    { schema: { tags, params: z.object({ orgId: Uuid, frameworkId: Uuid }) }, config: { auth: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const { orgId, frameworkId } = request.params;
      const xml = await withTenant(app.database.db, { orgId, role: 'viewer', actor: { userId: null, name: 'Public' }, locale: request.locale }, (ctx) => publishedIati(ctx, frameworkId));
      return reply.type('application/xml; charset=utf-8').header('cache-control', 'public, max-age=300').send(xml);
    },
  );

  // ---- reporting periods ----
  app.post('/api/v1/results/frameworks/:id/periods', { schema: { tags, params: IdParams, body: PeriodInput }, config: { auth: 'tenant', permission: 'results.manage' } }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => periodReport(ctx, await addPeriod(ctx, request.params.id, request.body)));
  });
  app.get('/api/v1/results/periods/:id', { schema: { tags, params: IdParams }, config: { auth: 'tenant', permission: 'results.read' } }, async (request) => app.tenant(request, (ctx) => periodReport(ctx, request.params.id)));
  // The donor report of a period as a file: the page's figures, in the reader's language.
  app.get(
    '/api/v1/results/periods/:id/report.:format',
    { schema: { tags, params: z.object({ id: Uuid, format: z.enum(['pdf', 'xlsx']) }) }, config: { auth: 'tenant', permission: 'results.read' } },
    async (request, reply) => {
      const { id, format } = request.params;
      const file = await app.tenant(request, async (ctx) => {
        const report = await periodReport(ctx, id);
        const [framework, org] = await Promise.all([getFramework(ctx, report.frameworkId), getCurrentOrg(ctx)]);
        const t = translator(ctx.locale);
        const content = donorReport(framework, report, org.name, t, clockFormat(orgClock(org), ctx.locale), clock.now());
        return format === 'pdf' ? donorReportPdf(content, t, org.name) : donorReportXlsx(content, t);
      });
      reply.type(format === 'pdf' ? 'application/pdf' : TABLE_CONTENT_TYPES.xlsx);
      reply.header('content-disposition', `attachment; filename="results-${id.slice(0, 8)}.${format}"`);
      return file;
    },
  );
  app.put('/api/v1/results/periods/:id/targets/:indicatorId', { schema: { tags, params: PeriodChild, body: TargetInput.extend({ value: TargetInput.shape.value.nullable() }) }, config: { auth: 'tenant', permission: 'results.manage' } }, async (request) =>
    app.tenant(request, async (ctx) => {
      await setTarget(ctx, request.params.id, request.params.indicatorId, request.body.value);
      return periodReport(ctx, request.params.id);
    }),
  );
  app.post('/api/v1/results/periods/:id/indicators/:indicatorId/values', { schema: { tags, params: PeriodChild, body: ManualValueInput }, config: { auth: 'tenant', permission: 'results.manage' } }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => {
      await addManualValue(ctx, request.params.id, request.params.indicatorId, request.body);
      return periodReport(ctx, request.params.id);
    });
  });
  app.delete('/api/v1/results/periods/:id/values/:childId', { schema: { tags, params: ChildParams }, config: { auth: 'tenant', permission: 'results.manage' } }, async (request) =>
    app.tenant(request, async (ctx) => {
      await removeManualValue(ctx, request.params.id, request.params.childId);
      return periodReport(ctx, request.params.id);
    }),
  );
  app.get('/api/v1/results/periods/:id/indicators/:indicatorId/records', { schema: { tags, params: PeriodChild }, config: { auth: 'tenant', permission: 'results.read' } }, async (request) =>
    app.tenant(request, (ctx) => indicatorRecords(ctx, request.params.id, request.params.indicatorId)),
  );
  app.post('/api/v1/results/periods/:id/submit', { schema: { tags, params: IdParams }, config: { auth: 'tenant', permission: 'results.manage' } }, async (request) =>
    app.tenant(request, async (ctx) => {
      await submitPeriod(ctx, request.params.id);
      return periodReport(ctx, request.params.id);
    }),
  );
  app.post('/api/v1/results/periods/:id/return', { schema: { tags, params: IdParams }, config: { auth: 'tenant', permission: 'results.approve' } }, async (request) =>
    app.tenant(request, async (ctx) => {
      await returnPeriod(ctx, request.params.id);
      return periodReport(ctx, request.params.id);
    }),
  );
  app.post('/api/v1/results/periods/:id/approve', { schema: { tags, params: IdParams }, config: { auth: 'tenant', permission: 'results.approve' } }, async (request) =>
    app.tenant(request, async (ctx) => {
      await approvePeriod(ctx, request.params.id);
      return periodReport(ctx, request.params.id);
    }),
  );
};
