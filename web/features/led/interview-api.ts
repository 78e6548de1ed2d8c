import type { z } from 'zod';
import type { BottleneckCodeInput, BottleneckEvidence, LedInterview, LedInterviewDetail, LedInterviewInput, ResponseAnswers } from '../../../contracts/led-interviews.js';
import type { MemberIssue } from '../../../contracts/intake.js';
import type { Analysis, Consultation, FormSummary, TextAnswer } from '../../../contracts/surveys.js';
import { api, withQuery } from '../../app/api.js';
import { regionsPath } from './api.js';

/** LED interviews and the evidence coded to bottlenecks (17.4). */
export const interviewKeys = {
  list: (regionId: string) => ['led', 'region', regionId, 'interviews'] as const,
  interview: (id: string) => ['led', 'interview', id] as const,
  evidence: (regionId: string, bottleneckId: string) => ['led', 'region', regionId, 'bottleneck', bottleneckId] as const,
  guides: ['led', 'interview-guides'] as const,
  /** Every interview's page (codes change what they show). */
  interviews: ['led', 'interview'] as const,
  memberIssues: (q: string) => ['led', 'evidence-picker', 'member-issues', q] as const,
  consultations: ['led', 'evidence-picker', 'consultations'] as const,
  questions: (consultationId: string) => ['led', 'evidence-picker', 'questions', consultationId] as const,
  textAnswers: (consultationId: string, question: string) => ['led', 'evidence-picker', 'text-answers', consultationId, question] as const,
};

export const interviewsPath = (regionId: string) => `${regionsPath}/${regionId}/interviews`;
/** The respondent page conducting the interview (web/respond, `/r/led/<interview>`): a page of its own, opened by address. */
export const conductUrl = (id: string) => `/r/led/${encodeURIComponent(id)}`;

/** Published forms of purpose "interview", the first 200 by last change. */
export const fetchInterviewGuides = () => api<{ items: FormSummary[] }>(withQuery('/api/v1/forms', { limit: 200, sort: '-updated', status: 'published', purpose: 'interview' }));
export const startInterview = (regionId: string, input: z.input<typeof LedInterviewInput>) => api<LedInterviewDetail>(interviewsPath(regionId), { method: 'POST', body: input });
export const fetchInterview = (id: string) => api<LedInterviewDetail>(`/api/v1/led/interviews/${id}`);
export const removeInterview = (id: string) => api(`/api/v1/led/interviews/${id}`, { method: 'DELETE' });

const bottleneckPath = (regionId: string, bottleneckId: string) => `${regionsPath}/${regionId}/bottlenecks/${bottleneckId}`;
export const fetchEvidence = (regionId: string, bottleneckId: string) => api<BottleneckEvidence>(bottleneckPath(regionId, bottleneckId));
export const codeEvidence = (regionId: string, bottleneckId: string, input: z.input<typeof BottleneckCodeInput>) =>
  api<BottleneckEvidence>(`${bottleneckPath(regionId, bottleneckId)}/codes`, { method: 'POST', body: input });
export const removeCode = (regionId: string, bottleneckId: string, codeId: string) => api<BottleneckEvidence>(`${bottleneckPath(regionId, bottleneckId)}/codes/${codeId}`, { method: 'DELETE' });
export const fetchResponseAnswers = (responseId: string) => api<ResponseAnswers>(`/api/v1/led/survey-responses/${responseId}`);


// Pickers of the evidence to code: member issues by part of their title, consultations, their written answers.
export const fetchMemberIssuesFor = (q: string) => api<{ items: MemberIssue[] }>(withQuery('/api/v1/member-issues', { q: q || undefined, limit: 20 }));
export const fetchConsultationsFor = () => api<{ items: Consultation[] }>(withQuery('/api/v1/consultations', { limit: 200 }));
/** A consultation's questions, with how many answered each (its analysis). */
export const fetchQuestionsOf = (consultationId: string) => api<Analysis>(`/api/v1/consultations/${consultationId}/analysis`);
export const fetchTextAnswersOf = (consultationId: string, question: string) =>
  api<{ items: Array<z.infer<typeof TextAnswer>> }>(withQuery(`/api/v1/consultations/${consultationId}/text-answers`, { question, limit: 50 }));

export type { LedInterview };
