import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

// People are global: one person can hold roles in several organisations and
// switch between them. What they may do lives in each organisation's roles.
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    locale: text('locale').notNull().default('en'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    disabledAt: timestamp('disabled_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    check('users_locale_check', sql`${t.locale} in ('en', 'fr', 'es', 'ru')`),
  ],
);

// The cookie carries a random token; only its hash is stored, so a leaked
// table does not leak sessions. Living in the database lets several app
// processes share them.
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id'),
    csrfToken: text('csrf_token').notNull(),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

export const passwordResets = pgTable(
  'password_resets',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, precision: 3 }),
    /**
     * The one organisation whose admins may hand the link over (no SMTP, and
     * the person belonged to it alone); the reset is refused once the person
     * belongs to any other.
     */
    handoverOrgId: uuid('handover_org_id'),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
);

/**
 * Counts of failed sign-ins and other guessable requests per key (an
 * account, a source address), shared by every app process. A key's count
 * starts a fixed window; past `hits` the key is locked until the window ends.
 */
export const authThrottle = pgTable('auth_throttle', {
  key: text('key').primaryKey(),
  hits: integer('hits').notNull(),
  windowEnds: timestamp('window_ends', { withTimezone: true, precision: 3 }).notNull(),
}, (t) => [index('auth_throttle_window_idx').on(t.windowEnds)]);
