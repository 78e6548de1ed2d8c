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

/**
 * Writes one audit entry in the caller's transaction: if the change rolls
 * back, so does its entry, and no change commits without one.
 */
export async function recordAudit(
  ctx: TenantCtx,
  entry: { action: string; entityType: string; entityId: string; before?: Snapshot; after?: Snapshot; orgId?: string },
) {
  await ctx.tx.insert(auditLog).values({
    orgId: entry.orgId ?? ctx.orgId,
    actorUserId: ctx.actor.userId,
    actorName: ctx.actor.name,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: clean(entry.before ?? null),
    after: clean(entry.after ?? null),
    requestId: ctx.requestId ?? null,
  });
  countAuditEntry(entry);
}
