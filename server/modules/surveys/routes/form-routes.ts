import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Ok, IdParams, INT_MAX } from '../../../../contracts/common.js';
import { Form, FormInput, FormSummary, XlsformImportResult } from '../../../../contracts/surveys.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { readUpload } from '../../../platform/files/upload.js';
import { getCurrentOrg } from '../../orgs/org-service.js';
import { createForm, deleteForm, formVersion, getFormRow, listForms, presentForm, publishForm, updateForm } from '../form-service.js';
import { presentFormSummary } from '../present.js';
import { readXlsform } from '../xlsform/read-xlsform.js';
import { writeXlsform } from '../xlsform/write-xlsform.js';

const tags = ['surveys'];

export const formRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/forms', { schema: { tags, response: { 200: z.object({ items: z.array(FormSummary) }) } }, config: { auth: 'tenant', permission: 'surveys.read' } }, async (request) => ({
    items: await app.tenant(request, listForms),
  }));

  app.post('/api/v1/forms', { schema: { tags, body: FormInput, response: { 201: Form } }, config: { auth: 'tenant', permission: 'surveys.manage' } }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => presentForm(ctx, await createForm(ctx, request.body)));
  });

  // XLSForm: every problem is reported by its cell (sheet!column row) and nothing is created.
  app.post('/api/v1/forms/import', { schema: { tags, consumes: ['multipart/form-data'], response: { 201: XlsformImportResult } }, config: { auth: 'tenant', permission: 'surveys.manage' } }, async (request, reply) => {
    const { buffer } = await readUpload(request);
    return app.tenant(request, async (ctx) => {
      const org = await getCurrentOrg(ctx);
      const result = await readXlsform(buffer, org.languages[0] ?? 'en');
      if (result.problems.length) {
        throw new AppError('surveys.xlsform_invalid', { count: result.problems.length }, result.problems.slice(0, 200).map((p) => ({ path: `${p.sheet}!${p.column}${p.row}`, code: p.code, params: p.params })));
      }
      const row = await createForm(ctx, { definition: result.definition, purpose: 'survey' });
      reply.code(201);
      return { form: presentFormSummary(row, null), notices: result.notices };
    });
  });

  app.get('/api/v1/forms/:id', { schema: { tags, params: IdParams, response: { 200: Form } }, config: { auth: 'tenant', permission: 'surveys.read' } }, async (request) =>
    app.tenant(request, async (ctx) => presentForm(ctx, await getFormRow(ctx, request.params.id))),
  );

  app.put('/api/v1/forms/:id', { schema: { tags, params: IdParams, body: FormInput, response: { 200: Form } }, config: { auth: 'tenant', permission: 'surveys.manage' } }, async (request) =>
    app.tenant(request, async (ctx) => presentForm(ctx, await updateForm(ctx, request.params.id, request.body))),
  );

  app.post('/api/v1/forms/:id/publish', { schema: { tags, params: IdParams, response: { 200: Form } }, config: { auth: 'tenant', permission: 'surveys.manage' } }, async (request) =>
    app.tenant(request, async (ctx) => presentForm(ctx, await publishForm(ctx, request.params.id))),
  );

  app.delete('/api/v1/forms/:id', { schema: { tags, params: IdParams, response: { 200: Ok } }, config: { auth: 'tenant', permission: 'surveys.manage' } }, async (request) => {
    await app.tenant(request, (ctx) => deleteForm(ctx, request.params.id));
    return { ok: true as const };
  });

  // The working copy, or a published version, as an XLSForm workbook.
  app.get(
    '/api/v1/forms/:id/xlsform',
    { schema: { tags, params: IdParams, querystring: z.object({ version: z.coerce.number().int().min(1).max(INT_MAX).optional() }) }, config: { auth: 'tenant', permission: 'surveys.read' } },
    async (request, reply) => {
      const buffer = await app.tenant(request, async (ctx) => {
        const row = await getFormRow(ctx, request.params.id);
        const version = request.query.version;
        const definition = version ? await formVersion(ctx, row.id, version) : row.definition;
        return writeXlsform(definition, `form_${row.id.slice(0, 8)}`, version ?? row.publishedVersion + 1);
      });
      reply.header('content-disposition', `attachment; filename="form-${request.params.id.slice(0, 8)}.xlsx"`);
      reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      return reply.send(buffer);
    },
  );
};
