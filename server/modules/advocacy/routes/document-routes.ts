import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AdvocacyDocument } from '../../../../contracts/advocacy.js';
import { ChildParams, IdParams } from '../../../../contracts/common.js';
import { sendAttachment } from '../../../platform/files/attachment.js';
import { parseField, readUpload } from '../../../platform/files/upload.js';
import { addDocument, getDocument, listDocuments, removeDocument } from '../document-service.js';

const tags = ['advocacy'];

const Documents = z.object({ items: z.array(AdvocacyDocument) });

export const documentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/advocacy-issues/:id/documents', { schema: { tags, params: IdParams, response: { 200: Documents } }, config: { auth: 'tenant', permission: 'advocacy.read' } }, async (request) =>
    app.tenant(request, async (ctx) => ({ items: await listDocuments(ctx, request.params.id) })));

  // One file and an optional `description` field (JSON, as every multipart field here).
  app.post('/api/v1/advocacy-issues/:id/documents', { schema: { tags, params: IdParams, consumes: ['multipart/form-data'], response: { 201: Documents } }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, async (request, reply) => {
    const upload = await readUpload(request);
    const description = parseField(upload.fields, 'description', z.string().trim().max(500), '');
    const items = await app.tenant(request, async (ctx) => {
      await addDocument(ctx, request.params.id, { buffer: upload.buffer, filename: upload.filename, contentType: upload.mimetype, description });
      return listDocuments(ctx, request.params.id);
    });
    reply.code(201);
    return { items };
  });

  app.get('/api/v1/advocacy-issues/:id/documents/:childId', { schema: { tags, params: ChildParams }, config: { auth: 'tenant', permission: 'advocacy.read' } }, async (request, reply) => {
    const file = await app.tenant(request, (ctx) => getDocument(ctx, request.params.id, request.params.childId));
    return sendAttachment(reply, file.name, file.data);
  });

  app.delete('/api/v1/advocacy-issues/:id/documents/:childId', { schema: { tags, params: ChildParams, response: { 200: Documents } }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, async (request) =>
    app.tenant(request, async (ctx) => {
      await removeDocument(ctx, request.params.id, request.params.childId);
      return { items: await listDocuments(ctx, request.params.id) };
    }));
};
