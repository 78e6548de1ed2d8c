import type { z } from 'zod';
import type { ApiToken, ApiTokenInput, Branch, Invitation, InvitationInput, Org, OrgInput, Person } from '../../../contracts/orgs.js';
import type { Role } from '../../../contracts/roles.js';
import { api, withQuery } from '../../app/api.js';

export const orgKeys = {
  org: ['org'] as const,
  branches: ['branches'] as const,
  apiTokens: ['api-tokens'] as const,
  invitations: ['invitations'] as const,
  people: ['people'] as const,
  /** The people a picker offers (forum officials, action owners): the first 200. */
  peoplePicker: (purpose: 'officials' | 'staff') => ['people', purpose] as const,
};

export const fetchOrg = () => api<Org>('/api/v1/org');
export const updateOrg = (values: z.input<typeof OrgInput>) => api<Org>('/api/v1/org', { method: 'PUT', body: values });

export const branchesPath = '/api/v1/org/branches';
/** The first 200 branches by name, for a picker and the home page (an umbrella has a few dozen at most). */
export const fetchBranches = () => api<{ items: Branch[] }>(withQuery(branchesPath, { limit: 200 }));
export const createBranch = (values: z.input<typeof OrgInput>) => api<Branch>(branchesPath, { method: 'POST', body: values });
export const attachBranch = (orgId: string) => api<Branch>('/api/v1/org/branches/attach', { method: 'POST', body: { orgId } });
export const detachBranch = (id: string) => api(`/api/v1/org/branches/${id}`, { method: 'DELETE' });

export const apiTokensPath = '/api/v1/org/api-tokens';
export const createApiToken = (values: z.input<typeof ApiTokenInput>) => api<{ token: ApiToken; secret: string }>(apiTokensPath, { method: 'POST', body: values });
export const revokeApiToken = (id: string) => api(`/api/v1/org/api-tokens/${id}`, { method: 'DELETE' });

export const invitationsPath = '/api/v1/org/invitations';
export const sendInvitation = (values: z.input<typeof InvitationInput>) => api<Invitation>(invitationsPath, { method: 'POST', body: values });
export const revokeInvitation = (id: string) => api(`/api/v1/org/invitations/${id}`, { method: 'DELETE' });

export const peoplePath = '/api/v1/org/people';
/** The first 200 people of the organisation, for a picker. */
export const fetchPeopleForPicker = () => api<{ items: Person[] }>(withQuery(peoplePath, { limit: 200 }));
export const setPersonRole = (userId: string, role: Role) => api(`/api/v1/org/people/${userId}/role`, { method: 'PUT', body: { role } });
export const removePerson = (userId: string) => api(`/api/v1/org/people/${userId}`, { method: 'DELETE' });

