import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sameOrgForeignKey } from '../../platform/db/tenant-keys.js';
import { orgs } from '../../platform/tenants/tables.js';
import { trainingCourses } from './tables.js';

// The BMO's own capacity (migration 0048), kept apart from tables.ts so that
// the capacity self-assessment and the certificates can change side by side.
const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const orgId = () => uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' });

/** A self-assessment of the organisation's capacity for one year: a draft until submitted. */
export const capacityAssessments = pgTable(
  'capacity_assessments',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    year: integer('year').notNull(),
    status: text('status').notNull().default('draft'),
    createdBy: text('created_by').notNull(),
    submittedAt: ts('submitted_at'),
    submittedBy: text('submitted_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'capacity_assessments_pkey', columns: [t.id, t.orgId] }),
    uniqueIndex('capacity_assessments_year_key').on(t.year, t.orgId),
    check('capacity_assessments_status_check', sql`${t.status} IN ('draft', 'submitted')`),
    check('capacity_assessments_year_check', sql`${t.year} BETWEEN 2000 AND 2100`),
  ],
);

/** The level (1–4, null while undecided) and the note of one item of the catalogue. */
export const capacityAnswers = pgTable(
  'capacity_answers',
  {
    orgId: orgId(),
    assessmentId: uuid('assessment_id').notNull(),
    itemKey: text('item_key').notNull(),
    level: integer('level'),
    note: text('note').notNull().default(''),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'capacity_answers_pkey', columns: [t.assessmentId, t.itemKey, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.assessmentId, capacityAssessments).onDelete('cascade'),
    check('capacity_answers_level_check', sql`${t.level} BETWEEN 1 AND 4`),
  ],
);

/** A course planned for a gap (an item at level 1–2) of a self-assessment: one gap per course. */
export const capacityGapCourses = pgTable(
  'capacity_gap_courses',
  {
    orgId: orgId(),
    courseId: uuid('course_id').notNull(),
    assessmentId: uuid('assessment_id').notNull(),
    itemKey: text('item_key').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'capacity_gap_courses_pkey', columns: [t.courseId, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.assessmentId, capacityAssessments).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.courseId, trainingCourses).onDelete('cascade'),
    index('capacity_gap_courses_gap_idx').on(t.orgId, t.assessmentId, t.itemKey),
  ],
);
