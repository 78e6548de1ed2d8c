import type { Role } from '../../../contracts/roles.js';

// Only admins change the organisation and who belongs to it. Staff see the
// people they work with; members, officials and viewers see only themselves
// (through their session), never the staff list.
export const orgPermissions = {
  'org.update': ['admin'],
  'branches.read': ['admin', 'staff', 'viewer'],
  'branches.manage': ['admin'],
  'people.read': ['admin', 'staff'],
  'people.manage': ['admin'],
  'tokens.manage': ['admin'],
} satisfies Record<string, readonly Role[]>;
