import type { Consultation, Form } from '../../../contracts/surveys.js';
import { api } from '../../app/api.js';

export const surveyKeys = {
  forms: ['forms'] as const,
  form: (id: string) => ['forms', id] as const,
  consultations: ['consultations'] as const,
  consultation: (id: string) => ['consultations', id] as const,
  analysis: (id: string, params: Record<string, string>) => ['consultations', id, 'analysis', params] as const,
  texts: (id: string, question: string, tag: string) => ['consultations', id, 'texts', question, tag] as const,
};

export const fetchForm = (id: string) => api<Form>(`/api/v1/forms/${id}`);
export const fetchConsultation = (id: string) => api<Consultation>(`/api/v1/consultations/${id}`);
