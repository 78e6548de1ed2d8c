import { insertRows } from '../db/insert-rows.js';
import type { TenantCtx } from '../db/tenancy.js';
import { countAuditEntry } from './audited-writes.js';
import { auditLog } from './tables.js';

type Snapshot = Record<string, unknown> | null;

// Fields that must never reach the audit log, whatever the entity.
const SECRET_FIELDS = new Set(['passwordHash', 'tokenHash', 'csrfToken', 'password', 'token']);

function clean(value: Snapshot): Snapshot {
  if (!value) return null;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !SECRET_FIELDS.has(k)));
}

/** For an update, keep only the fields that changed, on both sides. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const keys = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.map((k) => [k, after[k]])),
  };
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: Snapshot;
  after?: Snapshot;
  orgId?: string;
}

function auditRow(ctx: TenantCtx, entry: AuditEntry) {
  return {
    orgId: entry.orgId ?? ctx.orgId,
    actorUserId: ctx.actor.userId,
    actorName: ctx.actor.name,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: clean(entry.before ?? null),
    after: clean(entry.after ?? null),
    requestId: ctx.requestId ?? null,
  };
}

/**
 * Writes one audit entry in the caller's transaction: if the change rolls
 * back, so does its entry, and no change commits without one.
 */
export async function recordAudit(ctx: TenantCtx, entry: AuditEntry) {
  await ctx.tx.insert(auditLog).values(auditRow(ctx, entry));
  countAuditEntry(entry);
}

/** Many entries at once, as `recordAudit` writes each (an import's merges): a thousand per statement. */
export async function recordAudits(ctx: TenantCtx, entries: AuditEntry[]) {
  for (let i = 0; i < entries.length; i += 1000) await insertRows(ctx.tx, auditLog, entries.slice(i, i + 1000).map((e) => auditRow(ctx, e)));
  entries.forEach(countAuditEntry);
}
