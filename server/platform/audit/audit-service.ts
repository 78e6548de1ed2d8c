import { and, desc, eq, gte, ilike, lt, sql } from 'drizzle-orm';
import type { AuditQuery } from '../../../contracts/audit.js';
import { CursorKey, decodeCursor, pageOf } from '../db/cursor.js';
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

/** Newest first; the cursor is the last id seen (ids only grow). Records are named as `vocabulary` knows them. */
export async function listAudit(ctx: TenantCtx, query: AuditQuery, vocabulary: Required<RecordVocabulary>) {
  const after = decodeCursor(query.cursor, [CursorKey.bigint]);
  const rows = await ctx.tx
    .select()
    .from(auditLog)
    .where(and(...conditions(ctx, query), after ? lt(auditLog.id, Number(after[0])) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (r) => [r.id]);
  const named = await nameRecords(ctx, page.items, vocabulary);
  return { nextCursor: page.nextCursor, items: named.map(({ entry, ...beside }) => presentAuditEntry(entry, beside)) };
}

/** All matching entries in batches, for a streamed export. */
export async function* auditBatches(ctx: TenantCtx, filter: Filter, vocabulary: Required<RecordVocabulary>, batchSize = 1000) {
  let cursor: string | undefined;
  do {
    const page = await listAudit(ctx, { ...filter, limit: batchSize, cursor }, vocabulary);
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
