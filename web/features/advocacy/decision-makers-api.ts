import type { DecisionMaker, DecisionMakerDetail, DecisionMakerInput, PublicBody, StakeholderInput, StakeholderMap, ForumSeat } from '../../../contracts/decision-makers.js';
import { api, withQuery } from '../../app/api.js';

export const decisionMakerKeys = {
  all: ['decision-makers'] as const,
  list: ['decision-makers', 'list'] as const,
  one: (id: string) => ['decision-makers', 'one', id] as const,
  forums: (id: string) => ['decision-makers', 'one', id, 'forums'] as const,
  bodies: ['public-bodies'] as const,
  map: (issueId: string) => ['advocacy-stakeholders', issueId] as const,
  /** The people a search offers to place on an issue's map. */
  pick: (q: string) => ['decision-makers', 'list', 'pick', q] as const,
};

export const decisionMakersPath = '/api/v1/decision-makers';
export const pickDecisionMakers = (q: string) => api<{ items: DecisionMaker[] }>(withQuery(decisionMakersPath, { q: q || undefined, limit: 50 }));
export const createDecisionMaker = (input: DecisionMakerInput) => api<DecisionMakerDetail>(decisionMakersPath, { method: 'POST', body: input });
export const updateDecisionMaker = (id: string, input: DecisionMakerInput) => api<DecisionMakerDetail>(`${decisionMakersPath}/${id}`, { method: 'PUT', body: input });
export const deleteDecisionMaker = (id: string) => api(`${decisionMakersPath}/${id}`, { method: 'DELETE' });
/** Sends a change to a person's memberships (`path` under them) and answers with the person as they now stand. */
export const changeMemberships = (personId: string, path: string, body: unknown, method = 'POST') =>
  api<DecisionMakerDetail>(`${decisionMakersPath}/${personId}/memberships${path}`, { method, body });

/** Sends a change to the public bodies (`path` under them) and answers with them all, and the id of one created. */
export const changePublicBodies = (path: string, body: unknown, method = 'POST') => api<{ items: PublicBody[]; createdId?: string }>(`/api/v1/public-bodies${path}`, { method, body });
export const deletePublicBody = (id: string) => api<{ items: PublicBody[] }>(`/api/v1/public-bodies/${id}`, { method: 'DELETE' });

/** Places a person on an issue's map (PUT), or takes them off (DELETE); answers with the map. */
export const placeStakeholder = (issueId: string, personId: string, body: StakeholderInput | undefined, method = 'PUT') =>
  api<StakeholderMap>(`/api/v1/advocacy-issues/${issueId}/stakeholders/${personId}`, { method, body });

export const fetchPublicBodies = () => api<{ items: PublicBody[] }>('/api/v1/public-bodies');
export const fetchDecisionMaker = (id: string) => api<DecisionMakerDetail>(`/api/v1/decision-makers/${id}`);
/** The dialogue forums where this person holds a seat. */
export const fetchForumSeats = (id: string) => api<{ items: ForumSeat[] }>(`/api/v1/decision-makers/${id}/forums`);
export const fetchStakeholderMap = (issueId: string) => api<StakeholderMap>(`/api/v1/advocacy-issues/${issueId}/stakeholders`);

export const emptyPerson = (): DecisionMakerInput => ({ name: '', honorificPrefix: '', email: '', phone: '', notes: '' });

/** A stance's colour on the map: red against, grey undecided, green for. */
export const stanceColor: Record<number, string> = { [-2]: 'red', [-1]: 'orange', 0: 'gray', 1: 'lime', 2: 'teal' };

/** "Hon. Kofi Ansah". */
export const fullName = (p: { name: string; honorificPrefix: string }) => [p.honorificPrefix, p.name].filter(Boolean).join(' ');
