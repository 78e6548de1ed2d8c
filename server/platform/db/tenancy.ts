import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Role } from '../../../contracts/roles.js';
import { transactionOpenedWith, type Tx } from './opened-transaction.js';
import { tenantOpening, type SessionProof } from './tenant-opening.js';

export type { SessionProof } from './tenant-opening.js';

export type { Tx } from './opened-transaction.js';

export interface Actor {
  userId: string | null;
  name: string;
}

/** What every service function receives: the transaction, who acts, for which tenant. */
export interface TenantCtx {
  tx: Tx;
  orgId: string;
  role: Role;
  actor: Actor;
  requestId?: string;
  locale: string;
}

/** The session behind a tenant transaction ended or changed since it was read; nothing ran. */
export class StaleSession extends Error {
  constructor() {
    super('The session changed since it was read');
  }
}

/**
 * Runs `work` in one transaction as the non-owner app role with the tenant
 * set, so PostgreSQL's row-level security applies beneath the service's own
 * `org_id` filters. Everything inside commits or rolls back together.
 *
 * BEGIN, the settings and the role go as one statement (`tenant-opening.ts`),
 * so a request pays one round trip before its own queries and one to commit.
 * With `proof`, the settings come from the session's row, checked in that
 * same statement; a session that no longer holds throws `StaleSession`.
 */
export async function withTenant<T>(
  db: NodePgDatabase,
  scope: Omit<TenantCtx, 'tx'>,
  work: (ctx: TenantCtx) => Promise<T>,
  proof?: SessionProof,
): Promise<T> {
  const opening = tenantOpening({ orgId: scope.orgId, role: scope.role, userId: scope.actor.userId }, proof);
  return transactionOpenedWith(db, opening, async (tx, opened) => {
    // Results: BEGIN, the settings (one row, or none for a stale session), SET.
    if (opened[1]?.rowCount !== 1) throw new StaleSession();
    return work({ ...scope, tx });
  });
}

/**
 * A transaction as the owner, with no tenant: for the few steps that happen
 * before a tenant is known (sign-in, sessions, accepting an invitation,
 * registering an organisation) and for operators' commands.
 */
export async function withSystem<T>(db: NodePgDatabase, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(work);
}
