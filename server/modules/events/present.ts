import type { EventAudience, EventDetail, EventKind, EventState, EventSummary, Registration, RegistrantKind, RegistrationStatus, TicketType } from '../../../contracts/events.js';
import type { AgeBand, PersonSex } from '../../../contracts/people.js';
import type { eventRegistrations, events, eventTicketTypes } from './tables.js';

export type EventRow = typeof events.$inferSelect;
export type TicketTypeRow = typeof eventTicketTypes.$inferSelect;
export type RegistrationRow = typeof eventRegistrations.$inferSelect;

export interface EventCounts {
  registered: number;
  waiting: number;
  attended: number;
}

/** An event as lists and the calendar show it, with its branch by name and its counts. */
export function presentEvent(r: EventRow, beside: { branches: Map<string, string>; counts: EventCounts | undefined }): EventSummary {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind as EventKind,
    state: r.state as EventState,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    venue: r.venue,
    onlineUrl: r.onlineUrl,
    description: r.description,
    capacity: r.capacity,
    audience: r.audience as EventAudience,
    branch: r.branchId ? { id: r.branchId, name: beside.branches.get(r.branchId) ?? '' } : null,
    external: r.external,
    organiser: r.organiser,
    registered: beside.counts?.registered ?? 0,
    waiting: beside.counts?.waiting ?? 0,
    attended: beside.counts?.attended ?? 0,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export const presentTicketType = (t: TicketTypeRow): TicketType => ({ id: t.id, name: t.name, fee: t.fee, staffOnly: t.staffOnly });

export function presentEventDetail(r: EventRow, beside: { branches: Map<string, string>; counts: EventCounts | undefined; ticketTypes: TicketTypeRow[]; currency: string }): EventDetail {
  return { ...presentEvent(r, beside), ticketTypes: beside.ticketTypes.map(presentTicketType), currency: beside.currency };
}

/** A registration as the event's page shows it: the firm by name, the ticket, the place on the waiting list. */
export function presentRegistration(r: RegistrationRow, beside: { firms: Map<string, string>; ticketTypes: Map<string, TicketTypeRow>; waitingPlace: number | null }): Registration {
  const ticket = r.ticketTypeId ? beside.ticketTypes.get(r.ticketTypeId) : undefined;
  return {
    id: r.id,
    eventId: r.eventId,
    status: r.status as RegistrationStatus,
    waitingPlace: beside.waitingPlace,
    kind: r.kind as RegistrantKind,
    name: r.name,
    email: r.email,
    phone: r.phone,
    sex: r.sex as PersonSex,
    ageBand: (r.ageBand as AgeBand | null) ?? 'unknown',
    member: r.memberId ? { id: r.memberId, name: beside.firms.get(r.memberId) ?? '' } : null,
    ticketType: ticket ? presentTicketType(ticket) : null,
    fee: r.fee,
    invoiceId: r.invoiceId,
    ticketCode: r.ticketCode,
    attendedAt: r.attendedAt?.toISOString() ?? null,
    personId: r.personId,
    createdAt: r.createdAt.toISOString(),
  };
}
