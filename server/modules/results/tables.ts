import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Dimension, Figure } from '../../../contracts/results.js';
import { sameOrgForeignKey } from '../../platform/db/tenant-keys.js';
import { orgs } from '../../platform/tenants/tables.js';

// Migration 0035. The organisation's id ends every key (platform/db/tenant-keys.ts).
const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const orgId = () => uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' });

/** A programme's or donor project's results chain. */
export const resultsFrameworks = pgTable(
  'results_frameworks',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    donor: text('donor').notNull().default(''),
    description: text('description').notNull().default(''),
    iatiActivityId: text('iati_activity_id'),
    iatiOrgRef: text('iati_org_ref'),
    iatiOrgType: text('iati_org_type'),
    /** The IATI file as last published (validated), served at its public address. */
    iatiXml: text('iati_xml'),
    iatiPublishedAt: ts('iati_published_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'results_frameworks_pkey', columns: [t.id, t.orgId] })],
);

/** An indicator of a framework: computed from records (`library`) or entered by hand. */
export const resultsIndicators = pgTable(
  'results_indicators',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    frameworkId: uuid('framework_id').notNull(),
    position: integer('position').notNull(),
    library: text('library'),
    name: text('name').notNull(),
    level: text('level', { enum: ['activity', 'output', 'outcome', 'impact'] }).notNull(),
    kind: text('kind', { enum: ['count', 'unique_firms', 'unique_people', 'sum', 'pooled_percentage', 'qualitative'] }).notNull(),
    unit: text('unit').notNull().default(''),
    dimensions: text('dimensions').array().$type<Dimension[]>().notNull().default(sql`'{}'::text[]`),
    baseline: bigint('baseline', { mode: 'number' }),
    baselineYear: integer('baseline_year'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'results_indicators_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.frameworkId, resultsFrameworks).onDelete('cascade'),
    index('results_indicators_framework_idx').on(t.orgId, t.frameworkId, t.position),
  ],
);

/** What an approved report said, as reported: its figures per indicator and the records behind them. */
export interface FrozenReport {
  indicators: Array<{ indicatorId: string; name: string; total: Figure; breakdowns: unknown; target: number | null; records: string[] }>;
}

/** An approved report's figures as reported, without the records behind them: what dashboards read (migration 0069). */
export interface StoredFigures {
  indicators: Array<Omit<FrozenReport['indicators'][number], 'records'> & { records: number; kind: string | null; level: string | null; unit: string | null }>;
}

/** A reporting period of a framework: drafted, submitted, approved (then frozen with a checksum). */
export const resultsPeriods = pgTable(
  'results_periods',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    frameworkId: uuid('framework_id').notNull(),
    label: text('label').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    state: text('state', { enum: ['draft', 'submitted', 'approved'] }).notNull().default('draft'),
    submittedAt: ts('submitted_at'),
    approvedAt: ts('approved_at'),
    approvedBy: text('approved_by'),
    frozen: jsonb('frozen').$type<FrozenReport>(),
    checksum: text('checksum'),
    figures: jsonb('figures').$type<StoredFigures>(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'results_periods_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.frameworkId, resultsFrameworks).onDelete('cascade'),
    index('results_periods_framework_idx').on(t.orgId, t.frameworkId, t.startsOn),
    check('results_periods_state_check', sql`${t.state} IN ('draft', 'submitted', 'approved')`),
    check('results_periods_dates_check', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

export const resultsTargets = pgTable(
  'results_targets',
  {
    orgId: orgId(),
    indicatorId: uuid('indicator_id').notNull(),
    periodId: uuid('period_id').notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'results_targets_pkey', columns: [t.indicatorId, t.periodId, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.indicatorId, resultsIndicators).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.periodId, resultsPeriods).onDelete('cascade'),
  ],
);

/** A value entered by hand for one cell of an indicator's breakdown, where no record exists. */
export const resultsManualValues = pgTable(
  'results_manual_values',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    indicatorId: uuid('indicator_id').notNull(),
    periodId: uuid('period_id').notNull(),
    cell: jsonb('cell').$type<Partial<Record<Dimension, string>>>().notNull().default({}),
    value: bigint('value', { mode: 'number' }),
    numerator: bigint('numerator', { mode: 'number' }),
    denominator: bigint('denominator', { mode: 'number' }),
    text: text('text').notNull().default(''),
    evidence: text('evidence').notNull(),
    enteredBy: text('entered_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'results_manual_values_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.indicatorId, resultsIndicators).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.periodId, resultsPeriods).onDelete('cascade'),
    index('results_manual_values_idx').on(t.orgId, t.indicatorId, t.periodId),
  ],
);
