import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { API_TOKEN_SORTS, ApiTokenQuery } from '../../../contracts/orgs.js';
import { recordAudit } from '../../platform/audit/record.js';
import { hashSecret, newSecret } from '../../platform/auth/tokens.js';
import { escapeLike } from '../../platform/db/like.js';
import { sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { presentApiToken } from './present.js';
import { apiTokens } from '../../platform/tenants/tables.js';

/** The columns the tokens sort by (contracts' API_TOKEN_SORTS); a token never used has no last use, listed last both ways. */
const API_TOKEN_LIST: SortedList<(typeof API_TOKEN_SORTS)[number]> = {
  id: apiTokens.id,
  columns: {
    name: { by: apiTokens.name, type: 'text' },
    created: { by: apiTokens.createdAt, type: 'timestamptz' },
    used: { by: apiTokens.lastUsedAt, type: 'timestamptz', nullable: true },
  },
};

/** A page of the organisation's tokens, as `presentApiToken` shows them: never the secret nor its hash. */
export async function listApiTokens(ctx: TenantCtx, query: ApiTokenQuery) {
  const pattern = query.q ? `%${escapeLike(query.q)}%` : null;
  const page = await sortedPage(API_TOKEN_LIST, query, (k) => ctx.tx.select({ row: apiTokens, k }).from(apiTokens).$dynamic(), [
    eq(apiTokens.orgId, ctx.orgId),
    pattern ? sql`${apiTokens.name} ILIKE ${pattern}` : undefined,
    query.role ? eq(apiTokens.role, query.role) : undefined,
    query.status === 'active' ? isNull(apiTokens.revokedAt) : query.status === 'revoked' ? isNotNull(apiTokens.revokedAt) : undefined,
  ], (r) => r.row.id);
  return { nextCursor: page.nextCursor, items: page.items.map((r) => presentApiToken(r.row)) };
}

/** The secret is returned once, here; only its hash is kept. */
export async function createApiToken(ctx: TenantCtx, input: { name: string; role: 'staff' | 'viewer' }) {
  const secret = newSecret('rt_');
  const [row] = await ctx.tx
    .insert(apiTokens)
    .values({ orgId: ctx.orgId, name: input.name, role: input.role, tokenHash: hashSecret(secret), createdBy: ctx.actor.userId })
    .returning();
  await recordAudit(ctx, { action: 'api_token.create', entityType: 'api_token', entityId: row!.id, after: { name: input.name, role: input.role } });
  return { token: presentApiToken(row!), secret };
}

export async function revokeApiToken(ctx: TenantCtx, id: string) {
  const [row] = await ctx.tx
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.orgId, ctx.orgId), isNull(apiTokens.revokedAt)))
    .returning();
  if (!row) throw new AppError('orgs.token_not_found');
  await recordAudit(ctx, { action: 'api_token.revoke', entityType: 'api_token', entityId: id, before: { name: row.name } });
}
