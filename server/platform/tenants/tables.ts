import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { users } from '../auth/tables.js';

// The tenancy every request stands on: organisations, each person's role in
// them, and the integration tokens acting for one. They are the platform's
// (sessions, tenant transactions and sign-up read them); the orgs module
// manages them (settings, branches, people, invitations).

// Organisations are the tenants. Branches point to their umbrella; the tree
// is shallow in practice (national -> regional) but not limited here.
export const orgs = pgTable(
  'orgs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id').references((): AnyPgColumn => orgs.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    country: text('country').notNull(),
    regions: text('regions').array().notNull().default(sql`'{}'::text[]`),
    languages: text('languages').array().notNull().default(sql`'{en}'::text[]`),
    currency: text('currency').notNull(),
    // Null: the country's default (server/platform/org-clock.ts), for rows older than these columns.
    timeZone: text('time_zone'),
    locale: text('locale'),
    shareMemberDataUpward: boolean('share_member_data_upward').notNull().default(false),
    // Its siblings (the other branches of its umbrella) see its submitted capacity scores (migration 0061).
    shareCapacityWithSiblings: boolean('share_capacity_with_siblings').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index('orgs_parent_idx').on(t.parentId),
    check('orgs_kind_check', sql`${t.kind} in ('chamber', 'association', 'federation', 'self_help_group')`),
    check('orgs_country_check', sql`${t.country} ~ '^[A-Z]{2}$'`),
    check('orgs_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('orgs_time_zone_check', sql`${t.timeZone} IS NULL OR length(${t.timeZone}) BETWEEN 1 AND 64`),
    check('orgs_locale_check', sql`${t.locale} IS NULL OR ${t.locale} ~ '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$'`),
    check('orgs_not_own_parent', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
  ],
);

export const userRoles = pgTable(
  'user_roles',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId] }),
    index('user_roles_user_idx').on(t.userId),
    check('user_roles_role_check', sql`${t.role} in ('admin', 'staff', 'member', 'official', 'viewer')`),
  ],
);

// Integration tokens act for the organisation with a fixed role. Only the
// hash is stored; the token is shown once when created.
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, precision: 3 }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    uniqueIndex('api_tokens_hash_key').on(t.tokenHash),
    index('api_tokens_org_idx').on(t.orgId),
    check('api_tokens_role_check', sql`${t.role} in ('staff', 'viewer')`),
  ],
);
