import { customType, integer, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/tenants/tables.js';

/*
 * The lineage report's stored reach (issue 19, migration 0070). Written only by
 * the database (`training_reach_refresh`, fired by triggers on
 * person_participations and training_course_trainers, so a write by the people
 * module — a merge, a person removed — keeps them exact too); the app reads
 * them. Nothing here depends on the tree of trainers: the report maps each
 * set's trainers to their current record and generation when it reads.
 */

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** A participant and the trainers (ids as training_course_trainers holds them, sorted, once each) of the courses they attended. */
export const trainingReachPeople = pgTable(
  'training_reach_people',
  {
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull(),
    trainers: uuid('trainers').array().notNull(),
  },
  (t) => [primaryKey({ name: 'training_reach_people_pkey', columns: [t.orgId, t.personId] })],
);

/** A set of trainers and how many people exactly that set reached (keyed by a digest of the sorted ids). */
export const trainingReachSets = pgTable(
  'training_reach_sets',
  {
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    trainersKey: bytea('trainers_key').notNull(),
    trainers: uuid('trainers').array().notNull(),
    people: integer('people').notNull(),
  },
  (t) => [primaryKey({ name: 'training_reach_sets_pkey', columns: [t.orgId, t.trainersKey] })],
);
