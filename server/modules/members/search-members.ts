import { and, sql } from 'drizzle-orm';
import type { MemberQuery } from '../../../contracts/members.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { listByFilters } from './list-by-filters.js';
import { memberConditions, type MemberFilters } from './member-conditions.js';
import { searchByName } from './search-by-name.js';
import type { MemberShownRow } from './present.js';
import { members } from './tables.js';

/**
 * A page of firms; `total` is given when the search found it on the way, else
 * undefined; `totalEstimated` when it is the planner's estimate (list-by-filters.ts).
 */
export async function searchMembers(ctx: TenantCtx, query: MemberQuery): Promise<{
  items: MemberShownRow[];
  nextCursor: string | null;
  total: number | null | undefined;
  totalEstimated?: boolean;
}> {
  return query.q ? searchByName(ctx, query as MemberQuery & { q: string }) : listByFilters(ctx, query);
}

export async function countMembers(ctx: TenantCtx, filter: MemberFilters) {
  const [row] = await ctx.tx.select({ n: sql<number>`count(*)::int` }).from(members).where(and(...memberConditions(ctx, filter)));
  return row!.n;
}
