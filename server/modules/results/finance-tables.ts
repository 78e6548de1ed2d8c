import { sql } from 'drizzle-orm';
import { bigint, check, date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { BUDGET_STATUSES, BUDGET_TYPES, TRANSACTION_TYPES } from '../../../contracts/results-finance.js';
import { sameOrgForeignKey } from '../../platform/db/tenant-keys.js';
import { orgs } from '../../platform/tenants/tables.js';
import { resultsFrameworks } from './tables.js';

// Migration 0081: a framework's budget lines and transactions, for IATI. Amounts in minor units of `currency`.
const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const orgId = () => uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' });

/** A budget for one period of at most a year (IATI's rule), original or revised, indicative or committed. */
export const resultsBudgets = pgTable(
  'results_budgets',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    frameworkId: uuid('framework_id').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    type: text('type', { enum: BUDGET_TYPES }).notNull().default('original'),
    status: text('status', { enum: BUDGET_STATUSES }).notNull().default('indicative'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'results_budgets_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.frameworkId, resultsFrameworks).onDelete('cascade'),
    index('results_budgets_framework_idx').on(t.orgId, t.frameworkId, t.startsOn),
    check('results_budgets_type_check', sql`${t.type} IN ('original', 'revised')`),
    check('results_budgets_status_check', sql`${t.status} IN ('indicative', 'committed')`),
    check('results_budgets_value_check', sql`${t.value} >= 0`),
    check('results_budgets_dates_check', sql`${t.endsOn} >= ${t.startsOn} AND ${t.endsOn} - ${t.startsOn} < 366`),
  ],
);

/** Money that moved for the framework: an IATI transaction of one of TRANSACTION_TYPES. */
export const resultsTransactions = pgTable(
  'results_transactions',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    frameworkId: uuid('framework_id').notNull(),
    on: date('on').notNull(),
    type: text('type', { enum: TRANSACTION_TYPES }).notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    description: text('description').notNull().default(''),
    providerOrg: text('provider_org').notNull().default(''),
    receiverOrg: text('receiver_org').notNull().default(''),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'results_transactions_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.frameworkId, resultsFrameworks).onDelete('cascade'),
    index('results_transactions_framework_idx').on(t.orgId, t.frameworkId, t.on),
    check('results_transactions_type_check', sql`${t.type} IN ('1', '2', '3', '4', '11')`),
    check('results_transactions_value_check', sql`${t.value} >= 0`),
  ],
);
