import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/tables.js';
import { sameOrgForeignKey } from '../../platform/db/tenant-keys.js';
import { advocacyIssues } from '../advocacy/tables.js';
import { orgs } from '../../platform/tenants/tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
// A history's clock keeps microseconds: two steps written in the same millisecond
// (one request often writes several) must still come back in the order they happened.
const clockTs = (name: string) => timestamp(name, { withTimezone: true, precision: 6 });
const orgId = () => uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' });

/** A standing place of public-private dialogue: a round table, a committee, a regular meeting with a ministry. */
export const forums = pgTable(
  'forums',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    description: text('description').notNull().default(''),
    /** Shown, with its decisions, on the public reform tracker. */
    isPublic: boolean('is_public').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'forums_pkey', columns: [t.id, t.orgId] }),
    index('forums_org_idx').on(t.orgId, t.name),
    check('forums_kind_check', sql`${t.kind} IN ('round_table', 'committee', 'ministry_meeting', 'working_group', 'other')`),
  ],
);

/** Who sits in a forum, from the private side or the public one; an official may have an account. */
export const forumMembers = pgTable(
  'forum_members',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    forumId: uuid('forum_id').notNull(),
    side: text('side').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull().default(''),
    affiliation: text('affiliation').notNull().default(''),
    role: text('role').notNull().default('member'),
    /** The account of an official invited to the forum: it sees this forum and no other. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'forum_members_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.forumId, forums).onDelete('cascade'),
    index('forum_members_forum_idx').on(t.forumId),
    index('forum_members_user_idx').on(t.userId),
    check('forum_members_side_check', sql`${t.side} IN ('private', 'public')`),
    check('forum_members_role_check', sql`${t.role} IN ('chair', 'co_chair', 'secretariat', 'member', 'observer')`),
  ],
);

export const forumMeetings = pgTable(
  'forum_meetings',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    forumId: uuid('forum_id').notNull(),
    title: text('title').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    location: text('location').notNull().default(''),
    status: text('status').notNull().default('planned'),
    minutes: text('minutes').notNull().default(''),
    /** Raised each time the invitation is re-sent, so calendars update the event instead of adding one. */
    sequence: integer('sequence').notNull().default(0),
    invitedAt: ts('invited_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'forum_meetings_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.forumId, forums).onDelete('cascade'),
    index('forum_meetings_forum_idx').on(t.forumId, t.startsAt),
    check('forum_meetings_status_check', sql`${t.status} IN ('planned', 'held', 'cancelled')`),
    check('forum_meetings_times_check', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const agendaItems = pgTable(
  'agenda_items',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    meetingId: uuid('meeting_id').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    /** The advocacy issue this item brings to the table, if any. */
    issueId: uuid('issue_id'),
    notes: text('notes').notNull().default(''),
  },
  (t) => [
    primaryKey({ name: 'agenda_items_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.meetingId, forumMeetings).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.issueId, advocacyIssues).onDelete('set null'),
    index('agenda_items_meeting_idx').on(t.meetingId, t.position), index('agenda_items_issue_idx').on(t.issueId),
  ],
);

export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    orgId: orgId(),
    meetingId: uuid('meeting_id').notNull(),
    forumMemberId: uuid('forum_member_id').notNull(),
    present: boolean('present').notNull(),
  },
  (t) => [
    sameOrgForeignKey(t.orgId, t.meetingId, forumMeetings).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.forumMemberId, forumMembers).onDelete('cascade'),
    primaryKey({ name: 'meeting_attendance_meeting_id_forum_member_id_pk', columns: [t.meetingId, t.forumMemberId, t.orgId] }),
  ],
);

/** What a meeting decided, who carries it out and by when; followed up until closed. */
export const forumDecisions = pgTable(
  'forum_decisions',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    meetingId: uuid('meeting_id').notNull(),
    agendaItemId: uuid('agenda_item_id'),
    issueId: uuid('issue_id'),
    text: text('text').notNull(),
    owner: text('owner').notNull(),
    dueOn: date('due_on'),
    status: text('status').notNull().default('open'),
    closedAt: ts('closed_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'forum_decisions_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.meetingId, forumMeetings).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.agendaItemId, agendaItems).onDelete('set null'),
    sameOrgForeignKey(t.orgId, t.issueId, advocacyIssues).onDelete('set null'),
    index('forum_decisions_meeting_idx').on(t.meetingId),
    index('forum_decisions_issue_idx').on(t.issueId),
    check('forum_decisions_status_check', sql`${t.status} IN ('open', 'done', 'dropped')`),
  ],
);

/** Each step taken on a decision; only ever added to. */
export const decisionFollowUps = pgTable(
  'decision_follow_ups',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    decisionId: uuid('decision_id').notNull(),
    at: clockTs('at').notNull().default(sql`clock_timestamp()`),
    // Order of the history: a sequence cannot tie, a clock can (two steps of one
    // request within the embedded database's clock tick came back swapped).
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name').notNull(),
    note: text('note').notNull(),
    /** The decision's status after this step, when it changed it. */
    status: text('status'),
  },
  (t) => [
    primaryKey({ name: 'decision_follow_ups_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.decisionId, forumDecisions).onDelete('cascade'),
    index('decision_follow_ups_decision_idx').on(t.decisionId, t.seq),
  ],
);
