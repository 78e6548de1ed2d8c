import type { z } from 'zod';
import type { Application, ApplicationInput, CallDetail, CallInput, CriteriaInput } from '../../../contracts/led-calls.js';
import { api } from '../../app/api.js';

// Calls for LED measures (issue 17.5) and their applications: each change answers the record as it now is.
export const callsPath = '/api/v1/led/calls';
export const applicationsPath = (callId: string) => `${callsPath}/${callId}/applications`;

export const callKeys = {
  calls: ['led', 'calls'] as const,
  call: (id: string) => ['led', 'call', id] as const,
  applications: (id: string) => ['led', 'call', id, 'applications'] as const,
  application: (id: string, applicationId: string) => ['led', 'call', id, 'application', applicationId] as const,
};

export const fetchCall = (id: string) => api<CallDetail>(`${callsPath}/${id}`);
export const createCall = (input: z.input<typeof CallInput>) => api<CallDetail>(callsPath, { method: 'POST', body: input });
export const updateCall = (id: string, input: z.input<typeof CallInput>) => api<CallDetail>(`${callsPath}/${id}`, { method: 'PUT', body: input });
export const setCallStatus = (id: string, status: 'open' | 'closed') => api<CallDetail>(`${callsPath}/${id}/status`, { method: 'POST', body: { status } });
export const saveCriteria = (id: string, input: z.input<typeof CriteriaInput>) => api<CallDetail>(`${callsPath}/${id}/criteria`, { method: 'PUT', body: input });

export const fetchApplication = (id: string, applicationId: string) => api<Application>(`${applicationsPath(id)}/${applicationId}`);
export const createApplication = (id: string, input: z.input<typeof ApplicationInput>) => api<Application>(applicationsPath(id), { method: 'POST', body: input });
export const updateApplication = (id: string, applicationId: string, input: z.input<typeof ApplicationInput>) =>
  api<Application>(`${applicationsPath(id)}/${applicationId}`, { method: 'PUT', body: input });
export const withdrawApplication = (id: string, applicationId: string) => api<Application>(`${applicationsPath(id)}/${applicationId}/withdraw`, { method: 'POST' });
