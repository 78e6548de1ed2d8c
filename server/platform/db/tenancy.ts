import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Role } from '../../../contracts/roles.js';
import { APP_ROLE } from './migrate.js';

export type Tx = Parameters<Parameters<NodePgDatabase['transaction']>[0]>[0];

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

/**
 * Runs `work` in one transaction as the non-owner app role with the tenant
 * set, so PostgreSQL's row-level security applies beneath the service's own
 * `org_id` filters. Everything inside commits or rolls back together.
 */
export async function withTenant<T>(
  db: NodePgDatabase,
  scope: Omit<TenantCtx, 'tx'>,
  work: (ctx: TenantCtx) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`SELECT set_config('app.org_id', ${scope.orgId}, true), set_config('app.user_id', ${scope.actor.userId ?? ''}, true)`,
    );
    await tx.execute(sql.raw(`SET LOCAL ROLE ${APP_ROLE}`));
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
