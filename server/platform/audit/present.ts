import type { AuditEntry, AuditRef } from '../../../contracts/audit.js';
import type { auditLog } from './tables.js';

// How the API shows an audit entry: with the names of its record and of the
// records its fields point at (record-names.ts reads them).
export function presentAuditEntry(
  row: typeof auditLog.$inferSelect,
  beside: { entityName: string | null; entityExists: boolean; refs: Record<string, AuditRef> } = { entityName: null, entityExists: false, refs: {} },
): AuditEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorName: row.actorName,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    entityName: beside.entityName,
    entityExists: beside.entityExists,
    refs: beside.refs,
    before: (row.before as Record<string, unknown> | null) ?? null,
    after: (row.after as Record<string, unknown> | null) ?? null,
  };
}
