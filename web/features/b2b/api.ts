import type { z } from 'zod';
import type { B2bMine, B2bOverview, B2bProfileInput, B2bRequestInput, B2bSeats, B2bSettingsInput } from '../../../contracts/b2b.js';
import { api } from '../../app/api.js';

const base = (eventId: string) => `/api/v1/b2b/events/${eventId}`;
const seat = (eventId: string, registrationId: string) => `${base(eventId)}/participants/${registrationId}`;

export const b2bKeys = {
  all: ['b2b'] as const,
  seats: (eventId: string) => ['b2b', 'seats', eventId] as const,
  overview: (eventId: string) => ['b2b', 'overview', eventId] as const,
  mine: (eventId: string, registrationId: string) => ['b2b', 'mine', eventId, registrationId] as const,
  participants: (eventId: string) => ['b2b', 'participants', eventId] as const,
  meetings: (eventId: string) => ['b2b', 'meetings', eventId] as const,
};

/** An event's participants and its meetings (every request), a page at a time (`useCursorPages`), and their downloads. */
export const participantsPath = (eventId: string) => `${base(eventId)}/participants`;
export const meetingsPath = (eventId: string) => `${base(eventId)}/meetings`;

export const fetchSeats = (eventId: string) => api<B2bSeats>(base(eventId));
export const fetchOverview = (eventId: string) => api<B2bOverview>(`${base(eventId)}/overview`);
export const fetchMine = (eventId: string, registrationId: string) => api<B2bMine>(seat(eventId, registrationId));
export const agendaPdfUrl = (eventId: string, registrationId: string) => `${seat(eventId, registrationId)}/agenda.pdf`;

export const saveSettings = (eventId: string, input: z.input<typeof B2bSettingsInput>) => api<B2bOverview>(`${base(eventId)}/settings`, { method: 'PUT', body: input });
export const runScheduler = (eventId: string) => api<B2bOverview>(`${base(eventId)}/schedule`, { method: 'POST' });
export const saveProfile = (eventId: string, registrationId: string, input: z.input<typeof B2bProfileInput>) => api<B2bMine>(`${seat(eventId, registrationId)}/profile`, { method: 'PUT', body: input });
export const requestMeeting = (eventId: string, registrationId: string, input: z.input<typeof B2bRequestInput>) => api<B2bMine>(`${seat(eventId, registrationId)}/requests`, { method: 'POST', body: input });
export const answerRequest = (eventId: string, registrationId: string, requestId: string, accept: boolean) => api<B2bMine>(`${seat(eventId, registrationId)}/requests/${requestId}/answer`, { method: 'POST', body: { accept } });
export const cancelRequest = (eventId: string, registrationId: string, requestId: string) => api<B2bMine>(`${seat(eventId, registrationId)}/requests/${requestId}/cancel`, { method: 'POST' });
