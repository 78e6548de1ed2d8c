import { and, eq, sql } from 'drizzle-orm';
import type { MemberInput } from '../../../contracts/members.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { invitePerson } from '../orgs/invitation-service.js';
import { getMember, updateMember } from './member-service.js';
import { memberPortalAccess } from './tables.js';
import { users } from '../../platform/auth/tables.js';

/** The firm a member user may see: linked by their e-mail address. */
export async function ownFirm(ctx: TenantCtx) {
  const [me] = await ctx.tx.select({ email: users.email }).from(users).where(eq(users.id, ctx.actor.userId!));
  const [link] = me
    ? await ctx.tx.select().from(memberPortalAccess).where(and(eq(memberPortalAccess.orgId, ctx.orgId), eq(memberPortalAccess.email, me.email.toLowerCase())))
    : [];
  if (!link) throw new AppError('members.not_linked');
  return getMember(ctx, link.memberId);
}

/**
 * A member firm corrects its own profile. Membership fields (tier) stay as
 * the chamber set them: only the firm's facts are the firm's to correct.
 */
export async function correctOwnFirm(ctx: TenantCtx, input: MemberInput & { version: number }) {
  const firm = await ownFirm(ctx);
  return updateMember(ctx, firm.id, { ...input, tierId: firm.tierId });
}

/** Gives an address access to a firm's portal, inviting the person if they are not in the organisation yet. */
export async function grantPortalAccess(ctx: TenantCtx, memberId: string, email: string, publicUrl: string) {
  await getMember(ctx, memberId);
  await ctx.tx
    .insert(memberPortalAccess)
    .values({ orgId: ctx.orgId, memberId, email: email.toLowerCase(), grantedBy: ctx.actor.name })
    .onConflictDoUpdate({ target: [memberPortalAccess.orgId, memberPortalAccess.email], set: { memberId, grantedBy: ctx.actor.name, createdAt: sql`now()` } });
  await recordAudit(ctx, { action: 'member.portal_grant', entityType: 'member', entityId: memberId, after: { email } });
  try {
    await invitePerson(ctx, { email, role: 'member' }, publicUrl);
    return { invited: true };
  } catch (error) {
    if (error instanceof AppError && error.code === 'orgs.already_in_organisation') return { invited: false };
    throw error;
  }
}

export async function listPortalAccess(ctx: TenantCtx, memberId: string) {
  // Another organisation's firm is not found, rather than an empty list.
  await getMember(ctx, memberId);
  return ctx.tx.select().from(memberPortalAccess).where(and(eq(memberPortalAccess.orgId, ctx.orgId), eq(memberPortalAccess.memberId, memberId)));
}

export async function revokePortalAccess(ctx: TenantCtx, memberId: string, email: string) {
  const removed = await ctx.tx
    .delete(memberPortalAccess)
    .where(and(eq(memberPortalAccess.orgId, ctx.orgId), eq(memberPortalAccess.memberId, memberId), eq(memberPortalAccess.email, email.toLowerCase())))
    .returning();
  if (removed.length === 0) throw new AppError('members.not_found');
  await recordAudit(ctx, { action: 'member.portal_revoke', entityType: 'member', entityId: memberId, before: { email } });
}
