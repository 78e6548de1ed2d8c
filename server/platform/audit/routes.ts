import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditEntry, AuditFilter, AuditQuery, auditActionLabel } from '../../../contracts/audit.js';
import { Page, TABLE_FORMATS } from '../../../contracts/common.js';
import { sendListExport, type ListExport } from '../export/list-export.js';
import { listAudit } from './audit-service.js';
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

  // The download is the list read page by page in one transaction: a consistent snapshot, streamed as it is read.
  const auditExport: ListExport<AuditEntry, AuditFilter> = {
    name: 'audit-log',
    columns: [
      { header: 'audit.number', cell: (e) => e.id },
      { header: 'audit.when', cell: (e) => e.at },
      { header: 'audit.actor', cell: (e) => e.actorName },
      { header: 'audit.action', cell: (e, t) => auditActionLabel(t, e.action) },
      { header: 'audit.entityType', cell: (e) => e.entityType },
      { header: 'audit.entityId', cell: (e) => e.entityId },
      { header: 'audit.entity', cell: (e) => e.entityName ?? '' },
      { header: 'audit.before', cell: (e) => (e.before ? JSON.stringify(e.before) : '') },
      { header: 'audit.after', cell: (e) => (e.after ? JSON.stringify(e.after) : '') },
    ],
    page: (ctx, query) => listAudit(ctx, query, vocabulary),
  };
  for (const format of TABLE_FORMATS) {
    app.get(
      `/api/v1/audit/export.${format}`,
      { schema: { tags, querystring: AuditFilter }, config: { auth: 'tenant', permission: 'audit.read' } },
      async (request, reply) => sendListExport(app, request, reply, format, auditExport, request.query),
    );
  }
};
