import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/tables.js';
import { sameOrgForeignKey } from '../../platform/db/tenant-keys.js';
import { orgs } from '../../platform/tenants/tables.js';
import { invoices, memberContacts, members } from '../members/tables.js';
import { people } from '../people/tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const orgId = () => uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' });

/**
 * An event of the organisation, or someone else's (`external`: a fair members
 * should know of, listed without registration). The organisation's id is in
 * every key (migration 0031's rule).
 */
export const events = pgTable(
  'events',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    state: text('state').notNull().default('draft'),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    venue: text('venue').notNull().default(''),
    onlineUrl: text('online_url').notNull().default(''),
    description: text('description').notNull().default(''),
    capacity: integer('capacity'),
    audience: text('audience').notNull().default('members'),
    branchId: uuid('branch_id').references(() => orgs.id, { onDelete: 'set null' }),
    external: boolean('external').notNull().default(false),
    organiser: text('organiser').notNull().default(''),
    publishedAt: ts('published_at'),
    /** When the day-before reminder went out (reminders.ts); null until then. */
    remindedAt: ts('reminded_at'),
    /**
     * The key the self check-in QR codes are signed with (self-check-in.ts), 32
     * random bytes in base64url; null while self check-in is off. Never presented.
     */
    selfCheckInKey: text('self_check_in_key'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'events_pkey', columns: [t.id, t.orgId] }),
    index('events_org_starts_idx').on(t.orgId, t.startsAt, t.id),
    index('events_starts_idx').on(t.startsAt),
    check('events_kind_check', sql`${t.kind} IN ('workshop', 'trade_fair', 'b2b_day', 'networking_evening', 'training_session', 'led_meeting', 'other')`),
    check('events_state_check', sql`${t.state} IN ('draft', 'published', 'cancelled')`),
    check('events_audience_check', sql`${t.audience} IN ('members', 'public')`),
    check('events_capacity_check', sql`${t.capacity} IS NULL OR ${t.capacity} > 0`),
    check('events_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** A kind of ticket and its fee (minor units of the organisation's currency); members are invoiced it. */
export const eventTicketTypes = pgTable(
  'event_ticket_types',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    eventId: uuid('event_id').notNull(),
    name: text('name').notNull(),
    fee: bigint('fee', { mode: 'number' }).notNull().default(0),
    /** Taken only by staff registering someone (speakers, helpers): a member firm's user cannot pick it. */
    staffOnly: boolean('staff_only').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'event_ticket_types_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.eventId, events).onDelete('cascade'),
    index('event_ticket_types_event_idx').on(t.orgId, t.eventId),
    check('event_ticket_types_fee_check', sql`${t.fee} >= 0`),
  ],
);

/**
 * One person registered for an event: a member firm's contact or other
 * person, one of the organisation's own staff, or a member of the public.
 * Registered or waiting (in the order of `seq`: a sequence, never the clock),
 * or cancelled. The ticket code is random and unique within the organisation.
 */
export const eventRegistrations = pgTable(
  'event_registrations',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    eventId: uuid('event_id').notNull(),
    ticketTypeId: uuid('ticket_type_id'),
    status: text('status').notNull(),
    kind: text('kind').notNull(),
    memberId: uuid('member_id'),
    contactId: uuid('contact_id'),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    email: text('email').notNull().default(''),
    phone: text('phone').notNull().default(''),
    sex: text('sex').notNull().default('not_stated'),
    ageBand: text('age_band'),
    fee: bigint('fee', { mode: 'number' }).notNull().default(0),
    invoiceId: uuid('invoice_id'),
    /** When the seat's invoice and mail went out (waiting-list.ts, seatTaken); null while waiting or while the event is a draft. */
    confirmedAt: ts('confirmed_at'),
    ticketCode: text('ticket_code').notNull(),
    attendedAt: ts('attended_at'),
    checkedInBy: text('checked_in_by'),
    personId: uuid('person_id'),
    cancelledAt: ts('cancelled_at'),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'event_registrations_pkey', columns: [t.id, t.orgId] }),
    sameOrgForeignKey(t.orgId, t.eventId, events).onDelete('cascade'),
    sameOrgForeignKey(t.orgId, t.ticketTypeId, eventTicketTypes),
    // Migration 0036 writes ON DELETE SET NULL (x_id) for these: the registration keeps its organisation.
    sameOrgForeignKey(t.orgId, t.memberId, members).onDelete('set null'),
    sameOrgForeignKey(t.orgId, t.contactId, memberContacts).onDelete('set null'),
    sameOrgForeignKey(t.orgId, t.invoiceId, invoices),
    sameOrgForeignKey(t.orgId, t.personId, people).onDelete('set null'),
    uniqueIndex('event_registrations_code_key').on(t.ticketCode, t.orgId),
    index('event_registrations_event_idx').on(t.orgId, t.eventId, t.status, t.seq),
    index('event_registrations_member_idx').on(t.orgId, t.memberId),
    // Migration 0060: one person's check-ins (attendanceOf with people), without a scan of a large session's registrations.
    index('event_registrations_person_idx').on(t.orgId, t.personId),
    check('event_registrations_status_check', sql`${t.status} IN ('registered', 'waiting', 'cancelled')`),
    check('event_registrations_kind_check', sql`${t.kind} IN ('member_contact', 'member_staff', 'own_staff', 'public')`),
    check('event_registrations_sex_check', sql`${t.sex} IN ('female', 'male', 'not_stated')`),
    check('event_registrations_age_band_check', sql`${t.ageBand} IS NULL OR ${t.ageBand} IN ('under_15', '15_24', '25_34', '35_plus')`),
    check('event_registrations_fee_check', sql`${t.fee} >= 0`),
  ],
);

/**
 * The events module's settings (migration 0073): whether the other
 * organisations of the federation (umbrella, branches) see this one's
 * published events (federation-service.ts). No row: not shared.
 */
export const eventSettings = pgTable(
  'event_settings',
  {
    orgId: orgId(),
    shareWithFederation: boolean('share_with_federation').notNull().default(false),
    /** How the federation's others register for a shared event (migration 0080): there is no public registration page. */
    registrationContact: text('registration_contact').notNull().default(''),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'event_settings_pkey', columns: [t.orgId] }),
    check('event_settings_registration_contact_check', sql`length(${t.registrationContact}) <= 300`),
  ],
);
