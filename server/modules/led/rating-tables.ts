import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { RunInputs, SelectionOutcome, WeightMove } from '../../../contracts/led-rating.js';
import { users } from '../../platform/auth/tables.js';
import { sameOrgForeignKey } from '../../platform/db/tenant-keys.js';
import { orgs } from '../../platform/tenants/tables.js';
import { ledApplications, ledCallCriteria, ledCalls } from './call-tables.js';
import { ledMeasures } from './tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const orgId = () => uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' });

/** The panel of a call (issue 17.6, migration 0055): users of the organisation. */
export const ledCallReviewers = pgTable(
  'led_call_reviewers',
  {
    orgId: orgId(),
    callId: uuid('call_id').notNull(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'led_call_reviewers_pkey', columns: [t.callId, t.userId, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.callId, ledCalls).onDelete('cascade'),
  ],
);

/** A reviewer's declared conflict with an application: kept, never taken back. */
export const ledConflictDeclarations = pgTable(
  'led_conflict_declarations',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    callId: uuid('call_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    note: text('note').notNull().default(''),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'led_conflict_declarations_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.callId, ledCalls).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.applicationId, ledApplications).onDelete('cascade'),
    uniqueIndex('led_conflict_declarations_key').on(t.applicationId, t.userId, t.orgId),
    index('led_conflict_declarations_call_idx').on(t.orgId, t.callId),
  ],
);

/** Scores, a history: a changed score is a new row; the latest by `seq` counts. */
export const ledScores = pgTable(
  'led_scores',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    callId: uuid('call_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    criterionId: uuid('criterion_id').notNull(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    score: integer('score').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'led_scores_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.callId, ledCalls).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.applicationId, ledApplications).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.criterionId, ledCallCriteria).onDelete('cascade'),
    index('led_scores_call_idx').on(t.orgId, t.callId, t.seq),
    check('led_scores_score_check', sql`${t.score} BETWEEN 0 AND 5`),
  ],
);

/** A selection run, kept whole: its inputs, every application's outcome and reason, the sensitivity. */
export const ledSelectionRuns = pgTable(
  'led_selection_runs',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    callId: uuid('call_id').notNull(),
    normalised: boolean('normalised').notNull(),
    budget: bigint('budget', { mode: 'number' }).notNull(),
    spent: bigint('spent', { mode: 'number' }).notNull(),
    inputs: jsonb('inputs').$type<RunInputs>().notNull(),
    results: jsonb('results').$type<SelectionOutcome[]>().notNull(),
    sensitivity: jsonb('sensitivity').$type<WeightMove[]>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'led_selection_runs_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.callId, ledCalls).onDelete('cascade'),
    index('led_selection_runs_call_idx').on(t.orgId, t.callId, t.seq),
    check('led_selection_runs_within_budget', sql`${t.spent} BETWEEN 0 AND ${t.budget}`),
  ],
);

/** A selected application taken to a measure (once). */
export const ledApplicationMeasures = pgTable(
  'led_application_measures',
  {
    orgId: orgId(),
    applicationId: uuid('application_id').notNull(),
    measureId: uuid('measure_id').notNull(),
    runId: uuid('run_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'led_application_measures_pkey', columns: [t.applicationId, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.applicationId, ledApplications).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.measureId, ledMeasures).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.runId, ledSelectionRuns).onDelete('cascade'),
    uniqueIndex('led_application_measures_measure_key').on(t.measureId, t.orgId),
  ],
);
