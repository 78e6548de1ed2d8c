import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Ok, IdParams, INT_MAX, Page, TABLE_FORMATS } from '../../../../contracts/common.js';
import { Form, FormFilter, FormInput, FormQuery, FormSummary, XlsformImportResult } from '../../../../contracts/surveys.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { sendListExport, type ListExport } from '../../../platform/export/list-export.js';
import { readUpload } from '../../../platform/files/upload.js';
import { getCurrentOrg } from '../../orgs/org-service.js';
import { createForm, deleteForm, formVersion, getFormRow, listForms, presentForm, publishForm, updateForm } from '../form-service.js';
import { presentFormSummary } from '../present.js';
import { readXlsform } from '../xlsform/read-xlsform.js';
import { writeXlsform } from '../xlsform/write-xlsform.js';

const tags = ['surveys'];

/** The forms as a file: title, purpose, the version published (or never), unpublished changes, last change. */
const formsExport: ListExport<FormSummary, FormFilter> = {
  name: 'forms',
  columns: [
    { header: 'surveys.formTitle', cell: (f) => f.title },
    { header: 'surveys.purpose', cell: (f, t) => t(`surveys.purposes.${f.purpose}`) },
    { header: 'surveys.version', cell: (f, t) => (f.publishedVersion ? f.publishedVersion : t('surveys.neverPublished')) },
    { header: 'surveys.unpublishedChanges', cell: (f) => f.publishedVersion > 0 && f.hasChanges },
    { header: 'surveys.updated', cell: (f) => f.updatedAt },
  ],
  page: listForms,
};

export const formRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/forms', { schema: { tags, querystring: FormQuery, response: { 200: Page(FormSummary) } }, config: { auth: 'tenant', permission: 'surveys.read' } }, async (request) =>
    app.tenant(request, (ctx) => listForms(ctx, request.query)),
  );

  for (const format of TABLE_FORMATS) {
    app.get(`/api/v1/forms/export.${format}`, { schema: { tags, querystring: FormFilter }, config: { auth: 'tenant', permission: 'surveys.export' } }, async (request, reply) =>
      sendListExport(app, request, reply, format, formsExport, request.query),
    );
  }

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
