// The permission table is shared with the web app; see contracts/permissions.ts.
export { can, knownPermission } from '../../../contracts/permissions.js';
