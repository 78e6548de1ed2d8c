import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/tables.js';
import { sameOrgForeignKey } from '../../platform/db/tenant-keys.js';
import { members } from '../members/tables.js';
import { orgs } from '../../platform/tenants/tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
// A history's clock keeps microseconds: two steps written in the same millisecond
// (one request often writes several) must still come back in the order they happened.
const clockTs = (name: string) => timestamp(name, { withTimezone: true, precision: 6 });

/** A problem a member firm raised (or staff recorded for it). */
export const memberIssues = pgTable(
  'member_issues',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull(),
    category: text('category').notNull(),
    status: text('status').notNull().default('new'),
    /** What staff say to members about it (why declined, where it went). */
    responseNote: text('response_note').notNull().default(''),
    mergedIntoId: uuid('merged_into_id'),
    raisedByMemberId: uuid('raised_by_member_id'),
    raisedByUserId: uuid('raised_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Kept current by the affected-firms writes, so lists sort by it without counting. */
    affectedFirms: integer('affected_firms').notNull().default(0),
    /** Made by the browser once per issue: raising it again after a lost connection finds this one. */
    clientKey: text('client_key'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'member_issues_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.mergedIntoId, { orgId: t.orgId, id: t.id }).onDelete('set null'),
    sameOrgForeignKey(t.orgId, t.raisedByMemberId, members).onDelete('set null'),
    index('member_issues_org_idx').on(t.orgId, t.createdAt),
    uniqueIndex('member_issues_client_key').on(t.orgId, t.clientKey).where(sql`${t.clientKey} IS NOT NULL`),
    check('member_issues_category_check', sql`${t.category} IN ('regulation', 'tax', 'infrastructure', 'finance', 'corruption', 'skills', 'markets', 'other')`),
    check('member_issues_status_check', sql`${t.status} IN ('new', 'triaged', 'forwarded', 'declined', 'merged')`),
    check('member_issues_merged_check', sql`(${t.status} = 'merged') = (${t.mergedIntoId} IS NOT NULL)`),
  ],
);

/** The firms an issue affects: the one that raised it and each that said "this affects us too". */
export const memberIssueFirms = pgTable(
  'member_issue_firms',
  {
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    issueId: uuid('issue_id').notNull(),
    memberId: uuid('member_id').notNull(),
    /** portal: the firm itself; staff: recorded by staff; merge: came with a merged duplicate. */
    via: text('via').notNull(),
    note: text('note').notNull().default(''),
    addedAt: ts('added_at').notNull().defaultNow(),
  },
  (t) => [
    sameOrgForeignKey(t.orgId, t.issueId, memberIssues).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.memberId, members).onDelete('cascade'),
    primaryKey({ name: 'member_issue_firms_issue_id_member_id_pk', columns: [t.issueId, t.memberId, t.orgId] }), index('member_issue_firms_member_idx').on(t.memberId), check('member_issue_firms_via_check', sql`${t.via} IN ('portal', 'staff', 'merge')`),
  ],
);

/** What happened to an issue, never rewritten: who changed what, when, and what they said. */
export const memberIssueEvents = pgTable(
  'member_issue_events',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    issueId: uuid('issue_id').notNull(),
    at: clockTs('at').notNull().default(sql`clock_timestamp()`),
    // Order of the history: a sequence cannot tie, a clock can (two steps of one
    // request within the embedded database's clock tick came back swapped).
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note').notNull().default(''),
  },
  (t) => [
    primaryKey({ name: 'member_issue_events_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.issueId, memberIssues).onDelete('cascade'),
    index('member_issue_events_issue_idx').on(t.issueId, t.seq),
  ],
);
