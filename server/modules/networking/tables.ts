import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { MatchWeights, Offering } from '../../../contracts/networking.js';
import { sameOrgForeignKey } from '../../platform/db/tenant-keys.js';
import { orgs } from '../../platform/tenants/tables.js';
import { members } from '../members/tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const orgId = () => uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' });
const codes = (name: string) => text(name).array().notNull().default(sql`'{}'::text[]`);

/**
 * A member firm's directory profile: what it offers, where it sells, its
 * certifications and languages, and which of these (and of the member
 * record's sector, region, size and contacts) the public directory shows.
 * Listed while opted in and not expired (`expires_at`, renewed on each save).
 */
export const networkingProfiles = pgTable(
  'networking_profiles',
  {
    orgId: orgId(),
    memberId: uuid('member_id').notNull(),
    optedIn: boolean('opted_in').notNull().default(false),
    summary: text('summary').notNull().default(''),
    offerings: jsonb('offerings').$type<Offering[]>().notNull().default(sql`'[]'::jsonb`),
    exportMarkets: codes('export_markets'),
    certifications: codes('certifications'),
    languages: codes('languages'),
    publicFields: codes('public_fields'),
    publishedAt: ts('published_at'),
    expiresAt: ts('expires_at'),
    remindedAt: ts('reminded_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'networking_profiles_pkey', columns: [t.memberId, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.memberId, members).onDelete('cascade'),
    index('networking_profiles_listed_idx').on(t.orgId, t.optedIn, t.expiresAt),
  ],
);

/** A cooperation offer or request of a member firm, reviewed by staff before it is published. */
export const networkingOffers = pgTable(
  'networking_offers',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    memberId: uuid('member_id').notNull(),
    kind: text('kind').notNull(),
    side: text('side').notNull(),
    title: text('title').notNull(),
    offered: text('offered').notNull().default(''),
    sought: text('sought').notNull().default(''),
    hsCodes: codes('hs_codes'),
    sectors: codes('sectors'),
    countries: codes('countries'),
    state: text('state').notNull().default('draft'),
    returnReason: text('return_reason'),
    publishedAt: ts('published_at'),
    expiresAt: ts('expires_at'),
    remindedAt: ts('reminded_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'networking_offers_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.memberId, members).onDelete('cascade'),
    index('networking_offers_state_idx').on(t.orgId, t.state, t.expiresAt),
    index('networking_offers_member_idx').on(t.orgId, t.memberId),
    check('networking_offers_kind_check', sql`${t.kind} IN ('subcontracting', 'joint_venture', 'franchising', 'supplier', 'buyer', 'distributor', 'export_partner', 'technology')`),
    check('networking_offers_side_check', sql`${t.side} IN ('offer', 'request')`),
    check('networking_offers_state_check', sql`${t.state} IN ('draft', 'submitted', 'returned', 'published', 'expired', 'withdrawn')`),
  ],
);

/** Another firm's interest in a published offer: it goes to the chamber, which introduces the firms. */
export const networkingInterests = pgTable(
  'networking_interests',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    offerId: uuid('offer_id').notNull(),
    memberId: uuid('member_id').notNull(),
    message: text('message').notNull().default(''),
    state: text('state').notNull().default('open'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'networking_interests_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.offerId, networkingOffers).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.memberId, members).onDelete('cascade'),
    // One interest per firm and offer.
    uniqueIndex('networking_interests_offer_idx').on(t.orgId, t.offerId, t.memberId),
    index('networking_interests_member_idx').on(t.orgId, t.memberId),
    check('networking_interests_state_check', sql`${t.state} IN ('open', 'introduced')`),
  ],
);

/** Two firms the chamber introduced, on an offer (or not), followed to a deal or none; each change is audited. */
export const networkingIntroductions = pgTable(
  'networking_introductions',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    firmA: uuid('firm_a').notNull(),
    firmB: uuid('firm_b').notNull(),
    offerId: uuid('offer_id'),
    interestId: uuid('interest_id'),
    state: text('state').notNull().default('proposed'),
    note: text('note').notNull().default(''),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'networking_introductions_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.firmA, members).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.firmB, members).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.offerId, networkingOffers).onDelete('set null'),
    sameOrgForeignKey(t.orgId, t.interestId, networkingInterests).onDelete('set null'),
    index('networking_introductions_updated_idx').on(t.orgId, t.updatedAt),
    index('networking_introductions_a_idx').on(t.orgId, t.firmA),
    index('networking_introductions_b_idx').on(t.orgId, t.firmB),
    check('networking_introductions_state_check', sql`${t.state} IN ('proposed', 'accepted', 'met', 'deal', 'no_deal')`),
    check('networking_introductions_two_firms_check', sql`${t.firmA} <> ${t.firmB}`),
  ],
);

/** The organisation's networking settings: how long listings last, when to remind, the matching weights. */
export const networkingSettings = pgTable(
  'networking_settings',
  {
    orgId: orgId(),
    expiryMonths: integer('expiry_months').notNull().default(12),
    reminderDays: integer('reminder_days').notNull().default(30),
    weights: jsonb('weights').$type<MatchWeights>().notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'networking_settings_pkey', columns: [t.orgId] }),
    check('networking_settings_expiry_check', sql`${t.expiryMonths} BETWEEN 1 AND 36`),
    check('networking_settings_reminder_check', sql`${t.reminderDays} BETWEEN 1 AND 90`),
  ],
);
