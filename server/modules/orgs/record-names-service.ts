import { users } from '../../platform/auth/tables.js';
import { namesFrom, type RecordVocabulary } from '../../platform/audit/record-names.js';
import { apiTokens, orgs } from '../../platform/tenants/tables.js';
import { invitations } from './tables.js';

/** What the audit log calls the organisation's own records and the people in it. */
export const orgRecordNames: RecordVocabulary = {
  names: {
    // A branch or parent is another organisation: no org filter, the ids come from this organisation's entries.
    org: namesFrom(orgs, orgs.id, null, orgs.name),
    user: namesFrom(users, users.id, null, users.name),
    api_token: namesFrom(apiTokens, apiTokens.id, apiTokens.orgId, apiTokens.name),
    invitation: namesFrom(invitations, invitations.id, invitations.orgId, invitations.email),
  },
  references: { parentId: 'org', userId: 'user', branchId: 'org' },
};
