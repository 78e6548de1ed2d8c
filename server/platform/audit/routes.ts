import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditEntry, AuditFilter, AuditQuery } from '../../../contracts/audit.js';
import { Page } from '../../../contracts/common.js';
import { csvWriter, writeRow } from '../export/csv.js';
import { auditBatches, listAudit } from './audit-service.js';
import { joinVocabularies, type RecordVocabulary } from './record-names.js';

const tags = ['audit'];

/** What the modules know of their records (server/modules.ts hands it over): the log names them. */
export interface AuditRoutesOptions {
  vocabularies: RecordVocabulary[];
}

export const auditRoutes: FastifyPluginAsyncZod<AuditRoutesOptions> = async (app, { vocabularies }) => {
  const vocabulary = joinVocabularies(vocabularies);
  app.get(
    '/api/v1/audit',
    { schema: { tags, querystring: AuditQuery, response: { 200: Page(AuditEntry) } }, config: { auth: 'tenant', permission: 'audit.read' } },
    async (request) => app.tenant(request, (ctx) => listAudit(ctx, request.query, vocabulary)),
  );

  // The whole export runs in one read transaction, so it is a consistent
  // snapshot; rows are streamed out as they are read.
  app.get(
    '/api/v1/audit/export.csv',
    { schema: { tags, querystring: AuditFilter }, config: { auth: 'tenant', permission: 'audit.read' } },
    async (request, reply) => {
      const csv = csvWriter(['id', 'at', 'actor', 'action', 'entity_type', 'entity_id', 'record', 'before', 'after']);
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', 'attachment; filename="audit-log.csv"');
      const done = app.tenant(request, async (ctx) => {
        for await (const batch of auditBatches(ctx, request.query, vocabulary)) {
          for (const e of batch) {
            await writeRow(csv, [e.id, e.at, e.actorName, e.action, e.entityType, e.entityId, e.entityName ?? '', e.before ? JSON.stringify(e.before) : '', e.after ? JSON.stringify(e.after) : '']);
          }
        }
      });
      done.then(() => csv.end(), (err) => csv.destroy(err));
      return reply.send(Readable.from(csv));
    },
  );
};
