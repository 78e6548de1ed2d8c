import { and, asc, eq, ilike, ne, or, sql } from 'drizzle-orm';
import type { REGISTRATION_SORTS, Registration, RegistrationInput, RegistrationQuery } from '../../../contracts/events.js';
import { can } from '../../../contracts/permissions.js';
import { personSex } from '../../../contracts/people.js';
import { users } from '../../platform/auth/tables.js';
import { clock } from '../../platform/clock.js';
import { recordAudit } from '../../platform/audit/record.js';
import { escapeLike } from '../../platform/db/like.js';
import { sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { firmNames } from '../members/audience-service.js';
import { voidInvoiceIfUnpaid } from '../members/billing-service.js';
import { listContacts } from '../members/contact-service.js';
import { getMember } from '../members/member-service.js';
import { ownFirm } from '../members/portal-service.js';
import { roleOfUser } from '../orgs/org-service.js';
import { getEventRow } from './event-rows.js';
import { presentRegistration, type RegistrationRow } from './present.js';
import { newTicketCode, seatFor } from './seats.js';
import { eventRegistrations, eventTicketTypes } from './tables.js';
import { offerFreeSeats, seatCounts, seatTaken } from './waiting-list.js';

/** Staff register anyone; a member firm's user only the firm's own people. */
const registersAnyone = (ctx: TenantCtx) => can(ctx.role, 'events.manage');

/** The firm of a member firm's user, or null for staff (who act for any firm). */
async function callerFirm(ctx: TenantCtx): Promise<string | null> {
  return registersAnyone(ctx) ? null : (await ownFirm(ctx)).id;
}

async function asFirmError<T>(path: string, code: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.code === 'members.not_found') throw fieldError(path, code);
    throw error;
  }
}

interface Registrant {
  kind: RegistrationInput['kind'];
  memberId: string | null;
  contactId: string | null;
  userId: string | null;
  name: string;
  email: string;
  phone: string;
  sex: string;
  ageBand: string | null;
}

/** Who is registered, from the record they come from (a contact, an account) or as typed; what is missing is said field by field. */
async function registrantOf(ctx: TenantCtx, input: RegistrationInput, firm: string | null): Promise<Registrant> {
  const typed = { name: input.name.trim(), email: input.email, phone: input.phone, sex: input.sex, ageBand: input.ageBand };
  if (firm && input.kind !== 'member_contact' && input.kind !== 'member_staff') throw fieldError('kind', 'events.not_your_firm');
  if (firm && input.memberId && input.memberId !== firm) throw fieldError('memberId', 'events.not_your_firm');
  const memberId = firm ?? input.memberId;
  switch (input.kind) {
    case 'member_contact': {
      if (!memberId) throw fieldError('memberId', 'events.registrant_missing');
      if (!input.contactId) throw fieldError('contactId', 'events.registrant_missing');
      const contacts = await asFirmError('memberId', 'events.firm_not_found', () => listContacts(ctx, memberId));
      const contact = contacts.find((c) => c.id === input.contactId && !c.erasedAt);
      if (!contact) throw fieldError('contactId', 'events.contact_not_found');
      return {
        kind: input.kind, memberId, contactId: contact.id, userId: null, name: contact.name, email: (contact.email ?? '').toLowerCase(),
        phone: contact.phone ?? '', sex: personSex(contact.sex), ageBand: input.ageBand,
      };
    }
    case 'member_staff': {
      if (!memberId) throw fieldError('memberId', 'events.registrant_missing');
      if (!typed.name) throw fieldError('name', 'events.registrant_missing');
      await asFirmError('memberId', 'events.firm_not_found', () => getMember(ctx, memberId));
      return { kind: input.kind, memberId, contactId: null, userId: null, ...typed };
    }
    case 'own_staff': {
      if (!input.userId) throw fieldError('userId', 'events.registrant_missing');
      const role = await roleOfUser(ctx.tx, input.userId, ctx.orgId);
      const [user] = role ? await ctx.tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, input.userId)) : [];
      if (!user || !role || !can(role, 'events.manage')) throw fieldError('userId', 'events.staff_not_found');
      return { kind: input.kind, memberId: null, contactId: null, userId: input.userId, name: user.name, email: user.email.toLowerCase(), phone: typed.phone, sex: typed.sex, ageBand: typed.ageBand };
    }
    case 'public': {
      if (!typed.name) throw fieldError('name', 'events.registrant_missing');
      return { kind: input.kind, memberId: null, contactId: null, userId: null, ...typed };
    }
  }
}

/**
 * The same contact, account or address already holds a seat or waits for this
 * event. A member firm's user is checked against the firm's own registrations
 * only: whether another firm's person comes is not theirs to learn.
 */
async function alreadyRegistered(ctx: TenantCtx, eventId: string, who: Registrant, firm: string | null) {
  const r = eventRegistrations;
  const same = or(
    who.contactId ? eq(r.contactId, who.contactId) : undefined,
    who.userId ? eq(r.userId, who.userId) : undefined,
    who.email ? (firm ? and(eq(r.email, who.email), eq(r.memberId, firm)) : eq(r.email, who.email)) : undefined,
  );
  if (!same) return false;
  const [row] = await ctx.tx.select({ id: r.id }).from(r).where(and(eq(r.orgId, ctx.orgId), eq(r.eventId, eventId), ne(r.status, 'cancelled'), same)).limit(1);
  return !!row;
}

/** The fee of the ticket chosen: one of the event's, and for a member firm's user not one kept for staff to give (speakers, helpers). */
async function ticketFee(ctx: TenantCtx, eventId: string, ticketTypeId: string | null, firm: string | null) {
  const types = await ctx.tx.select().from(eventTicketTypes).where(and(eq(eventTicketTypes.orgId, ctx.orgId), eq(eventTicketTypes.eventId, eventId)));
  if (!ticketTypeId) {
    if (types.length) throw fieldError('ticketTypeId', 'events.ticket_type_not_found');
    return 0;
  }
  const type = types.find((t) => t.id === ticketTypeId);
  if (!type) throw fieldError('ticketTypeId', 'events.ticket_type_not_found');
  if (firm && type.staffOnly) throw fieldError('ticketTypeId', 'events.ticket_type_staff_only');
  return type.fee;
}

/** How many people one member firm's users may register for one event (seats and waiting list): the organisation mails each. */
export const FIRM_REGISTRATIONS_PER_EVENT = 10;

async function firmRegistrations(ctx: TenantCtx, eventId: string, firm: string) {
  const r = eventRegistrations;
  const [row] = await ctx.tx.select({ n: sql<number>`count(*)::int` }).from(r)
    .where(and(eq(r.orgId, ctx.orgId), eq(r.eventId, eventId), eq(r.memberId, firm), ne(r.status, 'cancelled')));
  return Number(row?.n ?? 0);
}

/** Inserts with a fresh random code; a code already used in the organisation (about never) is drawn again. */
async function insertRegistration(ctx: TenantCtx, values: Omit<typeof eventRegistrations.$inferInsert, 'orgId' | 'ticketCode'>) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const [row] = await ctx.tx.insert(eventRegistrations).values({ ...values, orgId: ctx.orgId, ticketCode: newTicketCode() }).onConflictDoNothing().returning();
    if (row) return row;
  }
  throw new Error('no free ticket code after 5 draws');
}

/**
 * Registers someone for an event. The event's row is locked first, so the
 * seats are counted with no one else registering or cancelling meanwhile:
 * two people asking for the last seat at once get it one after the other,
 * and the second waits. A seat taken with a fee is invoiced to the member
 * firm at once; one on the waiting list when it gets a seat.
 */
export async function registerFor(ctx: TenantCtx, eventId: string, input: RegistrationInput): Promise<Registration> {
  const event = await getEventRow(ctx, eventId, true);
  if (event.external) throw new AppError('events.external');
  const firm = await callerFirm(ctx);
  // Staff may register people for a draft they are preparing; members only once it is published.
  if (event.state === 'cancelled' || (firm && event.state !== 'published')) throw new AppError('events.not_open');
  const who = await registrantOf(ctx, input, firm);
  if (event.audience === 'members' && who.kind === 'public') throw fieldError('kind', 'events.members_only');
  // A firm's users register a few of their people, not a mailing list: the organisation writes to each address.
  if (firm && (await firmRegistrations(ctx, eventId, firm)) >= FIRM_REGISTRATIONS_PER_EVENT) throw new AppError('events.firm_limit', { max: FIRM_REGISTRATIONS_PER_EVENT });
  if (await alreadyRegistered(ctx, eventId, who, firm)) throw new AppError('events.already_registered');
  const fee = await ticketFee(ctx, eventId, input.ticketTypeId, firm);
  const status = seatFor(event.capacity, (await seatCounts(ctx, eventId)).registered);
  const row = await insertRegistration(ctx, { eventId, ticketTypeId: input.ticketTypeId, status, ...who, fee });
  // On a draft the seat is taken without invoice or mail: publishing sends both (waiting-list.ts, confirmDraftSeats).
  const invoiceId = status === 'registered' ? await seatTaken(ctx, event, row, 'event_registration') : null;
  await recordAudit(ctx, {
    action: 'event_registration.create', entityType: 'event_registration', entityId: row.id,
    after: { eventId, status, kind: who.kind, name: who.name, email: who.email, memberId: who.memberId, ticketTypeId: input.ticketTypeId, fee, invoiceId },
  });
  return getRegistration(ctx, eventId, row.id);
}

/**
 * Cancels a registration. A seat given back goes, in the same transaction,
 * to the first one waiting (who is invoiced and mailed), unless the event is
 * over; an unpaid invoice of the cancelled seat is voided, a paid one stays
 * for the firm and staff to settle. A member firm's user cancels only before
 * the event starts and before the person was ticked present; staff cancel
 * any time, and an attended seat keeps its invoice (the person came).
 */
export async function cancelRegistration(ctx: TenantCtx, eventId: string, registrationId: string, now = clock.now()) {
  const event = await getEventRow(ctx, eventId, true);
  const firm = await callerFirm(ctx);
  const r = eventRegistrations;
  const [reg] = await ctx.tx.select().from(r).where(and(eq(r.orgId, ctx.orgId), eq(r.eventId, eventId), eq(r.id, registrationId))).for('update');
  if (!reg || (firm && reg.memberId !== firm)) throw new AppError('events.registration_not_found');
  if (reg.status === 'cancelled') throw new AppError('events.already_cancelled');
  if (firm && (reg.attendedAt || event.startsAt <= now)) throw new AppError('events.too_late');
  await ctx.tx.update(r).set({ status: 'cancelled', cancelledAt: sql`now()`, updatedAt: sql`now()` }).where(and(eq(r.orgId, ctx.orgId), eq(r.id, registrationId)));
  const voided = reg.invoiceId && !reg.attendedAt ? await voidInvoiceIfUnpaid(ctx, reg.invoiceId) : false;
  await recordAudit(ctx, {
    action: 'event_registration.cancel', entityType: 'event_registration', entityId: registrationId,
    before: { status: reg.status }, after: { status: 'cancelled', eventId, invoiceVoided: voided, attended: reg.attendedAt !== null },
  });
  const promoted = reg.status === 'registered' ? await offerFreeSeats(ctx, event, now) : [];
  return { promoted };
}

async function present(ctx: TenantCtx, eventId: string, rows: RegistrationRow[]): Promise<Registration[]> {
  const firms = await firmNames(ctx, [...new Set(rows.flatMap((r) => (r.memberId ? [r.memberId] : [])))]);
  const types = await ctx.tx.select().from(eventTicketTypes).where(and(eq(eventTicketTypes.orgId, ctx.orgId), eq(eventTicketTypes.eventId, eventId)));
  const ticketTypes = new Map(types.map((t) => [t.id, t]));
  // Places on the waiting list count everyone waiting, also those of other firms a member does not see.
  const waiting = await ctx.tx.select({ id: eventRegistrations.id }).from(eventRegistrations)
    .where(and(eq(eventRegistrations.orgId, ctx.orgId), eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, 'waiting')))
    .orderBy(asc(eventRegistrations.seq));
  const places = new Map(waiting.map((w, i) => [w.id, i + 1]));
  return rows.map((r) => presentRegistration(r, { firms, ticketTypes, waitingPlace: places.get(r.id) ?? null }));
}

/** The columns an event's registrations sort by (contracts' REGISTRATION_SORTS). */
const REGISTRATION_LIST: SortedList<(typeof REGISTRATION_SORTS)[number]> = {
  id: eventRegistrations.id,
  columns: {
    // Seats, then the waiting list in its order, then the cancelled: the status's rank before the sequence, in one number.
    status: { by: sql`(CASE ${eventRegistrations.status} WHEN 'registered' THEN 0 WHEN 'waiting' THEN 1 ELSE 2 END)::bigint * 1000000000000 + ${eventRegistrations.seq}`, type: 'bigint' },
    name: { by: sql`lower(${eventRegistrations.name})`, type: 'text' },
    registered: { by: eventRegistrations.seq, type: 'bigint' },
  },
};

/**
 * A page of an event's registrations, by default those with a seat, then the
 * waiting list in its order, then the cancelled. Staff see everyone; a member
 * firm's user only the firm's own people.
 */
export async function registrationPage(ctx: TenantCtx, eventId: string, query: RegistrationQuery) {
  await getEventRow(ctx, eventId);
  const firm = await callerFirm(ctx);
  const r = eventRegistrations;
  const pattern = query.q ? `%${escapeLike(query.q)}%` : null;
  const page = await sortedPage(REGISTRATION_LIST, query, (k) => ctx.tx.select({ row: r, k }).from(r).$dynamic(), [
    eq(r.orgId, ctx.orgId),
    eq(r.eventId, eventId),
    firm ? eq(r.memberId, firm) : undefined,
    query.status ? eq(r.status, query.status) : undefined,
    pattern ? or(ilike(r.name, pattern), ilike(r.email, pattern), ilike(r.ticketCode, pattern)) : undefined,
  ], (x) => x.row.id);
  return { items: await present(ctx, eventId, page.items.map((x) => x.row)), nextCursor: page.nextCursor };
}

/** Every registration of an event the person may see, in the list's first order: for the modules built on events (training, the demo). */
export async function listRegistrations(ctx: TenantCtx, eventId: string): Promise<Registration[]> {
  const all: Registration[] = [];
  let cursor: string | undefined;
  do {
    const page = await registrationPage(ctx, eventId, { sort: 'status', limit: 500, cursor });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/** One registration as the event's page shows it (after a change). */
async function getRegistration(ctx: TenantCtx, eventId: string, id: string): Promise<Registration> {
  const r = eventRegistrations;
  const rows = await ctx.tx.select().from(r).where(and(eq(r.orgId, ctx.orgId), eq(r.eventId, eventId), eq(r.id, id)));
  return (await present(ctx, eventId, rows))[0]!;
}
