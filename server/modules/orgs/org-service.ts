import { and, eq, inArray, sql } from 'drizzle-orm';
import type { OrgInput } from '../../../contracts/orgs.js';
import type { Role } from '../../../contracts/roles.js';
import { changedFields, recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx, Tx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { todayIn, type OrgClock } from '../../../contracts/time.js';
import { defaultLocale, defaultTimeZone, orgClock } from '../../platform/org-clock.js';
import { orgSnapshot } from './present.js';
import { orgs, userRoles } from './tables.js';

export async function getCurrentOrg(ctx: TenantCtx) {
  const [row] = await ctx.tx.select().from(orgs).where(eq(orgs.id, ctx.orgId));
  if (!row) throw new AppError('orgs.not_found');
  return row;
}

/** The current organisation's time zone and locale. */
export async function currentOrgClock(ctx: TenantCtx) {
  return orgClock(await getCurrentOrg(ctx));
}

/** The current organisation's "today" (YYYY-MM-DD): a deadline in Kolkata ends at midnight in Kolkata. */
export async function orgToday(ctx: TenantCtx, now = new Date()) {
  return todayIn((await currentOrgClock(ctx)).timeZone, now);
}

/** An organisation's settings as given, with time zone and locale from its country where left out. */
export function withClockDefaults(input: OrgInput): OrgInput & { timeZone: string; locale: string } {
  return { ...input, timeZone: input.timeZone ?? defaultTimeZone(input.country), locale: input.locale ?? defaultLocale(input.country, input.languages) };
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
  }
  return after!;
}

/**
 * Creates an organisation with `userId` as its first admin. Runs as the
 * system: the new organisation is nobody's tenant yet.
 */
export async function createOrgWithAdmin(tx: Tx, input: OrgInput, admin: { userId: string; name: string }, parentId: string | null = null) {
  const [org] = await tx.insert(orgs).values({ ...withClockDefaults(input), parentId }).returning();
  await tx.insert(userRoles).values({ orgId: org!.id, userId: admin.userId, role: 'admin' });
  const ctx = { tx, orgId: org!.id, role: 'admin' as Role, actor: { userId: admin.userId, name: admin.name }, locale: 'en' };
  await recordAudit(ctx, { action: 'org.create', entityType: 'org', entityId: org!.id, after: orgSnapshot(org!) });
  await recordAudit(ctx, { action: 'person.add', entityType: 'user', entityId: admin.userId, after: { role: 'admin' } });
  return org!;
}

/** The time zone and locale of each of these organisations, for jobs that run across them. */
export async function orgClocks(tx: Tx, orgIds: string[]): Promise<Map<string, OrgClock>> {
  if (!orgIds.length) return new Map();
  const rows = await tx.select({ id: orgs.id, country: orgs.country, languages: orgs.languages, timeZone: orgs.timeZone, locale: orgs.locale }).from(orgs).where(inArray(orgs.id, [...new Set(orgIds)]));
  return new Map(rows.map((r) => [r.id, orgClock(r)]));
}

/** The organisations a person belongs to, for the switcher. */
export async function listOrgsOfUser(tx: Tx, userId: string) {
  return tx
    .select({ id: orgs.id, name: orgs.name, role: userRoles.role, parentId: orgs.parentId })
    .from(userRoles)
    .innerJoin(orgs, eq(orgs.id, userRoles.orgId))
    .where(eq(userRoles.userId, userId))
    .orderBy(sql`${orgs.parentId} is not null`, orgs.name);
}

export async function roleOfUser(tx: Tx, userId: string, orgId: string): Promise<Role | null> {
  const [row] = await tx
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(and(eq(userRoles.userId, userId), eq(userRoles.orgId, orgId)));
  return (row?.role as Role) ?? null;
}
