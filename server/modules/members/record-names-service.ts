import { namesFrom, type RecordVocabulary } from '../../platform/audit/record-names.js';
import { invoices, memberContacts, memberImports, members, membershipTiers, savedViews } from './tables.js';

/** What the audit log calls member firms and what belongs to them. */
export const memberRecordNames: RecordVocabulary = {
  names: {
    member: namesFrom(members, members.id, members.orgId, members.legalName),
    member_contact: namesFrom(memberContacts, memberContacts.id, memberContacts.orgId, memberContacts.name),
    invoice: namesFrom(invoices, invoices.id, invoices.orgId, invoices.number),
    membership_tier: namesFrom(membershipTiers, membershipTiers.id, membershipTiers.orgId, membershipTiers.name),
    member_import: namesFrom(memberImports, memberImports.id, memberImports.orgId, memberImports.filename),
    saved_view: namesFrom(savedViews, savedViews.id, savedViews.orgId, savedViews.name),
  },
  references: { memberId: 'member', tierId: 'membership_tier', importId: 'member_import', invoiceId: 'invoice' },
};
