import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.js';
import type { TenantCtx } from '../../../platform/db/tenancy.js';
import { memberImports } from '../tables.js';

/**
 * Takes back an import that did not finish (see commitImport): deletes the firms
 * it created, whose status history, contacts, notes and name words go with them,
 * and marks it 'undone'. Merges are written only in the import's last step, so
 * there are none to take back. A firm someone invoiced while the import ran is
 * kept (invoices are never deleted), and the audit entry counts it. Run again,
 * it removes only what an earlier attempt left.
 */
export async function undoImport(ctx: TenantCtx, which: { importId: string } | { taskId: string }) {
  const mine = and(eq(memberImports.orgId, ctx.orgId), 'importId' in which ? eq(memberImports.id, which.importId) : eq(memberImports.taskId, which.taskId));
  // Marked first: the update waits for a step in progress (stillWriting holds the record), and no step lands after it.
  const marked = await ctx.tx.update(memberImports).set({ state: 'undone' }).where(and(mine, eq(memberImports.state, 'writing'))).returning({ id: memberImports.id });
  // An import already taken back is looked at again: what a failed attempt left goes now.
  const unfinished = await ctx.tx.select({ id: memberImports.id, filename: memberImports.filename }).from(memberImports).where(and(mine, eq(memberImports.state, 'undone')));
  if (!unfinished.length) return;
  const ids = unfinished.map((i) => i.id);
  const removed = await ctx.tx.execute<{ removed: number; kept: number }>(sql`
    WITH gone AS (
      DELETE FROM members m
      WHERE m.org_id = ${ctx.orgId} AND m.import_id IN ${ids}
        AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.org_id = m.org_id AND i.member_id = m.id)
      RETURNING 1)
    SELECT (SELECT count(*) FROM gone)::int AS removed,
           (SELECT count(*) FROM members m WHERE m.org_id = ${ctx.orgId} AND m.import_id IN ${ids})::int
             - (SELECT count(*) FROM gone)::int AS kept`);
  const counts = removed.rows[0]!;
  // A second look that found nothing more to remove leaves the log as it was.
  if (!marked.length && counts.removed === 0) return;
  for (const imp of unfinished) {
    await recordAudit(ctx, { action: 'member.import_undo', entityType: 'member_import', entityId: imp.id, after: { filename: imp.filename, ...counts } });
  }
}
