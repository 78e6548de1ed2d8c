import { and, count, eq, sql } from 'drizzle-orm';
import type { PERSON_SORTS, PersonQuery } from '../../../contracts/orgs.js';
import type { Role } from '../../../contracts/roles.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { recordAudit } from '../../platform/audit/record.js';
import { users } from '../../platform/auth/tables.js';
import { sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { userRoles } from '../../platform/tenants/tables.js';
import { presentPerson } from './present.js';

/** The columns the list sorts by (contracts' PERSON_SORTS): names as people read them, whatever their capitals. */
const PERSON_LIST: SortedList<(typeof PERSON_SORTS)[number]> = {
  id: users.id,
  columns: {
    name: { by: sql`lower(${users.name})`, type: 'text' },
    since: { by: userRoles.createdAt, type: 'timestamptz' },
  },
};

export async function listPeople(ctx: TenantCtx, query: PersonQuery) {
  const page = await sortedPage(PERSON_LIST, query, (k) => ctx.tx
    .select({ userId: users.id, name: users.name, email: users.email, role: userRoles.role, since: userRoles.createdAt, k })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .$dynamic(), [eq(userRoles.orgId, ctx.orgId), query.role ? eq(userRoles.role, query.role) : undefined], (r) => r.userId);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map(({ k: _k, ...person }) => presentPerson(person)),
  };
}

async function currentRole(ctx: TenantCtx, userId: string): Promise<Role> {
  const [row] = await ctx.tx
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(and(eq(userRoles.orgId, ctx.orgId), eq(userRoles.userId, userId)))
    .for('update');
  if (!row) throw new AppError('orgs.user_not_found');
  return row.role as Role;
}

// An organisation must keep one admin, or nobody could manage it again.
async function refuseLosingLastAdmin(ctx: TenantCtx, from: Role, to: Role | null) {
  if (from !== 'admin' || to === 'admin') return;
  const [row] = await ctx.tx
    .select({ n: count() })
    .from(userRoles)
    .where(and(eq(userRoles.orgId, ctx.orgId), eq(userRoles.role, 'admin')));
  if ((row?.n ?? 0) <= 1) throw new AppError('orgs.last_admin');
}

export async function changeRole(ctx: TenantCtx, userId: string, role: Role) {
  const before = await currentRole(ctx, userId);
  if (before === role) return nothingChanged();
  await refuseLosingLastAdmin(ctx, before, role);
  await ctx.tx.update(userRoles).set({ role }).where(and(eq(userRoles.orgId, ctx.orgId), eq(userRoles.userId, userId)));
  await recordAudit(ctx, { action: 'person.role_change', entityType: 'user', entityId: userId, before: { role: before }, after: { role } });
}

export async function removePerson(ctx: TenantCtx, userId: string) {
  const before = await currentRole(ctx, userId);
  await refuseLosingLastAdmin(ctx, before, null);
  await ctx.tx.delete(userRoles).where(and(eq(userRoles.orgId, ctx.orgId), eq(userRoles.userId, userId)));
  await recordAudit(ctx, { action: 'person.remove', entityType: 'user', entityId: userId, before: { role: before } });
}
