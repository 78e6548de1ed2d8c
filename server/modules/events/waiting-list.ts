import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { orgMailLocale } from '../../platform/i18n/i18n.js';
import { queueMail, type MailKind } from '../../platform/mail/queue-mail.js';
import { orgClock } from '../../platform/org-clock.js';
import { clockFormat, todayIn } from '../../platform/time.js';
import { clock } from '../../platform/clock.js';
import { issueInvoice, voidInvoiceIfUnpaid } from '../members/billing-service.js';
import { getCurrentOrg } from '../orgs/org-service.js';
import { eventCalendar } from './calendar.js';
import type { EventRow, RegistrationRow } from './present.js';
import { seatsToOffer } from './seats.js';
import { eventRegistrations } from './tables.js';

/** How many hold a seat and how many wait; read with the event row locked, so no one else changes them meanwhile. */
export async function seatCounts(ctx: TenantCtx, eventId: string) {
  const r = eventRegistrations;
  const [row] = await ctx.tx
    .select({
      registered: sql<number>`count(*) FILTER (WHERE ${r.status} = 'registered')::int`,
      waiting: sql<number>`count(*) FILTER (WHERE ${r.status} = 'waiting')::int`,
    })
    .from(r)
    .where(and(eq(r.orgId, ctx.orgId), eq(r.eventId, eventId)));
  return { registered: Number(row!.registered), waiting: Number(row!.waiting) };
}

/** The event's day on the organisation's calendar (`YYYY-MM-DD`): an invoice's period, a participation's date. */
export const eventDay = (event: EventRow, timeZone: string) => todayIn(timeZone, event.startsAt);

/**
 * The language the organisation writes to those registered in: its first
 * working language, else English, whoever acted (as the reminders job does).
 */
export const eventMailLocale = (languages: string[]) => orgMailLocale(languages, 'en');

/**
 * What follows from holding a seat: a member firm's person with a ticket that
 * costs something is invoiced to the firm (through members' billing), and
 * whoever has an address gets the ticket code and the event's calendar file.
 * Nothing while the event is a draft: publishing it does this for the seats
 * taken meanwhile (`confirmDraftSeats`). `confirmed_at` says it was done.
 */
export async function seatTaken(ctx: TenantCtx, event: EventRow, reg: RegistrationRow, mail: Extract<MailKind, 'event_registration' | 'event_seat_confirmed'>) {
  if (event.state === 'draft') return reg.invoiceId;
  const org = await getCurrentOrg(ctx);
  const orgTime = orgClock(org);
  let invoiceId: string | null = reg.invoiceId;
  if (reg.fee > 0 && reg.memberId && !reg.invoiceId) {
    const day = eventDay(event, orgTime.timeZone);
    const today = todayIn(orgTime.timeZone, clock.now());
    const invoice = await issueInvoice(ctx, { memberId: reg.memberId, amount: reg.fee, issuedOn: today, periodStart: day, periodEnd: day, reason: `event:${event.id}` });
    invoiceId = invoice.id;
  }
  await ctx.tx.update(eventRegistrations).set({ invoiceId, confirmedAt: sql`now()` }).where(and(eq(eventRegistrations.orgId, ctx.orgId), eq(eventRegistrations.id, reg.id)));
  if (reg.email) {
    const locale = eventMailLocale(org.languages);
    const when = clockFormat(orgTime, locale).meetingTime(event.startsAt);
    const ics = await eventCalendar(event, { when, orgName: org.name, ticketCode: reg.ticketCode });
    await queueMail(ctx.tx, {
      orgId: ctx.orgId, kind: mail, to: reg.email, locale,
      params: { name: reg.name, title: event.title, orgName: org.name, when, location: event.venue || event.onlineUrl || '—', code: reg.ticketCode },
      attachments: [{ filename: 'event.ics', contentType: 'text/calendar; charset=utf-8', content: ics }],
    });
  }
  return invoiceId;
}

/**
 * An event published: the seats taken while it was a draft (registered by
 * staff, or given from the waiting list) are invoiced where due and mailed
 * now, each with an audit entry. The caller holds the event's row lock.
 */
export async function confirmDraftSeats(ctx: TenantCtx, event: EventRow): Promise<number> {
  if (event.external || event.state !== 'published') return 0;
  const r = eventRegistrations;
  const seats = await ctx.tx.select().from(r)
    .where(and(eq(r.orgId, ctx.orgId), eq(r.eventId, event.id), eq(r.status, 'registered'), isNull(r.confirmedAt)))
    .orderBy(asc(r.seq))
    .for('update');
  for (const reg of seats) {
    const invoiceId = await seatTaken(ctx, event, reg, 'event_registration');
    await recordAudit(ctx, { action: 'event_registration.confirm', entityType: 'event_registration', entityId: reg.id, after: { eventId: event.id, invoiceId, email: reg.email } });
  }
  return seats.length;
}

/**
 * Gives free seats to those waiting, first come first served (the order of
 * `seq`), in the caller's transaction. The caller holds the event's row lock
 * (getEventRow(…, true)), so two cancellations or a cancellation and a new
 * registration cannot hand out the same seat. Each promoted person is
 * invoiced where a fee is due and mailed; each gets an audit entry. An event
 * that has ended gives no seat: the waiting list stays as it was.
 */
export async function offerFreeSeats(ctx: TenantCtx, event: EventRow, now = clock.now()): Promise<string[]> {
  // Nobody is promoted into an event that is over (nor invoiced or mailed for it).
  if (event.external || event.state === 'cancelled' || event.endsAt <= now) return [];
  const counts = await seatCounts(ctx, event.id);
  const n = seatsToOffer(event.capacity, counts.registered, counts.waiting);
  if (n === 0) return [];
  const r = eventRegistrations;
  const next = await ctx.tx.select().from(r)
    .where(and(eq(r.orgId, ctx.orgId), eq(r.eventId, event.id), eq(r.status, 'waiting')))
    .orderBy(asc(r.seq))
    .limit(n)
    .for('update');
  const promoted: string[] = [];
  for (const reg of next) {
    await ctx.tx.update(r).set({ status: 'registered', updatedAt: sql`now()` }).where(and(eq(r.orgId, ctx.orgId), eq(r.id, reg.id)));
    const invoiceId = await seatTaken(ctx, event, { ...reg, status: 'registered' }, 'event_seat_confirmed');
    await recordAudit(ctx, { action: 'event_registration.promote', entityType: 'event_registration', entityId: reg.id, before: { status: 'waiting' }, after: { status: 'registered', eventId: event.id, invoiceId } });
    promoted.push(reg.id);
  }
  return promoted;
}

/**
 * An event called off: the unpaid invoices of its seats are voided (a paid
 * one stays for staff to settle with the firm), and everyone registered or
 * waiting who has an address is told. A draft called off tells only those
 * told of their seat before (an earlier publication): the others never heard
 * of it. The registrations stay as they were.
 */
export async function eventCancelled(ctx: TenantCtx, event: EventRow) {
  const r = eventRegistrations;
  const regs = await ctx.tx.select().from(r).where(and(eq(r.orgId, ctx.orgId), eq(r.eventId, event.id), ne(r.status, 'cancelled')));
  let voided = 0;
  for (const reg of regs) if (reg.invoiceId && (await voidInvoiceIfUnpaid(ctx, reg.invoiceId))) voided++;
  const org = await getCurrentOrg(ctx);
  const locale = eventMailLocale(org.languages);
  const when = clockFormat(orgClock(org), locale).meetingTime(event.startsAt);
  const told = regs.filter((reg) => reg.email && (event.state !== 'draft' || reg.confirmedAt));
  for (const reg of told) {
    await queueMail(ctx.tx, { orgId: ctx.orgId, kind: 'event_cancelled', to: reg.email, locale, params: { name: reg.name, title: event.title, orgName: org.name, when } });
  }
  return { voided, told: told.length };
}
