import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { MatchWeights, Offering } from '../../../contracts/networking.js';
import type { QualityScale } from '../../../contracts/networking-showcase.js';
import { sameOrgForeignKey } from '../../platform/db/tenant-keys.js';
import { photoColumns } from '../../platform/files/photo-columns.js';
import { orgs } from '../../platform/tenants/tables.js';
import { members } from '../members/tables.js';
import { forms } from '../surveys/tables.js';

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
    /** The deal follow-up form (migration 0063), made from the default definition when first needed. */
    dealFormId: uuid('deal_form_id'),
    /** The showcase's quality rating scale (migration 0067); null: the default (five stars). */
    qualityScale: jsonb('quality_scale').$type<QualityScale>(),
    /** What the other organisations of the federation see (migration 0073, federation-service.ts): the owner's choice, off by default. */
    shareInfoWithFederation: boolean('share_info_with_federation').notNull().default(false),
    /** Its published, unexpired cooperation offers and requests too (migration 0079), without naming the firms. */
    shareOffersWithFederation: boolean('share_offers_with_federation').notNull().default(false),
    /** Whom the federation's other organisations call about what is shared (0079): organisations keep no contact of their own. */
    federationContact: text('federation_contact').notNull().default(''),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'networking_settings_pkey', columns: [t.orgId] }),
    sameOrgForeignKey(t.orgId, t.dealFormId, forms).onDelete('set null'),
    check('networking_settings_expiry_check', sql`${t.expiryMonths} BETWEEN 1 AND 36`),
    check('networking_settings_reminder_check', sql`${t.reminderDays} BETWEEN 1 AND 90`),
    check('networking_settings_federation_contact_check', sql`length(${t.federationContact}) <= 300`),
  ],
);

/** A member firm's question to the chamber and staff's answer; the time between is the time to answer. */
export const networkingEnquiries = pgTable(
  'networking_enquiries',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    memberId: uuid('member_id').notNull(),
    subject: text('subject').notNull(),
    question: text('question').notNull(),
    answer: text('answer'),
    askedAt: ts('asked_at').notNull().defaultNow(),
    answeredAt: ts('answered_at'),
  },
  (t) => [
    primaryKey({ name: 'networking_enquiries_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.memberId, members).onDelete('cascade'),
    index('networking_enquiries_asked_idx').on(t.orgId, t.askedAt),
    index('networking_enquiries_member_idx').on(t.orgId, t.memberId),
    check('networking_enquiries_answered_check', sql`(${t.answer} IS NULL) = (${t.answeredAt} IS NULL)`),
  ],
);

/**
 * The information service (issue 18.7, migration 0068): an entry staff keep —
 * finance source, export market requirement, regulation, service provider,
 * trade fair — with its source and the date to review it, tagged by sector
 * (ISIC), product (HS) and country; members see only published entries.
 */
export const networkingInfoEntries = pgTable(
  'networking_info_entries',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    type: text('type').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    source: text('source').notNull(),
    sourceUrl: text('source_url').notNull().default(''),
    reviewOn: date('review_on', { mode: 'string' }).notNull(),
    sectors: codes('sectors'),
    hsCodes: codes('hs_codes'),
    countries: codes('countries'),
    state: text('state').notNull().default('draft'),
    /** The enquiry whose answer the entry was made from. */
    enquiryId: uuid('enquiry_id'),
    publishedAt: ts('published_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'networking_info_entries_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.enquiryId, networkingEnquiries).onDelete('set null'),
    index('networking_info_entries_state_idx').on(t.orgId, t.state, t.publishedAt),
    index('networking_info_entries_review_idx').on(t.orgId, t.reviewOn),
    check('networking_info_entries_type_check', sql`${t.type} IN ('finance', 'export_requirements', 'regulation', 'service_provider', 'trade_fair')`),
    check('networking_info_entries_state_check', sql`${t.state} IN ('draft', 'published', 'archived')`),
  ],
);

/** What a member firm follows (one per firm), and when its last digest went (at most one a week). */
export const networkingInfoSubscriptions = pgTable(
  'networking_info_subscriptions',
  {
    orgId: orgId(),
    memberId: uuid('member_id').notNull(),
    active: boolean('active').notNull().default(true),
    sectors: codes('sectors'),
    hsCodes: codes('hs_codes'),
    countries: codes('countries'),
    types: codes('types'),
    lastDigestAt: ts('last_digest_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'networking_info_subscriptions_pkey', columns: [t.memberId, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.memberId, members).onDelete('cascade'),
  ],
);

/**
 * A local product of the showcase (migration 0067): of a member firm or of a
 * producer group named by text, with its origin and a rating on the
 * organisation's quality scale (`networking_settings.quality_scale`). Public
 * only while `published`.
 */
export const networkingProducts = pgTable(
  'networking_products',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    memberId: uuid('member_id'),
    producerGroup: text('producer_group').notNull().default(''),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    hsCode: text('hs_code').notNull().default(''),
    originPlace: text('origin_place').notNull().default(''),
    originRegion: text('origin_region'),
    state: text('state').notNull().default('draft'),
    returnReason: text('return_reason'),
    rating: integer('rating'),
    ratedBy: text('rated_by'),
    ratedAt: ts('rated_at'),
    publishedAt: ts('published_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'networking_products_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.memberId, members).onDelete('cascade'),
    index('networking_products_state_idx').on(t.orgId, t.state, t.updatedAt),
    index('networking_products_member_idx').on(t.orgId, t.memberId),
    check('networking_products_state_check', sql`${t.state} IN ('draft', 'submitted', 'returned', 'published', 'unpublished')`),
    check('networking_products_producer_check', sql`${t.memberId} IS NOT NULL OR ${t.producerGroup} <> ''`),
    check('networking_products_rating_check', sql`${t.rating} IS NULL OR ${t.rating} BETWEEN 1 AND 5`),
  ],
);

/** Photos of a showcase product, in the order they were added; public only with their published product. */
export const networkingProductPhotos = pgTable(
  'networking_product_photos',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    productId: uuid('product_id').notNull(),
    caption: text('caption').notNull().default(''),
    /** The order photos were added in (one more than the product's last), never the clock. */
    position: integer('position').notNull(),
    ...photoColumns(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'networking_product_photos_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.productId, networkingProducts).onDelete('cascade'),
    index('networking_product_photos_product_idx').on(t.orgId, t.productId),
  ],
);
