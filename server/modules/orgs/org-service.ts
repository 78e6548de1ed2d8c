import { eq, inArray, sql } from 'drizzle-orm';
import type { OrgInput } from '../../../contracts/orgs.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { changedFields, recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx, Tx } from '../../platform/db/tenancy.js';
import { todayIn, type OrgClock } from '../../../contracts/time.js';
import { orgClock } from '../../platform/org-clock.js';
import { orgs } from '../../platform/tenants/tables.js';
import { getCurrentOrg, orgSnapshot } from '../../platform/tenants/tenants.js';
import { clock } from '../../platform/clock.js';

// The organisation, its people and roles are the platform's tenancy
// (platform/tenants): sessions and sign-up stand on them. Other modules ask
// this module for the current organisation and a person's role in it.
export { createOrgWithAdmin, getCurrentOrg, roleOfUser } from '../../platform/tenants/tenants.js';

/** The current organisation's time zone and locale. */
export async function currentOrgClock(ctx: TenantCtx) {
  return orgClock(await getCurrentOrg(ctx));
}

/** The current organisation's "today" (YYYY-MM-DD): a deadline in Kolkata ends at midnight in Kolkata. */
export async function orgToday(ctx: TenantCtx, now = clock.now()) {
  return todayIn((await currentOrgClock(ctx)).timeZone, now);
}

export async function updateOrg(ctx: TenantCtx, input: OrgInput) {
  const before = await getCurrentOrg(ctx);
  const [after] = await ctx.tx
    .update(orgs)
    .set({ ...input, updatedAt: sql`now()` })
    .where(eq(orgs.id, ctx.orgId))
    .returning();
  const diff = changedFields(orgSnapshot(before), orgSnapshot(after!));
  if (Object.keys(diff.after).length > 0) {
    await recordAudit(ctx, { action: 'org.update', entityType: 'org', entityId: ctx.orgId, ...diff });
  } else nothingChanged();
  return after!;
}

/** The time zone and locale of each of these organisations, for jobs that run across them. */
export async function orgClocks(tx: Tx, orgIds: string[]): Promise<Map<string, OrgClock>> {
  if (!orgIds.length) return new Map();
  const rows = await tx.select({ id: orgs.id, country: orgs.country, languages: orgs.languages, timeZone: orgs.timeZone, locale: orgs.locale }).from(orgs).where(inArray(orgs.id, [...new Set(orgIds)]));
  return new Map(rows.map((r) => [r.id, orgClock(r)]));
}

