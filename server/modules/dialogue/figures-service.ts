import { sql } from 'drizzle-orm';
import { dayIn, dayTextIn } from '../../platform/db/day-in.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { currentOrgClock } from '../orgs/org-service.js';
import { visibleForumIds } from './forum-service.js';

/** Dialogue meetings held in a period (days in the organisation's time zone). */
export async function meetingsHeldBetween(ctx: TenantCtx, startsOn: string, endsOn: string) {
  const { timeZone } = await currentOrgClock(ctx);
  const rows = await ctx.tx.execute<{ id: string; on: string }>(sql`
    SELECT m.id, ${dayTextIn(timeZone, sql`m.starts_at`)} AS on FROM forum_meetings m
    WHERE m.org_id = ${ctx.orgId} AND m.status = 'held' AND ${dayIn(timeZone, sql`m.starts_at`)} BETWEEN ${startsOn}::date AND ${endsOn}::date`);
  return rows.rows;
}

/** Decisions of dialogue meetings carried out (closed as done) in a period. */
export async function decisionsDoneBetween(ctx: TenantCtx, startsOn: string, endsOn: string) {
  const { timeZone } = await currentOrgClock(ctx);
  const rows = await ctx.tx.execute<{ id: string; on: string }>(sql`
    SELECT d.id, ${dayTextIn(timeZone, sql`d.closed_at`)} AS on FROM forum_decisions d
    WHERE d.org_id = ${ctx.orgId} AND d.status = 'done' AND ${dayIn(timeZone, sql`d.closed_at`)} BETWEEN ${startsOn}::date AND ${endsOn}::date`);
  return rows.rows;
}

/** Decisions still open in the forums the person may see, and those of them past their deadline (`today` on the organisation's calendar). */
export async function openDecisionCounts(ctx: TenantCtx, today: string): Promise<{ open: number; overdue: number }> {
  const visible = await visibleForumIds(ctx);
  if (visible && !visible.length) return { open: 0, overdue: 0 };
  const [row] = (await ctx.tx.execute<{ open: number; overdue: number }>(sql`
    SELECT count(*)::int AS open, (count(*) FILTER (WHERE d.due_on < ${today}::date))::int AS overdue
    FROM forum_decisions d JOIN forum_meetings m ON m.org_id = d.org_id AND m.id = d.meeting_id
    WHERE d.org_id = ${ctx.orgId} AND d.status = 'open'
      ${visible ? sql`AND m.forum_id IN (${sql.join(visible.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``}`)).rows;
  return row ?? { open: 0, overdue: 0 };
}
