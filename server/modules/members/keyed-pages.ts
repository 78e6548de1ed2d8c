import { and, eq, inArray } from 'drizzle-orm';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { members } from './tables.js';

/** The member rows of a page whose order was decided on ids alone. */
export async function membersInOrder(ctx: TenantCtx, ids: string[]) {
  if (!ids.length) return [];
  const rows = await ctx.tx.select().from(members).where(and(eq(members.orgId, ctx.orgId), inArray(members.id, ids)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
