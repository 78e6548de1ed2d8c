import { and, asc, eq } from 'drizzle-orm';
import type { AdvocacyEvent } from '../../../contracts/advocacy.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { presentAdvocacyEvent } from './present.js';
import { advocacyEvents } from './tables.js';

/**
 * Adds a step to an issue's history; the app role can add, never rewrite. The
 * same step goes to the audit log (`advocacy_issue.<action>`), so a change an
 * issue's history shows — publishing to the public tracker among them — is
 * audited by the one call that records it.
 */
export async function addAdvocacyEvent(ctx: TenantCtx, issueId: string, event: { action: string; from?: string | null; to?: string | null; note?: string }) {
  await ctx.tx.insert(advocacyEvents).values({
    orgId: ctx.orgId, issueId, actorUserId: ctx.actor.userId, actorName: ctx.actor.name,
    action: event.action, fromValue: event.from ?? null, toValue: event.to ?? null, note: event.note ?? '',
  });
  await recordAudit(ctx, {
    action: `advocacy_issue.${event.action}`, entityType: 'advocacy_issue', entityId: issueId,
    before: event.from != null ? { value: event.from } : null,
    after: event.to != null || event.note ? { ...(event.to != null ? { value: event.to } : {}), ...(event.note ? { note: event.note } : {}) } : null,
  });
}

export async function advocacyHistory(ctx: TenantCtx, issueId: string): Promise<AdvocacyEvent[]> {
  const rows = await ctx.tx.select().from(advocacyEvents).where(and(eq(advocacyEvents.issueId, issueId), eq(advocacyEvents.orgId, ctx.orgId))).orderBy(asc(advocacyEvents.seq));
  return rows.map(presentAdvocacyEvent);
}
