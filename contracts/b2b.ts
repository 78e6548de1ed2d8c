import { z } from 'zod';
import { Int, IsoDateTime, PageQuery, SortParam, Text, Uuid } from './common.js';

/**
 * B2B meetings at an event (issue 18, item 5): staff open matchmaking with time
 * slots and tables and a deadline for requests; the event's registered people
 * say what they offer and seek, ask each other for meetings and accept or
 * decline; a scheduler places accepted meetings in slots × tables; each
 * participant gets an agenda (PDF, SMS text), issued again on a late change.
 */

export const B2bBreak = z.object({
  /** The break follows this slot (1 is the first). */
  afterSlot: Int.min(1).max(200),
  minutes: Int.min(1).max(600),
});
export type B2bBreak = z.infer<typeof B2bBreak>;

export const B2bSettingsInput = z
  .object({
    firstSlotAt: IsoDateTime,
    slotMinutes: Int.min(5).max(240),
    slotCount: Int.min(1).max(200),
    breaks: z.array(B2bBreak).max(20).default([]),
    tableCount: Int.min(1).max(500),
    /** One name a line in the form; tables without a name are "Table n". */
    tableNames: z.array(Text(40)).max(500).default([]),
    requestDeadline: IsoDateTime,
  })
  .refine((s) => s.tableNames.length <= s.tableCount, { path: ['tableNames'], params: { code: 'b2b.too_many_table_names' } })
  .refine((s) => s.breaks.every((b) => b.afterSlot < s.slotCount), { path: ['breaks'], params: { code: 'b2b.break_outside' } });
export type B2bSettingsInput = z.infer<typeof B2bSettingsInput>;

export const B2bSlot = z.object({ index: Int, startsAt: z.string(), endsAt: z.string() });
export type B2bSlot = z.infer<typeof B2bSlot>;

export const B2bSettings = z.object({
  firstSlotAt: z.string(),
  slotMinutes: z.number().int(),
  slotCount: z.number().int(),
  breaks: z.array(B2bBreak),
  tableCount: z.number().int(),
  tableNames: z.array(z.string()),
  requestDeadline: z.string(),
  /** Every slot with its times, breaks counted. */
  slots: z.array(B2bSlot),
  /** Every table's name. */
  tables: z.array(z.string()),
  scheduledAt: z.string().nullable(),
});
export type B2bSettings = z.infer<typeof B2bSettings>;

/** ISIC section letters or division, group, class codes. */
export const B2bSector = z.string().regex(/^([A-U]|\d{2,4})$/);

export const B2bProfileInput = z.object({
  offer: Text(2000).default(''),
  seek: Text(2000).default(''),
  sectors: z.array(B2bSector).max(10).default([]),
  /** Slots (0-based) the participant can attend; null: all. */
  available: z.array(Int.min(0).max(199)).max(200).nullable().default(null),
});
export type B2bProfileInput = z.infer<typeof B2bProfileInput>;

/** Someone registered for the event, as the others see them: no address, no phone. */
export const B2bParticipant = z.object({
  registrationId: Uuid,
  name: z.string(),
  firm: z.string().nullable(),
  offer: z.string(),
  seek: z.string(),
  sectors: z.array(z.string()),
});
export type B2bParticipant = z.infer<typeof B2bParticipant>;

/** Pending (to answer), accepted (a meeting), declined, cancelled (withdrawn or called off), expired (unanswered at the deadline). */
export const B2B_REQUEST_STATES = ['pending', 'accepted', 'declined', 'cancelled', 'expired'] as const;
export const B2bRequestState = z.enum(B2B_REQUEST_STATES);
export type B2bRequestState = z.infer<typeof B2bRequestState>;

export const B2bRequest = z.object({
  id: Uuid,
  from: z.object({ registrationId: Uuid, name: z.string(), firm: z.string().nullable() }),
  to: z.object({ registrationId: Uuid, name: z.string(), firm: z.string().nullable() }),
  message: z.string(),
  state: B2bRequestState,
  /** Where the meeting is, once scheduled. */
  slot: z.number().int().nullable(),
  table: z.number().int().nullable(),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
});
export type B2bRequest = z.infer<typeof B2bRequest>;

export const B2bRequestInput = z.object({ toRegistrationId: Uuid, message: Text(500).default('') });
export type B2bRequestInput = z.infer<typeof B2bRequestInput>;

export const B2bAnswerInput = z.object({ accept: z.boolean() });

/** Why the scheduler could not place a meeting: a code and its figures, said in words by `b2b.reasons.<code>`. */
export const B2B_REASONS = ['overbooked', 'no_common_slot', 'busy', 'tables_full', 'not_participant'] as const;
export const B2bUnplaced = z.object({
  requestId: Uuid,
  a: z.string(),
  b: z.string(),
  reason: z.enum(B2B_REASONS),
  /** The words' figures: who, how many meetings, how many free slots. */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type B2bUnplaced = z.infer<typeof B2bUnplaced>;

export const B2bGridCell = z.object({ slot: z.number().int(), table: z.number().int(), requestId: Uuid, a: z.string(), b: z.string() });
export type B2bGridCell = z.infer<typeof B2bGridCell>;

export const B2bSchedule = z.object({
  scheduledAt: z.string().nullable(),
  placed: z.number().int(),
  accepted: z.number().int(),
  /** The most tables one slot uses, and the even bound ⌈meetings / slots⌉. */
  maxTables: z.number().int(),
  evenBound: z.number().int(),
  cells: z.array(B2bGridCell),
  unplaced: z.array(B2bUnplaced),
});
export type B2bSchedule = z.infer<typeof B2bSchedule>;

/** What staff see of an event's matchmaking. */
export const B2bOverview = z.object({
  eventId: Uuid,
  title: z.string(),
  settings: B2bSettings.nullable(),
  counts: z.object({ participants: z.number().int(), profiles: z.number().int(), pending: z.number().int(), accepted: z.number().int(), declined: z.number().int(), expired: z.number().int() }),
  requests: z.array(B2bRequest),
  schedule: B2bSchedule,
});
export type B2bOverview = z.infer<typeof B2bOverview>;

export const B2bAgendaItem = z.object({
  requestId: Uuid,
  slot: z.number().int(),
  startsAt: z.string(),
  endsAt: z.string(),
  table: z.string(),
  with: z.string(),
  firm: z.string().nullable(),
});

export const B2bAgenda = z.object({
  version: z.number().int(),
  /** Issued again after a late change: the participant should read it anew. */
  changed: z.boolean(),
  issuedAt: z.string().nullable(),
  items: z.array(B2bAgendaItem),
  /** The agenda as text messages, each part fitting one SMS. */
  sms: z.array(z.string()),
});
export type B2bAgenda = z.infer<typeof B2bAgenda>;

/** One participant's page: who they act as, their profile, the others, their requests and their agenda. */
export const B2bMine = z.object({
  eventId: Uuid,
  title: z.string(),
  me: B2bParticipant.extend({ available: z.array(z.number().int()).nullable() }),
  settings: B2bSettings.nullable(),
  deadlinePassed: z.boolean(),
  others: z.array(B2bParticipant),
  incoming: z.array(B2bRequest),
  outgoing: z.array(B2bRequest),
  agenda: B2bAgenda,
});
export type B2bMine = z.infer<typeof B2bMine>;

/** The registrations a person may act for at an event (a member firm's people; staff: everyone). */
export const B2bSeats = z.object({
  eventId: Uuid,
  title: z.string(),
  open: z.boolean(),
  manages: z.boolean(),
  items: z.array(z.object({ registrationId: Uuid, name: z.string(), firm: z.string().nullable() })),
});
export type B2bSeats = z.infer<typeof B2bSeats>;

export const B2bSeatParams = z.object({ id: Uuid, childId: Uuid });
export const B2bRequestParams = z.object({ id: Uuid, childId: Uuid, requestId: Uuid });

/** A participant as staff list them: their profile's words and how many requests they sent and received (withdrawn ones not counted), and their meetings. */
export const B2bParticipantRow = z.object({
  registrationId: Uuid,
  name: z.string(),
  firm: z.string().nullable(),
  offer: z.string(),
  seek: z.string(),
  sent: z.number().int(),
  received: z.number().int(),
  meetings: z.number().int(),
});
export type B2bParticipantRow = z.infer<typeof B2bParticipantRow>;

/** The columns an event's participants sort by: the name, their requests (sent and received), their meetings. */
export const B2B_PARTICIPANT_SORTS = ['name', 'requests', 'meetings'] as const;
/** Whether a participant said what they offer or seek. */
export const B2B_PROFILE_FILTERS = ['filled', 'empty'] as const;
export const B2bParticipantFilter = z.object({
  /** Part of the name. */
  q: z.string().trim().max(200).optional(),
  profile: z.enum(B2B_PROFILE_FILTERS).optional(),
  sort: SortParam(B2B_PARTICIPANT_SORTS, 'name'),
});
export type B2bParticipantFilter = z.infer<typeof B2bParticipantFilter>;
export const B2bParticipantQuery = PageQuery.extend(B2bParticipantFilter.shape);
export type B2bParticipantQuery = z.infer<typeof B2bParticipantQuery>;

/** A request as the event's meetings list shows it: with its slot's start and its table's name once placed. */
export const B2bMeeting = B2bRequest.extend({ startsAt: z.string().nullable(), tableName: z.string().nullable() });
export type B2bMeeting = z.infer<typeof B2bMeeting>;

/** The columns an event's meetings sort by: when requested, the slot (then the table; unplaced last), the requesting side's name, the state (meetings first). */
export const B2B_MEETING_SORTS = ['requested', 'slot', 'from', 'state'] as const;
export const B2bMeetingFilter = z.object({
  /** Part of either side's name. */
  q: z.string().trim().max(200).optional(),
  state: B2bRequestState.optional(),
  sort: SortParam(B2B_MEETING_SORTS, '-requested'),
});
export type B2bMeetingFilter = z.infer<typeof B2bMeetingFilter>;
export const B2bMeetingQuery = PageQuery.extend(B2bMeetingFilter.shape);
export type B2bMeetingQuery = z.infer<typeof B2bMeetingQuery>;
