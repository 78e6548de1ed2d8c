import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, customType, date, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/tables.js';
import { sameOrgForeignKey } from '../../platform/db/tenant-keys.js';
import { memberIssues } from '../intake/tables.js';
import { orgs } from '../../platform/tenants/tables.js';
import { consultations } from '../surveys/tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
// A history's clock keeps microseconds: two steps written in the same millisecond
// (one request often writes several) must still come back in the order they happened.
const clockTs = (name: string) => timestamp(name, { withTimezone: true, precision: 6 });
const orgId = () => uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' });
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));
const STEPS = ['diagnostic', 'solution_design', 'advocacy', 'legislative', 'implementation'] as const;

/** An issue the organisation takes to decision-makers, from diagnosis to outcome. */
export const advocacyIssues = pgTable(
  'advocacy_issues',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    title: text('title').notNull(),
    problem: text('problem').notNull(),
    category: text('category').notNull(),
    sectors: text('sectors').array().notNull().default(sql`'{}'::text[]`),
    regions: text('regions').array().notNull().default(sql`'{}'::text[]`),
    severity: integer('severity').notNull().default(3),
    feasibility: integer('feasibility').notNull().default(3),
    step: text('step').notNull().default('diagnostic'),
    outcome: text('outcome'),
    outcomeEvidence: text('outcome_evidence').notNull().default(''),
    outcomeAt: ts('outcome_at'),
    savingShare: integer('saving_share').notNull().default(100),
    published: boolean('published').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'advocacy_issues_pkey', columns: [t.id, t.orgId] }),
    index('advocacy_issues_org_idx').on(t.orgId, t.createdAt),
    check('advocacy_issues_category_check', sql`${t.category} IN ('regulation', 'red_tape', 'tax', 'monopoly', 'corruption', 'infrastructure', 'finance', 'skills', 'markets', 'other')`),
    check('advocacy_issues_step_check', sql`${t.step} IN (${inList(STEPS)})`),
    check('advocacy_issues_outcome_check', sql`${t.outcome} IN ('adopted', 'implemented', 'rejected', 'dropped', 'on_hold')`),
    check('advocacy_issues_levels_check', sql`${t.severity} BETWEEN 1 AND 5 AND ${t.feasibility} BETWEEN 1 AND 5`),
    check('advocacy_issues_saving_check', sql`${t.savingShare} BETWEEN 0 AND 100`),
  ],
);

/** Evidence behind an issue: a member issue, or a consultation question whose figures are read live. */
export const advocacyEvidence = pgTable(
  'advocacy_evidence',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    issueId: uuid('issue_id').notNull(),
    memberIssueId: uuid('member_issue_id'),
    consultationId: uuid('consultation_id'),
    question: text('question'),
    note: text('note').notNull().default(''),
    addedAt: ts('added_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'advocacy_evidence_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.issueId, advocacyIssues).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.memberIssueId, memberIssues).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.consultationId, consultations).onDelete('cascade'),
    index('advocacy_evidence_issue_idx').on(t.issueId),
    index('advocacy_evidence_member_issue_idx').on(t.memberIssueId),
    uniqueIndex('advocacy_evidence_member_issue_uniq').on(t.issueId, t.memberIssueId, t.orgId),
    uniqueIndex('advocacy_evidence_question_uniq').on(t.issueId, t.consultationId, t.question, t.orgId),
    check('advocacy_evidence_kind_check', sql`(${t.memberIssueId} IS NOT NULL) <> (${t.consultationId} IS NOT NULL AND ${t.question} IS NOT NULL)`),
  ],
);

/** One administrative activity a regulation requires, priced by the Standard Cost Model. */
export const advocacyCostActivities = pgTable(
  'advocacy_cost_activities',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    issueId: uuid('issue_id').notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    minutes: integer('minutes').notNull(),
    hourlyTariff: bigint('hourly_tariff', { mode: 'number' }).notNull(),
    outOfPocket: bigint('out_of_pocket', { mode: 'number' }).notNull(),
    perYear: doublePrecision('per_year').notNull(),
    firmsMicro: integer('firms_micro').notNull().default(0),
    firmsSmall: integer('firms_small').notNull().default(0),
    firmsMedium: integer('firms_medium').notNull().default(0),
    firmsLarge: integer('firms_large').notNull().default(0),
  },
  (t) => [
    primaryKey({ name: 'advocacy_cost_activities_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.issueId, advocacyIssues).onDelete('cascade'),
    index('advocacy_cost_activities_issue_idx').on(t.issueId, t.position),
    check('advocacy_cost_activities_values_check', sql`${t.minutes} >= 0 AND ${t.hourlyTariff} >= 0 AND ${t.outOfPocket} >= 0 AND ${t.perYear} > 0 AND ${t.firmsMicro} >= 0 AND ${t.firmsSmall} >= 0 AND ${t.firmsMedium} >= 0 AND ${t.firmsLarge} >= 0`),
  ],
);

/** The dialogue's contribution at each step, 0–3; only ever added to, the latest counts. */
export const advocacyStepScores = pgTable(
  'advocacy_step_scores',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    issueId: uuid('issue_id').notNull(),
    step: text('step').notNull(),
    score: integer('score').notNull(),
    note: text('note').notNull().default(''),
    at: clockTs('at').notNull().default(sql`clock_timestamp()`),
    // Order of the history: a sequence cannot tie, a clock can (two steps of one
    // request within the embedded database's clock tick came back swapped).
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name').notNull(),
  },
  (t) => [
    primaryKey({ name: 'advocacy_step_scores_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.issueId, advocacyIssues).onDelete('cascade'),
    index('advocacy_step_scores_issue_idx').on(t.issueId, t.step, t.seq),
    check('advocacy_step_scores_step_check', sql`${t.step} IN (${inList(STEPS)})`),
    check('advocacy_step_scores_score_check', sql`${t.score} BETWEEN 0 AND 3`),
  ],
);

/** What happened to an issue, its papers, its map and its plan; never rewritten. */
export const advocacyEvents = pgTable(
  'advocacy_events',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    issueId: uuid('issue_id').notNull(),
    at: clockTs('at').notNull().default(sql`clock_timestamp()`),
    // Order of the history: a sequence cannot tie, a clock can (two steps of one
    // request within the embedded database's clock tick came back swapped).
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    note: text('note').notNull().default(''),
  },
  (t) => [
    primaryKey({ name: 'advocacy_events_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.issueId, advocacyIssues).onDelete('cascade'),
    index('advocacy_events_issue_idx').on(t.issueId, t.seq),
  ],
);

/** A position paper on an issue; its text lives in versions, never edited in place. */
export const positionPapers = pgTable(
  'position_papers',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    issueId: uuid('issue_id').notNull(),
    title: text('title').notNull(),
    status: text('status').notNull().default('draft'),
    latestVersion: integer('latest_version').notNull().default(1),
    approvedVersion: integer('approved_version'),
    published: boolean('published').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'position_papers_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.issueId, advocacyIssues).onDelete('cascade'),
    index('position_papers_issue_idx').on(t.issueId),
    check('position_papers_status_check', sql`${t.status} IN ('draft', 'in_review', 'approved')`),
    check('position_papers_published_check', sql`NOT ${t.published} OR ${t.approvedVersion} IS NOT NULL`),
  ],
);

export const positionPaperVersions = pgTable(
  'position_paper_versions',
  {
    orgId: orgId(),
    paperId: uuid('paper_id').notNull(),
    version: integer('version').notNull(),
    /** The title belongs to the version: a draft's new title is not the approved paper's. */
    title: text('title').notNull(),
    problem: text('problem').notNull(),
    evidence: text('evidence').notNull(),
    proposals: text('proposals').notNull(),
    expectedImpact: text('expected_impact').notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    createdAt: ts('created_at').notNull().default(sql`clock_timestamp()`),
  },
  (t) => [
    sameOrgForeignKey(t.orgId, t.paperId, positionPapers).onDelete('cascade'),
    primaryKey({ name: 'position_paper_versions_paper_id_version_pk', columns: [t.paperId, t.version, t.orgId] }),
  ],
);

// Decision-makers, after the Popolo standard: people, the public bodies
// they belong to, the posts in those bodies, and who holds which post when.
export const dmPeople = pgTable(
  'dm_people',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    name: text('name').notNull(),
    honorificPrefix: text('honorific_prefix').notNull().default(''),
    email: text('email').notNull().default(''),
    phone: text('phone').notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'dm_people_pkey', columns: [t.id, t.orgId] }),
    index('dm_people_org_idx').on(t.orgId, t.name),
  ],
);

export const dmOrganizations = pgTable(
  'dm_organizations',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    name: text('name').notNull(),
    /** Popolo's classification. */
    classification: text('classification').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'dm_organizations_pkey', columns: [t.id, t.orgId] }),
    index('dm_organizations_org_idx').on(t.orgId, t.name),
    check('dm_organizations_classification_check', sql`${t.classification} IN ('ministry', 'agency', 'parliament', 'committee', 'local_government', 'regulator', 'donor', 'business_association', 'other')`),
  ],
);

export const dmPosts = pgTable(
  'dm_posts',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    organizationId: uuid('organization_id').notNull(),
    label: text('label').notNull(),
  },
  (t) => [
    primaryKey({ name: 'dm_posts_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.organizationId, dmOrganizations).onDelete('cascade'),
    index('dm_posts_organization_idx').on(t.organizationId),
  ],
);

export const dmMemberships = pgTable(
  'dm_memberships',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    personId: uuid('person_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    postId: uuid('post_id'),
    role: text('role').notNull().default(''),
    startDate: date('start_date'),
    endDate: date('end_date'),
  },
  (t) => [
    primaryKey({ name: 'dm_memberships_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.personId, dmPeople).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.organizationId, dmOrganizations).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.postId, dmPosts).onDelete('set null'),
    index('dm_memberships_person_idx').on(t.personId),
    index('dm_memberships_organization_idx').on(t.organizationId),
    check('dm_memberships_dates_check', sql`${t.endDate} IS NULL OR ${t.startDate} IS NULL OR ${t.endDate} >= ${t.startDate}`),
  ],
);

/** Who decides an issue, where they stand (-2 firmly against … 2 firmly for) and their influence (1–3). */
export const advocacyStakeholders = pgTable(
  'advocacy_stakeholders',
  {
    orgId: orgId(),
    issueId: uuid('issue_id').notNull(),
    personId: uuid('person_id').notNull(),
    stance: integer('stance').notNull().default(0),
    influence: integer('influence').notNull().default(2),
    note: text('note').notNull().default(''),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    sameOrgForeignKey(t.orgId, t.issueId, advocacyIssues).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.personId, dmPeople).onDelete('cascade'),
    primaryKey({ name: 'advocacy_stakeholders_issue_id_person_id_pk', columns: [t.issueId, t.personId, t.orgId] }),
    index('advocacy_stakeholders_person_idx').on(t.personId),
    check('advocacy_stakeholders_levels_check', sql`${t.stance} BETWEEN -2 AND 2 AND ${t.influence} BETWEEN 1 AND 3`),
  ],
);

export const advocacyObjectives = pgTable(
  'advocacy_objectives',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    issueId: uuid('issue_id').notNull(),
    text: text('text').notNull(),
    /** The decision-maker the objective aims to move, if one. */
    targetPersonId: uuid('target_person_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'advocacy_objectives_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.issueId, advocacyIssues).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.targetPersonId, dmPeople).onDelete('set null'),
    index('advocacy_objectives_issue_idx').on(t.issueId),
  ],
);

/** An activity of the action plan: a meeting, a letter, media work, a coalition. */
export const advocacyActions = pgTable(
  'advocacy_actions',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    issueId: uuid('issue_id').notNull(),
    objectiveId: uuid('objective_id'),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    dueOn: date('due_on').notNull(),
    status: text('status').notNull().default('planned'),
    doneOn: date('done_on'),
    /** The last day its owner was reminded it is overdue, so reminders come weekly, not daily. */
    remindedOn: date('reminded_on'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'advocacy_actions_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.issueId, advocacyIssues).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.objectiveId, advocacyObjectives).onDelete('set null'),
    index('advocacy_actions_issue_idx').on(t.issueId, t.dueOn),
    index('advocacy_actions_open_idx').on(t.dueOn).where(sql`${t.status} IN ('planned', 'in_progress')`),
    check('advocacy_actions_kind_check', sql`${t.kind} IN ('meeting', 'letter', 'media', 'coalition', 'research', 'other')`),
    check('advocacy_actions_status_check', sql`${t.status} IN ('planned', 'in_progress', 'done', 'cancelled')`),
  ],
);

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * Documents behind an issue: the regulation itself, a letter from the
 * ministry, a study. Kept in the database so that a backup holds them and
 * both databases work alike; at most 10 MB each.
 */
export const advocacyDocuments = pgTable(
  'advocacy_documents',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    issueId: uuid('issue_id').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'advocacy_documents_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.issueId, advocacyIssues).onDelete('cascade'),
    index('advocacy_documents_issue_idx').on(t.issueId, t.createdAt), check('advocacy_documents_size_check', sql`${t.size} <= 10485760`),
  ],
);
