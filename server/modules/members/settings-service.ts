import { eq, sql } from 'drizzle-orm';
import type { MemberSettingsInput } from '../../../contracts/members.js';
import { changedFields, recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { DEFAULT_THRESHOLDS, sizeClassSql, type SizeThresholds } from './size-class.js';
import { members, memberSettings } from './tables.js';

export async function getMemberSettings(ctx: TenantCtx) {
  const [row] = await ctx.tx.select().from(memberSettings).where(eq(memberSettings.orgId, ctx.orgId));
  return row ?? { orgId: ctx.orgId, ...DEFAULT_THRESHOLDS, districts: [] as Array<{ region: string; name: string }>, updatedAt: new Date(0) };
}

/**
 * Recomputes every member's size class in one UPDATE (`sizeClassSql`, the
 * rule of `sizeClassOf`): reading the firms and grouping them in JavaScript
 * took 14 s for 100,000 firms inside the transaction. Only firms whose class
 * changes are written.
 */
async function reclassifyMembers(ctx: TenantCtx, thresholds: SizeThresholds) {
  const computed = sizeClassSql(thresholds, members.employeesFemale, members.employeesMale, members.turnover);
  await ctx.tx.execute(sql`UPDATE ${members} SET size_class = ${computed} WHERE ${members.orgId} = ${ctx.orgId} AND ${members.sizeClass} IS DISTINCT FROM ${computed}`);
}

/** Saves thresholds and districts; every member's size class follows new thresholds at once. */
export async function updateMemberSettings(ctx: TenantCtx, input: MemberSettingsInput) {
  const before = await getMemberSettings(ctx);
  const [after] = await ctx.tx
    .insert(memberSettings)
    .values({ orgId: ctx.orgId, ...input })
    .onConflictDoUpdate({ target: memberSettings.orgId, set: { ...input, updatedAt: sql`now()` } })
    .returning();
  await reclassifyMembers(ctx, after!);
  const { orgId: _a, updatedAt: _b, ...b } = before;
  const { orgId: _c, updatedAt: _d, ...a } = after!;
  await recordAudit(ctx, { action: 'members.settings_update', entityType: 'member_settings', entityId: ctx.orgId, ...changedFields(b, a) });
  return after!;
}
