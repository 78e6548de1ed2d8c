import { sql } from 'drizzle-orm';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { orgToday } from '../orgs/org-service.js';

type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v ?? 0);

/**
 * The membership at a glance: status counts, a monthly series of active
 * members, joins, lapses and fee income over `months`, arrears, and the
 * active membership by sector, region, size and ownership.
 */
export async function membershipDashboard(ctx: TenantCtx, months = 12, today?: string) {
  // Arrears and this month's income are counted by the organisation's calendar.
  today ??= await orgToday(ctx);
  const org = ctx.orgId;
  const run = async (q: ReturnType<typeof sql>) => (await ctx.tx.execute<Row>(q)).rows;
  const statuses = await run(sql`SELECT status, count(*)::int AS n FROM members WHERE org_id = ${org} GROUP BY status`);
  const series = await run(sql`
    WITH m AS (
      SELECT generate_series(date_trunc('month', ${today}::date) - make_interval(months => ${months - 1}), date_trunc('month', ${today}::date), interval '1 month')::date AS month
    )
    SELECT to_char(m.month, 'YYYY-MM') AS month,
      (SELECT count(*) FROM (
         SELECT DISTINCT ON (h.member_id) h.to_status FROM membership_status_history h
         WHERE h.org_id = ${org} AND h.changed_at < m.month + interval '1 month'
         ORDER BY h.member_id, h.changed_at DESC) last WHERE last.to_status = 'active')::int AS active,
      (SELECT count(*) FROM membership_status_history h WHERE h.org_id = ${org} AND h.to_status = 'active'
         AND h.from_status IS DISTINCT FROM 'suspended' AND date_trunc('month', h.changed_at) = m.month)::int AS joins,
      (SELECT count(*) FROM membership_status_history h WHERE h.org_id = ${org} AND h.to_status IN ('lapsed', 'resigned')
         AND date_trunc('month', h.changed_at) = m.month)::int AS lapses,
      (SELECT coalesce(sum(p.amount), 0) FROM payments p WHERE p.org_id = ${org} AND date_trunc('month', p.paid_on) = m.month)::bigint AS income
    FROM m ORDER BY m.month`);
  const [arrears] = await run(sql`
    SELECT coalesce(sum(i.amount - (SELECT coalesce(sum(p.amount), 0) FROM payments p WHERE p.invoice_id = i.id)), 0)::bigint AS amount,
           count(DISTINCT i.member_id)::int AS firms
    FROM invoices i WHERE i.org_id = ${org} AND i.status = 'open' AND i.due_on < ${today}::date`);
  const breakdown = async (column: string) =>
    (await run(sql`SELECT ${sql.raw(column)} AS key, count(*)::int AS n FROM members WHERE org_id = ${org} AND status = 'active' GROUP BY 1 ORDER BY 2 DESC`)).map((r) => ({
      key: r.key === null ? null : String(r.key),
      count: num(r.n),
    }));
  return {
    statuses: Object.fromEntries(statuses.map((r) => [String(r.status), num(r.n)])),
    series: series.map((r) => ({ month: String(r.month), active: num(r.active), joins: num(r.joins), lapses: num(r.lapses), income: num(r.income) })),
    arrears: { amount: num(arrears?.amount), firms: num(arrears?.firms) },
    bySector: await breakdown('isic_section'),
    byRegion: await breakdown('region'),
    bySize: await breakdown('size_class'),
    byOwnership: await breakdown(`CASE WHEN women_led AND youth_led THEN 'women_and_youth_led' WHEN women_led THEN 'women_led' WHEN youth_led THEN 'youth_led' ELSE 'other' END`),
    byFormality: await breakdown('formality'),
  };
}
