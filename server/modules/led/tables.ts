import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { BOTTLENECK_KINDS } from '../../../contracts/led.js';
import { sameOrgForeignKey } from '../../platform/db/tenant-keys.js';
import { orgs } from '../../platform/tenants/tables.js';
import { advocacyIssues, dmPeople } from '../advocacy/tables.js';
import { memberContacts, members } from '../members/tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const orgId = () => uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' });

/**
 * An LED region: an ISO 3166-2 subdivision of the organisation's country
 * (`region`), or one of its districts (`district`, from members' settings),
 * optionally run by a branch. Migration 0040.
 */
export const ledRegions = pgTable(
  'led_regions',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    region: text('region').notNull(),
    district: text('district'),
    branchId: uuid('branch_id').references(() => orgs.id, { onDelete: 'set null' }),
    narrative: text('narrative').notNull().default(''),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'led_regions_pkey', columns: [t.id, t.orgId] })],
);

/** A committed person of a region's LED team or committee, with the sector they come from. */
export const ledTeamMembers = pgTable(
  'led_team_members',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    regionId: uuid('region_id').notNull(),
    body: text('body').notNull(),
    name: text('name').notNull(),
    sector: text('sector').notNull(),
    sectorKind: text('sector_kind').notNull().default(''),
    organisation: text('organisation').notNull().default(''),
    role: text('role').notNull().default(''),
    email: text('email').notNull().default(''),
    phone: text('phone').notNull().default(''),
    memberId: uuid('member_id'),
    contactId: uuid('contact_id'),
    decisionMakerId: uuid('decision_maker_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'led_team_members_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.regionId, ledRegions).onDelete('cascade'),
    // Migration 0040 writes ON DELETE SET NULL (x_id) for these.
    sameOrgForeignKey(t.orgId, t.memberId, members).onDelete('set null'),
    sameOrgForeignKey(t.orgId, t.contactId, memberContacts).onDelete('set null'),
    sameOrgForeignKey(t.orgId, t.decisionMakerId, dmPeople).onDelete('set null'),
    index('led_team_members_region_idx').on(t.orgId, t.regionId),
    check('led_team_members_body_check', sql`${t.body} IN ('team', 'committee')`),
    check('led_team_members_sector_check', sql`${t.sector} IN ('private', 'public', 'semi_public')`),
  ],
);

/** A typed key figure of a region's profile, always with its source and year. */
export const ledKeyFigures = pgTable(
  'led_key_figures',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    regionId: uuid('region_id').notNull(),
    topic: text('topic').notNull(),
    label: text('label').notNull(),
    value: numeric('value', { mode: 'number' }).notNull(),
    unit: text('unit').notNull().default(''),
    source: text('source').notNull(),
    year: integer('year').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'led_key_figures_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.regionId, ledRegions).onDelete('cascade'),
    index('led_key_figures_region_idx').on(t.orgId, t.regionId),
    check('led_key_figures_topic_check', sql`${t.topic} IN ('population', 'employment', 'infrastructure', 'economy', 'other')`),
  ],
);

/** One cell of the locational analysis: a factor of a region in a year, strength or weakness, rated −2..+2. */
export const ledAssessments = pgTable(
  'led_assessments',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    regionId: uuid('region_id').notNull(),
    year: integer('year').notNull(),
    factor: text('factor').notNull(),
    finding: text('finding').notNull(),
    rating: integer('rating').notNull(),
    evidence: text('evidence').notNull().default(''),
    source: text('source').notNull().default(''),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'led_assessments_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.regionId, ledRegions).onDelete('cascade'),
    uniqueIndex('led_assessments_factor_key').on(t.regionId, t.year, t.factor, t.orgId),
    check('led_assessments_finding_check', sql`${t.finding} IN ('strength', 'weakness')`),
    check('led_assessments_rating_check', sql`${t.rating} BETWEEN -2 AND 2`),
  ],
);

/** What holds a region's economy back. */
export const ledBottlenecks = pgTable(
  'led_bottlenecks',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    regionId: uuid('region_id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    factor: text('factor').notNull().default(''),
    evidence: text('evidence').notNull().default(''),
    /** `regulatory` (for advocacy), `locational`, `market`, `other` (migration 0041). */
    kind: text('kind', { enum: BOTTLENECK_KINDS }).notNull().default('locational'),
    /** The advocacy issue a regulatory bottleneck was taken to. */
    advocacyIssueId: uuid('advocacy_issue_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'led_bottlenecks_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.regionId, ledRegions).onDelete('cascade'),
    // Migration 0041 writes ON DELETE SET NULL (advocacy_issue_id).
    sameOrgForeignKey(t.orgId, t.advocacyIssueId, advocacyIssues).onDelete('set null'),
    index('led_bottlenecks_region_idx').on(t.orgId, t.regionId),
    uniqueIndex('led_bottlenecks_advocacy_issue_key').on(t.advocacyIssueId, t.orgId),
    check('led_bottlenecks_kind_check', sql`${t.kind} IN ('regulatory', 'locational', 'market', 'other')`),
  ],
);

/** An LED measure for a bottleneck: partners by sector, a budget (minor units), at most a year from start to planned end. */
export const ledMeasures = pgTable(
  'led_measures',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    regionId: uuid('region_id').notNull(),
    bottleneckId: uuid('bottleneck_id'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    partners: jsonb('partners').$type<Array<{ name: string; sector: string }>>().notNull().default([]),
    budget: bigint('budget', { mode: 'number' }).notNull().default(0),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    status: text('status').notNull().default('planned'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'led_measures_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.regionId, ledRegions).onDelete('cascade'),
    // Migration 0040 writes ON DELETE SET NULL (bottleneck_id).
    sameOrgForeignKey(t.orgId, t.bottleneckId, ledBottlenecks).onDelete('set null'),
    index('led_measures_region_idx').on(t.orgId, t.regionId),
    check('led_measures_status_check', sql`${t.status} IN ('planned', 'running', 'done', 'effective')`),
    check('led_measures_budget_check', sql`${t.budget} >= 0`),
    check('led_measures_within_a_year', sql`${t.endsOn} >= ${t.startsOn} AND ${t.endsOn} <= ${t.startsOn} + interval '1 year'`),
  ],
);
