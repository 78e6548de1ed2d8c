import { integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/tenants/tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * The boundary file of an organisation's LED map (issue 17.9, migration 0057):
 * one per organisation, GeoJSON as uploaded (checked by `geojson.ts` before it
 * is stored), and the property of its features that names a region.
 */
export const ledBoundaries = pgTable(
  'led_boundaries',
  {
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    fileName: text('file_name').notNull(),
    geojson: text('geojson').notNull(),
    property: text('property').notNull(),
    featureCount: integer('feature_count').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'led_boundaries_pkey', columns: [t.id, t.orgId] }),
    uniqueIndex('led_boundaries_org_key').on(t.orgId),
  ],
);
