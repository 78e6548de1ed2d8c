import { z } from 'zod';
import { Email, IsoDate, IsoDateTime, PageQuery, SortParam, Uuid } from './common.js';

/**
 * Public-private dialogue: standing forums, their meetings with agenda items
 * drawn from advocacy issues, attendance, minutes, and decisions followed up
 * until they are closed.
 */
export const FORUM_KINDS = ['round_table', 'committee', 'ministry_meeting', 'working_group', 'other'] as const;
export const FORUM_SIDES = ['private', 'public'] as const;
export const FORUM_ROLES = ['chair', 'co_chair', 'secretariat', 'member', 'observer'] as const;
export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export const DECISION_STATUSES = ['open', 'done', 'dropped'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export const ForumInput = z.object({
  name: z.string().trim().min(3).max(200),
  kind: z.enum(FORUM_KINDS),
  description: z.string().trim().max(5000).default(''),
  isPublic: z.boolean().default(false),
});
export type ForumInput = z.infer<typeof ForumInput>;

export const ForumMemberInput = z.object({
  side: z.enum(FORUM_SIDES),
  name: z.string().trim().min(1).max(200),
  email: z.union([Email, z.literal('')]).default(''),
  affiliation: z.string().trim().max(200).default(''),
  role: z.enum(FORUM_ROLES).default('member'),
  /** An official's account in the organisation: it will see this forum, and no other. */
  userId: Uuid.nullable().default(null),
});
export type ForumMemberInput = z.infer<typeof ForumMemberInput>;

/** `decisionMakerId`: the same person in the decision-makers directory, for those who may read it. */
export const ForumMember = ForumMemberInput.extend({ id: Uuid, userName: z.string().nullable(), decisionMakerId: Uuid.nullable() });
export type ForumMember = z.infer<typeof ForumMember>;

export const MeetingSummary = z.object({
  id: Uuid,
  forumId: Uuid,
  forumName: z.string(),
  title: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  location: z.string(),
  status: z.enum(MEETING_STATUSES),
  openDecisions: z.number().int(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const Forum = ForumInput.extend({ id: Uuid, members: z.number().int(), nextMeeting: MeetingSummary.nullable(), openDecisions: z.number().int() });
export type Forum = z.infer<typeof Forum>;

export const ForumDetail = Forum.extend({ memberList: z.array(ForumMember), meetings: z.array(MeetingSummary) });
export type ForumDetail = z.infer<typeof ForumDetail>;

/** The columns the forums sort by: their name, how many sit in them. */
export const FORUM_SORTS = ['name', 'members'] as const;
export const ForumFilter = z.object({
  kind: z.enum(FORUM_KINDS).optional(),
  /** Part of the name. */
  q: z.string().trim().max(200).optional(),
  sort: SortParam(FORUM_SORTS, 'name'),
});
export type ForumFilter = z.infer<typeof ForumFilter>;
export const ForumQuery = PageQuery.extend(ForumFilter.shape);
export type ForumQuery = z.infer<typeof ForumQuery>;

/** The columns the meetings sort by: when they start, their title, their forum. */
export const MEETING_SORTS = ['starts', 'title', 'forum'] as const;
export const MeetingFilter = z.object({
  status: z.enum(MEETING_STATUSES).optional(),
  forumId: Uuid.optional(),
  /** The first day (on the organisation's calendar) a meeting may end on: `from=today` lists the coming ones. */
  from: IsoDate.optional(),
  /** Part of the title or the place. */
  q: z.string().trim().max(200).optional(),
  sort: SortParam(MEETING_SORTS, 'starts'),
});
export type MeetingFilter = z.infer<typeof MeetingFilter>;
export const MeetingQuery = PageQuery.extend(MeetingFilter.shape);
export type MeetingQuery = z.infer<typeof MeetingQuery>;

export const MeetingInput = z
  .object({
    title: z.string().trim().min(3).max(200),
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    location: z.string().trim().max(300).default(''),
  })
  .refine((m) => new Date(m.endsAt) > new Date(m.startsAt), { path: ['endsAt'], params: { code: 'dialogue.ends_before_start' } });
export type MeetingInput = z.infer<typeof MeetingInput>;

export const AgendaItemInput = z.object({
  title: z.string().trim().min(1).max(300),
  /** The advocacy issue brought to the table, if any. */
  issueId: Uuid.nullable().default(null),
  notes: z.string().trim().max(5000).default(''),
});
export type AgendaItemInput = z.infer<typeof AgendaItemInput>;

export const AgendaItem = AgendaItemInput.extend({ id: Uuid, position: z.number().int(), issueTitle: z.string().nullable() });

export const MinutesInput = z.object({
  minutes: z.string().trim().max(50000),
  /** Who was there: the forum members present; the others are recorded as absent. */
  present: z.array(Uuid).max(500),
  status: z.enum(MEETING_STATUSES),
});
export type MinutesInput = z.infer<typeof MinutesInput>;

export const DecisionInput = z.object({
  text: z.string().trim().min(3).max(2000),
  owner: z.string().trim().min(1).max(200),
  dueOn: IsoDate.nullable().default(null),
  agendaItemId: Uuid.nullable().default(null),
});
export type DecisionInput = z.infer<typeof DecisionInput>;

export const FollowUpInput = z.object({
  note: z.string().trim().min(1).max(5000),
  /** Closes (done, dropped) or reopens the decision; absent leaves it as it is. */
  status: z.enum(DECISION_STATUSES).optional(),
});
export type FollowUpInput = z.infer<typeof FollowUpInput>;

export const FollowUp = z.object({ at: z.iso.datetime(), actor: z.string(), note: z.string(), status: z.enum(DECISION_STATUSES).nullable() });

export const Decision = z.object({
  id: Uuid,
  text: z.string(),
  owner: z.string(),
  dueOn: z.iso.date().nullable(),
  status: z.enum(DECISION_STATUSES),
  overdue: z.boolean(),
  meeting: z.object({ id: Uuid, title: z.string(), startsAt: z.iso.datetime(), forumName: z.string() }),
  agendaItemId: Uuid.nullable(),
  issue: z.object({ id: Uuid, title: z.string() }).nullable(),
  followUps: z.array(FollowUp),
});
export type Decision = z.infer<typeof Decision>;

/** The columns the decisions sort by: when due (those with no day last), their meeting's start, who owes them. */
export const DECISION_SORTS = ['due', 'meeting', 'owner'] as const;
export const DecisionFilter = z.object({
  status: z.enum(DECISION_STATUSES).optional(),
  forumId: Uuid.optional(),
  /** `true`: open decisions past their day; any other value, all. */
  overdue: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  sort: SortParam(DECISION_SORTS, 'due'),
});
export type DecisionFilter = z.infer<typeof DecisionFilter>;
export const DecisionQuery = PageQuery.extend(DecisionFilter.shape);
export type DecisionQuery = z.infer<typeof DecisionQuery>;

export const MeetingDetail = MeetingSummary.extend({
  minutes: z.string(),
  invitedAt: z.iso.datetime().nullable(),
  agenda: z.array(AgendaItem),
  attendance: z.array(z.object({ memberId: Uuid, name: z.string(), side: z.enum(FORUM_SIDES), affiliation: z.string(), present: z.boolean().nullable() })),
  decisions: z.array(Decision),
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;
