import type { AffectedFirm, MemberIssue, MemberIssueDetail, MemberIssueInput } from '../../../contracts/intake.js';
import { api, withQuery } from '../../app/api.js';

export const intakeKeys = {
  all: ['member-issues'] as const,
  one: (id: string) => ['member-issues', 'one', id] as const,
  firms: (id: string) => ['member-issues', 'firms', id] as const,
  list: ['member-issues', 'list'] as const,
  similar: (text: string) => ['member-issues', 'similar', text] as const,
  mergeCandidates: (q: string) => ['member-issues', 'merge-candidates', q] as const,
  /** The issues still open, most affected first, that an advocacy issue may cite as evidence. */
  evidenceOptions: ['member-issues', 'evidence-options'] as const,
};

export const issuesPath = '/api/v1/member-issues';
export const fetchIssue = (id: string) => api<MemberIssueDetail>(`/api/v1/member-issues/${id}`);
/** Raises an issue; the client key makes a repeated attempt the same issue (queued-issues.ts). */
export const raiseIssue = (issue: MemberIssueInput & { clientKey: string }) => api<MemberIssueDetail>(issuesPath, { method: 'POST', body: issue });
export const editIssue = (id: string, input: { title: string; description: string; category: MemberIssueInput['category'] }) => api<MemberIssueDetail>(`/api/v1/member-issues/${id}`, { method: 'PUT', body: input });
export const setIssueStatus = (id: string, status: string, note: string) => api<MemberIssueDetail>(`/api/v1/member-issues/${id}/status`, { method: 'POST', body: { status, note } });
export const mergeIssue = (id: string, into: string | null, note: string) => api<MemberIssueDetail>(`/api/v1/member-issues/${id}/merge`, { method: 'POST', body: { into, note } });
/** Issues like the one being written, so a firm can join one rather than start a duplicate. */
export const fetchSimilarIssues = (text: string) => api<{ items: Array<{ id: string; title: string; affectedFirms: number; affectsUs: boolean }> }>(withQuery('/api/v1/member-issues/similar', { text }));
/** The open issues another may be merged into. */
export const fetchMergeCandidates = (q: string) => api<{ items: MemberIssue[] }>(withQuery(issuesPath, { q: q || undefined, status: 'new,triaged,forwarded', limit: 20 }));
export const fetchAffectedFirms = (id: string) => api<{ items: AffectedFirm[] }>(`/api/v1/member-issues/${id}/firms`);
/** Staff name a firm the issue affects, or take one off. */
export const addAffectedFirm = (id: string, memberId: string | null) => api(`/api/v1/member-issues/${id}/firms`, { method: 'POST', body: { memberId } });
export const removeAffectedFirm = (id: string, memberId: string) => api(`/api/v1/member-issues/${id}/firms?memberId=${memberId}`, { method: 'DELETE' });
export const fetchEvidenceOptions = () => api<{ items: MemberIssue[] }>(withQuery('/api/v1/member-issues', { status: 'new,triaged,forwarded', sort: '-affected', limit: 200 }));

export const statusColor = { new: 'blue', triaged: 'grape', forwarded: 'teal', declined: 'gray', merged: 'dark' } as const;

/** "This affects us too" and "not us after all", for the firm of the person signed in. */
export function setAffectsUs(id: string, affects: boolean) {
  return affects
    ? api<MemberIssueDetail>(`/api/v1/member-issues/${id}/firms`, { method: 'POST', body: {} })
    : api(`/api/v1/member-issues/${id}/firms`, { method: 'DELETE' });
}
