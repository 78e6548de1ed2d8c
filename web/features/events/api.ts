import type { z } from 'zod';
import type { CheckInInput, CheckInList, CheckInResult, EventDetail, EventInput, EventSharing, EventSharingInput, EventState, Registration, RegistrationInput, SelfCheckIn, TicketTypeInput } from '../../../contracts/events.js';
import { api } from '../../app/api.js';

export const eventsPath = '/api/v1/events';

export const eventKeys = {
  all: ['events'] as const,
  list: ['events', 'list'] as const,
  one: (id: string) => ['events', 'one', id] as const,
  registrations: (id: string) => ['events', 'registrations', id] as const,
  selfCheckIn: (id: string) => ['events', 'self-check-in', id] as const,
  federation: ['events', 'federation'] as const,
  sharing: ['events', 'federation', 'sharing'] as const,
};

export const fetchEvent = (id: string) => api<EventDetail>(`${eventsPath}/${id}`);
/** An event's registrations, a page at a time (`useCursorPages`), and their download. */
export const registrationsPath = (id: string) => `${eventsPath}/${id}/registrations`;
/** The phone's copy of who holds a seat, taken before the doors open. */
export const fetchCheckInList = (id: string) => api<CheckInList>(`${eventsPath}/${id}/check-in`);
export const calendarUrl = (id: string) => `${eventsPath}/${id}/calendar.ics`;

export const createEvent = (input: z.input<typeof EventInput>) => api<EventDetail>(eventsPath, { method: 'POST', body: input });
export const updateEvent = (id: string, input: z.input<typeof EventInput>) => api<EventDetail>(`${eventsPath}/${id}`, { method: 'PUT', body: input });
export const changeEventState = (id: string, state: EventState) => api<EventDetail>(`${eventsPath}/${id}/state`, { method: 'POST', body: { state } });
export const addTicketType = (id: string, input: TicketTypeInput) => api<EventDetail>(`${eventsPath}/${id}/ticket-types`, { method: 'POST', body: input });
export const removeTicketType = (id: string, typeId: string) => api<EventDetail>(`${eventsPath}/${id}/ticket-types/${typeId}`, { method: 'DELETE' });
export const register = (id: string, input: z.input<typeof RegistrationInput>) => api<Registration>(`${eventsPath}/${id}/registrations`, { method: 'POST', body: input });
export const cancelRegistration = (id: string, registrationId: string) => api<{ promoted: string[] }>(`${eventsPath}/${id}/registrations/${registrationId}/cancel`, { method: 'POST' });
/** Sends ticks made on the phone; sending the same ticks again changes nothing. */
export const sendCheckIns = (id: string, input: z.input<typeof CheckInInput>) => api<CheckInResult>(`${eventsPath}/${id}/check-in`, { method: 'POST', body: input });
/** Self check-in: whether it is on, and the link of the QR code to show now (a new one each minute). */
export const fetchSelfCheckIn = (id: string) => api<SelfCheckIn>(`${eventsPath}/${id}/self-check-in`);
export const setSelfCheckIn = (id: string, enabled: boolean) => api<SelfCheckIn>(`${eventsPath}/${id}/self-check-in`, { method: 'PUT', body: { enabled } });
/** Across the federation: what the umbrella and branches share (a page at a time), and whether ours are shared. */
export const federationEventsPath = `${eventsPath}/federation`;
export const fetchEventSharing = () => api<EventSharing>(`${federationEventsPath}/sharing`);
export const saveEventSharing = (input: EventSharingInput) => api<EventSharing>(`${federationEventsPath}/sharing`, { method: 'PUT', body: input });
