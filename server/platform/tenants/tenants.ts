import { and, eq, sql } from 'drizzle-orm';
import type { OrgInput } from '../../../contracts/orgs.js';
import type { Role } from '../../../contracts/roles.js';
import { recordAudit } from '../audit/record.js';
import type { TenantCtx, Tx } from '../db/tenancy.js';
import { AppError } from '../errors/app-error.js';
import { defaultLocale, defaultTimeZone } from '../org-clock.js';
import { orgs, userRoles } from './tables.js';

// The tenancy the platform stands on: which organisations a person belongs
// to, with which role, and creating one (sign-up, the operator's command).
// The orgs module manages the rest (settings, branches, people, invitations).

export async function getCurrentOrg(ctx: TenantCtx) {
  const [row] = await ctx.tx.select().from(orgs).where(eq(orgs.id, ctx.orgId));
  if (!row) throw new AppError('orgs.not_found');
  return row;
}

/** The fields of an organisation worth keeping in the audit log. */
export function orgSnapshot(row: typeof orgs.$inferSelect) {
  const { createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}

/** An organisation's settings as given, with time zone and locale from its country where left out. */
export function withClockDefaults(input: OrgInput): OrgInput & { timeZone: string; locale: string } {
  return { ...input, timeZone: input.timeZone ?? defaultTimeZone(input.country), locale: input.locale ?? defaultLocale(input.country, input.languages) };
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
