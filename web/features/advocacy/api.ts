import type { ActionPlan, PlannedAction } from '../../../contracts/action-plan.js';
import type { AdvocacyDocument, AdvocacyIssue, AdvocacyIssueDetail, AdvocacyIssueInput } from '../../../contracts/advocacy.js';
import type { Paper, PaperInput, PaperSummary } from '../../../contracts/position-papers.js';
import { api, uploadFile, withQuery } from '../../app/api.js';

export const advocacyKeys = {
  all: ['advocacy-issues'] as const,
  list: ['advocacy-issues', 'list'] as const,
  one: (id: string) => ['advocacy-issues', 'one', id] as const,
  /** The open issues a meeting's agenda may take up. */
  agendaOptions: ['advocacy-issues', 'agenda-options'] as const,
  actions: ['advocacy-actions'] as const,
  overdueActions: ['advocacy-actions', 'overdue'] as const,
  actionList: ['advocacy-actions', 'list'] as const,
  plan: (issueId: string) => ['advocacy-plan', issueId] as const,
  documents: (issueId: string) => ['advocacy-documents', issueId] as const,
  papers: ['position-papers'] as const,
  papersOfIssue: (issueId: string) => ['position-papers', 'issue', issueId] as const,
  paper: (id: string, version: number | undefined) => ['position-papers', id, version ?? 'latest'] as const,
};

/** The issues, a page at a time (`useCursorPages`), and their download. */
export const advocacyIssuesPath = '/api/v1/advocacy-issues';
/** The open issues, for a meeting's agenda: the 200 most urgent (a chamber works on tens). */
export const fetchAgendaOptions = () => api<{ items: AdvocacyIssue[] }>(withQuery(advocacyIssuesPath, { state: 'open', limit: 200 }));
export const fetchAdvocacyIssue = (id: string) => api<AdvocacyIssueDetail>(`/api/v1/advocacy-issues/${id}`);
export const createAdvocacyIssue = (input: AdvocacyIssueInput & { fromMemberIssueId?: string }) => api<AdvocacyIssueDetail>('/api/v1/advocacy-issues', { method: 'POST', body: input });
export const updateAdvocacyIssue = (id: string, input: AdvocacyIssueInput) => api<AdvocacyIssueDetail>(`/api/v1/advocacy-issues/${id}`, { method: 'PUT', body: input });

/** The activities across issues or of one (`issueId`), a page at a time (`useCursorPages`), and their download. */
export const actionsPath = '/api/v1/advocacy-actions';
/** The overdue activities the home card counts: a page's most (200); `nextCursor` says there are more. */
export const fetchOverdueActions = () => api<{ items: PlannedAction[]; nextCursor: string | null }>('/api/v1/advocacy-actions?overdue=true&limit=200');
export const fetchPlan = (issueId: string) => api<ActionPlan>(`/api/v1/advocacy-issues/${issueId}/plan`);
/** Sends a change to an issue's plan (`path` under the issue) and answers with the plan as it now stands. */
export const changePlan = (issueId: string, path: string, body: unknown, method = 'POST') => api<ActionPlan>(`/api/v1/advocacy-issues/${issueId}${path}`, { method, body });

type Documents = { items: AdvocacyDocument[] };
/** Where an issue's documents are listed, and each is downloaded (`…/documents/<id>`). */
export const documentsPath = (issueId: string) => `/api/v1/advocacy-issues/${issueId}/documents`;
export const fetchDocuments = (issueId: string) => api<Documents>(documentsPath(issueId));
export const addDocument = (issueId: string, file: File, description: string) => uploadFile<Documents>(documentsPath(issueId), file, { description });
export const removeDocument = (issueId: string, documentId: string) => api<Documents>(`${documentsPath(issueId)}/${documentId}`, { method: 'DELETE' });

export const fetchPapersOfIssue = (issueId: string) => api<{ items: PaperSummary[] }>(`/api/v1/advocacy-issues/${issueId}/papers`);
export const createPaper = (issueId: string, input: PaperInput) => api<Paper>(`/api/v1/advocacy-issues/${issueId}/papers`, { method: 'POST', body: input });
export const fetchPaper = (id: string, version: number | undefined) => api<Paper>(withQuery(`/api/v1/position-papers/${id}`, { version }));
/** Sends a change to a paper (`path` under the paper) and answers with the paper as it now stands. */
export const changePaper = (id: string, path: string, body: unknown, method = 'POST') => api<Paper>(`/api/v1/position-papers/${id}${path}`, { method, body });

export const stepColor = { diagnostic: 'gray', solution_design: 'indigo', advocacy: 'blue', legislative: 'grape', implementation: 'teal' } as const;
export const outcomeColor = { adopted: 'teal', implemented: 'green', rejected: 'red', dropped: 'gray', on_hold: 'yellow' } as const;

/** Sends a change to an issue and answers with the issue as it now stands. */
export const changeIssue = (id: string, path: string, body: unknown, method = 'POST') => api<AdvocacyIssueDetail>(`/api/v1/advocacy-issues/${id}${path}`, { method, body });
