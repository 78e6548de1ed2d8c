import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RespondentView, SaveAnswersInput } from '../../../../contracts/surveys.js';
import { withSystem, withTenant } from '../../../platform/db/tenancy.js';
import { readUpload } from '../../../platform/files/upload.js';
import { resolveLink, respondentView, saveResponse, storeResponseFile, type RespondentLink } from '../respond-service.js';
import { assertRoomForFile, MAX_RESPONSE_FILE } from '../response-files.js';
import { orgToday } from '../../orgs/org-service.js';

const tags = ['respondents'];
const TokenParams = z.object({ token: z.string().min(10).max(200) });
// A public form: generous for a field team behind one address, firm against scripts.
const rateLimit = { max: 120, timeWindow: '1 minute' };

/**
 * What a respondent's browser calls, with the link as the only credential:
 * a firm's personal link, or the public link of an anonymous consultation.
 */
export const respondRoutes: FastifyPluginAsyncZod = async (app) => {
  const asRespondent = async <T>(request: { params: { token: string }; locale: string }, work: (ctx: Parameters<Parameters<typeof withTenant>[2]>[0], link: RespondentLink) => Promise<T>) => {
    const link = await withSystem(app.database.db, (tx) => resolveLink(tx, request.params.token));
    return withTenant(app.database.db, { orgId: link.orgId, role: 'member', actor: { userId: null, name: 'Respondent' }, locale: request.locale }, (ctx) => work(ctx, link));
  };

  app.get(
    '/api/v1/respond/:token',
    { schema: { tags, params: TokenParams, querystring: z.object({ resume: z.string().max(100).optional() }), response: { 200: RespondentView } }, config: { auth: 'public', rateLimit } },
    async (request) => asRespondent(request, (ctx, link) => respondentView(ctx, link, request.query.resume ?? null)),
  );

  app.put(
    '/api/v1/respond/:token',
    { schema: { tags, params: TokenParams, body: SaveAnswersInput, response: { 200: z.object({ status: z.enum(['draft', 'submitted']), resumeKey: z.string().nullable() }) } }, config: { auth: 'public', rateLimit, unaudited: "a respondent's draft is kept in the response itself; its submission is audited (response.submit)" } },
    async (request) =>
      asRespondent(request, async (ctx, link) => {
        const saved = await saveResponse(ctx, link, { ...request.body, channel: 'web' });
        return { status: saved.status, resumeKey: saved.resumeKey };
      }),
  );

  app.post(
    '/api/v1/respond/:token/files',
    { schema: { tags, params: TokenParams, consumes: ['multipart/form-data'], response: { 201: z.object({ fileId: z.uuid(), name: z.string() }) } }, config: { auth: 'public', rateLimit: { max: 20, timeWindow: '1 minute' }, unaudited: "a file a respondent attaches to their draft, kept with the response; its submission is audited" } },
    async (request, reply) => {
      // The link, the consultation and its quota are checked before a byte of
      // the file is read, and the file is read only up to the most it may weigh:
      // a public link must not make the server buffer 25 MB for nothing.
      await asRespondent(request, async (ctx, link) => assertRoomForFile(ctx, link.consultationId, 0, await orgToday(ctx)));
      const upload = await readUpload(request, { maxFileBytes: MAX_RESPONSE_FILE });
      const stored = await asRespondent(request, (ctx, link) => storeResponseFile(ctx, link, { buffer: upload.buffer, filename: upload.filename, contentType: upload.mimetype }));
      reply.code(201);
      return stored;
    },
  );
};
