import { and, asc, eq, sql } from 'drizzle-orm';
import type { BRANCH_SORTS, BranchQuery, OrgInput } from '../../../contracts/orgs.js';
import { recordAudit } from '../../platform/audit/record.js';
import { escapeLike } from '../../platform/db/like.js';
import { sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { isConstraintViolation } from '../../platform/db/pg-errors.js';
import { orgSnapshot, roleOfUser, withClockDefaults } from '../../platform/tenants/tenants.js';
import { orgs, userRoles } from '../../platform/tenants/tables.js';
import { presentOrg } from './present.js';

/** The columns the branches sort by (contracts' BRANCH_SORTS): `since` is when the branch's organisation was created. */
const BRANCH_LIST: SortedList<(typeof BRANCH_SORTS)[number]> = {
  id: orgs.id,
  columns: {
    name: { by: orgs.name, type: 'text' },
    since: { by: orgs.createdAt, type: 'timestamptz' },
  },
};

/** Every organisation under this one, by name: what other modules check a branch against and name it by. */
export async function listBranches(ctx: TenantCtx) {
  return ctx.tx.select().from(orgs).where(eq(orgs.parentId, ctx.orgId)).orderBy(asc(orgs.name));
}

/** A page of the organisations under this one, by name unless sorted otherwise (the list of branches and its download). */
export async function listBranchPage(ctx: TenantCtx, query: BranchQuery) {
  const pattern = query.q ? `%${escapeLike(query.q)}%` : null;
  const page = await sortedPage(BRANCH_LIST, query, (k) => ctx.tx.select({ row: orgs, k }).from(orgs).$dynamic(), [
    eq(orgs.parentId, ctx.orgId),
    pattern ? sql`${orgs.name} ILIKE ${pattern}` : undefined,
    query.kind ? eq(orgs.kind, query.kind) : undefined,
  ], (r) => r.row.id);
  return { nextCursor: page.nextCursor, items: page.items.map((r) => presentOrg(r.row)) };
}

/** A new branch under the current organisation; the acting admin becomes its first admin. */
export async function createBranch(ctx: TenantCtx, input: OrgInput) {
  const [branch] = await ctx.tx.insert(orgs).values({ ...withClockDefaults(input), parentId: ctx.orgId }).returning();
  if (ctx.actor.userId) await ctx.tx.insert(userRoles).values({ orgId: branch!.id, userId: ctx.actor.userId, role: 'admin' });
  await recordAudit(ctx, { action: 'branch.create', entityType: 'org', entityId: branch!.id, after: orgSnapshot(branch!) });
  return branch!;
}

/** Makes an existing organisation a branch; only someone who administers both may. */
export async function attachBranch(ctx: TenantCtx, branchId: string) {
  if (branchId === ctx.orgId) throw new AppError('orgs.branch_cycle');
  if (!ctx.actor.userId || (await roleOfUser(ctx.tx, ctx.actor.userId, branchId)) !== 'admin') {
    throw new AppError('orgs.not_admin_of_branch');
  }
  const [target] = await ctx.tx.select().from(orgs).where(eq(orgs.id, branchId));
  if (!target) throw new AppError('orgs.not_found');
  if (target.parentId) throw new AppError('orgs.already_branch');
  try {
    const [after] = await ctx.tx
      .update(orgs)
      .set({ parentId: ctx.orgId, updatedAt: sql`now()` })
      .where(eq(orgs.id, branchId))
      .returning();
    await recordAudit(ctx, { action: 'branch.attach', entityType: 'org', entityId: branchId, before: { parentId: null }, after: { parentId: ctx.orgId } });
    return after!;
  } catch (error) {
    if (isConstraintViolation(error, 'orgs_branch_cycle')) throw new AppError('orgs.branch_cycle');
    throw error;
  }
}

export async function detachBranch(ctx: TenantCtx, branchId: string) {
  const [branch] = await ctx.tx.select().from(orgs).where(and(eq(orgs.id, branchId), eq(orgs.parentId, ctx.orgId)));
  if (!branch) throw new AppError('orgs.not_found');
  // No RETURNING: once detached, the branch is no longer visible from here.
  await ctx.tx.update(orgs).set({ parentId: null, updatedAt: sql`now()` }).where(eq(orgs.id, branchId));
  await recordAudit(ctx, { action: 'branch.detach', entityType: 'org', entityId: branchId, before: { parentId: ctx.orgId }, after: { parentId: null } });
  return { ...branch, parentId: null };
}
