import { namesFrom, type RecordVocabulary } from '../../platform/audit/record-names.js';
import { memberIssues } from './tables.js';

/** What the audit log calls the issues members raise. */
export const intakeRecordNames: RecordVocabulary = {
  names: { member_issue: namesFrom(memberIssues, memberIssues.id, memberIssues.orgId, memberIssues.title) },
  references: { mergedInto: 'member_issue', memberIssueId: 'member_issue' },
};
