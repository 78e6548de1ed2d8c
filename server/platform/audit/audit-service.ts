import { eq, gte, ilike, lt, sql } from 'drizzle-orm';
import type { AuditQuery } from '../../../contracts/audit.js';
import { sortedPage, type SortedList } from '../db/sorted-list.js';
import { escapeLike } from '../db/like.js';
import type { TenantCtx } from '../db/tenancy.js';
import { presentAuditEntry } from './present.js';
import { nameRecords, type RecordVocabulary } from './record-names.js';
import { auditLog } from './tables.js';

type Filter = Omit<AuditQuery, 'limit' | 'cursor'>;

function conditions(ctx: TenantCtx, f: Filter) {
  return [
    eq(auditLog.orgId, ctx.orgId),
    f.actor ? ilike(auditLog.actorName, `%${escapeLike(f.actor)}%`) : undefined,
    f.action ? ilike(auditLog.action, `${escapeLike(f.action)}%`) : undefined,
    f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
    f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
    f.from ? gte(auditLog.at, sql`${f.from}::date`) : undefined,
    // `to` is inclusive: everything before the next day.
    f.to ? lt(auditLog.at, sql`${f.to}::date + 1`) : undefined,
  ];
}

/** The log's one order: its ids only grow, so the id is the time it was written. */
const AUDIT_LIST: SortedList<'at'> = { id: auditLog.id, idType: 'bigint', columns: { at: { by: auditLog.id, type: 'bigint' } } };

/** In the order the log was written (its ids only grow), newest first by default. Records are named as `vocabulary` knows them. */
export async function listAudit(ctx: TenantCtx, query: AuditQuery, vocabulary: Required<RecordVocabulary>) {
  const page = await sortedPage(AUDIT_LIST, query, (k) => ctx.tx.select({ entry: auditLog, k }).from(auditLog).$dynamic(), conditions(ctx, query), (r) => r.entry.id);
  const named = await nameRecords(ctx, page.items.map((r) => r.entry), vocabulary);
  return { nextCursor: page.nextCursor, items: named.map(({ entry, ...beside }) => presentAuditEntry(entry, beside)) };
}

