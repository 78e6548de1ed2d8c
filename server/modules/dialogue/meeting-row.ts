import { and, eq } from 'drizzle-orm';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { getForumRow } from './forum-service.js';
import { forumMeetings } from './tables.js';

export type MeetingRow = typeof forumMeetings.$inferSelect;

/** A meeting of a forum the person may see. */
export async function getMeetingRow(ctx: TenantCtx, id: string, lock = false): Promise<MeetingRow> {
  const query = ctx.tx.select().from(forumMeetings).where(and(eq(forumMeetings.id, id), eq(forumMeetings.orgId, ctx.orgId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('dialogue.meeting_not_found');
  await getForumRow(ctx, row.forumId).catch(() => {
    throw new AppError('dialogue.meeting_not_found');
  });
  return row;
}
