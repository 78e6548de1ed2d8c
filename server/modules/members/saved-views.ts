import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { savedViews } from './tables.js';

// A saved view is a named set of member-list filters, private to its author.
export async function listViews(ctx: TenantCtx) {
  return ctx.tx.select().from(savedViews).where(and(eq(savedViews.orgId, ctx.orgId), eq(savedViews.userId, ctx.actor.userId!))).orderBy(asc(savedViews.name));
}

export async function saveView(ctx: TenantCtx, input: { name: string; query: Record<string, unknown> }) {
  const [row] = await ctx.tx
    .insert(savedViews)
    .values({ orgId: ctx.orgId, userId: ctx.actor.userId!, name: input.name, query: input.query })
    .onConflictDoUpdate({ target: [savedViews.orgId, savedViews.userId, savedViews.name], set: { query: input.query } })
    .returning();
  await recordAudit(ctx, { action: 'saved_view.save', entityType: 'saved_view', entityId: row!.id, after: { name: input.name, query: input.query } });
  return row!;
}

export async function deleteView(ctx: TenantCtx, id: string) {
  const deleted = await ctx.tx.delete(savedViews).where(and(eq(savedViews.id, id), eq(savedViews.orgId, ctx.orgId), eq(savedViews.userId, ctx.actor.userId!))).returning();
  if (deleted.length === 0) throw new AppError('members.view_not_found');
  await recordAudit(ctx, { action: 'saved_view.delete', entityType: 'saved_view', entityId: id, before: { name: deleted[0]!.name } });
}
