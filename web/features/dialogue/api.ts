import type { Decision, ForumDetail, ForumInput, ForumMemberInput, MeetingDetail, MeetingSummary } from '../../../contracts/dialogue.js';
import type { ApprovedPaper } from '../../../contracts/position-papers.js';
import { api } from '../../app/api.js';

export const dialogueKeys = {
  all: ['dialogue'] as const,
  forums: ['dialogue', 'forums'] as const,
  meetings: ['dialogue', 'meetings'] as const,
  forum: (id: string) => ['dialogue', 'forum', id] as const,
  meeting: (id: string) => ['dialogue', 'meeting', id] as const,
  agendaPapers: (meetingId: string, itemId: string) => ['dialogue', 'meeting', meetingId, 'papers', itemId] as const,
  upcoming: ['dialogue', 'upcoming'] as const,
  decisions: ['dialogue', 'decisions'] as const,
};

export const meetingStatusColor = { planned: 'blue', held: 'teal', cancelled: 'gray' } as const;

/** The forums, a page at a time (`useCursorPages`), and their download. */
export const forumsPath = '/api/v1/forums';
export const fetchForum = (id: string) => api<ForumDetail>(`/api/v1/forums/${id}`);
/** Creates a forum, or saves the one with this id. */
export const saveForum = (id: string | undefined, input: ForumInput) => api<ForumDetail>(id ? `/api/v1/forums/${id}` : '/api/v1/forums', { method: id ? 'PUT' : 'POST', body: input });
/** Adds a member to a forum, or saves the one with this id. */
export const saveForumMember = (forumId: string, memberId: string | undefined, input: ForumMemberInput) =>
  api<ForumDetail>(memberId ? `/api/v1/forums/${forumId}/members/${memberId}` : `/api/v1/forums/${forumId}/members`, { method: memberId ? 'PUT' : 'POST', body: input });
export const removeForumMember = (forumId: string, memberId: string) => api<ForumDetail>(`/api/v1/forums/${forumId}/members/${memberId}`, { method: 'DELETE' });
export const createMeeting = (forumId: string, input: { title: string; startsAt: string; endsAt: string; location: string }) => api<MeetingDetail>(`/api/v1/forums/${forumId}/meetings`, { method: 'POST', body: input });

/** The meetings, a page at a time (`useCursorPages`), and their download. */
export const meetingsPath = '/api/v1/meetings';
export const fetchUpcomingMeetings = () => api<{ items: MeetingSummary[] }>('/api/v1/meetings/upcoming');
export const fetchMeeting = (id: string) => api<MeetingDetail>(`/api/v1/meetings/${id}`);
/** Sends a change to a meeting (`path` under it) and answers with the meeting as it now stands. */
export const changeMeeting = (id: string, path: string, body: unknown, method = 'POST') => api<MeetingDetail>(`/api/v1/meetings/${id}${path}`, { method, body });
/** The approved position papers behind an agenda item, for all who see the meeting. */
export const fetchAgendaPapers = (meetingId: string, itemId: string) => api<{ items: ApprovedPaper[] }>(`/api/v1/meetings/${meetingId}/agenda/${itemId}/papers`);
export const sendMeetingInvitations = (id: string) => api<{ invited: number }>(`/api/v1/meetings/${id}/invitations`, { method: 'POST' });

/** The decisions, a page at a time (`useCursorPages`), and their download. */
export const decisionsPath = '/api/v1/decisions';
export const addFollowUp = (decisionId: string, body: { note: string; status?: string }) => api<Decision>(`/api/v1/decisions/${decisionId}/follow-ups`, { method: 'POST', body });
