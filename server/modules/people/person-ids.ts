import { and, eq, inArray } from 'drizzle-orm';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { people } from './tables.js';

/** Follows merges: the record each id of the organisation now stands for (itself when never merged); unknown ids are left out. */
export async function currentPersonIds(ctx: TenantCtx, ids: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  const rows = await ctx.tx.select({ id: people.id, into: people.mergedIntoId }).from(people).where(and(eq(people.orgId, ctx.orgId), inArray(people.id, wanted)));
  // A merge re-points what was merged into the record it absorbs, so one step is enough.
  return new Map(rows.map((r) => [r.id, r.into ?? r.id]));
}
