import { and, asc, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { MemberStatus, SizeClass } from '../../../contracts/members.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { orgToday } from '../orgs/org-service.js';
import { issueRenewalInvoice } from './billing-service.js';
import { getMember } from './member-service.js';
import { members, membershipFees, membershipStatusHistory, membershipTiers } from './tables.js';
import { clock } from '../../platform/clock.js';

/**
 * Moves a firm to another membership status and keeps the history. Becoming
 * active from applicant (approval) or from lapsed (renewal) starts a new
 * membership year and issues its invoice.
 */
export async function changeStatus(ctx: TenantCtx, memberId: string, to: MemberStatus, reason: string, today = clock.now()) {
  const member = await getMember(ctx, memberId);
  if (member.status === to) throw new AppError('members.status_unchanged', { status: to });
  if (to === 'applicant') throw new AppError('validation_failed', {}, [{ path: 'status', code: 'members.status_unchanged' }]);
  const startsYear = to === 'active' && (member.status === 'applicant' || member.status === 'lapsed' || !member.renewalDueOn);
  const day = await orgToday(ctx, today);
  const [after] = await ctx.tx
    .update(members)
    .set({
      status: to,
      joinedOn: member.joinedOn ?? (to === 'active' ? day : null),
      renewalDueOn: startsYear ? sql`(${day}::date + interval '1 year')::date` : member.renewalDueOn,
      version: sql`${members.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(members.id, memberId), eq(members.orgId, ctx.orgId)))
    .returning();
  await ctx.tx.insert(membershipStatusHistory).values({ orgId: ctx.orgId, memberId, fromStatus: member.status, toStatus: to, reason, changedBy: ctx.actor.name });
  await recordAudit(ctx, { action: 'member.status_change', entityType: 'member', entityId: memberId, before: { status: member.status }, after: { status: to, reason } });
  if (startsYear) await issueRenewalInvoice(ctx, after!, day);
  return after!;
}

export async function statusHistory(ctx: TenantCtx, memberId: string) {
  await getMember(ctx, memberId);
  // The sequence orders the history and is no part of it (the privacy export shows these rows).
  const { seq: _seq, ...columns } = getTableColumns(membershipStatusHistory);
  return ctx.tx
    .select(columns)
    .from(membershipStatusHistory)
    .where(and(eq(membershipStatusHistory.orgId, ctx.orgId), eq(membershipStatusHistory.memberId, memberId)))
    .orderBy(desc(membershipStatusHistory.seq));
}

export async function listTiers(ctx: TenantCtx) {
  const tiers = await ctx.tx.select().from(membershipTiers).where(eq(membershipTiers.orgId, ctx.orgId)).orderBy(asc(membershipTiers.name));
  const fees = await ctx.tx.select().from(membershipFees).where(eq(membershipFees.orgId, ctx.orgId));
  return tiers.map((t) => {
    const fee = (size: SizeClass) => fees.find((f) => f.tierId === t.id && f.sizeClass === size)?.annualFee ?? null;
    return { id: t.id, name: t.name, description: t.description, active: t.active, fees: { micro: fee('micro'), small: fee('small'), medium: fee('medium'), large: fee('large') } };
  });
}

type TierInput = { name: string; description: string; active: boolean; fees: Record<SizeClass, number> };

async function saveFees(ctx: TenantCtx, tierId: string, fees: Record<SizeClass, number>) {
  await ctx.tx.delete(membershipFees).where(and(eq(membershipFees.orgId, ctx.orgId), eq(membershipFees.tierId, tierId)));
  await ctx.tx.insert(membershipFees).values(Object.entries(fees).map(([sizeClass, annualFee]) => ({ orgId: ctx.orgId, tierId, sizeClass, annualFee })));
}

export async function createTier(ctx: TenantCtx, input: TierInput) {
  const [tier] = await ctx.tx.insert(membershipTiers).values({ orgId: ctx.orgId, name: input.name, description: input.description, active: input.active }).returning();
  await saveFees(ctx, tier!.id, input.fees);
  await recordAudit(ctx, { action: 'tier.create', entityType: 'membership_tier', entityId: tier!.id, after: input });
  return tier!;
}

export async function updateTier(ctx: TenantCtx, id: string, input: TierInput) {
  const before = (await listTiers(ctx)).find((t) => t.id === id);
  if (!before) throw new AppError('members.tier_not_found');
  await ctx.tx.update(membershipTiers).set({ name: input.name, description: input.description, active: input.active }).where(and(eq(membershipTiers.id, id), eq(membershipTiers.orgId, ctx.orgId)));
  await saveFees(ctx, id, input.fees);
  await recordAudit(ctx, { action: 'tier.update', entityType: 'membership_tier', entityId: id, before, after: input });
}
