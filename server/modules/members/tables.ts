import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/tables.js';
import { sameOrgForeignKey } from '../../platform/db/tenant-keys.js';
import { orgs } from '../../platform/tenants/tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** Per organisation: size-class thresholds and its own districts. */
export const memberSettings = pgTable('member_settings', {
  orgId: uuid('org_id').primaryKey().references(() => orgs.id, { onDelete: 'cascade' }),
  microMaxEmployees: integer('micro_max_employees').notNull().default(9),
  smallMaxEmployees: integer('small_max_employees').notNull().default(49),
  mediumMaxEmployees: integer('medium_max_employees').notNull().default(249),
  microMaxTurnover: bigint('micro_max_turnover', { mode: 'number' }),
  smallMaxTurnover: bigint('small_max_turnover', { mode: 'number' }),
  mediumMaxTurnover: bigint('medium_max_turnover', { mode: 'number' }),
  districts: jsonb('districts').$type<Array<{ region: string; name: string }>>().notNull().default(sql`'[]'::jsonb`),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const membershipTiers = pgTable(
  'membership_tiers',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'membership_tiers_pkey', columns: [t.id, t.orgId] }),
    uniqueIndex('membership_tiers_name_key').on(t.orgId, t.name),
  ],
);

/** Yearly fee of a tier for a size class, in minor units of the organisation's currency. */
export const membershipFees = pgTable(
  'membership_fees',
  {
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    tierId: uuid('tier_id').notNull(),
    sizeClass: text('size_class').notNull(),
    annualFee: bigint('annual_fee', { mode: 'number' }).notNull(),
  },
  (t) => [
    sameOrgForeignKey(t.orgId, t.tierId, membershipTiers).onDelete('cascade'),
    primaryKey({ name: 'membership_fees_tier_id_size_class_pk', columns: [t.tierId, t.sizeClass, t.orgId] }),
    check('membership_fees_size_check', sql`${t.sizeClass} in ('micro', 'small', 'medium', 'large')`),
    check('membership_fees_amount_check', sql`${t.annualFee} >= 0`),
  ],
);

export const members = pgTable(
  'members',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    legalName: text('legal_name').notNull(),
    tradeName: text('trade_name'),
    registrationNumber: text('registration_number'),
    taxNumber: text('tax_number'),
    isicClass: text('isic_class'),
    isicSection: text('isic_section'),
    isicDivision: text('isic_division'),
    isicGroup: text('isic_group'),
    region: text('region'),
    district: text('district'),
    address: text('address'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    employeesFemale: integer('employees_female'),
    employeesMale: integer('employees_male'),
    turnover: bigint('turnover', { mode: 'number' }),
    sizeClass: text('size_class'),
    formality: text('formality').notNull().default('formal'),
    womenLed: boolean('women_led').notNull().default(false),
    youthLed: boolean('youth_led').notNull().default(false),
    ownerSex: text('owner_sex'),
    foundedYear: integer('founded_year'),
    products: text('products').notNull().default(''),
    exportStatus: text('export_status').notNull().default('none'),
    email: text('email'),
    phone: text('phone'),
    website: text('website'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    tierId: uuid('tier_id'),
    status: text('status').notNull().default('applicant'),
    joinedOn: date('joined_on'),
    renewalDueOn: date('renewal_due_on'),
    remindedForRenewalOn: date('reminded_for_renewal_on'),
    importId: uuid('import_id'),
    // Generated in the database (migration 0011): the name, lower case, without accents.
    searchName: text('search_name').generatedAlwaysAs(sql`f_unaccent(lower(legal_name || ' ' || coalesce(trade_name, '')))`),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'members_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.tierId, membershipTiers).onDelete('set null'),
    index('members_org_name_idx').on(t.orgId, sql`lower(${t.legalName})`, t.id),
    index('members_org_status_idx').on(t.orgId, t.status, t.sizeClass),
    index('members_org_isic_idx').on(t.orgId, t.isicDivision, t.isicGroup, t.isicClass),
    index('members_org_region_idx').on(t.orgId, t.region, t.status),
    index('members_org_created_idx').on(t.orgId, t.createdAt, t.id),
    index('members_org_renewal_idx').on(t.orgId, sql`coalesce(${t.renewalDueOn}, '9999-12-31'::date)`, t.id),
    index('members_org_renewal_idx').on(t.orgId, sql`coalesce(${t.renewalDueOn}, '9999-12-31'::date)`, t.id),
    index('members_org_reg_idx').on(t.orgId, t.registrationNumber),
    index('members_tags_idx').using('gin', t.tags),
    check('members_status_check', sql`${t.status} in ('applicant', 'active', 'lapsed', 'suspended', 'resigned')`),
    check('members_size_check', sql`${t.sizeClass} is null or ${t.sizeClass} in ('micro', 'small', 'medium', 'large')`),
    check('members_formality_check', sql`${t.formality} in ('formal', 'informal')`),
    check('members_owner_sex_check', sql`${t.ownerSex} is null or ${t.ownerSex} in ('female', 'male', 'other')`),
    check('members_export_check', sql`${t.exportStatus} in ('none', 'occasional', 'regular')`),
    check('members_employees_check', sql`coalesce(${t.employeesFemale}, 0) >= 0 and coalesce(${t.employeesMale}, 0) >= 0`),
  ],
);

export const memberContacts = pgTable(
  'member_contacts',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull().default(''),
    email: text('email'),
    phone: text('phone'),
    sex: text('sex'),
    consentToContact: boolean('consent_to_contact').notNull().default(false),
    consentRecordedAt: ts('consent_recorded_at'),
    erasedAt: ts('erased_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'member_contacts_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.memberId, members).onDelete('cascade'),
    index('member_contacts_member_idx').on(t.orgId, t.memberId),
  ],
);

/** The timeline: calls, visits, services used. */
export const memberInteractions = pgTable(
  'member_interactions',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').notNull(),
    kind: text('kind').notNull(),
    occurredOn: date('occurred_on').notNull(),
    summary: text('summary').notNull(),
    service: text('service'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'member_interactions_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.memberId, members).onDelete('cascade'),
    index('member_interactions_member_idx').on(t.orgId, t.memberId, t.occurredOn),
    check('member_interactions_kind_check', sql`${t.kind} in ('call', 'visit', 'email', 'meeting', 'service', 'note')`),
  ],
);

export const membershipStatusHistory = pgTable(
  'membership_status_history',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason').notNull().default(''),
    changedBy: text('changed_by').notNull(),
    changedAt: ts('changed_at').notNull().defaultNow(),
    // Order of the history: a sequence cannot tie, a clock can (migration 0030).
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'membership_status_history_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.memberId, members).onDelete('cascade'),
    index('membership_status_history_member_idx').on(t.orgId, t.memberId, t.seq),
  ],
);

export const invoices = pgTable(
  'invoices',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').notNull(),
    number: text('number').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    issuedOn: date('issued_on').notNull(),
    dueOn: date('due_on').notNull(),
    status: text('status').notNull().default('open'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'invoices_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.memberId, members).onDelete('restrict'),
    uniqueIndex('invoices_number_key').on(t.orgId, t.number),
    index('invoices_member_idx').on(t.orgId, t.memberId),
    index('invoices_org_due_idx').on(t.orgId, t.status, t.dueOn),
    check('invoices_status_check', sql`${t.status} in ('open', 'paid', 'void')`),
    check('invoices_amount_check', sql`${t.amount} >= 0`),
  ],
);

export const payments = pgTable(
  'payments',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    invoiceId: uuid('invoice_id').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    paidOn: date('paid_on').notNull(),
    method: text('method').notNull(),
    reference: text('reference').notNull().default(''),
    recordedBy: text('recorded_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'payments_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.invoiceId, invoices).onDelete('restrict'),
    index('payments_invoice_idx').on(t.orgId, t.invoiceId),
    index('payments_org_paid_idx').on(t.orgId, t.paidOn),
    check('payments_amount_check', sql`${t.amount} > 0`),
    check('payments_method_check', sql`${t.method} in ('cash', 'bank_transfer', 'mobile_money', 'cheque', 'card', 'other')`),
  ],
);

/**
 * Who may use the member portal for a firm: an e-mail address, so access can
 * be granted before the person has an account (they join by invitation).
 */
export const memberPortalAccess = pgTable(
  'member_portal_access',
  {
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').notNull(),
    email: text('email').notNull(),
    grantedBy: text('granted_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    sameOrgForeignKey(t.orgId, t.memberId, members).onDelete('cascade'),
    primaryKey({ columns: [t.orgId, t.email] }), index('member_portal_access_member_idx').on(t.memberId),
  ],
);

export const savedViews = pgTable(
  'saved_views',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    query: jsonb('query').$type<Record<string, unknown>>().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'saved_views_pkey', columns: [t.id, t.orgId] }),
    uniqueIndex('saved_views_name_key').on(t.orgId, t.userId, t.name),
  ],
);

/** One spreadsheet import: who brought which firms in, and when. */
export const memberImports = pgTable(
  'member_imports',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    rows: integer('rows').notNull(),
    created: integer('created').notNull(),
    merged: integer('merged').notNull(),
    skipped: integer('skipped').notNull(),
    importedBy: text('imported_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** The task that writes it; with `state`, what to take back when that task ends unfinished (migration 0033). */
    taskId: uuid('task_id'),
    state: text('state', { enum: ['writing', 'done', 'undone'] }).notNull().default('done'),
  },
  (t) => [
    primaryKey({ name: 'member_imports_pkey', columns: [t.id, t.orgId] }),
    index('member_imports_org_idx').on(t.orgId, t.createdAt),
  ],
);

// The words of the firms' names (migration 0028), for name search. Written
// only by statement triggers on `members`; the app reads member_name_words by
// equality (search-by-name.ts) and the others only through
// member_name_candidates(). The "C" collation of the words, the trigram index
// on the vocabulary and the row-level policies are in the migration.

/** Each distinct word of each firm's name. */
export const memberNameWords = pgTable(
  'member_name_words',
  {
    orgId: uuid('org_id').notNull(),
    word: text('word').notNull(),
    memberId: uuid('member_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.word, t.memberId] })],
);

/** Each distinct word of an organisation's names, with the number of its firms using it. */
export const memberNameVocabulary = pgTable(
  'member_name_vocabulary',
  {
    orgId: uuid('org_id').notNull(),
    word: text('word').notNull(),
    firms: integer('firms').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.word] })],
);

/** Each vocabulary word under every form left by deleting at most two of its letters, to find misspellings. */
export const memberNameSpellings = pgTable(
  'member_name_spellings',
  {
    orgId: uuid('org_id').notNull(),
    variant: text('variant').notNull(),
    word: text('word').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.variant, t.word] })],
);
