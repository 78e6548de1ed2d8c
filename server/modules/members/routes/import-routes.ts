import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AddDistricts,
  FileDuplicateChoices,
  ImportDecisions,
  ImportEncoding,
  ImportMapping,
  ImportPreview,
  SkipRejected,
} from '../../../../contracts/member-import.js';
import { TaskStarted } from '../../../../contracts/tasks.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { readTable, type Table } from '../../../platform/files/read-table.js';
import { parseField, readUpload } from '../../../platform/files/upload.js';
import { addDistricts } from '../import/add-districts.js';
import { checkImport } from '../import/check-import.js';
import { importCheckTask, importCommitTask } from '../import/import-tasks.js';
import { rejectedRowsWorkbook } from '../import/rejected-rows.js';
import { suggestMapping } from '../import/suggest-mapping.js';

const tags = ['members'];

/**
 * The import runs in calls that each carry the file (multipart): preview
 * (columns and a suggested mapping), check (the dry run: every rejected row,
 * probable duplicate and formula cell; a task whose result is the report),
 * commit (the rows the person chose, in one transaction; a task whose result
 * is the counts) and rejected (the rejected rows as a workbook to correct).
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

  app.post('/api/v1/members/import/preview', { schema: { tags, consumes: ['multipart/form-data'], response: { 200: ImportPreview } }, config: { auth: 'tenant', permission: 'members.import', unaudited: 'reads the uploaded table and answers with its columns; stores nothing' } }, async (request) => {
    const { buffer, filename, fields } = await readUpload(request);
    const table = await read(buffer, filename, fields);
    return { format: table.format, encoding: table.encoding, columns: table.columns, rowCount: table.rows.length, sample: table.rows.slice(0, 5), suggestedMapping: suggestMapping(table.columns) };
  });

  // Checking and importing run as tasks (platform/tasks): the answer is where to follow them.
  app.post('/api/v1/members/import/check', { schema: { tags, consumes: ['multipart/form-data'], response: { 202: TaskStarted } }, config: { auth: 'tenant', permission: 'members.import' } }, async (request, reply) => {
    const { table, mapping } = await upload(request);
    const task = await app.tenant(request, (ctx) => app.tasks.start(ctx, importCheckTask, { table, mapping }));
    task.run();
    return reply.code(202).send({ taskId: task.id });
  });

  // The rejected rows need no duplicate search: checked here, yielding between rows.
  app.post('/api/v1/members/import/rejected', { schema: { tags, consumes: ['multipart/form-data'] }, config: { auth: 'tenant', permission: 'members.import', unaudited: 'answers with the rows an import would reject, as a workbook; stores nothing' } }, async (request, reply) => {
    const { table, mapping, filename } = await upload(request);
    const work = app.tasks.inline(await app.tenant(request, async ({ tx: _tx, ...scope }) => scope));
    const buffer = await rejectedRowsWorkbook(table, (await checkImport(work, table, mapping, { duplicates: 'none' })).report, work.scope.locale);
    const name = `${filename.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N} _-]/gu, '').slice(0, 80) || 'import'}-rejected.xlsx`;
    reply.header('content-disposition', `attachment; filename="rejected.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`);
    reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    return reply.send(buffer);
  });

  app.post('/api/v1/members/import/commit', { schema: { tags, consumes: ['multipart/form-data'], response: { 202: TaskStarted } }, config: { auth: 'tenant', permission: 'members.import' } }, async (request, reply) => {
    const { table, mapping, filename, fields } = await upload(request);
    const choices = {
      decisions: parseField(fields, 'decisions', ImportDecisions, {}),
      fileDuplicates: parseField(fields, 'fileDuplicates', FileDuplicateChoices, {}),
      skipRejected: parseField(fields, 'skipRejected', SkipRejected.optional(), undefined),
    };
    const task = await app.tenant(request, (ctx) => app.tasks.start(ctx, importCommitTask, { table, mapping, choices, filename }));
    task.run();
    return reply.code(202).send({ taskId: task.id });
  });

  // Adding districts changes the organisation's settings, so it needs that permission, not the import's.
  app.post(
    '/api/v1/members/import/districts',
    { schema: { tags, body: AddDistricts, response: { 200: z.object({ added: z.number().int() }) } }, config: { auth: 'tenant', permission: 'members.settings' } },
    async (request) => app.tenant(request, (ctx) => addDistricts(ctx, request.body.districts)),
  );
};
