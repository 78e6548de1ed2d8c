import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../../../contracts/common.js';
import { DonorShareParams, ShareInput } from '../../../../contracts/results-dashboard.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { donorDashboard, frameworkShares, listDonors, orgDashboard, revokeShare, shareFramework } from '../donor-service.js';
import { umbrellaDashboard } from '../umbrella-dashboard-service.js';

const tags = ['results'];

/**
 * Dashboards from stored figures, and the frameworks an organisation shares
 * with donors (issue 20.5). Sharing is the director's decision, as approving.
 */
export const donorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/results/dashboard', { schema: { tags }, config: { auth: 'tenant', permission: 'results.read' } }, async (request) => app.tenant(request, (ctx) => orgDashboard(ctx)));
  // An umbrella's people indicators over its own records, by the branch that ran each activity (umbrella-dashboard-service.ts).
  app.get('/api/v1/results/dashboard/branches', { schema: { tags }, config: { auth: 'tenant', permission: 'results.read' } }, async (request) =>
    app.tenant(request, (ctx) => umbrellaDashboard(ctx)),
  );

  app.get('/api/v1/results/donors', { schema: { tags }, config: { auth: 'tenant', permission: 'results.approve' } }, async (request) =>
    app.tenant(request, async (ctx) => ({ items: await listDonors(ctx) })),
  );
  app.get('/api/v1/results/frameworks/:id/shares', { schema: { tags, params: IdParams }, config: { auth: 'tenant', permission: 'results.read' } }, async (request) =>
    app.tenant(request, async (ctx) => ({ items: await frameworkShares(ctx, request.params.id) })),
  );
  app.post('/api/v1/results/frameworks/:id/shares', { schema: { tags, params: IdParams, body: ShareInput }, config: { auth: 'tenant', permission: 'results.approve' } }, async (request) =>
    app.tenant(request, async (ctx) => {
      await shareFramework(ctx, request.params.id, request.body.donorId);
      return { items: await frameworkShares(ctx, request.params.id) };
    }),
  );
  app.delete('/api/v1/results/frameworks/:id/shares/:donorId', { schema: { tags, params: DonorShareParams }, config: { auth: 'tenant', permission: 'results.approve' } }, async (request) =>
    app.tenant(request, async (ctx) => {
      await revokeShare(ctx, request.params.id, request.params.donorId);
      return { items: await frameworkShares(ctx, request.params.id) };
    }),
  );

  // A donor's person: no organisation, read through their own session only (donor-service.ts).
  app.get('/api/v1/donor/dashboard', { schema: { tags }, config: { auth: 'user' } }, async (request) => {
    const hash = request.principal?.kind === 'session' ? request.principal.sessionHash : null;
    const dashboard = hash ? await donorDashboard(app.database.db, hash) : null;
    if (!dashboard) throw new AppError('results.not_a_donor');
    return dashboard;
  });
};
