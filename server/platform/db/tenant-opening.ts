import { escapeLiteral } from 'pg';
import { ROLES, type Role } from '../../../contracts/roles.js';
import { APP_ROLE } from './migrate.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A session the tenant transaction checks again as it opens (sessions cached in memory may be stale). */
export interface SessionProof {
  sessionHash: string;
}

/** Values reach SQL text only in the shape they must have, and quoted even then. */
function literal(value: string, shape: RegExp, what: string) {
  if (!shape.test(value)) throw new Error(`Not a valid ${what} for a tenant transaction`);
  return escapeLiteral(value);
}

/**
 * The statements opening a tenant transaction, sent as one simple query:
 * BEGIN, the tenant's settings, then the app role. With a session proof
 * the settings are read from the session's own row, as the owner before
 * the role changes (the app role cannot read sessions): when the session
 * was signed out, expired, moved to another organisation, or its person
 * disabled or given another role, the settings' statement returns no row.
 */
export function tenantOpening(scope: { orgId: string; role: Role; userId: string | null }, proof?: SessionProof): string {
  if (!ROLES.includes(scope.role)) throw new Error('Not a valid role for a tenant transaction');
  const org = literal(scope.orgId, UUID, 'organisation');
  const user = scope.userId === null ? "''" : literal(scope.userId, UUID, 'user');
  let settings = `SELECT set_config('app.org_id', ${org}, true), set_config('app.user_id', ${user}, true)`;
  if (proof) {
    if (scope.userId === null) throw new Error('A session proof needs the session’s user');
    settings +=
      ' FROM sessions s JOIN users u ON u.id = s.user_id JOIN user_roles r ON r.org_id = s.org_id AND r.user_id = s.user_id' +
      ` WHERE s.token_hash = ${literal(proof.sessionHash, SHA256_HEX, 'session')} AND s.org_id = ${org} AND s.user_id = ${user}` +
      ` AND r.role = ${escapeLiteral(scope.role)} AND s.expires_at > now() AND u.disabled_at IS NULL`;
  }
  return `BEGIN; ${settings}; SET LOCAL ROLE ${APP_ROLE}`;
}
