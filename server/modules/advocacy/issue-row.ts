import { and, eq } from 'drizzle-orm';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { advocacyIssues } from './tables.js';

export type IssueRow = typeof advocacyIssues.$inferSelect;

/** One advocacy issue of the organisation; `lock` holds it for the change that follows. */
export async function getIssueRow(ctx: TenantCtx, id: string, lock = false): Promise<IssueRow> {
  const query = ctx.tx.select().from(advocacyIssues).where(and(eq(advocacyIssues.id, id), eq(advocacyIssues.orgId, ctx.orgId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('advocacy.issue_not_found');
  return row;
}
