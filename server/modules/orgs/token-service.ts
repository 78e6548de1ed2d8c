import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record.js';
import { hashSecret, newSecret } from '../../platform/auth/tokens.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { presentApiToken } from './present.js';
import { apiTokens } from '../../platform/tenants/tables.js';

export async function listApiTokens(ctx: TenantCtx) {
  const rows = await ctx.tx.select().from(apiTokens).where(eq(apiTokens.orgId, ctx.orgId)).orderBy(desc(apiTokens.createdAt));
  return rows.map(presentApiToken);
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
