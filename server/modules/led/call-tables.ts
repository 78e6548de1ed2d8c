import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ApplicationBudgetLine, ApplicationPartner, ExpectedResults } from '../../../contracts/led-calls.js';
import { sameOrgForeignKey } from '../../platform/db/tenant-keys.js';
import { orgs } from '../../platform/tenants/tables.js';
import { ledRegions } from './tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const orgId = () => uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' });

/**
 * A call for LED measures (issue 17.5, migration 0054): a budget in minor units
 * of the organisation's currency, a deadline day, weighted criteria and the
 * regions it covers. `selected` is set by the selection (17.6).
 */
export const ledCalls = pgTable(
  'led_calls',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    budget: bigint('budget', { mode: 'number' }).notNull().default(0),
    deadlineOn: date('deadline_on').notNull(),
    status: text('status').notNull().default('draft'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'led_calls_pkey', columns: [t.id, t.orgId] }),
    check('led_calls_status_check', sql`${t.status} IN ('draft', 'open', 'closed', 'selected')`),
    check('led_calls_budget_check', sql`${t.budget} >= 0`),
  ],
);

/** The regions a call covers: one or more of the organisation's LED regions. */
export const ledCallRegions = pgTable(
  'led_call_regions',
  {
    orgId: orgId(),
    callId: uuid('call_id').notNull(),
    regionId: uuid('region_id').notNull(),
  },
  (t) => [
    primaryKey({ name: 'led_call_regions_pkey', columns: [t.callId, t.regionId, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.callId, ledCalls).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.regionId, ledRegions).onDelete('cascade'),
    index('led_call_regions_region_idx').on(t.orgId, t.regionId),
  ],
);

/** A weighted criterion of a call (the defaults start from the five LED principles). */
export const ledCallCriteria = pgTable(
  'led_call_criteria',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    callId: uuid('call_id').notNull(),
    key: text('key').notNull(),
    /** Empty: the translated label of a default key. */
    label: text('label').notNull().default(''),
    weight: integer('weight').notNull(),
    position: integer('position').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'led_call_criteria_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.callId, ledCalls).onDelete('cascade'),
    uniqueIndex('led_call_criteria_key').on(t.callId, t.key, t.orgId),
    check('led_call_criteria_weight_check', sql`${t.weight} BETWEEN 0 AND 100`),
  ],
);

/**
 * An application to a call, entered by staff or by the partner on the public
 * link (resumable: the link's SHA-256 is kept, never the token). `member_ids`
 * holds the member firms among lead and partners, for conflicts of interest.
 * Member firms are named by id without a foreign key (only a module's tables.ts may
 * name another module's table): a firm removed since is simply not found by members'
 * `firmNames`.
 */
export const ledApplications = pgTable(
  'led_applications',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    callId: uuid('call_id').notNull(),
    regionId: uuid('region_id').notNull(),
    title: text('title').notNull().default(''),
    leadName: text('lead_name').notNull(),
    leadSector: text('lead_sector').notNull(),
    leadEmail: text('lead_email').notNull(),
    leadMemberId: uuid('lead_member_id'),
    partners: jsonb('partners').$type<ApplicationPartner[]>().notNull().default([]),
    memberIds: uuid('member_ids').array().notNull().default(sql`'{}'::uuid[]`),
    bottleneckIds: uuid('bottleneck_ids').array().notNull().default(sql`'{}'::uuid[]`),
    activities: text('activities').notNull().default(''),
    budgetLines: jsonb('budget_lines').$type<ApplicationBudgetLine[]>().notNull().default([]),
    requestedTotal: bigint('requested_total', { mode: 'number' }).notNull().default(0),
    cofundingTotal: bigint('cofunding_total', { mode: 'number' }).notNull().default(0),
    expectedResults: jsonb('expected_results').$type<ExpectedResults>().notNull(),
    status: text('status').notNull().default('draft'),
    submittedAt: ts('submitted_at'),
    enteredBy: text('entered_by').notNull(),
    resumeTokenHash: text('resume_token_hash'),
    resumeExpiresAt: ts('resume_expires_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'led_applications_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.callId, ledCalls).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.regionId, ledRegions).onDelete('cascade'),
    index('led_applications_call_idx').on(t.orgId, t.callId),
    index('led_applications_member_ids_idx').using('gin', t.memberIds),
    uniqueIndex('led_applications_resume_token_key').on(t.resumeTokenHash, t.orgId),
    check('led_applications_status_check', sql`${t.status} IN ('draft', 'submitted', 'withdrawn')`),
    check('led_applications_lead_sector_check', sql`${t.leadSector} IN ('private', 'public', 'semi_public')`),
    check('led_applications_entered_by_check', sql`${t.enteredBy} IN ('partner', 'staff')`),
    check('led_applications_totals_check', sql`${t.requestedTotal} >= 0 AND ${t.cofundingTotal} >= 0`),
  ],
);
