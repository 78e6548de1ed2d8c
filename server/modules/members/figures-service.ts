import { sql, type SQL } from 'drizzle-orm';
import { dayIn, dayTextIn } from '../../platform/db/day-in.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { currentOrgClock } from '../orgs/org-service.js';
import { arrayLiteral } from '../../platform/db/array-literal.js';

/** A member firm as the results module counts it: who it is, and the date it counted. */
export type FirmFigure = {
  id: string;
  on: string;
  sizeClass: string | null;
  region: string | null;
  sector: string | null;
  formality: string;
  womenLed: boolean;
};

const firmColumns = sql`m.id, m.size_class AS "sizeClass", m.region, m.isic_section AS sector, m.formality, m.women_led AS "womenLed"`;

/** Member firms counted in one cell: of one size class, region, sector, formality and women-led or not. */
export type FirmCell = Omit<FirmFigure, 'id' | 'on'> & { firms: number };

/** Counts firms in the database by who they are (the `firmColumns` but the id): only the cells leave it. */
const firmCells = async (ctx: TenantCtx, from: SQL) =>
  (await ctx.tx.execute<FirmCell>(sql`
    SELECT m.size_class AS "sizeClass", m.region, m.isic_section AS sector, m.formality, m.women_led AS "womenLed", count(*)::int AS firms
    FROM ${from} GROUP BY 1, 2, 3, 4, 5`)).rows;

/** Each firm's latest status change up to the end of `endsOn`, of those active then, with the firm (`m`). */
const activeAt = (ctx: TenantCtx, timeZone: string, endsOn: string) => sql`
    (SELECT DISTINCT ON (h.member_id) h.member_id, h.to_status, h.changed_at
          FROM membership_status_history h
          WHERE h.org_id = ${ctx.orgId} AND ${dayIn(timeZone, sql`h.changed_at`)} <= ${endsOn}::date
          ORDER BY h.member_id, h.seq DESC) last
    JOIN members m ON m.org_id = ${ctx.orgId} AND m.id = last.member_id
    WHERE last.to_status = 'active'`;

/**
 * Firms that were active members at the end of `endsOn` (in the organisation's
 * time zone), by their status history (the latest change up to then), with the
 * day they last became so.
 */
export async function activeMembersAt(ctx: TenantCtx, endsOn: string): Promise<FirmFigure[]> {
  const { timeZone } = await currentOrgClock(ctx);
  const rows = await ctx.tx.execute<FirmFigure>(sql`SELECT ${firmColumns}, ${dayTextIn(timeZone, sql`last.changed_at`)} AS on FROM ${activeAt(ctx, timeZone, endsOn)}`);
  return rows.rows;
}

/** The firms of `activeMembersAt`, counted by cell. */
export async function activeMembersCountedAt(ctx: TenantCtx, endsOn: string): Promise<FirmCell[]> {
  const { timeZone } = await currentOrgClock(ctx);
  return firmCells(ctx, activeAt(ctx, timeZone, endsOn));
}

/** The day each firm first became an active member (`first.joined`), of those for whom it falls in the period, with the firm (`m`). */
const joinedBetween = (ctx: TenantCtx, timeZone: string, startsOn: string, endsOn: string) => sql`
    (SELECT h.member_id, least(min(m.joined_on), min(${dayIn(timeZone, sql`h.changed_at`)})) AS joined
          FROM membership_status_history h JOIN members m ON m.org_id = h.org_id AND m.id = h.member_id
          WHERE h.org_id = ${ctx.orgId} AND h.to_status = 'active'
          GROUP BY h.member_id) first
    JOIN members m ON m.org_id = ${ctx.orgId} AND m.id = first.member_id
    WHERE first.joined BETWEEN ${startsOn}::date AND ${endsOn}::date`;

/**
 * Firms whose first time as an active member falls in the period: new members,
 * each once. A firm that says when it joined (`joined_on`, as a register
 * imported from a spreadsheet does) counts on that day, not on the day of the import.
 */
export async function newMembersBetween(ctx: TenantCtx, startsOn: string, endsOn: string): Promise<FirmFigure[]> {
  const { timeZone } = await currentOrgClock(ctx);
  const rows = await ctx.tx.execute<FirmFigure>(sql`SELECT ${firmColumns}, to_char(first.joined, 'YYYY-MM-DD') AS on FROM ${joinedBetween(ctx, timeZone, startsOn, endsOn)}`);
  return rows.rows;
}

/** The firms of `newMembersBetween`, counted by cell. */
export async function newMembersCountedBetween(ctx: TenantCtx, startsOn: string, endsOn: string): Promise<FirmCell[]> {
  const { timeZone } = await currentOrgClock(ctx);
  return firmCells(ctx, joinedBetween(ctx, timeZone, startsOn, endsOn));
}

/** Member firms by id, as the results module counts them (for firms reached through other records). */
export async function firmFigures(ctx: TenantCtx, ids: string[]): Promise<Map<string, Omit<FirmFigure, 'on'>>> {
  if (!ids.length) return new Map();
  const rows = await ctx.tx.execute<Omit<FirmFigure, 'on'>>(sql`SELECT ${firmColumns} FROM members m WHERE m.org_id = ${ctx.orgId} AND m.id = ANY(${arrayLiteral([...new Set(ids)])}::uuid[])`);
  return new Map(rows.rows.map((r) => [r.id, r]));
}

/** Firms of the registry (any status) in a subdivision, or one of its districts, by ISIC section and size class (null where not stated). */
export async function firmsInRegion(ctx: TenantCtx, place: { region: string; district: string | null }): Promise<Array<{ sector: string | null; sizeClass: string | null; count: number }>> {
  const rows = await ctx.tx.execute<{ sector: string | null; sizeClass: string | null; count: string }>(sql`
    SELECT m.isic_section AS sector, m.size_class AS "sizeClass", count(*) AS count
    FROM members m
    WHERE m.org_id = ${ctx.orgId} AND m.region = ${place.region}
      ${place.district ? sql`AND lower(m.district) = lower(${place.district})` : sql``}
    GROUP BY 1, 2`);
  return rows.rows.map((r) => ({ sector: r.sector, sizeClass: r.sizeClass, count: Number(r.count) }));
}
