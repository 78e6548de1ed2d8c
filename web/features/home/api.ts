import type { BoardHome, MemberHome, OfficialHome } from '../../../contracts/home.js';
import { api } from '../../app/api.js';
import type { EventSummary } from '../../../contracts/events.js';
import { dialogueKeys } from '../dialogue/api.js';
import { eventKeys, eventsPath } from '../events/api.js';

export const homeKeys = {
  all: ['home'] as const,
  member: ['home', 'member'] as const,
  // Under dialogue's keys: a follow-up added from the home (DecisionCard) refreshes it with the rest of dialogue.
  official: [...dialogueKeys.all, 'official-home'] as const,
  figures: ['home', 'figures'] as const,
  // Under events' keys: a registration refreshes the home's list too.
  comingEvents: (from: string) => [...eventKeys.all, 'home', from] as const,
};

export const fetchMemberHome = () => api<MemberHome>('/api/v1/home/member');
export const fetchOfficialHome = () => api<OfficialHome>('/api/v1/home/official');
export const fetchBoardHome = () => api<BoardHome>('/api/v1/home/figures');
/** Renews the firm's personal link to a consultation and answers with it, for its signed-in user to open. */
export const openConsultationAnswer = (consultationId: string) => api<{ url: string }>(`/api/v1/home/member/consultations/${consultationId}/answer-link`, { method: 'POST' });
/** The next published events from a day on (the organisation's calendar), for a member firm's home. */
export const fetchComingEvents = (from: string, limit = 5) => api<{ items: EventSummary[]; nextCursor: string | null }>(`${eventsPath}?from=${from}&state=published&limit=${limit}`);
