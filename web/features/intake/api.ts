import type { MemberIssueDetail } from '../../../contracts/intake.js';
import { api } from '../../app/api.js';

export const intakeKeys = {
  all: ['member-issues'] as const,
  one: (id: string) => ['member-issues', 'one', id] as const,
  firms: (id: string) => ['member-issues', 'firms', id] as const,
  similar: (text: string) => ['member-issues', 'similar', text] as const,
};

export const fetchIssue = (id: string) => api<MemberIssueDetail>(`/api/v1/member-issues/${id}`);

export const statusColor = { new: 'blue', triaged: 'grape', forwarded: 'teal', declined: 'gray', merged: 'dark' } as const;

/** "This affects us too" and "not us after all", for the firm of the person signed in. */
export function setAffectsUs(id: string, affects: boolean) {
  return affects
    ? api<MemberIssueDetail>(`/api/v1/member-issues/${id}/firms`, { method: 'POST', body: {} })
    : api(`/api/v1/member-issues/${id}/firms`, { method: 'DELETE' });
}
