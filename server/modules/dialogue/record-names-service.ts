import { namesFrom, type RecordVocabulary } from '../../platform/audit/record-names.js';
import { agendaItems, forumDecisions, forumMeetings, forumMembers, forums } from './tables.js';

/** What the audit log calls forums, their seats, meetings, agenda items and decisions. */
export const dialogueRecordNames: RecordVocabulary = {
  names: {
    forum: namesFrom(forums, forums.id, forums.orgId, forums.name),
    forum_member: namesFrom(forumMembers, forumMembers.id, forumMembers.orgId, forumMembers.name),
    meeting: namesFrom(forumMeetings, forumMeetings.id, forumMeetings.orgId, forumMeetings.title),
    agenda_item: namesFrom(agendaItems, agendaItems.id, agendaItems.orgId, agendaItems.title),
    decision: namesFrom(forumDecisions, forumDecisions.id, forumDecisions.orgId, forumDecisions.text),
  },
  references: { forumId: 'forum', meetingId: 'meeting', agendaItemId: 'agenda_item' },
  // In a forum's entries `memberId` is a seat at its table, not a member firm; `itemId` in a meeting's is an agenda item.
  referencesOf: { forum: { memberId: 'forum_member' }, meeting: { itemId: 'agenda_item' } },
};
