import type { Analysis, CitingIssue, Consultation, ConsultationInput, Form, XlsformProblem } from '../../../contracts/surveys.js';
import type { FormDefinition } from '../../../contracts/surveys/form-model.js';
import { api, uploadFile, withQuery } from '../../app/api.js';

export const surveyKeys = {
  forms: ['forms'] as const,
  /** The forms a picker offers: all, or the published ones. */
  formPicker: (status: 'all' | 'published' | 'published-evaluation') => ['forms', 'picker', status] as const,
  form: (id: string) => ['forms', id] as const,
  consultations: ['consultations'] as const,
  consultation: (id: string) => ['consultations', id] as const,
  citedBy: (id: string) => ['consultations', id, 'cited-by'] as const,
  analysis: (id: string, params: Record<string, string>) => ['consultations', id, 'analysis', params] as const,
  texts: (id: string, question: string, tag: string) => ['consultations', id, 'texts', question, tag] as const,
  /** Every page of a consultation's text answers, whatever the question and tag. */
  textAnswers: (id: string) => ['consultations', id, 'texts'] as const,
  consultationForm: (id: string | null) => ['consultations', id, 'form'] as const,
  /** The consultations an advocacy issue may cite a question of. */
  evidenceOptions: ['consultations', 'evidence-options'] as const,
};

/** A form as the list shows it, without its definition. */
export type FormSummary = Omit<Form, 'definition' | 'problems' | 'versions'>;

export const formsPath = '/api/v1/forms';
/**
 * The 200 forms changed last, for a picker (the newest are the ones being chosen); `published` keeps only those
 * with a published version, `purpose` one kind (a course's tests are evaluation forms).
 */
export const fetchFormsForPicker = (status?: 'published', purpose?: 'evaluation') => api<{ items: FormSummary[] }>(withQuery(formsPath, { limit: 200, sort: '-updated', status, purpose }));
export const fetchForm = (id: string) => api<Form>(`/api/v1/forms/${id}`);
export const createForm = (definition: unknown) => api<Form>('/api/v1/forms', { method: 'POST', body: { definition } });
export const saveForm = (id: string, definition: unknown, purpose: string) => api<Form>(`/api/v1/forms/${id}`, { method: 'PUT', body: { definition, purpose } });
export const publishForm = (id: string) => api<Form>(`/api/v1/forms/${id}/publish`, { method: 'POST' });
/** Reads an XLSForm workbook into a new form; answers with the form and what was noticed reading it. */
export const importXlsform = (file: File) => uploadFile<{ form: FormSummary; notices: XlsformProblem[] }>('/api/v1/forms/import', file);

export const consultationsPath = '/api/v1/consultations';
export const createConsultation = (input: ConsultationInput) => api<Consultation>(consultationsPath, { method: 'POST', body: input });
/** Opens or closes a consultation, or reminds the firms that have not answered. */
export const actOnConsultation = (id: string, what: 'open' | 'close' | 'remind') => api<{ reminded?: number }>(`/api/v1/consultations/${id}/${what}`, { method: 'POST' });
export const fetchAnalysis = (id: string, params: Record<string, string>) => api<Analysis>(withQuery(`/api/v1/consultations/${id}/analysis`, params));
export const textAnswersPath = (id: string) => `/api/v1/consultations/${id}/text-answers`;
export const tagTextAnswer = (id: string, responseId: string, question: string, tags: string[]) => api(`/api/v1/consultations/${id}/responses/${responseId}/tags`, { method: 'PUT', body: { question, tags } });
export const fetchConsultation = (id: string) => api<Consultation>(`/api/v1/consultations/${id}`);
/** The advocacy issues that cite a consultation's answers as evidence. */
export const fetchCitedBy = (id: string) => api<{ items: CitingIssue[] }>(`/api/v1/consultations/${id}/cited-by`);
export const fetchConsultationForm = (id: string) => api<FormDefinition>(`/api/v1/consultations/${id}/form`);
export const fetchEvidenceConsultations = () => api<{ items: Consultation[] }>(withQuery('/api/v1/consultations', { limit: 200 }));
