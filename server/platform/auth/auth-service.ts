import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { SignupInput } from '../../../contracts/auth.js';
import type { Role } from '../../../contracts/roles.js';
import { createOrgWithAdmin, listOrgsOfUser, roleOfUser } from '../tenants/tenants.js';
import { recordAudit } from '../audit/record.js';
import { clock } from '../clock.js';
import { isUniqueViolation } from '../db/pg-errors.js';
import { withSystem, type Tx } from '../db/tenancy.js';
import { AppError } from '../errors/app-error.js';
import { queueMail } from '../mail/queue-mail.js';
import { mailOutbox } from '../mail/tables.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { createSession, forgetSession, forgetSessionsOf } from './sessions.js';
import { passwordResets, sessions, users } from './tables.js';
import { hashSecret, newSecret } from './tokens.js';

const RESET_MINUTES = 60;

/** A change to a person (not to a tenant's data) is recorded in each of their organisations. */
async function auditInEveryOrg(tx: Tx, actor: { userId: string; name: string }, entry: { action: string; before?: Record<string, unknown>; after?: Record<string, unknown> }) {
  for (const org of await listOrgsOfUser(tx, actor.userId)) {
    const ctx = { tx, orgId: org.id, role: org.role as Role, actor, locale: 'en' };
    await recordAudit(ctx, { ...entry, entityType: 'user', entityId: actor.userId });
  }
}

async function firstOrgOf(tx: Tx, userId: string): Promise<string | null> {
  const list = await listOrgsOfUser(tx, userId);
  return list[0]?.id ?? null;
}

export async function login(db: NodePgDatabase, input: { email: string; password: string }, userAgent?: string) {
  return withSystem(db, async (tx) => {
    const [user] = await tx.select().from(users).where(sql`lower(${users.email}) = ${input.email}`);
    const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
    if (!user || !ok || user.disabledAt) throw new AppError('auth.invalid_credentials');
    return createSession(tx, user.id, await firstOrgOf(tx, user.id), userAgent);
  });
}

/** Self-service sign-up: a new person registers a new organisation and becomes its admin. */
export async function signup(db: NodePgDatabase, input: SignupInput, userAgent?: string) {
  const passwordHash = await hashPassword(input.admin.password);
  return withSystem(db, async (tx) => {
    let user;
    try {
      [user] = await tx
        .insert(users)
        .values({ email: input.admin.email, name: input.admin.name, passwordHash, locale: input.admin.locale })
        .returning();
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) {
        throw new AppError('validation_failed', {}, [{ path: 'admin.email', code: 'auth.email_taken' }]);
      }
      throw error;
    }
    const org = await createOrgWithAdmin(tx, input.org, { userId: user!.id, name: user!.name });
    return { ...(await createSession(tx, user!.id, org.id, userAgent)), orgId: org.id };
  });
}

export async function switchOrg(db: NodePgDatabase, sessionHash: string, userId: string, orgId: string) {
  await withSystem(db, async (tx) => {
    if (!(await roleOfUser(tx, userId, orgId))) throw new AppError('auth.not_in_organisation');
    await tx.update(sessions).set({ orgId }).where(eq(sessions.tokenHash, sessionHash));
  });
  forgetSession(db, sessionHash);
}

/**
 * Always succeeds, so the answer does not tell which addresses have accounts.
 * The mail is a system mail: no organisation's outbox shows it, except that
 * without SMTP the admins of the person's only organisation may hand the
 * link over (platform/mail/README.md).
 */
export async function requestPasswordReset(db: NodePgDatabase, email: string, options: { publicUrl: string; smtpConfigured: boolean }) {
  await withSystem(db, async (tx) => {
    const [user] = await tx.select().from(users).where(and(sql`lower(${users.email}) = ${email}`, isNull(users.disabledAt)));
    if (!user) return;
    const orgsOfUser = await listOrgsOfUser(tx, user.id);
    const handoverOrgId = !options.smtpConfigured && orgsOfUser.length === 1 ? orgsOfUser[0]!.id : null;
    const token = newSecret();
    const expiresAt = new Date(clock.ms() + RESET_MINUTES * 60_000);
    await tx.insert(passwordResets).values({ tokenHash: hashSecret(token), userId: user.id, expiresAt, handoverOrgId });
    await queueMail(tx, {
      orgId: null,
      handoverOrgId,
      kind: 'password_reset',
      to: user.email,
      locale: user.locale,
      params: { name: user.name, link: `${options.publicUrl}/reset-password/${token}`, minutes: String(RESET_MINUTES) },
      secretExpiresAt: expiresAt,
    });
  });
}

export async function resetPassword(db: NodePgDatabase, token: string, password: string) {
  const passwordHash = await hashPassword(password);
  const userId = await withSystem(db, async (tx) => {
    const [reset] = await tx
      .update(passwordResets)
      .set({ usedAt: sql`now()` })
      .where(and(eq(passwordResets.tokenHash, hashSecret(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, sql`now()`)))
      .returning();
    if (!reset) throw new AppError('auth.reset_token_invalid');
    if (reset.handoverOrgId) {
      // A link an organisation's admins could read opens no door to any other organisation.
      const orgsNow = await listOrgsOfUser(tx, reset.userId);
      if (orgsNow.some((o) => o.id !== reset.handoverOrgId)) throw new AppError('auth.reset_token_invalid');
    }
    const [user] = await tx.update(users).set({ passwordHash, updatedAt: sql`now()` }).where(eq(users.id, reset.userId)).returning();
    // Every other link of this person dies with this one, and no copy of any stays readable.
    await tx.update(passwordResets).set({ usedAt: sql`now()` }).where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt)));
    await tx.update(mailOutbox).set({ sealedBody: null }).where(and(eq(mailOutbox.kind, 'password_reset'), isNull(mailOutbox.orgId), sql`lower(${mailOutbox.toEmail}) = lower(${user!.email})`));
    // A reset means the old password may be known to someone else.
    await tx.delete(sessions).where(eq(sessions.userId, reset.userId));
    await auditInEveryOrg(tx, { userId: user!.id, name: user!.name }, { action: 'user.password_reset' });
    return reset.userId;
  });
  forgetSessionsOf(db, userId);
}

export async function changePassword(db: NodePgDatabase, userId: string, currentSessionHash: string, input: { currentPassword: string; newPassword: string }) {
  const passwordHash = await hashPassword(input.newPassword);
  await withSystem(db, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw new AppError('validation_failed', {}, [{ path: 'currentPassword', code: 'auth.invalid_credentials' }]);
    }
    await tx.update(users).set({ passwordHash, updatedAt: sql`now()` }).where(eq(users.id, userId));
    // Other devices signed in with the old password are signed out.
    await tx.delete(sessions).where(and(eq(sessions.userId, userId), sql`${sessions.tokenHash} <> ${currentSessionHash}`));
    await auditInEveryOrg(tx, { userId, name: user.name }, { action: 'user.password_change' });
  });
  forgetSessionsOf(db, userId);
}

export async function updateProfile(db: NodePgDatabase, userId: string, input: { name: string; locale: string }) {
  await withSystem(db, async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, userId));
    await tx.update(users).set({ ...input, updatedAt: sql`now()` }).where(eq(users.id, userId));
    await auditInEveryOrg(tx, { userId, name: input.name }, { action: 'user.profile_update', before: { name: before!.name, locale: before!.locale }, after: input });
  });
  // The cached name would otherwise sign this process's audit entries for a few seconds more.
  forgetSessionsOf(db, userId);
}

export async function sessionInfo(db: NodePgDatabase, userId: string, orgId: string | null) {
  return withSystem(db, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    const orgList = await listOrgsOfUser(tx, userId);
    return { user: user!, orgs: orgList, current: orgList.find((o) => o.id === orgId) ?? null };
  });
}
