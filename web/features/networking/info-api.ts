import type { z } from 'zod';
import type { Enquiry, EnquiryEntryInput, InfoEntry, InfoEntryInput, InfoEntryState, InfoSubscription, InfoSubscriptionInput } from '../../../contracts/networking-info.js';
import { api } from '../../app/api.js';

const base = '/api/v1/networking';
export const infoEntriesPath = `${base}/info/entries`;
export const enquiriesPath = `${base}/info/enquiries`;
/** Entries the federation's other organisations share with this one (read-only). */
export const federationEntriesPath = `${base}/info/federation-entries`;
export const myInfoEntriesPath = `${base}/my/info/entries`;
export const myEnquiriesPath = `${base}/my/info/enquiries`;

export const infoKeys = {
  entries: ['networking', 'info', 'entries'] as const,
  enquiries: ['networking', 'info', 'enquiries'] as const,
  federationEntries: ['networking', 'info', 'federation-entries'] as const,
  myEntries: ['networking', 'my', 'info', 'entries'] as const,
  myEnquiries: ['networking', 'my', 'info', 'enquiries'] as const,
  subscription: ['networking', 'my', 'info', 'subscription'] as const,
};

export const createInfoEntry = (input: z.input<typeof InfoEntryInput>) => api<InfoEntry>(infoEntriesPath, { method: 'POST', body: input });
export const updateInfoEntry = (id: string, input: z.input<typeof InfoEntryInput>) => api<InfoEntry>(`${infoEntriesPath}/${id}`, { method: 'PUT', body: input });
export const setInfoEntryState = (id: string, state: InfoEntryState) => api<InfoEntry>(`${infoEntriesPath}/${id}/state`, { method: 'POST', body: { state } });
export const answerEnquiry = (id: string, answer: string) => api<Enquiry>(`${enquiriesPath}/${id}/answer`, { method: 'POST', body: { answer } });
export const entryFromEnquiry = (id: string, input: z.input<typeof EnquiryEntryInput>) => api<InfoEntry>(`${enquiriesPath}/${id}/entry`, { method: 'POST', body: input });
export const fetchInfoSubscription = () => api<InfoSubscription>(`${base}/my/info/subscription`);
export const saveInfoSubscription = (input: z.input<typeof InfoSubscriptionInput>) => api<InfoSubscription>(`${base}/my/info/subscription`, { method: 'PUT', body: input });
export const askEnquiry = (input: { subject: string; question: string }) => api<Enquiry>(myEnquiriesPath, { method: 'POST', body: input });
