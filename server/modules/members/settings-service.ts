import { and, eq, inArray, sql } from 'drizzle-orm';
import type { MemberSettingsInput } from '../../../contracts/members.js';
import { changedFields, recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { DEFAULT_THRESHOLDS, sizeClassOf, totalEmployees, type SizeThresholds } from './size-class.js';
import { members, memberSettings } from './tables.js';

export async function getMemberSettings(ctx: TenantCtx) {
  const [row] = await ctx.tx.select().from(memberSettings).where(eq(memberSettings.orgId, ctx.orgId));
  return row ?? { orgId: ctx.orgId, ...DEFAULT_THRESHOLDS, districts: [] as Array<{ region: string; name: string }>, updatedAt: new Date(0) };
}

/** Recomputes every member's size class with `sizeClassOf`, one UPDATE per class. */
async function reclassifyMembers(ctx: TenantCtx, thresholds: SizeThresholds) {
  const rows = await ctx.tx
    .select({ id: members.id, female: members.employeesFemale, male: members.employeesMale, turnover: members.turnover })
    .from(members)
    .where(eq(members.orgId, ctx.orgId));
  const byClass = new Map<string | null, string[]>();
  for (const r of rows) {
    const c = sizeClassOf(thresholds, totalEmployees(r.female, r.male), r.turnover);
    byClass.set(c, [...(byClass.get(c) ?? []), r.id]);
  }
  for (const [sizeClass, ids] of byClass) {
    // Chunks keep each statement under PostgreSQL's 65,535 parameters.
    for (let i = 0; i < ids.length; i += 10_000) {
      await ctx.tx.update(members).set({ sizeClass }).where(and(eq(members.orgId, ctx.orgId), inArray(members.id, ids.slice(i, i + 10_000))));
    }
  }
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
