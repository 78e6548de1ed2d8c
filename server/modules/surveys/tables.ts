import { sql } from 'drizzle-orm';
import { boolean, check, customType, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Audience } from '../../../contracts/surveys.js';
import type { FormDefinition } from '../../../contracts/surveys/form-definition.js';
import { users } from '../../platform/auth/tables.js';
import { sameOrgForeignKey } from '../../platform/db/tenant-keys.js';
import { members } from '../members/tables.js';
import { orgs } from '../../platform/tenants/tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** A form and its working copy; published versions are frozen in form_versions. */
export const forms = pgTable(
  'forms',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    purpose: text('purpose').notNull().default('survey'),
    definition: jsonb('definition').$type<FormDefinition>().notNull(),
    publishedVersion: integer('published_version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'forms_pkey', columns: [t.id, t.orgId] }),
    index('forms_org_idx').on(t.orgId, t.updatedAt), check('forms_purpose_check', sql`${t.purpose} IN ('survey', 'interview', 'evaluation')`),
  ],
);

/** A published version never changes: responses keep the version they answered. */
export const formVersions = pgTable(
  'form_versions',
  {
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    formId: uuid('form_id').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<FormDefinition>().notNull(),
    publishedAt: ts('published_at').notNull().defaultNow(),
  },
  (t) => [
    sameOrgForeignKey(t.orgId, t.formId, forms).onDelete('cascade'),
    primaryKey({ name: 'form_versions_form_id_version_pk', columns: [t.formId, t.version, t.orgId] }),
  ],
);

export const consultations = pgTable(
  'consultations',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    formId: uuid('form_id').notNull(),
    /** Set when opened: the form version every response of this consultation answers. */
    formVersion: integer('form_version'),
    identity: text('identity').notNull(),
    audience: jsonb('audience').$type<Audience>().notNull().default(sql`'{}'::jsonb`),
    status: text('status').notNull().default('draft'),
    /** For anonymous consultations: the public link's token. */
    publicToken: text('public_token'),
    closesOn: date('closes_on', { mode: 'string' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    openedAt: ts('opened_at'),
  },
  (t) => [
    primaryKey({ name: 'consultations_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.formId, forms).onDelete('restrict'),
    index('consultations_org_idx').on(t.orgId, t.createdAt),
    uniqueIndex('consultations_public_token_key').on(t.publicToken, t.orgId),
    check('consultations_identity_check', sql`${t.identity} IN ('firm', 'anonymous')`),
    check('consultations_status_check', sql`${t.status} IN ('draft', 'open', 'closed')`),
  ],
);

/** A member firm asked to answer, with its personal link (stored hashed). */
export const consultationInvitations = pgTable(
  'consultation_invitations',
  {
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    consultationId: uuid('consultation_id').notNull(),
    memberId: uuid('member_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedAt: ts('invited_at').notNull().defaultNow(),
    remindedAt: ts('reminded_at'),
  },
  (t) => [
    sameOrgForeignKey(t.orgId, t.consultationId, consultations).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.memberId, members).onDelete('cascade'),
    primaryKey({ name: 'consultation_invitations_consultation_id_member_id_pk', columns: [t.consultationId, t.memberId, t.orgId] }), uniqueIndex('consultation_invitations_token_key').on(t.tokenHash, t.orgId),
  ],
);

/**
 * One respondent's answers. `firm` holds the firm as it was when it answered
 * (sector section, region, size, ownership, owner's sex), so evidence keeps
 * describing the firm that gave it and cross-tabs need no join.
 */
export const responses = pgTable(
  'responses',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    consultationId: uuid('consultation_id').notNull(),
    formVersion: integer('form_version').notNull(),
    memberId: uuid('member_id'),
    /** Anonymous respondents resume with a key only they hold (stored hashed). */
    resumeKeyHash: text('resume_key_hash'),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    firm: jsonb('firm').$type<Record<string, string | null>>(),
    status: text('status').notNull().default('draft'),
    channel: text('channel').notNull().default('web'),
    enteredBy: uuid('entered_by').references(() => users.id, { onDelete: 'set null' }),
    textTags: jsonb('text_tags').$type<Record<string, string[]>>().notNull().default(sql`'{}'::jsonb`),
    /** Made by the browser once per submission: a submission sent again (after a lost connection) is recognised, not counted twice. */
    submissionKey: text('submission_key'),
    /** Its answers are counted in response_tallies; false only for submissions older than that table. */
    tallied: boolean('tallied').notNull().default(false),
    startedAt: ts('started_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    submittedAt: ts('submitted_at'),
  },
  (t) => [
    primaryKey({ name: 'responses_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.consultationId, consultations).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.memberId, members).onDelete('set null'),
    uniqueIndex('responses_firm_key').on(t.consultationId, t.memberId, t.orgId),
    uniqueIndex('responses_resume_key').on(t.resumeKeyHash, t.orgId),
    uniqueIndex('responses_submission_key').on(t.consultationId, t.submissionKey, t.orgId).where(sql`${t.submissionKey} IS NOT NULL`),
    index('responses_consultation_idx').on(t.consultationId, t.status),
    index('responses_untallied_idx').on(t.consultationId).where(sql`${t.status} = 'submitted' AND NOT ${t.tallied}`),
    check('responses_status_check', sql`${t.status} IN ('draft', 'submitted')`),
    check('responses_channel_check', sql`${t.channel} IN ('web', 'phone', 'field')`),
  ],
);

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * Files respondents attach to an answer (a photo of a receipt, a permit).
 * Kept in the database so that a backup holds them and both databases work
 * alike; at most 5 MB each.
 */
export const responseFiles = pgTable(
  'response_files',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    consultationId: uuid('consultation_id').notNull(),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'response_files_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.consultationId, consultations).onDelete('cascade'),
    index('response_files_consultation_idx').on(t.consultationId), check('response_files_size_check', sql`${t.size} <= 5242880`),
  ],
);

/**
 * Running counts of submitted answers (see answer-values.ts): per question,
 * value or number, and the firm's profile at submission. A submission adds
 * to them once, in its own transaction, so a chart or a cross-tab sums a few
 * hundred rows whatever the number of responses. The question '' counts
 * responses themselves.
 */
export const responseTallies = pgTable(
  'response_tallies',
  {
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    consultationId: uuid('consultation_id').notNull(),
    question: text('question').notNull(),
    value: text('value'),
    num: doublePrecision('num'),
    sector: text('sector'),
    region: text('region'),
    size: text('size'),
    ownership: text('ownership'),
    ownerSex: text('owner_sex'),
    /** Responses that answered the question (one per response). */
    answered: integer('answered').notNull().default(0),
    /** Times this value was given (a list answer gives several values). */
    n: integer('n').notNull().default(0),
  },
  (t) => [
    sameOrgForeignKey(t.orgId, t.consultationId, consultations).onDelete('cascade'),
    unique('response_tallies_key').on(t.consultationId, t.question, t.value, t.num, t.sector, t.region, t.size, t.ownership, t.ownerSex, t.orgId).nullsNotDistinct(),
  ],
);

/**
 * A follow-up form (migration 0063, `follow-up-form-service.ts`): one form sent
 * to one recipient `months` after something happened to a subject of another
 * module (`subject_type`, `subject_id`: a networking introduction whose firms
 * met). Due on `due_on`; mailed once by the job with a personal link (only its
 * SHA-256 kept); answered once, on the form version it was sent with.
 */
export const surveyFollowUps = pgTable(
  'survey_follow_ups',
  {
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    formId: uuid('form_id').notNull(),
    /** The version mailed (the form's published one when sent); the answers are checked against it. */
    formVersion: integer('form_version'),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** Who answers, as the subject's module knows them (a member firm, a person). */
    recipientId: uuid('recipient_id').notNull(),
    recipientName: text('recipient_name').notNull().default(''),
    recipientEmails: text('recipient_emails').array().notNull().default(sql`'{}'::text[]`),
    /** What the follow-up is about, in the words of the subject's module (the mail and the page say it). */
    about: text('about').notNull().default(''),
    months: integer('months').notNull(),
    dueOn: date('due_on').notNull(),
    tokenHash: text('token_hash'),
    sentTo: text('sent_to').notNull().default(''),
    sentAt: ts('sent_at'),
    expiresAt: ts('expires_at'),
    answeredAt: ts('answered_at'),
    answers: jsonb('answers').$type<Record<string, unknown>>(),
    submissionKey: text('submission_key'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'survey_follow_ups_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.formId, forms),
    uniqueIndex('survey_follow_ups_subject_key').on(t.subjectType, t.subjectId, t.recipientId, t.months, t.orgId),
    uniqueIndex('survey_follow_ups_token_key').on(t.tokenHash, t.orgId),
    index('survey_follow_ups_due_idx').on(t.dueOn).where(sql`${t.sentAt} IS NULL`),
    check('survey_follow_ups_months_check', sql`${t.months} BETWEEN 1 AND 60`),
    check('survey_follow_ups_answered_check', sql`${t.answeredAt} IS NULL OR (${t.answers} IS NOT NULL AND ${t.formVersion} IS NOT NULL)`),
  ],
);
