import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { BOTTLENECK_KINDS } from '../../../contracts/led.js';
import { sameOrgForeignKey } from '../../platform/db/tenant-keys.js';
import { photoColumns } from '../../platform/files/photo-columns.js';
import { orgs } from '../../platform/tenants/tables.js';
import { advocacyIssues, dmPeople } from '../advocacy/tables.js';
import { memberContacts, members } from '../members/tables.js';
import { users } from '../../platform/auth/tables.js';
import { memberIssues } from '../intake/tables.js';
import { responses } from '../surveys/tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const orgId = () => uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' });

/**
 * An LED region: an ISO 3166-2 subdivision of the organisation's country
 * (`region`), or one of its districts (`district`, from members' settings),
 * optionally run by a branch. Migration 0040.
 */
export const ledRegions = pgTable(
  'led_regions',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    region: text('region').notNull(),
    district: text('district'),
    branchId: uuid('branch_id').references(() => orgs.id, { onDelete: 'set null' }),
    narrative: text('narrative').notNull().default(''),
    /** Shown on the organisation's public LED page (migration 0053); off until staff publish it. */
    published: boolean('published').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'led_regions_pkey', columns: [t.id, t.orgId] })],
);

/** A committed person of a region's LED team or committee, with the sector they come from. */
export const ledTeamMembers = pgTable(
  'led_team_members',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    regionId: uuid('region_id').notNull(),
    body: text('body').notNull(),
    name: text('name').notNull(),
    sector: text('sector').notNull(),
    sectorKind: text('sector_kind').notNull().default(''),
    organisation: text('organisation').notNull().default(''),
    role: text('role').notNull().default(''),
    email: text('email').notNull().default(''),
    phone: text('phone').notNull().default(''),
    memberId: uuid('member_id'),
    contactId: uuid('contact_id'),
    decisionMakerId: uuid('decision_maker_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'led_team_members_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.regionId, ledRegions).onDelete('cascade'),
    // Migration 0040 writes ON DELETE SET NULL (x_id) for these.
    sameOrgForeignKey(t.orgId, t.memberId, members).onDelete('set null'),
    sameOrgForeignKey(t.orgId, t.contactId, memberContacts).onDelete('set null'),
    sameOrgForeignKey(t.orgId, t.decisionMakerId, dmPeople).onDelete('set null'),
    index('led_team_members_region_idx').on(t.orgId, t.regionId),
    check('led_team_members_body_check', sql`${t.body} IN ('team', 'committee')`),
    check('led_team_members_sector_check', sql`${t.sector} IN ('private', 'public', 'semi_public')`),
  ],
);

/** A typed key figure of a region's profile, always with its source and year. */
export const ledKeyFigures = pgTable(
  'led_key_figures',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    regionId: uuid('region_id').notNull(),
    topic: text('topic').notNull(),
    label: text('label').notNull(),
    value: numeric('value', { mode: 'number' }).notNull(),
    unit: text('unit').notNull().default(''),
    source: text('source').notNull(),
    year: integer('year').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'led_key_figures_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.regionId, ledRegions).onDelete('cascade'),
    index('led_key_figures_region_idx').on(t.orgId, t.regionId),
    check('led_key_figures_topic_check', sql`${t.topic} IN ('population', 'employment', 'infrastructure', 'economy', 'other')`),
  ],
);

/** One cell of the locational analysis: a factor of a region in a year, strength or weakness, rated −2..+2. */
export const ledAssessments = pgTable(
  'led_assessments',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    regionId: uuid('region_id').notNull(),
    year: integer('year').notNull(),
    factor: text('factor').notNull(),
    finding: text('finding').notNull(),
    rating: integer('rating').notNull(),
    evidence: text('evidence').notNull().default(''),
    source: text('source').notNull().default(''),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'led_assessments_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.regionId, ledRegions).onDelete('cascade'),
    uniqueIndex('led_assessments_factor_key').on(t.regionId, t.year, t.factor, t.orgId),
    check('led_assessments_finding_check', sql`${t.finding} IN ('strength', 'weakness')`),
    check('led_assessments_rating_check', sql`${t.rating} BETWEEN -2 AND 2`),
  ],
);

/** What holds a region's economy back. */
export const ledBottlenecks = pgTable(
  'led_bottlenecks',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    regionId: uuid('region_id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    factor: text('factor').notNull().default(''),
    evidence: text('evidence').notNull().default(''),
    /** `regulatory` (for advocacy), `locational`, `market`, `other` (migration 0041). */
    kind: text('kind', { enum: BOTTLENECK_KINDS }).notNull().default('locational'),
    /** The advocacy issue a regulatory bottleneck was taken to. */
    advocacyIssueId: uuid('advocacy_issue_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'led_bottlenecks_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.regionId, ledRegions).onDelete('cascade'),
    // Migration 0041 writes ON DELETE SET NULL (advocacy_issue_id).
    sameOrgForeignKey(t.orgId, t.advocacyIssueId, advocacyIssues).onDelete('set null'),
    index('led_bottlenecks_region_idx').on(t.orgId, t.regionId),
    uniqueIndex('led_bottlenecks_advocacy_issue_key').on(t.advocacyIssueId, t.orgId),
    check('led_bottlenecks_kind_check', sql`${t.kind} IN ('regulatory', 'locational', 'market', 'other')`),
  ],
);

/** An LED measure for a bottleneck: partners by sector, a budget (minor units), at most a year from start to planned end. */
export const ledMeasures = pgTable(
  'led_measures',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    regionId: uuid('region_id').notNull(),
    bottleneckId: uuid('bottleneck_id'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    partners: jsonb('partners').$type<Array<{ name: string; sector: string }>>().notNull().default([]),
    budget: bigint('budget', { mode: 'number' }).notNull().default(0),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    status: text('status').notNull().default('planned'),
    /** Who the follow-up forms go to (migration 0049). */
    leadEmail: text('lead_email').notNull().default(''),
    /** The closing evaluation, written at the end (migration 0049). */
    closingEvaluation: text('closing_evaluation').notNull().default(''),
    closedOn: date('closed_on'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'led_measures_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.regionId, ledRegions).onDelete('cascade'),
    // Migration 0040 writes ON DELETE SET NULL (bottleneck_id).
    sameOrgForeignKey(t.orgId, t.bottleneckId, ledBottlenecks).onDelete('set null'),
    index('led_measures_region_idx').on(t.orgId, t.regionId),
    check('led_measures_status_check', sql`${t.status} IN ('planned', 'running', 'done', 'effective')`),
    check('led_measures_budget_check', sql`${t.budget} >= 0`),
    check('led_measures_within_a_year', sql`${t.endsOn} >= ${t.startsOn} AND ${t.endsOn} <= ${t.startsOn} + interval '1 year'`),
  ],
);

/** A milestone of a measure: due on a day, done on another (migration 0049). */
export const ledMilestones = pgTable(
  'led_milestones',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    measureId: uuid('measure_id').notNull(),
    title: text('title').notNull(),
    dueOn: date('due_on').notNull(),
    doneOn: date('done_on'),
    note: text('note').notNull().default(''),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'led_milestones_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.measureId, ledMeasures).onDelete('cascade'),
    index('led_milestones_measure_idx').on(t.orgId, t.measureId),
  ],
);

/** A budget line of a measure: planned and actual, in minor units of the organisation's currency, by funding source (migration 0049). */
export const ledBudgetLines = pgTable(
  'led_budget_lines',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    measureId: uuid('measure_id').notNull(),
    label: text('label').notNull(),
    source: text('source').notNull(),
    planned: bigint('planned', { mode: 'number' }).notNull().default(0),
    actual: bigint('actual', { mode: 'number' }).notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'led_budget_lines_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.measureId, ledMeasures).onDelete('cascade'),
    index('led_budget_lines_measure_idx').on(t.orgId, t.measureId),
    check('led_budget_lines_source_check', sql`${t.source} IN ('led_fund', 'partner_cash', 'partner_in_kind', 'donor', 'other')`),
    check('led_budget_lines_amounts_check', sql`${t.planned} >= 0 AND ${t.actual} >= 0`),
  ],
);

/** A dated progress report of a measure (migration 0049), with its photos (`ledProgressPhotos`). */
export const ledProgressReports = pgTable(
  'led_progress_reports',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    measureId: uuid('measure_id').notNull(),
    reportedOn: date('reported_on').notNull(),
    text: text('text').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'led_progress_reports_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.measureId, ledMeasures).onDelete('cascade'),
    index('led_progress_reports_measure_idx').on(t.orgId, t.measureId),
  ],
);

/**
 * A photo of a progress report (migration 0062): the platform's photo piece
 * checked it, stripped its metadata and made the phone-sized copy and the
 * thumbnail kept here. The bytes live with the report they show, so LED's
 * rules (and row-level security) decide who reads them; removing the report
 * removes its photos.
 */
export const ledProgressPhotos = pgTable(
  'led_progress_photos',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    measureId: uuid('measure_id').notNull(),
    reportId: uuid('report_id').notNull(),
    caption: text('caption').notNull().default(''),
    /** The order photos were added in (one more than the report's last), never the clock: two uploads can share its tick. */
    position: integer('position').notNull(),
    ...photoColumns(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'led_progress_photos_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.measureId, ledMeasures).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.reportId, ledProgressReports).onDelete('cascade'),
    index('led_progress_photos_report_idx').on(t.orgId, t.reportId),
  ],
);

/**
 * A follow-up 6, 12 or 24 months after a measure's end: mailed to the lead
 * partner as a personal link (its SHA-256 kept, never the token), answered
 * there or entered by staff (migration 0049).
 */
export const ledFollowUps = pgTable(
  'led_follow_ups',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    measureId: uuid('measure_id').notNull(),
    months: integer('months').notNull(),
    dueOn: date('due_on').notNull(),
    tokenHash: text('token_hash'),
    sentTo: text('sent_to').notNull().default(''),
    sentAt: ts('sent_at'),
    expiresAt: ts('expires_at'),
    answeredAt: ts('answered_at'),
    answeredBy: text('answered_by'),
    stillEffective: boolean('still_effective'),
    jobsKept: integer('jobs_kept'),
    whoPays: text('who_pays').notNull().default(''),
    note: text('note').notNull().default(''),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'led_follow_ups_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.measureId, ledMeasures).onDelete('cascade'),
    uniqueIndex('led_follow_ups_months_key').on(t.measureId, t.months, t.orgId),
    uniqueIndex('led_follow_ups_token_key').on(t.tokenHash, t.orgId),
    check('led_follow_ups_months_check', sql`${t.months} IN (6, 12, 24)`),
    check('led_follow_ups_answered_by_check', sql`${t.answeredBy} IS NULL OR ${t.answeredBy} IN ('partner', 'staff')`),
    check('led_follow_ups_jobs_kept_check', sql`${t.jobsKept} IS NULL OR ${t.jobsKept} >= 0`),
  ],
);

/**
 * An interview of a region (17.4, migration 0056): someone of the private,
 * public or semi-public sector answering an interview guide (a published form
 * of the form engine, version frozen when the interview starts; its title
 * kept for when the form is gone). Answers are kept as typed while a draft,
 * checked by the surveys module on submission.
 */
export const ledInterviews = pgTable(
  'led_interviews',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    regionId: uuid('region_id').notNull(),
    formId: uuid('form_id').notNull(),
    formVersion: integer('form_version').notNull(),
    formTitle: text('form_title').notNull().default(''),
    interviewee: text('interviewee').notNull(),
    sector: text('sector').notNull(),
    organisation: text('organisation').notNull().default(''),
    interviewedOn: date('interviewed_on').notNull(),
    conductedBy: uuid('conducted_by').references(() => users.id, { onDelete: 'set null' }),
    conductedByName: text('conducted_by_name').notNull().default(''),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    status: text('status').notNull().default('draft'),
    submissionKey: text('submission_key'),
    submittedAt: ts('submitted_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'led_interviews_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.regionId, ledRegions).onDelete('cascade'),
    index('led_interviews_region_idx').on(t.orgId, t.regionId, t.interviewedOn),
    check('led_interviews_sector_check', sql`${t.sector} IN ('private', 'public', 'semi_public')`),
    check('led_interviews_status_check', sql`${t.status} IN ('draft', 'submitted')`),
  ],
);

/**
 * A piece of evidence coded to a bottleneck (migration 0056): an interview's
 * answer, a submitted survey response's answer (its question), or a member
 * issue. Removing the evidence removes its codes.
 */
export const ledBottleneckCodes = pgTable(
  'led_bottleneck_codes',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    bottleneckId: uuid('bottleneck_id').notNull(),
    source: text('source', { enum: ['interview', 'survey', 'member_issue'] }).notNull(),
    interviewId: uuid('interview_id'),
    responseId: uuid('response_id'),
    memberIssueId: uuid('member_issue_id'),
    question: text('question').notNull().default(''),
    note: text('note').notNull().default(''),
    codedBy: uuid('coded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'led_bottleneck_codes_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.bottleneckId, ledBottlenecks).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.interviewId, ledInterviews).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.responseId, responses).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.memberIssueId, memberIssues).onDelete('cascade'),
    uniqueIndex('led_bottleneck_codes_interview_key').on(t.bottleneckId, t.interviewId, t.question, t.orgId).where(sql`${t.interviewId} IS NOT NULL`),
    uniqueIndex('led_bottleneck_codes_response_key').on(t.bottleneckId, t.responseId, t.question, t.orgId).where(sql`${t.responseId} IS NOT NULL`),
    uniqueIndex('led_bottleneck_codes_member_issue_key').on(t.bottleneckId, t.memberIssueId, t.orgId).where(sql`${t.memberIssueId} IS NOT NULL`),
    index('led_bottleneck_codes_interview_idx').on(t.orgId, t.interviewId).where(sql`${t.interviewId} IS NOT NULL`),
    index('led_bottleneck_codes_response_idx').on(t.orgId, t.responseId).where(sql`${t.responseId} IS NOT NULL`),
    index('led_bottleneck_codes_member_issue_idx').on(t.orgId, t.memberIssueId).where(sql`${t.memberIssueId} IS NOT NULL`),
    check('led_bottleneck_codes_source_check', sql`${t.source} IN ('interview', 'survey', 'member_issue')`),
  ],
);
