import { index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/tenants/tables.js';

/*
 * The LED roll-up's stored counts (issue 17.9, migration 0064). Written only by
 * the database (`led_rollup_refresh`, fired by triggers on person_participations
 * and led_measures, so a write by the people module — a merge, a person
 * removed — keeps them exact too); the app reads them. Each person counts once
 * per measure and role whatever the days, only on measures that exist.
 * No foreign key to regions or measures: their rows go when the refresh recounts
 * the people concerned, so the totals are taken down first.
 */

/** A person, a region and a role: on how many of the region's measures. */
export const ledRollupPersonRegions = pgTable(
  'led_rollup_person_regions',
  {
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    regionId: uuid('region_id').notNull(),
    role: text('role').notNull(),
    personId: uuid('person_id').notNull(),
    measures: integer('measures').notNull(),
  },
  (t) => [
    primaryKey({ name: 'led_rollup_person_regions_pkey', columns: [t.orgId, t.regionId, t.role, t.personId] }),
    index('led_rollup_person_regions_person_idx').on(t.orgId, t.personId),
  ],
);

/** A person and a role over all the organisation's regions: measures and regions they were recorded in. */
export const ledRollupPeople = pgTable(
  'led_rollup_people',
  {
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    personId: uuid('person_id').notNull(),
    measures: integer('measures').notNull(),
    regions: integer('regions').notNull(),
  },
  (t) => [primaryKey({ name: 'led_rollup_people_pkey', columns: [t.orgId, t.personId, t.role] })],
);

/** A region and a role: people once each, and the simple sum (each measure's people added up). A region without people has no row. */
export const ledRollupRegionCounts = pgTable(
  'led_rollup_region_counts',
  {
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    regionId: uuid('region_id').notNull(),
    role: text('role').notNull(),
    people: integer('people').notNull(),
    sum: integer('sum').notNull(),
  },
  (t) => [primaryKey({ name: 'led_rollup_region_counts_pkey', columns: [t.orgId, t.regionId, t.role] })],
);

/** An organisation and a role over all its regions: people once each, the simple sum, people on several measures and in several regions. */
export const ledRollupTotals = pgTable(
  'led_rollup_totals',
  {
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    people: integer('people').notNull(),
    sum: integer('sum').notNull(),
    inSeveralMeasures: integer('in_several_measures').notNull(),
    inSeveralRegions: integer('in_several_regions').notNull(),
  },
  (t) => [primaryKey({ name: 'led_rollup_totals_pkey', columns: [t.orgId, t.role] })],
);
