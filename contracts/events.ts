import { z } from 'zod';
import { Email, Int, IsoDate, IsoDateTime, Name, PageQuery, SortParam, Text, Uuid } from './common.js';
import { AGE_BANDS_AND_UNKNOWN, PersonSex, RecordedAgeBand } from './people.js';

/**
 * Events the organisation runs (workshops, trade fairs, B2B days, networking
 * evenings, training sessions, LED meetings), and others' fairs its members
 * should know about (external: shown in the calendar, no registration).
 * Shared by networking, training and LED: they reuse registration, the
 * waiting list and check-in.
 */
export const EVENT_KINDS = ['workshop', 'trade_fair', 'b2b_day', 'networking_evening', 'training_session', 'led_meeting', 'other'] as const;
export const EventKind = z.enum(EVENT_KINDS);
export type EventKind = z.infer<typeof EventKind>;

/** Draft: staff only. Published: members see it and register. Cancelled: stays listed, takes no registration. */
export const EVENT_STATES = ['draft', 'published', 'cancelled'] as const;
export const EventState = z.enum(EVENT_STATES);
export type EventState = z.infer<typeof EventState>;

/** Who may come: member firms' people only, or anyone (the public registered by staff). */
export const EVENT_AUDIENCES = ['members', 'public'] as const;
export const EventAudience = z.enum(EVENT_AUDIENCES);
export type EventAudience = z.infer<typeof EventAudience>;

const Url = z.union([z.literal(''), z.string().trim().max(500).pipe(z.url({ protocol: /^https?$/ }))]);

export const EventInput = z
  .object({
    title: Name,
    kind: EventKind,
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    venue: Text(300).default(''),
    onlineUrl: Url.default(''),
    description: Text(5000).default(''),
    /** Seats; null: no limit. */
    capacity: Int.min(1).max(100_000).nullable().default(null),
    audience: EventAudience.default('members'),
    branchId: Uuid.nullable().default(null),
    /** Someone else's event (a fair abroad): listed for members, no registration. */
    external: z.boolean().default(false),
    /** Who runs an external event. */
    organiser: Text(200).default(''),
  })
  .refine((e) => Number.isNaN(Date.parse(e.startsAt)) || Number.isNaN(Date.parse(e.endsAt)) || Date.parse(e.endsAt) > Date.parse(e.startsAt), {
    path: ['endsAt'], params: { code: 'events.ends_before_start' },
  });
export type EventInput = z.infer<typeof EventInput>;

export const EventStateInput = z.object({ state: EventState });

/** The columns the calendar sorts by: when it starts (soonest first by default) or its title. */
export const EVENT_SORTS = ['starts', 'title'] as const;
export const EventFilter = z.object({
  /** First and last day (on the organisation's calendar) the events touch. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  kind: EventKind.optional(),
  state: EventState.optional(),
  sort: SortParam(EVENT_SORTS, 'starts'),
});
export type EventFilter = z.infer<typeof EventFilter>;
export const EventQuery = PageQuery.extend(EventFilter.shape);
export type EventQuery = z.infer<typeof EventQuery>;

export const TicketTypeInput = z.object({
  name: Name,
  /** In minor units of the organisation's currency; 0 is free. */
  fee: Int.min(0),
  /** For speakers, helpers and guests: only staff register someone with it, a member firm's user cannot pick it. */
  staffOnly: z.boolean().default(false),
});
export type TicketTypeInput = z.infer<typeof TicketTypeInput>;

export const TicketType = z.object({ id: Uuid, name: z.string(), fee: z.number().int(), staffOnly: z.boolean() });
export type TicketType = z.infer<typeof TicketType>;

export const EventSummary = z.object({
  id: Uuid,
  title: z.string(),
  kind: EventKind,
  state: EventState,
  startsAt: z.string(),
  endsAt: z.string(),
  venue: z.string(),
  onlineUrl: z.string(),
  description: z.string(),
  capacity: z.number().int().nullable(),
  audience: EventAudience,
  branch: z.object({ id: Uuid, name: z.string() }).nullable(),
  external: z.boolean(),
  organiser: z.string(),
  registered: z.number().int(),
  waiting: z.number().int(),
  attended: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EventSummary = z.infer<typeof EventSummary>;

export const EventDetail = EventSummary.extend({
  ticketTypes: z.array(TicketType),
  currency: z.string(),
});
export type EventDetail = z.infer<typeof EventDetail>;

/**
 * Who comes: a contact of a member firm, another named person of a member
 * firm, one of the organisation's own staff (an account), or a member of the
 * public. Which fields count depends on the kind; the server says which is missing.
 */
export const REGISTRANT_KINDS = ['member_contact', 'member_staff', 'own_staff', 'public'] as const;
export const RegistrantKind = z.enum(REGISTRANT_KINDS);
export type RegistrantKind = z.infer<typeof RegistrantKind>;

const Phone = z.string().trim().max(50).refine((s) => !s || /\d/.test(s), { params: { code: 'people.bad_phone' } });

export const RegistrationInput = z.object({
  kind: RegistrantKind,
  ticketTypeId: Uuid.nullable().default(null),
  memberId: Uuid.nullable().default(null),
  contactId: Uuid.nullable().default(null),
  userId: Uuid.nullable().default(null),
  name: Text(200).default(''),
  email: z.union([z.literal(''), Email]).default(''),
  phone: Phone.default(''),
  sex: PersonSex.default('not_stated'),
  ageBand: RecordedAgeBand.nullable().default(null),
});
export type RegistrationInput = z.infer<typeof RegistrationInput>;

/** A coming event on a member firm's home: how many of its people hold a seat or wait for one (0 and 0: open to register). */
export const FirmEvent = z.object({
  id: Uuid,
  title: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  venue: z.string(),
  registered: z.number().int(),
  waiting: z.number().int(),
});
export type FirmEvent = z.infer<typeof FirmEvent>;

export const REGISTRATION_STATUSES = ['registered', 'waiting', 'cancelled'] as const;
export const RegistrationStatus = z.enum(REGISTRATION_STATUSES);
export type RegistrationStatus = z.infer<typeof RegistrationStatus>;

export const Registration = z.object({
  id: Uuid,
  eventId: Uuid,
  status: RegistrationStatus,
  /** Place on the waiting list (1 is next), null when not waiting. */
  waitingPlace: z.number().int().nullable(),
  kind: RegistrantKind,
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  sex: PersonSex,
  ageBand: z.enum(AGE_BANDS_AND_UNKNOWN),
  member: z.object({ id: Uuid, name: z.string() }).nullable(),
  ticketType: TicketType.nullable(),
  fee: z.number().int(),
  invoiceId: Uuid.nullable(),
  /** What the door scans or types: random, unique within the organisation. */
  ticketCode: z.string(),
  attendedAt: z.string().nullable(),
  personId: Uuid.nullable(),
  createdAt: z.string(),
});
export type Registration = z.infer<typeof Registration>;

/**
 * The columns an event's registrations sort by: `status` (those with a seat,
 * then the waiting list in its order, then the cancelled), the name, when
 * they registered.
 */
export const REGISTRATION_SORTS = ['status', 'name', 'registered'] as const;
export const RegistrationFilter = z.object({
  status: RegistrationStatus.optional(),
  /** Part of the name, address or ticket code. */
  q: z.string().trim().max(200).optional(),
  sort: SortParam(REGISTRATION_SORTS, 'status'),
});
export type RegistrationFilter = z.infer<typeof RegistrationFilter>;
export const RegistrationQuery = PageQuery.extend(RegistrationFilter.shape);
export type RegistrationQuery = z.infer<typeof RegistrationQuery>;

/** The list a phone downloads before the doors open: enough to tick people, nothing more. */
export const CheckInEntry = z.object({
  id: Uuid,
  name: z.string(),
  firm: z.string().nullable(),
  ticketType: z.string().nullable(),
  ticketCode: z.string(),
  attended: z.boolean(),
});
export type CheckInEntry = z.infer<typeof CheckInEntry>;

export const CheckInList = z.object({
  event: z.object({ id: Uuid, title: z.string(), startsAt: z.string(), endsAt: z.string(), venue: z.string() }),
  items: z.array(CheckInEntry),
});
export type CheckInList = z.infer<typeof CheckInList>;

/** Ticks made on a phone, sent when it has a connection: by registration or by ticket code. Sending twice adds nothing. */
export const CheckInInput = z.object({
  items: z.array(z.object({
    registrationId: Uuid.nullable().default(null),
    ticketCode: z.string().trim().max(40).nullable().default(null),
  })).min(1).max(2000),
});
export type CheckInInput = z.infer<typeof CheckInInput>;

export const CheckInResult = z.object({
  /** Ticked now. */
  checkedIn: z.array(Uuid),
  /** Ticked before: nothing changed. */
  already: z.array(Uuid),
  /** Codes or ids that are no registration of this event (or one cancelled or waiting). */
  unknown: z.array(z.string()),
});
export type CheckInResult = z.infer<typeof CheckInResult>;

/**
 * Self check-in (server/modules/events/self-check-in-service.ts): whether it is
 * on for the event and, when on, the link the QR code shown now carries, when
 * the next code is due and until when the one shown now is accepted.
 */
export const SelfCheckIn = z.object({
  enabled: z.boolean(),
  /** Whether the page takes check-ins (the event published, not another organiser's); the day is checked when one scans. */
  open: z.boolean(),
  url: z.string().nullable(),
  refreshAt: z.string().nullable(),
  validUntil: z.string().nullable(),
});
export type SelfCheckIn = z.infer<typeof SelfCheckIn>;

export const SelfCheckInInput = z.object({ enabled: z.boolean() });
export type SelfCheckInInput = z.infer<typeof SelfCheckInInput>;

export const TICKET_CODE_LENGTH = 10;
/** Crockford's base 32 (no I, L, O, U): read aloud or typed from paper without confusion. */
export const TICKET_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export { normaliseTicketCode } from './ticket-code.js';

/**
 * Across the federation (issue 18.8): whether the other organisations of the
 * federation (the umbrella and its branches) see this one's published events,
 * read-only; off by default.
 */
export const EventSharing = z.object({
  shareWithFederation: z.boolean(),
  /**
   * How the others register for a shared event (a person, phone, e-mail or the
   * organisation's own registration link): there is no public registration page.
   */
  registrationContact: z.string(),
});
export type EventSharing = z.infer<typeof EventSharing>;
/** The choice as sent: without `registrationContact`, the one given before stays. */
export const EventSharingInput = z.object({ shareWithFederation: z.boolean(), registrationContact: Text(300).optional() });
export type EventSharingInput = z.infer<typeof EventSharingInput>;

/** A published event another organisation of the federation shares: what its calendar shows, with where it comes from. */
export const FederationEvent = z.object({
  id: Uuid,
  orgId: Uuid,
  orgName: z.string(),
  title: z.string(),
  kind: EventKind,
  startsAt: z.string(),
  endsAt: z.string(),
  venue: z.string(),
  onlineUrl: z.string(),
  description: z.string(),
  audience: EventAudience,
  external: z.boolean(),
  organiser: z.string(),
  /** How to register, as the owning organisation says (its `registrationContact`); registering stays with it. */
  registrationContact: z.string(),
});
export type FederationEvent = z.infer<typeof FederationEvent>;

export const FederationEventQuery = PageQuery.extend({
  /** First day (on this organisation's calendar) the events touch. */
  from: IsoDate.optional(),
  kind: EventKind.optional(),
  sort: SortParam(EVENT_SORTS, 'starts'),
});
export type FederationEventQuery = z.infer<typeof FederationEventQuery>;
