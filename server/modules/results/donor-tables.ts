import { index, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/tables.js';
import { sameOrgForeignKey } from '../../platform/db/tenant-keys.js';
import { orgs } from '../../platform/tenants/tables.js';
import { resultsFrameworks } from './tables.js';

// Migration 0069: donors, the people who sign in for them, and the frameworks shared with them.
const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** A named funder (GIZ), created by an operator; a reference table, as `users`. */
export const resultsDonors = pgTable(
  'results_donors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [unique('results_donors_name_key').on(t.name)],
);

/** Who signs in for a donor: a person with no role in any organisation for it. */
export const resultsDonorUsers = pgTable(
  'results_donor_users',
  {
    donorId: uuid('donor_id').notNull().references(() => resultsDonors.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'results_donor_users_pkey', columns: [t.donorId, t.userId] }), index('results_donor_users_user_idx').on(t.userId)],
);

/** A framework an organisation shares with a donor, by its choice; revoking deletes the row. */
export const resultsFrameworkShares = pgTable(
  'results_framework_shares',
  {
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    frameworkId: uuid('framework_id').notNull(),
    donorId: uuid('donor_id').notNull().references(() => resultsDonors.id, { onDelete: 'cascade' }),
    sharedBy: text('shared_by').notNull(),
    sharedAt: ts('shared_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'results_framework_shares_pkey', columns: [t.frameworkId, t.donorId, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.frameworkId, resultsFrameworks).onDelete('cascade'),
    index('results_framework_shares_donor_idx').on(t.donorId),
  ],
);
