import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sameOrgForeignKey } from '../../platform/db/tenant-keys.js';
import { orgs } from '../../platform/tenants/tables.js';
import { eventRegistrations, events } from '../events/tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const orgId = () => uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' });

/** What the scheduler's last run left unplaced, with its reason (contracts/b2b.ts, B2bUnplaced without names). */
export interface StoredUnplaced {
  requestId: string;
  reason: string;
  params: Record<string, string | number>;
}

/**
 * An event's matchmaking: its time slots (start, length, count, breaks), its
 * tables and the deadline for requests (migration 0045). One per event.
 */
export const b2bSettings = pgTable(
  'b2b_settings',
  {
    orgId: orgId(),
    eventId: uuid('event_id').notNull(),
    firstSlotAt: ts('first_slot_at').notNull(),
    slotMinutes: integer('slot_minutes').notNull(),
    slotCount: integer('slot_count').notNull(),
    breaks: jsonb('breaks').$type<Array<{ afterSlot: number; minutes: number }>>().notNull().default(sql`'[]'::jsonb`),
    tableCount: integer('table_count').notNull(),
    tableNames: jsonb('table_names').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    requestDeadline: ts('request_deadline').notNull(),
    scheduledAt: ts('scheduled_at'),
    unplaced: jsonb('unplaced').$type<StoredUnplaced[]>().notNull().default(sql`'[]'::jsonb`),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'b2b_settings_pkey', columns: [t.eventId, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.eventId, events).onDelete('cascade'),
    check('b2b_settings_slots_check', sql`${t.slotCount} > 0 AND ${t.slotMinutes} > 0 AND ${t.tableCount} > 0`),
  ],
);

/**
 * A participant: a registration of the event's, with what it offers and
 * seeks, its sectors, the slots it can attend (null: all) and its agenda's
 * issue (version, changed after a late change).
 */
export const b2bProfiles = pgTable(
  'b2b_profiles',
  {
    orgId: orgId(),
    registrationId: uuid('registration_id').notNull(),
    eventId: uuid('event_id').notNull(),
    offer: text('offer').notNull().default(''),
    seek: text('seek').notNull().default(''),
    sectors: jsonb('sectors').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    available: jsonb('available').$type<number[] | null>(),
    agendaVersion: integer('agenda_version').notNull().default(0),
    agendaChanged: boolean('agenda_changed').notNull().default(false),
    agendaIssuedAt: ts('agenda_issued_at'),
    /** The agenda last issued (request ids with slot and table): what a late change is compared with. */
    agendaIssued: jsonb('agenda_issued').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'b2b_profiles_pkey', columns: [t.registrationId, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.registrationId, eventRegistrations).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.eventId, events).onDelete('cascade'),
    index('b2b_profiles_event_idx').on(t.orgId, t.eventId),
  ],
);

/**
 * A request for a meeting from one participant to another; once accepted it is
 * a meeting, placed by the scheduler at a slot and a table. A pending request
 * past the deadline reads as expired (computed on read, README.md).
 */
export const b2bRequests = pgTable(
  'b2b_requests',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    eventId: uuid('event_id').notNull(),
    fromRegistrationId: uuid('from_registration_id').notNull(),
    toRegistrationId: uuid('to_registration_id').notNull(),
    message: text('message').notNull().default(''),
    status: text('status').notNull().default('pending'),
    slot: integer('slot'),
    tableNo: integer('table_no'),
    answeredAt: ts('answered_at'),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'b2b_requests_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.eventId, events).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.fromRegistrationId, eventRegistrations).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.toRegistrationId, eventRegistrations).onDelete('cascade'),
    index('b2b_requests_event_idx').on(t.orgId, t.eventId, t.seq),
    // One live request per pair and direction; the service refuses the other direction too.
    uniqueIndex('b2b_requests_pair_key').on(t.eventId, t.fromRegistrationId, t.toRegistrationId, t.orgId).where(sql`${t.status} IN ('pending', 'accepted')`),
    check('b2b_requests_status_check', sql`${t.status} IN ('pending', 'accepted', 'declined', 'cancelled')`),
    check('b2b_requests_not_self', sql`${t.fromRegistrationId} <> ${t.toRegistrationId}`),
  ],
);
