import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/tables.js';
import { orgs } from '../../platform/tenants/tables.js';

// Organisations, roles and API tokens are the platform's tenancy
// (platform/tenants/tables.ts); this module manages them.

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role').notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true, precision: 3 }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    primaryKey({ name: 'invitations_pkey', columns: [t.id, t.orgId] }),
    uniqueIndex('invitations_token_key').on(t.tokenHash, t.orgId),
    index('invitations_org_idx').on(t.orgId, t.createdAt),
    check('invitations_role_check', sql`${t.role} in ('admin', 'staff', 'member', 'official', 'viewer')`),
  ],
);
