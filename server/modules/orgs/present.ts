import type { ApiToken, Invitation, Org, Person } from '../../../contracts/orgs.js';
import type { Role } from '../../../contracts/roles.js';
import { orgClock } from '../../platform/org-clock.js';
import type { apiTokens, orgs } from '../../platform/tenants/tables.js';
import type { invitations } from './tables.js';
import { clock } from '../../platform/clock.js';

type OrgRow = typeof orgs.$inferSelect;

export function presentOrg(row: OrgRow): Org {
  return {
    id: row.id,
    parentId: row.parentId,
    name: row.name,
    kind: row.kind as Org['kind'],
    country: row.country,
    regions: row.regions,
    languages: row.languages,
    currency: row.currency,
    ...orgClock(row),
    shareMemberDataUpward: row.shareMemberDataUpward,
    shareCapacityWithSiblings: row.shareCapacityWithSiblings,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function invitationStatus(row: typeof invitations.$inferSelect, now = clock.now()): Invitation['status'] {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt < now) return 'expired';
  return 'pending';
}

export function presentInvitation(row: typeof invitations.$inferSelect): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role as Role,
    status: invitationStatus(row),
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

export function presentApiToken(row: typeof apiTokens.$inferSelect): ApiToken {
  return {
    id: row.id,
    name: row.name,
    role: row.role as ApiToken['role'],
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** A person of the organisation, with their role in it and since when. */
export function presentPerson(r: { userId: string; name: string; email: string; role: string; since: Date }): Person {
  return { ...r, role: r.role as Role, since: r.since.toISOString() };
}
