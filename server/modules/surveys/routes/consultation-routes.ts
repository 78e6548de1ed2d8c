import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Ok, Page, IdParams, TABLE_FORMATS, Uuid } from '../../../../contracts/common.js';
import {
  Analysis, AnalysisQuery, CitingIssue, Consultation, ConsultationFilter, ConsultationInput, ConsultationQuery, FormDefinition, RespondentView, RESPONSE_CHANNELS, StaffAnswersInput,
  TagAnswerInput, TextAnswer, TextAnswersQuery,
} from '../../../../contracts/surveys.js';
import type { TenantCtx } from '../../../platform/db/tenancy.js';
import { sendListExport, type ListExport } from '../../../platform/export/list-export.js';
import { streamTable, TABLE_CONTENT_TYPES } from '../../../platform/export/stream-table.js';
import { analyseConsultation, answerExportColumns, exportAnswers, listTextAnswers, tagTextAnswer } from '../analysis-service.js';
import {
  closeConsultation, createConsultation, getConsultation, getConsultationRow, listConsultations, openConsultation, remindNonRespondents, updateConsultation,
} from '../consultation-service.js';
import { formVersion } from '../form-service.js';
import { sendAttachment } from '../../../platform/files/attachment.js';
import { readUpload } from '../../../platform/files/upload.js';
import { enterForFirm, responseFile, staffLink, staffView, storeResponseFile } from '../respond-service.js';

const tags = ['surveys'];

/**
 * The advocacy issues that cite a consultation: advocacy stands above surveys
 * and cannot be imported from here, so server/app.ts hands this over.
 */
export interface ConsultationRoutesOptions {
  issuesCiting(ctx: TenantCtx, consultationId: string): Promise<CitingIssue[]>;
}

export const consultationRoutes: FastifyPluginAsyncZod<ConsultationRoutesOptions> = async (app, { issuesCiting }) => {
  const url = app.config.publicUrl;
  // Invitations and reminders leave at once where SMTP is configured, not at the next mail-dispatch job.
  const flushMail = () => void app.mailer.flush().catch(() => undefined);

  app.get('/api/v1/consultations', { schema: { tags, querystring: ConsultationQuery, response: { 200: Page(Consultation) } }, config: { auth: 'tenant', permission: 'surveys.read' } }, async (request) =>
    app.tenant(request, (ctx) => listConsultations(ctx, request.query, url)),
  );

  const consultationsExport: ListExport<Consultation, ConsultationFilter> = {
    name: 'consultations',
    columns: [
      { header: 'surveys.consultationTitle', cell: (c) => c.title },
      { header: 'surveys.status', cell: (c, t) => t(`surveys.statuses.${c.status}`) },
      { header: 'surveys.form', cell: (c) => c.formTitle },
      { header: 'surveys.identity', cell: (c, t) => t(`surveys.identities.${c.identity}`) },
      { header: 'surveys.invited', cell: (c) => (c.identity === 'firm' ? c.invited : null) },
      { header: 'surveys.submitted', cell: (c) => c.submitted },
      { header: 'surveys.drafts', cell: (c) => c.drafts },
      { header: 'surveys.closesOn', cell: (c) => c.closesOn },
      { header: 'ui.export.created', cell: (c) => c.createdAt },
    ],
    page: (ctx, query) => listConsultations(ctx, query, url),
  };
  for (const format of TABLE_FORMATS) {
    app.get(`/api/v1/consultations/export.${format}`, { schema: { tags, querystring: ConsultationFilter }, config: { auth: 'tenant', permission: 'surveys.export' } }, async (request, reply) =>
      sendListExport(app, request, reply, format, consultationsExport, request.query),
    );
  }

  app.post('/api/v1/consultations', { schema: { tags, body: ConsultationInput, response: { 201: Consultation } }, config: { auth: 'tenant', permission: 'surveys.manage' } }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => getConsultation(ctx, (await createConsultation(ctx, request.body)).id, url));
  });

  app.get('/api/v1/consultations/:id', { schema: { tags, params: IdParams, response: { 200: Consultation } }, config: { auth: 'tenant', permission: 'surveys.read' } }, async (request) =>
    app.tenant(request, (ctx) => getConsultation(ctx, request.params.id, url)),
  );

  app.get('/api/v1/consultations/:id/cited-by', { schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(CitingIssue) }) } }, config: { auth: 'tenant', permission: 'surveys.read' } }, async (request) =>
    app.tenant(request, async (ctx) => {
      await getConsultationRow(ctx, request.params.id);
      return { items: await issuesCiting(ctx, request.params.id) };
    }),
  );

  app.put('/api/v1/consultations/:id', { schema: { tags, params: IdParams, body: ConsultationInput, response: { 200: Consultation } }, config: { auth: 'tenant', permission: 'surveys.manage' } }, async (request) =>
    app.tenant(request, async (ctx) => getConsultation(ctx, (await updateConsultation(ctx, request.params.id, request.body)).id, url)),
  );

  app.post('/api/v1/consultations/:id/open', { schema: { tags, params: IdParams, response: { 200: Consultation } }, config: { auth: 'tenant', permission: 'surveys.manage' } }, async (request) => {
    const opened = await app.tenant(request, async (ctx) => getConsultation(ctx, (await openConsultation(ctx, request.params.id, url)).id, url));
    flushMail();
    return opened;
  });

  app.post('/api/v1/consultations/:id/close', { schema: { tags, params: IdParams, response: { 200: Ok } }, config: { auth: 'tenant', permission: 'surveys.manage' } }, async (request) => {
    await app.tenant(request, (ctx) => closeConsultation(ctx, request.params.id));
    return { ok: true as const };
  });

  app.post('/api/v1/consultations/:id/remind', { schema: { tags, params: IdParams, response: { 200: z.object({ reminded: z.number().int() }) } }, config: { auth: 'tenant', permission: 'surveys.manage' } }, async (request) => {
    const reminded = await app.tenant(request, (ctx) => remindNonRespondents(ctx, request.params.id, url));
    flushMail();
    return reminded;
  });

  // The form version this consultation's respondents answer (for staff entering answers).
  app.get('/api/v1/consultations/:id/form', { schema: { tags, params: IdParams, response: { 200: FormDefinition } }, config: { auth: 'tenant', permission: 'surveys.read' } }, async (request) =>
    app.tenant(request, async (ctx) => {
      const row = await getConsultationRow(ctx, request.params.id);
      return formVersion(ctx, row.formId, row.formVersion ?? 0);
    }),
  );

  app.get('/api/v1/consultations/:id/analysis', { schema: { tags, params: IdParams, querystring: AnalysisQuery, response: { 200: Analysis } }, config: { auth: 'tenant', permission: 'surveys.read' } }, async (request) =>
    app.tenant(request, (ctx) => analyseConsultation(ctx, request.params.id, request.query)),
  );

  app.get('/api/v1/consultations/:id/text-answers', { schema: { tags, params: IdParams, querystring: TextAnswersQuery, response: { 200: Page(TextAnswer) } }, config: { auth: 'tenant', permission: 'surveys.read' } }, async (request) =>
    app.tenant(request, (ctx) => listTextAnswers(ctx, request.params.id, request.query)),
  );

  app.put(
    '/api/v1/consultations/:id/responses/:responseId/tags',
    { schema: { tags, params: IdParams.extend({ responseId: Uuid }), body: TagAnswerInput, response: { 200: z.object({ tags: z.array(z.string()) }) } }, config: { auth: 'tenant', permission: 'surveys.manage' } },
    async (request) => app.tenant(request, (ctx) => tagTextAnswer(ctx, request.params.id, request.params.responseId, request.body)),
  );

  const FirmParams = IdParams.extend({ memberId: Uuid });
  app.get(
    '/api/v1/consultations/:id/firms/:memberId/response',
    { schema: { tags, params: FirmParams, response: { 200: RespondentView.extend({ channel: z.enum(RESPONSE_CHANNELS).nullable() }) } }, config: { auth: 'tenant', permission: 'surveys.manage' } },
    async (request) => app.tenant(request, (ctx) => staffView(ctx, request.params.id, request.params.memberId)),
  );

  app.post(
    '/api/v1/consultations/:id/firms/:memberId/files',
    { schema: { tags, params: FirmParams, consumes: ['multipart/form-data'], response: { 201: z.object({ fileId: z.uuid(), name: z.string() }) } }, config: { auth: 'tenant', permission: 'surveys.manage' } },
    async (request, reply) => {
      const upload = await readUpload(request);
      const stored = await app.tenant(request, async (ctx) =>
        storeResponseFile(ctx, await staffLink(ctx, request.params.id, request.params.memberId), { buffer: upload.buffer, filename: upload.filename, contentType: upload.mimetype }),
      );
      reply.code(201);
      return stored;
    },
  );

  app.put(
    '/api/v1/consultations/:id/firms/:memberId/response',
    { schema: { tags, params: FirmParams, body: StaffAnswersInput.omit({ memberId: true }), response: { 200: z.object({ status: z.enum(['draft', 'submitted']) }) } }, config: { auth: 'tenant', permission: 'surveys.manage' } },
    async (request) => {
      const saved = await app.tenant(request, (ctx) => enterForFirm(ctx, request.params.id, { ...request.body, memberId: request.params.memberId }));
      return { status: saved.status };
    },
  );

  // A respondent's attachment.
  app.get('/api/v1/consultations/:id/files/:fileId', { schema: { tags, params: IdParams.extend({ fileId: Uuid }) }, config: { auth: 'tenant', permission: 'surveys.read' } }, async (request, reply) => {
    const file = await app.tenant(request, (ctx) => responseFile(ctx, request.params.id, request.params.fileId));
    return sendAttachment(reply, file.name, file.data);
  });

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/api/v1/consultations/:id/answers.${format}`, { schema: { tags, params: IdParams }, config: { auth: 'tenant', permission: 'surveys.export' } }, async (request, reply) => {
      const columns = await app.tenant(request, (ctx) => answerExportColumns(ctx, request.params.id));
      const stream = streamTable(format, 'answers', columns, (write) => app.tenant(request, (ctx) => exportAnswers(ctx, request.params.id, write)));
      reply.header('content-disposition', `attachment; filename="answers-${request.params.id.slice(0, 8)}.${format}"`);
      reply.type(TABLE_CONTENT_TYPES[format]);
      return reply.send(stream);
    });
  }
};
