import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../../contracts/common.js';
import { BoardHome, MemberHome, OfficialHome } from '../../../../contracts/home.js';
import { ownFirm } from '../../members/portal-service.js';
import { renewFirmLink } from '../../surveys/firm-consultations-service.js';
import { boardHome, memberHome, officialHome } from '../home-service.js';

const tags = ['home'];

/** Each role's home page: one request each, for slow connections. */
export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/home/member', { schema: { tags, response: { 200: MemberHome } }, config: { auth: 'tenant', permission: 'members.self' } }, async (request) =>
    app.tenant(request, memberHome),
  );

  // The firm's user opens its answer to a consultation from its home, without the mailed link.
  app.post(
    '/api/v1/home/member/consultations/:id/answer-link',
    { schema: { tags, params: z.object({ id: Uuid }), response: { 200: z.object({ url: z.string() }) } }, config: { auth: 'tenant', permission: 'members.self' } },
    async (request) => app.tenant(request, async (ctx) => renewFirmLink(ctx, request.params.id, (await ownFirm(ctx)).id)),
  );

  app.get('/api/v1/home/official', { schema: { tags, response: { 200: OfficialHome } }, config: { auth: 'tenant', permission: 'dialogue.follow_up' } }, async (request) =>
    app.tenant(request, officialHome),
  );

  app.get('/api/v1/home/figures', { schema: { tags, response: { 200: BoardHome } }, config: { auth: 'tenant', permission: 'home.figures' } }, async (request) =>
    app.tenant(request, boardHome),
  );
};
