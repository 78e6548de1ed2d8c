import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Role } from '../../../contracts/roles.js';
import { apiTokens, userRoles } from '../tenants/tables.js';
import type { Tx } from '../db/tenancy.js';
import { sessionCacheOf } from './session-cache.js';
import { sessions, users } from './tables.js';
import { hashSecret, newSecret } from './tokens.js';
import { clock } from '../clock.js';

export const SESSION_DAYS = 14;
const TOUCH_AFTER_MS = 5 * 60_000;

export interface Principal {
  kind: 'session' | 'token';
  user: { id: string; name: string; email: string; locale: string } | null;
  /** The name written in the audit log. */
  actorName: string;
  orgId: string | null;
  role: Role | null;
  csrfToken: string | null;
  sessionHash: string | null;
}

export async function createSession(tx: Tx, userId: string, orgId: string | null, userAgent?: string) {
  const token = newSecret();
  const csrfToken = newSecret();
  await tx.insert(sessions).values({
    tokenHash: hashSecret(token),
    userId,
    orgId,
    csrfToken,
    userAgent: userAgent?.slice(0, 300),
    expiresAt: new Date(clock.ms() + SESSION_DAYS * 86_400_000),
  });
  return { token, csrfToken };
}

/**
 * The person behind a session cookie, with their role in the session's
 * organisation: from this process's cache when read in the last few seconds
 * (`session-cache.ts`), else in one statement. A tenant transaction checks
 * the session again as it opens, so a stale entry never reaches tenant data.
 */
export async function principalFromSession(db: NodePgDatabase, token: string): Promise<Principal | null> {
  const tokenHash = hashSecret(token);
  return sessionCacheOf<Principal>(db).read(tokenHash, (p) => p.user?.id ?? null, () => readSession(db, tokenHash));
}

// One statement outside any transaction: a lookup needs no BEGIN and COMMIT around it.
async function readSession(db: NodePgDatabase, tokenHash: string): Promise<Principal | null> {
  const [row] = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      locale: users.locale,
      orgId: sessions.orgId,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      role: userRoles.role,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(userRoles, and(eq(userRoles.userId, sessions.userId), eq(userRoles.orgId, sessions.orgId)))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, sql`now()`), isNull(users.disabledAt)));
  if (!row) return null;
  // Sliding expiry, written at most every few minutes to spare the database.
  if (clock.ms() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: sql`now()`, expiresAt: sql`now() + make_interval(days => ${SESSION_DAYS})` })
      .where(eq(sessions.tokenHash, tokenHash));
  }
  // Frozen: one cached principal serves many requests.
  return Object.freeze({
    kind: 'session',
    user: Object.freeze({ id: row.userId, name: row.name, email: row.email, locale: row.locale }),
    actorName: row.name,
    orgId: row.role ? row.orgId : null,
    role: (row.role as Role | null) ?? null,
    csrfToken: row.csrfToken,
    sessionHash: tokenHash,
  });
}

/** Not cached: a revoked token stops at once; the lookup is one statement. */
export async function principalFromApiToken(db: NodePgDatabase, token: string): Promise<Principal | null> {
  const tokenHash = hashSecret(token);
  const [row] = await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .returning({ orgId: apiTokens.orgId, role: apiTokens.role, name: apiTokens.name });
  if (!row) return null;
  return {
    kind: 'token',
    user: null,
    actorName: `API token "${row.name}"`,
    orgId: row.orgId,
    role: row.role as Role,
    csrfToken: null,
    sessionHash: null,
  };
}

/** After a change to a session, committed: this process stops using what it cached. */
export function forgetSession(db: NodePgDatabase, sessionHash: string) {
  sessionCacheOf(db).forget(sessionHash);
}

/** After a change to a person's sessions or name, committed. */
export function forgetSessionsOf(db: NodePgDatabase, userId: string) {
  sessionCacheOf(db).forgetUser(userId);
}

export async function deleteSession(db: NodePgDatabase, sessionHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, sessionHash));
  forgetSession(db, sessionHash);
}

export async function deleteExpiredSessions(db: NodePgDatabase) {
  await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
}
