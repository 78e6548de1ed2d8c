import { eq, or, sql } from 'drizzle-orm';
import type { OUTBOX_SORTS, OutboxEntry, OutboxQuery } from '../../../contracts/mail.js';
import { escapeLike } from '../db/like.js';
import { sortedPage, type SortedList } from '../db/sorted-list.js';
import type { TenantCtx } from '../db/tenancy.js';
import { presentOutboxEntry } from './present.js';
import { mailOutbox } from './tables.js';

/** The columns the outbox sorts by (contracts' OUTBOX_SORTS). */
const OUTBOX_LIST: SortedList<(typeof OUTBOX_SORTS)[number]> = {
  id: mailOutbox.id,
  columns: {
    created: { by: mailOutbox.createdAt, type: 'timestamptz' },
    to: { by: sql`lower(${mailOutbox.toEmail})`, type: 'text' },
    subject: { by: sql`lower(${mailOutbox.subject})`, type: 'text' },
  },
};

/**
 * A page of the organisation's outbox: its own mail and the system mail it
 * may hand over. `sends` says whether mail leaves (SMTP configured), which
 * decides whether a personal link is shown.
 */
export async function listOutbox(ctx: TenantCtx, query: OutboxQuery, sends: boolean): Promise<{ items: OutboxEntry[]; nextCursor: string | null }> {
  const pattern = query.q ? `%${escapeLike(query.q)}%` : null;
  const page = await sortedPage(OUTBOX_LIST, query, (k) => ctx.tx.select({ row: mailOutbox, k }).from(mailOutbox).$dynamic(), [
    or(eq(mailOutbox.orgId, ctx.orgId), eq(mailOutbox.handoverOrgId, ctx.orgId)),
    query.status ? eq(mailOutbox.status, query.status) : undefined,
    pattern ? sql`(${mailOutbox.toEmail} ILIKE ${pattern} OR ${mailOutbox.subject} ILIKE ${pattern})` : undefined,
  ], (r) => r.row.id);
  return { items: page.items.map((r) => presentOutboxEntry(r.row, sends)), nextCursor: page.nextCursor };
}
