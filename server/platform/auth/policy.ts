import type { Role } from '../../../contracts/roles.js';

const ALL: readonly Role[] = ['admin', 'staff', 'member', 'official', 'viewer'];

export const platformPermissions = {
  'audit.read': ['admin'],
  'mail.read': ['admin'],
  'org.read': ALL,
} satisfies Record<string, readonly Role[]>;
