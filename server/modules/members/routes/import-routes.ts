import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AddDistricts,
  FileDuplicateChoices,
  ImportDecisions,
  ImportEncoding,
  ImportMapping,
  ImportPreview,
  ImportReport,
  ImportResult,
  SkipRejected,
} from '../../../../contracts/member-import.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { readTable, type Table } from '../../../platform/files/read-table.js';
import { parseField, readUpload } from '../../../platform/files/upload.js';
import { addDistricts } from '../import/add-districts.js';
import { checkImport } from '../import/check-import.js';
import { commitImport } from '../import/commit-import.js';
import { rejectedRowsWorkbook } from '../import/rejected-rows.js';
import { suggestMapping } from '../import/suggest-mapping.js';

const tags = ['members'];
const config = { auth: 'tenant' as const, permission: 'members.import' };

/**
 * The import runs in calls that each carry the file (multipart): preview
 * (columns and a suggested mapping), check (the dry run: every rejected row,
 * probable duplicate and formula cell), commit (the rows the person chose, in
 * one transaction) and rejected (the rejected rows as a workbook to correct).
 */
export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  // A person who sees garbled names forces the encoding the file was written in.
  async function read(buffer: Buffer, filename: string, fields: Record<string, string>): Promise<Table> {
    const encoding = parseField(fields, 'encoding', ImportEncoding.optional(), undefined);
    return readTable(buffer, filename, encoding ? { encoding } : undefined);
  }

  async function upload(request: Parameters<typeof readUpload>[0]) {
    const { buffer, filename, fields } = await readUpload(request);
    const table = await read(buffer, filename, fields);
    const mapping = parseField(fields, 'mapping', ImportMapping, suggestMapping(table.columns));
    if (mapping.legalName === undefined) throw new AppError('members.import_mapping');
    if (Object.values(mapping).some((i) => i! >= table.columns.length)) throw new AppError('members.import_mapping');
    return { table, mapping, filename, fields };
  }

  app.post('/api/v1/members/import/preview', { schema: { tags, consumes: ['multipart/form-data'], response: { 200: ImportPreview } }, config }, async (request) => {
    const { buffer, filename, fields } = await readUpload(request);
    const table = await read(buffer, filename, fields);
    return { format: table.format, encoding: table.encoding, columns: table.columns, rowCount: table.rows.length, sample: table.rows.slice(0, 5), suggestedMapping: suggestMapping(table.columns) };
  });

  app.post('/api/v1/members/import/check', { schema: { tags, consumes: ['multipart/form-data'], response: { 200: ImportReport } }, config }, async (request) => {
    const { table, mapping } = await upload(request);
    return (await app.tenant(request, (ctx) => checkImport(ctx, table, mapping))).report;
  });

  app.post('/api/v1/members/import/rejected', { schema: { tags, consumes: ['multipart/form-data'] }, config }, async (request, reply) => {
    const { table, mapping, filename } = await upload(request);
    const buffer = await app.tenant(request, async (ctx) => rejectedRowsWorkbook(table, (await checkImport(ctx, table, mapping)).report, ctx.locale));
    const name = `${filename.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N} _-]/gu, '').slice(0, 80) || 'import'}-rejected.xlsx`;
    reply.header('content-disposition', `attachment; filename="rejected.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`);
    reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    return reply.send(buffer);
  });

  app.post('/api/v1/members/import/commit', { schema: { tags, consumes: ['multipart/form-data'], response: { 200: ImportResult } }, config }, async (request) => {
    const { table, mapping, filename, fields } = await upload(request);
    const choices = {
      decisions: parseField(fields, 'decisions', ImportDecisions, {}),
      fileDuplicates: parseField(fields, 'fileDuplicates', FileDuplicateChoices, {}),
      skipRejected: parseField(fields, 'skipRejected', SkipRejected.optional(), undefined),
    };
    return app.tenant(request, (ctx) => commitImport(ctx, table, mapping, choices, filename));
  });

  // Adding districts changes the organisation's settings, so it needs that permission, not the import's.
  app.post(
    '/api/v1/members/import/districts',
    { schema: { tags, body: AddDistricts, response: { 200: z.object({ added: z.number().int() }) } }, config: { auth: 'tenant', permission: 'members.settings' } },
    async (request) => app.tenant(request, (ctx) => addDistricts(ctx, request.body.districts)),
  );
};
