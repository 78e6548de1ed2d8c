import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { sameOrgForeignKey } from '../../platform/db/tenant-keys.js';
import { orgs } from '../../platform/tenants/tables.js';
import { members } from '../members/tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const orgId = () => uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' });

/**
 * A person the programmes reached. The organisation's id is in every key
 * (as migration 0031 does for every tenant table), so the table can be
 * distributed by organisation. A record merged into another
 * stays, pointing at it (`merged_into_id`), so ids other modules hold still
 * lead somewhere; lists, matches and counts skip it.
 */
export const people = pgTable(
  'people',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    // Generated in the database (migration 0032): the words of the name, lower case,
    // without accents (f_unaccent, as firms' names), sorted, so "Mensah Ama" = "Ama Mensah".
    nameKey: text('name_key').generatedAlwaysAs(sql`people_name_key(name)`),
    sex: text('sex').notNull().default('not_stated'),
    birthYear: integer('birth_year'),
    ageBand: text('age_band'),
    phone: text('phone').notNull().default(''),
    // The phone's digits as compared (match-keys.ts), null when it has too few.
    phoneKey: text('phone_key'),
    email: text('email').notNull().default(''),
    emailKey: text('email_key'),
    memberId: uuid('member_id'),
    branchId: uuid('branch_id').references(() => orgs.id, { onDelete: 'set null' }),
    notes: text('notes').notNull().default(''),
    mergedIntoId: uuid('merged_into_id'),
    mergedAt: ts('merged_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'people_pkey', columns: [t.id, t.orgId] }),
    // Migration 0032 writes ON DELETE SET NULL (member_id): the person keeps their organisation.
    sameOrgForeignKey(t.orgId, t.memberId, members).onDelete('set null'),
    foreignKey({ name: 'people_merged_into_fk', columns: [t.orgId, t.mergedIntoId], foreignColumns: [t.orgId, t.id] }),
    index('people_org_name_idx').on(t.orgId, t.name, t.id),
    index('people_org_name_key_idx').on(t.orgId, t.nameKey),
    index('people_org_phone_idx').on(t.orgId, t.phoneKey),
    index('people_org_email_idx').on(t.orgId, t.emailKey),
    index('people_org_member_idx').on(t.orgId, t.memberId),
    index('people_org_branch_idx').on(t.orgId, t.branchId),
    // Migration 0060: the records merged into a person (recordsOfPerson), without a scan of every person.
    index('people_org_merged_into_idx').on(t.orgId, t.mergedIntoId),
    check('people_sex_check', sql`${t.sex} IN ('female', 'male', 'not_stated')`),
    check('people_age_band_check', sql`${t.ageBand} IS NULL OR ${t.ageBand} IN ('under_15', '15_24', '25_34', '35_plus')`),
    check('people_birth_year_check', sql`${t.birthYear} IS NULL OR ${t.birthYear} BETWEEN 1900 AND 2100`),
    check('people_one_age_check', sql`${t.birthYear} IS NULL OR ${t.ageBand} IS NULL`),
    check('people_not_merged_into_self', sql`${t.mergedIntoId} IS NULL OR ${t.mergedIntoId} <> ${t.id}`),
  ],
);

/**
 * One time a person took part in something a module records: a course's
 * attendance, an LED measure's new job, a trainer's session. Written by the
 * owning module through participation-service.ts; the results count people
 * once across all of them.
 */
export const personParticipations = pgTable(
  'person_participations',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    /** What kind of activity: `course`, `tot`, `measure`, `event`… */
    kind: text('kind').notNull(),
    /** The module that owns the record: `training`, `led`, `network`… */
    source: text('source').notNull(),
    sourceId: uuid('source_id').notNull(),
    role: text('role').notNull(),
    occurredOn: date('occurred_on').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'person_participations_pkey', columns: [t.id, t.orgId] }),
    foreignKey({ name: 'person_participations_person_fk', columns: [t.orgId, t.personId], foreignColumns: [people.orgId, people.id] as [AnyPgColumn, AnyPgColumn] }).onDelete('cascade'),
    uniqueIndex('person_participations_once_key').on(t.orgId, t.source, t.sourceId, t.personId, t.role, t.occurredOn),
    index('person_participations_person_idx').on(t.orgId, t.personId, t.occurredOn),
    index('person_participations_kind_idx').on(t.orgId, t.kind, t.occurredOn),
    check('person_participations_slugs_check', sql`${t.kind} ~ '^[a-z][a-z0-9_]{0,39}$' AND ${t.source} ~ '^[a-z][a-z0-9_]{0,39}$'`),
    check('person_participations_role_check', sql`${t.role} IN ('participant', 'trainer', 'new_job', 'higher_income')`),
  ],
);
