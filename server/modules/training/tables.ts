import { sql } from 'drizzle-orm';
import { check, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sameOrgForeignKey } from '../../platform/db/tenant-keys.js';
import { orgs } from '../../platform/tenants/tables.js';
import { events } from '../events/tables.js';
import { people } from '../people/tables.js';
import { forms } from '../surveys/tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const orgId = () => uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' });

/**
 * A programme or course: a workshop, a course, a training of trainers (ToT) or
 * coaching. Its sessions are events (training_sessions), its people are the
 * people module's. The organisation's id is in every key (migration 0031's rule).
 */
export const trainingCourses = pgTable(
  'training_courses',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    description: text('description').notNull().default(''),
    audience: text('audience').notNull().default(''),
    hours: doublePrecision('hours').notNull().default(0),
    completionShare: integer('completion_share').notNull().default(80),
    /** The least post-test score to complete the course, beside attendance (migration 0052); null: no score rule. */
    minPostScore: doublePrecision('min_post_score'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'training_courses_pkey', columns: [t.id, t.orgId] }),
    index('training_courses_org_idx').on(t.orgId, t.createdAt),
    check('training_courses_kind_check', sql`${t.kind} IN ('workshop', 'course', 'tot', 'coaching')`),
    check('training_courses_hours_check', sql`${t.hours} >= 0`),
    check('training_courses_completion_check', sql`${t.completionShare} BETWEEN 1 AND 100`),
  ],
);

/** A module of a course's curriculum: learning objectives and materials (titles and links). */
export const trainingModules = pgTable(
  'training_modules',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    courseId: uuid('course_id').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    objectives: text('objectives').notNull().default(''),
    materials: jsonb('materials').$type<Array<{ title: string; url: string }>>().notNull().default(sql`'[]'::jsonb`),
    hours: doublePrecision('hours').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'training_modules_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.courseId, trainingCourses).onDelete('cascade'),
    index('training_modules_course_idx').on(t.orgId, t.courseId, t.position),
  ],
);

/** A session of a course: an event of the events module, which keeps its registration and attendance. */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    orgId: orgId(),
    eventId: uuid('event_id').notNull(),
    courseId: uuid('course_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'training_sessions_pkey', columns: [t.eventId, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.courseId, trainingCourses).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.eventId, events).onDelete('cascade'),
    index('training_sessions_course_idx').on(t.orgId, t.courseId),
  ],
);

/** Who runs a course: people of the people module. */
export const trainingCourseTrainers = pgTable(
  'training_course_trainers',
  {
    orgId: orgId(),
    courseId: uuid('course_id').notNull(),
    personId: uuid('person_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'training_course_trainers_pkey', columns: [t.courseId, t.personId, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.courseId, trainingCourses).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.personId, people).onDelete('cascade'),
    index('training_course_trainers_person_idx').on(t.orgId, t.personId),
  ],
);

/** A ToT's completer certified as a trainer after a teach-back, by a member of staff. */
export const trainingCertifications = pgTable(
  'training_certifications',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    courseId: uuid('course_id').notNull(),
    personId: uuid('person_id').notNull(),
    certifiedOn: date('certified_on', { mode: 'string' }).notNull(),
    teachBack: text('teach_back').notNull(),
    certifiedBy: text('certified_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'training_certifications_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.courseId, trainingCourses).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.personId, people).onDelete('cascade'),
    uniqueIndex('training_certifications_person_key').on(t.courseId, t.personId, t.orgId),
    index('training_certifications_on_idx').on(t.orgId, t.certifiedOn),
  ],
);

/**
 * The secret an organisation's private signing key is encrypted with (through
 * HKDF): the server's configuration has no secret of its own, so it is kept
 * here, in a table of its own, apart from the encrypted key (migration 0042).
 */
export const trainingCredentialSecrets = pgTable(
  'training_credential_secrets',
  {
    orgId: orgId(),
    secret: text('secret').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'training_credential_secrets_pkey', columns: [t.orgId] })],
);

/**
 * The organisation's Ed25519 key pairs that sign its certificates, the private
 * key encrypted (AES-256-GCM). One signs (not retired); retired ones stay
 * published so that what they signed still verifies.
 */
export const trainingCredentialKeys = pgTable(
  'training_credential_keys',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    publicJwk: jsonb('public_jwk').$type<{ kty: string; crv: string; x: string }>().notNull(),
    privateKey: text('private_key').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    retiredAt: ts('retired_at'),
  },
  (t) => [
    primaryKey({ name: 'training_credential_keys_pkey', columns: [t.id, t.orgId] }),
    uniqueIndex('training_credential_keys_org_active').on(t.orgId).where(sql`${t.retiredAt} IS NULL`),
  ],
);

/** A certificate issued: the credential signed (its payload and JWS), its place in the status list, its revocation. */
export const trainingCertificates = pgTable(
  'training_certificates',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    courseId: uuid('course_id').notNull(),
    personId: uuid('person_id').notNull(),
    statusIndex: integer('status_index').notNull(),
    credential: jsonb('credential').$type<Record<string, unknown>>().notNull(),
    jws: text('jws').notNull(),
    issuedBy: text('issued_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    revokedAt: ts('revoked_at'),
    revokedReason: text('revoked_reason'),
    revokedBy: text('revoked_by'),
  },
  (t) => [
    primaryKey({ name: 'training_certificates_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.courseId, trainingCourses).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.personId, people).onDelete('cascade'),
    uniqueIndex('training_certificates_person_key').on(t.courseId, t.personId, t.orgId),
    uniqueIndex('training_certificates_index_key').on(t.statusIndex, t.orgId),
    check('training_certificates_index_check', sql`${t.statusIndex} >= 0`),
  ],
);

/**
 * The forms of the surveys module a course evaluates with (migration 0052):
 * a pre-test, a post-test and a satisfaction form, each at the version
 * published when it was chosen. A form deleted takes its choice with it.
 */
export const trainingCourseForms = pgTable(
  'training_course_forms',
  {
    orgId: orgId(),
    courseId: uuid('course_id').notNull(),
    kind: text('kind').notNull(),
    formId: uuid('form_id').notNull(),
    formVersion: integer('form_version').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'training_course_forms_pkey', columns: [t.courseId, t.kind, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.courseId, trainingCourses).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.formId, forms).onDelete('cascade'),
    check('training_course_forms_kind_check', sql`${t.kind} IN ('pre', 'post', 'satisfaction')`),
  ],
);

/**
 * A participant's submitted answers to one of a course's evaluation forms,
 * checked by the form engine, with the test's score (its calculated field
 * `score`) kept as it was computed. Once per course, form kind and person.
 */
export const trainingEvaluationAnswers = pgTable(
  'training_evaluation_answers',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    courseId: uuid('course_id').notNull(),
    kind: text('kind').notNull(),
    personId: uuid('person_id').notNull(),
    formId: uuid('form_id').notNull(),
    formVersion: integer('form_version').notNull(),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    score: doublePrecision('score'),
    submissionKey: text('submission_key'),
    enteredBy: text('entered_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'training_evaluation_answers_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.courseId, trainingCourses).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.personId, people).onDelete('cascade'),
    uniqueIndex('training_evaluation_answers_person_key').on(t.courseId, t.kind, t.personId, t.orgId),
    index('training_evaluation_answers_person_idx').on(t.orgId, t.personId),
    check('training_evaluation_answers_kind_check', sql`${t.kind} IN ('pre', 'post', 'satisfaction')`),
  ],
);

/**
 * A participant's own link to one of a course's evaluation forms (migration
 * 0058): mailed, or shown as a QR code; only the token's hash is kept. One per
 * course, kind and person, renewed when sent again; used once.
 */
export const trainingEvaluationLinks = pgTable(
  'training_evaluation_links',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    courseId: uuid('course_id').notNull(),
    kind: text('kind').notNull(),
    personId: uuid('person_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** The address it was mailed to; empty for a link handed over on the spot (QR or copied). */
    sentTo: text('sent_to').notNull().default(''),
    sentAt: ts('sent_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'training_evaluation_links_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.courseId, trainingCourses).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.personId, people).onDelete('cascade'),
    uniqueIndex('training_evaluation_links_person_key').on(t.courseId, t.kind, t.personId, t.orgId),
    uniqueIndex('training_evaluation_links_token_key').on(t.tokenHash, t.orgId),
    index('training_evaluation_links_person_idx').on(t.orgId, t.personId),
    check('training_evaluation_links_kind_check', sql`${t.kind} IN ('pre', 'post', 'satisfaction')`),
  ],
);
