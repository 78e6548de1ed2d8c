import type { AdvocacyIssueDetail } from '../../../contracts/advocacy.js';
import { api } from '../../app/api.js';

export const advocacyKeys = {
  all: ['advocacy-issues'] as const,
  list: (filters: object) => ['advocacy-issues', 'list', filters] as const,
  one: (id: string) => ['advocacy-issues', 'one', id] as const,
};

export const fetchAdvocacyIssue = (id: string) => api<AdvocacyIssueDetail>(`/api/v1/advocacy-issues/${id}`);

export const stepColor = { diagnostic: 'gray', solution_design: 'indigo', advocacy: 'blue', legislative: 'grape', implementation: 'teal' } as const;
export const outcomeColor = { adopted: 'teal', implemented: 'green', rejected: 'red', dropped: 'gray', on_hold: 'yellow' } as const;

/** Sends a change to an issue and answers with the issue as it now stands. */
export const changeIssue = (id: string, path: string, body: unknown, method = 'POST') => api<AdvocacyIssueDetail>(`/api/v1/advocacy-issues/${id}${path}`, { method, body });
