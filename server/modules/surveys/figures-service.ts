import { sql } from 'drizzle-orm';
import { dayIn, dayTextIn } from '../../platform/db/day-in.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { currentOrgClock } from '../orgs/org-service.js';

/** Submitted answers of member firms in a period (days in the organisation's time zone): one per firm and consultation. */
export async function firmsConsultedBetween(ctx: TenantCtx, startsOn: string, endsOn: string) {
  const { timeZone } = await currentOrgClock(ctx);
  const rows = await ctx.tx.execute<{ id: string; memberId: string; consultationId: string; on: string }>(sql`
    SELECT r.id, r.member_id AS "memberId", r.consultation_id AS "consultationId", ${dayTextIn(timeZone, sql`r.submitted_at`)} AS on
    FROM responses r
    WHERE r.org_id = ${ctx.orgId} AND r.status = 'submitted' AND r.member_id IS NOT NULL
      AND ${dayIn(timeZone, sql`r.submitted_at`)} BETWEEN ${startsOn}::date AND ${endsOn}::date`);
  return rows.rows;
}
