import type { BoardHome, MemberHome, OfficialHome } from '../../../contracts/home.js';
import { api } from '../../app/api.js';
import { dialogueKeys } from '../dialogue/api.js';
import { eventKeys } from '../events/api.js';

export const homeKeys = {
  all: ['home'] as const,
  // Under events' keys: a registration (which may invoice) refreshes the firm's home.
  member: [...eventKeys.all, 'member-home'] as const,
  // Under dialogue's keys: a follow-up added from the home (DecisionCard) refreshes it with the rest of dialogue.
  official: [...dialogueKeys.all, 'official-home'] as const,
  figures: ['home', 'figures'] as const,
};

export const fetchMemberHome = () => api<MemberHome>('/api/v1/home/member');
export const fetchOfficialHome = () => api<OfficialHome>('/api/v1/home/official');
export const fetchBoardHome = () => api<BoardHome>('/api/v1/home/figures');
/** Renews the firm's personal link to a consultation and answers with it, for its signed-in user to open. */
export const openConsultationAnswer = (consultationId: string) => api<{ url: string }>(`/api/v1/home/member/consultations/${consultationId}/answer-link`, { method: 'POST' });
