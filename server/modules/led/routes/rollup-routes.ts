import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BoundaryPropertyInput, BoundaryUpload, LedBoundaries, LedRollup, LedUmbrellaRollup, RollupMeasures, RollupMeasuresQuery, RollupPeoplePage, RollupPeopleQuery, RollupQuery,
  UmbrellaBranchParams, UmbrellaMeasuresQuery, UmbrellaPeopleQuery, UmbrellaRollupMeasures,
} from '../../../../contracts/led-rollup.js';
import { getBoundaries, removeBoundaries, setBoundaryProperty, uploadBoundaries } from '../boundary-service.js';
import { BOUNDARY_MAX_BYTES } from '../geojson.js';
import { ledRollup, rollupMeasures, rollupPeople } from '../rollup-service.js';
import { umbrellaMeasures, umbrellaPeople, umbrellaRollup } from '../umbrella-rollup-service.js';

const tags = ['led'];

/** The roll-up of every region (or a branch's), the records behind each figure, and the boundary file of its map. */
export const ledRollupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/led/rollup', {
    schema: { tags, querystring: RollupQuery, response: { 200: LedRollup } },
    config: { auth: 'tenant', permission: 'led.read' },
  }, async (request) => app.tenant(request, (ctx) => ledRollup(ctx, request.query)));

  app.get('/api/v1/led/rollup/measures', {
    schema: { tags, querystring: RollupMeasuresQuery, response: { 200: RollupMeasures } },
    config: { auth: 'tenant', permission: 'led.read' },
  }, async (request) => app.tenant(request, (ctx) => rollupMeasures(ctx, request.query)));

  // Names of the people reached: for those who may read them (viewers see the counts and the measures).
  app.get('/api/v1/led/rollup/people', {
    schema: { tags, querystring: RollupPeopleQuery, response: { 200: RollupPeoplePage } },
    config: { auth: 'tenant', permission: 'people_reached.read' },
  }, async (request) => app.tenant(request, (ctx) => rollupPeople(ctx, request.query)));

  // The umbrella's roll-up over its branches (organisations of their own): totals of every branch, the regions,
  // measures and people of those that share upward (migration 0066).
  app.get('/api/v1/led/rollup/branches', {
    schema: { tags, response: { 200: LedUmbrellaRollup } },
    config: { auth: 'tenant', permission: 'led.read' },
  }, async (request) => app.tenant(request, (ctx) => umbrellaRollup(ctx)));

  app.get('/api/v1/led/rollup/branches/:branchId/measures', {
    schema: { tags, params: UmbrellaBranchParams, querystring: UmbrellaMeasuresQuery, response: { 200: UmbrellaRollupMeasures } },
    config: { auth: 'tenant', permission: 'led.read' },
  }, async (request) => app.tenant(request, (ctx) => umbrellaMeasures(ctx, request.params.branchId, request.query)));

  app.get('/api/v1/led/rollup/branches/:branchId/people', {
    schema: { tags, params: UmbrellaBranchParams, querystring: UmbrellaPeopleQuery, response: { 200: RollupPeoplePage } },
    config: { auth: 'tenant', permission: 'people_reached.read' },
  }, async (request) => app.tenant(request, (ctx) => umbrellaPeople(ctx, request.params.branchId, request.query)));

  app.get('/api/v1/led/boundaries', {
    schema: { tags, response: { 200: LedBoundaries } },
    config: { auth: 'tenant', permission: 'led.read' },
  }, async (request) => app.tenant(request, (ctx) => getBoundaries(ctx)));

  // The file travels as text in JSON: a little over the file's own limit, so geojson.ts can say the file is too large.
  app.put('/api/v1/led/boundaries', {
    bodyLimit: BOUNDARY_MAX_BYTES * 2,
    schema: { tags, body: BoundaryUpload, response: { 200: LedBoundaries } },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await uploadBoundaries(ctx, request.body);
    return getBoundaries(ctx);
  }));

  app.put('/api/v1/led/boundaries/property', {
    schema: { tags, body: BoundaryPropertyInput, response: { 200: LedBoundaries } },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await setBoundaryProperty(ctx, request.body.property);
    return getBoundaries(ctx);
  }));

  app.delete('/api/v1/led/boundaries', {
    schema: { tags, response: { 200: LedBoundaries } },
    config: { auth: 'tenant', permission: 'led.manage' },
  }, async (request) => app.tenant(request, async (ctx) => {
    await removeBoundaries(ctx);
    return getBoundaries(ctx);
  }));
};
