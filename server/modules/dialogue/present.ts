import type { Decision, DecisionStatus, Forum, ForumMember, MeetingSummary } from '../../../contracts/dialogue.js';
import type { agendaItems, decisionFollowUps, forumMeetings, forumMembers, forums } from './tables.js';

// How the API shows this module's rows; the services gather what a row alone does not hold.

export function presentMeetingSummary(m: typeof forumMeetings.$inferSelect, beside: { forumName: string; openDecisions: number }): MeetingSummary {
  return {
    id: m.id, forumId: m.forumId, forumName: beside.forumName, title: m.title, startsAt: m.startsAt.toISOString(), endsAt: m.endsAt.toISOString(),
    location: m.location, status: m.status as MeetingSummary['status'], openDecisions: beside.openDecisions,
  };
}

export function presentForum(r: typeof forums.$inferSelect, beside: { members: number; openDecisions: number; nextMeeting: MeetingSummary | null }): Forum {
  return {
    id: r.id, name: r.name, kind: r.kind as Forum['kind'], description: r.description, isPublic: r.isPublic,
    members: beside.members, openDecisions: beside.openDecisions, nextMeeting: beside.nextMeeting,
  };
}

export function presentForumMember(m: typeof forumMembers.$inferSelect, userName: string | null, decisionMakerId: string | null): ForumMember {
  return {
    id: m.id, side: m.side as ForumMember['side'], name: m.name, email: m.email, affiliation: m.affiliation, role: m.role as ForumMember['role'], userId: m.userId, userName,
    decisionMakerId,
  };
}

/** A decision as decision-service reads it, with its meeting and forum. */
export type DecisionRow = {
  id: string; text: string; owner: string; due_on: string | null; status: DecisionStatus; agenda_item_id: string | null;
  meeting_id: string; meeting_title: string; starts_at: string; forum_name: string; issue_id: string | null;
};

/** A decision; overdue on the organisation's `today`; its issue only when advocacy gave a title (one the reader may see). */
export function presentDecision(r: DecisionRow, beside: { today: string; issueTitle: string | null; followUps: Array<typeof decisionFollowUps.$inferSelect> }): Decision {
  return {
    id: r.id, text: r.text, owner: r.owner, dueOn: r.due_on, status: r.status,
    overdue: r.status === 'open' && !!r.due_on && r.due_on < beside.today,
    meeting: { id: r.meeting_id, title: r.meeting_title, startsAt: new Date(r.starts_at).toISOString(), forumName: r.forum_name },
    agendaItemId: r.agenda_item_id,
    issue: r.issue_id && beside.issueTitle !== null ? { id: r.issue_id, title: beside.issueTitle } : null,
    followUps: beside.followUps.map((s) => ({ at: s.at.toISOString(), actor: s.actorName, note: s.note, status: s.status as DecisionStatus | null })),
  };
}

/** An item of a meeting's agenda, with the title of the advocacy issue it takes up (when the reader may see it). */
export function presentAgendaItem(a: typeof agendaItems.$inferSelect, issueTitle: string | null) {
  return { id: a.id, position: a.position, title: a.title, issueId: a.issueId, issueTitle, notes: a.notes };
}

/** A meeting whose agenda takes up an advocacy issue, as the issue shows it. */
export function presentIssueMeeting<T extends { startsAt: Date; status: string }>(a: T) {
  return { ...a, startsAt: a.startsAt.toISOString(), status: a.status as 'planned' | 'held' | 'cancelled' };
}

/** An agenda item of a coming meeting, with its meeting: what a person will discuss (their home page). */
export function presentComingAgendaItem(r: { meetingId: string; meetingTitle: string; startsAt: Date; forumName: string; itemId: string; title: string; notes: string; issueId: string | null }) {
  return {
    meeting: { id: r.meetingId, title: r.meetingTitle, startsAt: r.startsAt.toISOString(), forumName: r.forumName },
    item: { id: r.itemId, title: r.title, notes: r.notes },
    issueId: r.issueId,
  };
}
