import { and, eq } from 'drizzle-orm';
import type { ApprovedPaper } from '../../../contracts/position-papers.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { approvedPapersOfIssue } from '../advocacy/paper-service.js';
import { getMeetingRow } from './meeting-row.js';
import { agendaItems } from './tables.js';

/**
 * The position papers behind an agenda item, as approved: whoever may see the
 * meeting (an official, the forums they sit in) reads what the organisation
 * brings to the table, not its drafts.
 */
export async function papersOfAgendaItem(ctx: TenantCtx, meetingId: string, itemId: string): Promise<ApprovedPaper[]> {
  await getMeetingRow(ctx, meetingId);
  const [item] = await ctx.tx.select({ issueId: agendaItems.issueId }).from(agendaItems).where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId), eq(agendaItems.orgId, ctx.orgId)));
  if (!item) throw new AppError('dialogue.agenda_item_not_found');
  return item.issueId ? approvedPapersOfIssue(ctx, item.issueId) : [];
}
