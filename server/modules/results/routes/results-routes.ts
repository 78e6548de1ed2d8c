import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ChildParams, IdParams, Page, TABLE_FORMATS, Uuid } from '../../../../contracts/common.js';
import {
  FrameworkFilter, FrameworkInput, FrameworkQuery, FrameworkSummary, Indicator, IndicatorFilter, IndicatorInput, IndicatorQuery, ManualValueInput, PeriodFilter, PeriodInput, PeriodQuery, PeriodSummary, TargetInput,
} from '../../../../contracts/results.js';
import { translator } from '../../../platform/i18n/i18n.js';
import { addIndicator, createFramework, frameworkPage, frameworkRow, getFramework, listIndicators, listPeriods, removeIndicator, updateFramework, updateIndicator } from '../framework-service.js';
import { sendListExport, type ListExport } from '../../../platform/export/list-export.js';
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
import { frameworkFinance } from '../finance-service.js';
import { donorReportPdf } from '../donor-report-pdf.js';
import { donorReportXlsx } from '../donor-report-xlsx.js';
import { addManualValue, addPeriod, approvePeriod, indicatorRecords, periodReport, removeManualValue, returnPeriod, setTarget, submitPeriod } from '../period-service.js';

const tags = ['results'];
const PeriodChild = z.object({ id: Uuid, indicatorId: Uuid });

/** The organisation's frameworks as a file: name, donor, how many indicators and periods, the IATI activity and when it was published. */
const frameworksExport: ListExport<FrameworkSummary, FrameworkFilter> = {
  name: 'results-frameworks',
  columns: [
    { header: 'results.frameworkName', cell: (f) => f.name },
    { header: 'results.donor', cell: (f) => f.donor },
    { header: 'results.indicators', cell: (f) => f.indicators },
    { header: 'results.periods', cell: (f) => f.periods },
    { header: 'results.iatiActivityId', cell: (f) => f.iatiActivityId ?? '' },
    { header: 'results.iatiPublishedOn', cell: (f) => f.iatiPublishedAt ?? '' },
  ],
  page: frameworkPage,
};

/** A framework's indicators as a file: number, name, where it sits on the chain, how it counts, its source and breakdowns, its baseline. */
const indicatorsExport = (frameworkId: string): ListExport<Indicator, IndicatorFilter> => ({
  name: 'results-indicators',
  columns: [
    { header: 'results.position', cell: (i) => i.position },
    { header: 'results.indicatorName', cell: (i) => i.name },
    { header: 'results.level', cell: (i, t) => t(`results.levels.${i.level}`) },
    { header: 'results.kind', cell: (i, t) => t(`results.kinds.${i.kind}`) },
    { header: 'results.unit', cell: (i) => i.unit },
    { header: 'results.source', cell: (i, t) => (i.library ? t('results.counted') : t('results.byHand')) },
    { header: 'results.dimensions', cell: (i, t) => i.dimensions.map((d) => t(`results.dimension.${d}`)).join(', ') },
    { header: 'results.report.baseline', cell: (i) => i.baseline },
    { header: 'results.baselineYear', cell: (i) => i.baselineYear },
  ],
  page: (ctx, query) => listIndicators(ctx, frameworkId, query),
});

/** A framework's reporting periods as a file: label, days, state, when approved. */
const periodsExport = (frameworkId: string): ListExport<PeriodSummary, PeriodFilter> => ({
  name: 'results-periods',
  columns: [
    { header: 'results.periodLabel', cell: (p) => p.label },
    { header: 'results.startsOn', cell: (p) => p.startsOn },
    { header: 'results.endsOn', cell: (p) => p.endsOn },
    { header: 'results.state', cell: (p, t) => t(`results.states.${p.state}`) },
    { header: 'results.approvedOn', cell: (p) => p.approvedAt ?? '' },
  ],
  page: (ctx, query) => listPeriods(ctx, frameworkId, query),
});

export const resultsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/results/library', { schema: { tags }, config: { auth: 'tenant', permission: 'results.read' } }, async (request) => {
    const t = translator(request.locale);
    return { items: LIBRARY.map(({ code, kind, level, unit, dimensions }) => ({ code, kind, level, unit, dimensions, name: t(`results.library.${code}`) })) };
  });

  // ---- frameworks and their indicators ----
  app.get('/api/v1/results/frameworks', { schema: { tags, querystring: FrameworkQuery, response: { 200: Page(FrameworkSummary) } }, config: { auth: 'tenant', permission: 'results.read' } }, async (request) =>
    app.tenant(request, (ctx) => frameworkPage(ctx, request.query)),
  );
  for (const format of TABLE_FORMATS) {
    app.get(`/api/v1/results/frameworks/export.${format}`, { schema: { tags, querystring: FrameworkFilter }, config: { auth: 'tenant', permission: 'results.manage' } }, async (request, reply) =>
      sendListExport(app, request, reply, format, frameworksExport, request.query),
    );
  }
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
  app.get('/api/v1/results/frameworks/:id/indicators', { schema: { tags, params: IdParams, querystring: IndicatorQuery, response: { 200: Page(Indicator) } }, config: { auth: 'tenant', permission: 'results.read' } }, async (request) =>
    app.tenant(request, (ctx) => listIndicators(ctx, request.params.id, request.query)),
  );
  for (const format of TABLE_FORMATS) {
    app.get(`/api/v1/results/frameworks/:id/indicators/export.${format}`, { schema: { tags, params: IdParams, querystring: IndicatorFilter }, config: { auth: 'tenant', permission: 'results.manage' } }, async (request, reply) => {
      // An unknown framework is refused before the file starts (a stream cannot change its status once sent).
      await app.tenant(request, (ctx) => frameworkRow(ctx, request.params.id));
      return sendListExport(app, request, reply, format, indicatorsExport(request.params.id), request.query);
    });
  }
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
  app.get('/api/v1/results/frameworks/:id/periods', { schema: { tags, params: IdParams, querystring: PeriodQuery, response: { 200: Page(PeriodSummary) } }, config: { auth: 'tenant', permission: 'results.read' } }, async (request) =>
    app.tenant(request, (ctx) => listPeriods(ctx, request.params.id, request.query)),
  );
  for (const format of TABLE_FORMATS) {
    app.get(`/api/v1/results/frameworks/:id/periods/export.${format}`, { schema: { tags, params: IdParams, querystring: PeriodFilter }, config: { auth: 'tenant', permission: 'results.manage' } }, async (request, reply) => {
      // An unknown framework is refused before the file starts (a stream cannot change its status once sent).
      await app.tenant(request, (ctx) => frameworkRow(ctx, request.params.id));
      return sendListExport(app, request, reply, format, periodsExport(request.params.id), request.query);
    });
  }
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
        const finance = await frameworkFinance(ctx, report.frameworkId);
        const content = donorReport(framework, report, org.name, t, clockFormat(orgClock(org), ctx.locale), clock.now(), finance);
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
