import type { Decision } from '../../../contracts/dialogue.js';
import { api } from '../../app/api.js';

export const dialogueKeys = {
  all: ['dialogue'] as const,
  forums: ['dialogue', 'forums'] as const,
  forum: (id: string) => ['dialogue', 'forum', id] as const,
  meeting: (id: string) => ['dialogue', 'meeting', id] as const,
  upcoming: ['dialogue', 'upcoming'] as const,
  decisions: (filters: object) => ['dialogue', 'decisions', filters] as const,
};

export const meetingStatusColor = { planned: 'blue', held: 'teal', cancelled: 'gray' } as const;

export const addFollowUp = (decisionId: string, body: { note: string; status?: string }) => api<Decision>(`/api/v1/decisions/${decisionId}/follow-ups`, { method: 'POST', body });
