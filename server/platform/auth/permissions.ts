import type { Role } from '../../../contracts/roles.js';
import { orgPermissions } from '../../modules/orgs/policy.js';
import { platformPermissions } from './policy.js';

export type PermissionTable = Record<string, readonly Role[]>;

// Every permission any route asks for, with the roles that hold it. A role not
// listed is refused; a permission not listed is refused to everyone.
const table: PermissionTable = { ...platformPermissions, ...orgPermissions };

export type Permission = keyof typeof table;

export function can(role: Role | null | undefined, permission: string): boolean {
  if (!role) return false;
  return table[permission]?.includes(role) ?? false;
}

export function knownPermission(permission: string): boolean {
  return permission in table;
}
