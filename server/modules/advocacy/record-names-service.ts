import { namesFrom, type RecordVocabulary } from '../../platform/audit/record-names.js';
import { advocacyActions, advocacyIssues, advocacyObjectives, dmOrganizations, dmPeople, dmPosts, positionPapers } from './tables.js';

/** What the audit log calls advocacy issues, their plans and papers, and the decision-makers directory. */
export const advocacyRecordNames: RecordVocabulary = {
  names: {
    advocacy_issue: namesFrom(advocacyIssues, advocacyIssues.id, advocacyIssues.orgId, advocacyIssues.title),
    advocacy_action: namesFrom(advocacyActions, advocacyActions.id, advocacyActions.orgId, advocacyActions.title),
    advocacy_objective: namesFrom(advocacyObjectives, advocacyObjectives.id, advocacyObjectives.orgId, advocacyObjectives.text),
    position_paper: namesFrom(positionPapers, positionPapers.id, positionPapers.orgId, positionPapers.title),
    decision_maker: namesFrom(dmPeople, dmPeople.id, dmPeople.orgId, dmPeople.name),
    public_body: namesFrom(dmOrganizations, dmOrganizations.id, dmOrganizations.orgId, dmOrganizations.name),
    public_post: namesFrom(dmPosts, dmPosts.id, dmPosts.orgId, dmPosts.label),
  },
  references: { issueId: 'advocacy_issue', objectiveId: 'advocacy_objective', organizationId: 'public_body', postId: 'public_post' },
};
