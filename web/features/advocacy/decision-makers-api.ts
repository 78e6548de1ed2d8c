import type { DecisionMakerDetail, DecisionMakerInput, PublicBody, StakeholderMap } from '../../../contracts/decision-makers.js';
import { api } from '../../app/api.js';

export const decisionMakerKeys = {
  all: ['decision-makers'] as const,
  list: ['decision-makers', 'list'] as const,
  one: (id: string) => ['decision-makers', 'one', id] as const,
  bodies: ['public-bodies'] as const,
  map: (issueId: string) => ['advocacy-stakeholders', issueId] as const,
};

export const fetchPublicBodies = () => api<{ items: PublicBody[] }>('/api/v1/public-bodies');
export const fetchDecisionMaker = (id: string) => api<DecisionMakerDetail>(`/api/v1/decision-makers/${id}`);
export const fetchStakeholderMap = (issueId: string) => api<StakeholderMap>(`/api/v1/advocacy-issues/${issueId}/stakeholders`);

export const emptyPerson = (): DecisionMakerInput => ({ name: '', honorificPrefix: '', email: '', phone: '', notes: '' });

/** A stance's colour on the map: red against, grey undecided, green for. */
export const stanceColor: Record<number, string> = { [-2]: 'red', [-1]: 'orange', 0: 'gray', 1: 'lime', 2: 'teal' };

/** "Hon. Kofi Ansah". */
export const fullName = (p: { name: string; honorificPrefix: string }) => [p.honorificPrefix, p.name].filter(Boolean).join(' ');
