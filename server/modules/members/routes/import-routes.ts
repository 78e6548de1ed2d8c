import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ImportDecisions, ImportMapping, ImportPreview, ImportReport, ImportResult } from '../../../../contracts/member-import.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { readTable } from '../../../platform/files/read-table.js';
import { parseField, readUpload } from '../../../platform/files/upload.js';
import { checkImport } from '../import/check-import.js';
import { commitImport } from '../import/commit-import.js';
import { suggestMapping } from '../import/suggest-mapping.js';

const tags = ['members'];
const config = { auth: 'tenant' as const, permission: 'members.import' };

/**
 * The import runs in three calls, each carrying the file (multipart): preview
 * (columns and a suggested mapping), check (the dry run: every rejected row
 * and probable duplicate) and commit (all rows or none).
 */
export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  async function upload(request: Parameters<typeof readUpload>[0]) {
    const { buffer, filename, fields } = await readUpload(request);
    const table = await readTable(buffer, filename);
    const mapping = parseField(fields, 'mapping', ImportMapping, suggestMapping(table.columns));
    if (mapping.legalName === undefined) throw new AppError('members.import_mapping');
    if (Object.values(mapping).some((i) => i! >= table.columns.length)) throw new AppError('members.import_mapping');
    return { table, mapping, filename, fields };
  }

  app.post('/api/v1/members/import/preview', { schema: { tags, consumes: ['multipart/form-data'], response: { 200: ImportPreview } }, config }, async (request) => {
    const { buffer, filename } = await readUpload(request);
    const table = await readTable(buffer, filename);
    return { format: table.format, encoding: table.encoding, columns: table.columns, rowCount: table.rows.length, sample: table.rows.slice(0, 5), suggestedMapping: suggestMapping(table.columns) };
  });

  app.post('/api/v1/members/import/check', { schema: { tags, consumes: ['multipart/form-data'], response: { 200: ImportReport } }, config }, async (request) => {
    const { table, mapping } = await upload(request);
    return (await app.tenant(request, (ctx) => checkImport(ctx, table, mapping))).report;
  });

  app.post('/api/v1/members/import/commit', { schema: { tags, consumes: ['multipart/form-data'], response: { 200: ImportResult } }, config }, async (request) => {
    const { table, mapping, filename, fields } = await upload(request);
    const decisions = parseField(fields, 'decisions', ImportDecisions, {});
    return app.tenant(request, (ctx) => commitImport(ctx, table, mapping, decisions, filename));
  });
};
