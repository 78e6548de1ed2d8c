import { and, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { InvitationFilter, InvitationQuery, INVITATION_SORTS } from '../../../contracts/orgs.js';
import type { Role } from '../../../contracts/roles.js';
import { recordAudit } from '../../platform/audit/record.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { users } from '../../platform/auth/tables.js';
import { hashSecret, newSecret } from '../../platform/auth/tokens.js';
import { escapeLike } from '../../platform/db/like.js';
import { sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import type { TenantCtx, Tx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { orgMailLocale } from '../../platform/i18n/i18n.js';
import { queueMail } from '../../platform/mail/queue-mail.js';
import { getCurrentOrg } from './org-service.js';
import { invitationStatus, presentInvitation } from './present.js';
import { orgs, userRoles } from '../../platform/tenants/tables.js';
import { invitations } from './tables.js';
import { clock } from '../../platform/clock.js';

const INVITATION_DAYS = 7;

export async function invitePerson(ctx: TenantCtx, input: { email: string; role: Role }, publicUrl: string) {
  const [existing] = await ctx.tx
    .select({ userId: users.id })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.orgId, ctx.orgId)))
    .where(sql`lower(${users.email}) = ${input.email}`);
  if (existing) throw new AppError('orgs.already_in_organisation', { email: input.email });
  const org = await getCurrentOrg(ctx);
  const token = newSecret();
  const expiresAt = new Date(clock.ms() + INVITATION_DAYS * 86_400_000);
  const [row] = await ctx.tx
    .insert(invitations)
    .values({
      orgId: ctx.orgId,
      email: input.email,
      role: input.role,
      tokenHash: hashSecret(token),
      invitedBy: ctx.actor.userId,
      expiresAt,
    })
    .returning();
  await queueMail(ctx.tx, {
    orgId: ctx.orgId,
    kind: 'invitation',
    to: input.email,
    // The invitee has no account yet: the organisation's language, else the inviter's.
    locale: orgMailLocale(org.languages, ctx.locale),
    params: { orgName: org.name, inviter: ctx.actor.name, role: input.role, link: `${publicUrl}/invitation/${token}`, days: String(INVITATION_DAYS) },
    secretExpiresAt: expiresAt,
  });
  await recordAudit(ctx, { action: 'invitation.create', entityType: 'invitation', entityId: row!.id, after: { email: input.email, role: input.role } });
  return presentInvitation(row!);
}

/** The columns the invitations sort by (contracts' INVITATION_SORTS). */
const INVITATION_LIST: SortedList<(typeof INVITATION_SORTS)[number]> = {
  id: invitations.id,
  columns: {
    email: { by: invitations.email, type: 'text' },
    sent: { by: invitations.createdAt, type: 'timestamptz' },
    expires: { by: invitations.expiresAt, type: 'timestamptz' },
  },
};

/** Whether an invitation is in a status, as `invitationStatus` says it (revoked first, then expired by the clock). */
function inStatus(status: InvitationFilter['status'], now: Date): SQL | undefined {
  const at = sql`${now.toISOString()}::timestamptz`;
  if (status === 'revoked') return isNotNull(invitations.revokedAt);
  if (status === 'expired') return and(isNull(invitations.revokedAt), sql`${invitations.expiresAt} < ${at}`);
  if (status === 'pending') return and(isNull(invitations.revokedAt), sql`${invitations.expiresAt} >= ${at}`);
  return undefined;
}

/** The invitations not yet accepted (an accepted one is a person of the organisation), newest first unless sorted otherwise. */
export async function listInvitations(ctx: TenantCtx, query: InvitationQuery) {
  const pattern = query.q ? `%${escapeLike(query.q)}%` : null;
  const page = await sortedPage(INVITATION_LIST, query, (k) => ctx.tx.select({ row: invitations, k }).from(invitations).$dynamic(), [
    eq(invitations.orgId, ctx.orgId),
    isNull(invitations.acceptedAt),
    pattern ? sql`${invitations.email} ILIKE ${pattern}` : undefined,
    query.role ? eq(invitations.role, query.role) : undefined,
    inStatus(query.status, clock.now()),
  ], (r) => r.row.id);
  return { nextCursor: page.nextCursor, items: page.items.map((r) => presentInvitation(r.row)) };
}

export async function revokeInvitation(ctx: TenantCtx, id: string) {
  const [row] = await ctx.tx
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(invitations.id, id), eq(invitations.orgId, ctx.orgId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning();
  if (!row) throw new AppError('orgs.invitation_not_found');
  await recordAudit(ctx, { action: 'invitation.revoke', entityType: 'invitation', entityId: id, before: { email: row.email, role: row.role } });
}

async function findUsableInvitation(tx: Tx, token: string) {
  const [row] = await tx
    .select({ invitation: invitations, orgName: orgs.name })
    .from(invitations)
    .innerJoin(orgs, eq(orgs.id, invitations.orgId))
    .where(eq(invitations.tokenHash, hashSecret(token)))
    .for('update', { of: invitations });
  if (!row || invitationStatus(row.invitation) !== 'pending') throw new AppError('orgs.invitation_invalid');
  return row;
}

async function userByEmail(tx: Tx, email: string) {
  const [user] = await tx.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return user;
}

/** What the invitation page shows before the person accepts. System context: the token is the credential. */
export async function previewInvitation(tx: Tx, token: string) {
  const { invitation, orgName } = await findUsableInvitation(tx, token);
  return { orgName, email: invitation.email, role: invitation.role as Role, hasAccount: Boolean(await userByEmail(tx, invitation.email)) };
}

/**
 * Accepts an invitation. A newcomer sets a name and password; someone who
 * already has an account must be signed in as the invited address.
 */
export async function acceptInvitation(
  tx: Tx,
  token: string,
  input: { name?: string; password?: string; locale: string },
  signedInUserId: string | null,
) {
  const { invitation } = await findUsableInvitation(tx, token);
  let user = await userByEmail(tx, invitation.email);
  if (user) {
    if (user.id !== signedInUserId) throw new AppError('orgs.invitation_email_mismatch', { email: invitation.email });
  } else {
    const fieldErrors = [];
    if (!input.name) fieldErrors.push({ path: 'name', code: 'required' });
    if (!input.password) fieldErrors.push({ path: 'password', code: 'required' });
    if (fieldErrors.length) throw new AppError('validation_failed', {}, fieldErrors);
    [user] = await tx
      .insert(users)
      .values({ email: invitation.email, name: input.name!, passwordHash: await hashPassword(input.password!), locale: input.locale })
      .returning();
  }
  await tx
    .insert(userRoles)
    .values({ orgId: invitation.orgId, userId: user!.id, role: invitation.role })
    .onConflictDoUpdate({ target: [userRoles.orgId, userRoles.userId], set: { role: invitation.role } });
  await tx.update(invitations).set({ acceptedAt: sql`now()` }).where(eq(invitations.id, invitation.id));
  const ctx = { tx, orgId: invitation.orgId, role: invitation.role as Role, actor: { userId: user!.id, name: user!.name }, locale: input.locale };
  await recordAudit(ctx, { action: 'invitation.accept', entityType: 'invitation', entityId: invitation.id, after: { userId: user!.id, role: invitation.role } });
  return { userId: user!.id, orgId: invitation.orgId };
}
