import { and, asc, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { normaliseTicketCode, type CheckInInput, type CheckInList, type CheckInResult } from '../../../contracts/events.js';
import type { AgeBand } from '../../../contracts/people.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { recordAudits } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { firmNames } from '../members/audience-service.js';
import { currentOrgClock } from '../orgs/org-service.js';
import { recordParticipations } from '../people/participation-service.js';
import { recordPerson } from '../people/person-service.js';
import { getEventRow } from './event-rows.js';
import type { EventRow, RegistrationRow } from './present.js';
import { eventRegistrations, eventTicketTypes } from './tables.js';
import { eventDay } from './waiting-list.js';

/** What a phone downloads before the doors open: everyone holding a seat, with the code on their ticket. */
export async function checkInList(ctx: TenantCtx, eventId: string): Promise<CheckInList> {
  const event = await getEventRow(ctx, eventId);
  const r = eventRegistrations;
  const rows = await ctx.tx.select().from(r)
    .where(and(eq(r.orgId, ctx.orgId), eq(r.eventId, eventId), eq(r.status, 'registered')))
    .orderBy(asc(r.name), asc(r.seq));
  const firms = await firmNames(ctx, [...new Set(rows.flatMap((x) => (x.memberId ? [x.memberId] : [])))]);
  const types = new Map((await ctx.tx.select().from(eventTicketTypes).where(and(eq(eventTicketTypes.orgId, ctx.orgId), eq(eventTicketTypes.eventId, eventId)))).map((t) => [t.id, t.name]));
  return {
    event: { id: event.id, title: event.title, startsAt: event.startsAt.toISOString(), endsAt: event.endsAt.toISOString(), venue: event.venue },
    items: rows.map((x) => ({
      id: x.id, name: x.name, firm: x.memberId ? (firms.get(x.memberId) ?? null) : null, ticketType: x.ticketTypeId ? (types.get(x.ticketTypeId) ?? null) : null,
      ticketCode: x.ticketCode, attended: x.attendedAt !== null,
    })),
  };
}

/**
 * The person of the people module this attendee is: the one recorded at an
 * earlier event for the same contact or account, else the people module's
 * own matching (the same phone or e-mail is the same person), else a new one.
 */
async function personOf(ctx: TenantCtx, event: EventRow, reg: RegistrationRow): Promise<string> {
  const r = eventRegistrations;
  const sameOrigin = reg.contactId ? eq(r.contactId, reg.contactId) : reg.userId ? eq(r.userId, reg.userId) : undefined;
  if (sameOrigin) {
    const [earlier] = await ctx.tx.select({ personId: r.personId }).from(r).where(and(eq(r.orgId, ctx.orgId), sameOrigin, isNotNull(r.personId))).limit(1);
    if (earlier?.personId) return earlier.personId;
  }
  const recorded = await recordPerson(ctx, {
    name: reg.name, sex: reg.sex as 'female' | 'male' | 'not_stated', birthYear: null, ageBand: reg.ageBand as AgeBand | null,
    phone: reg.phone, email: reg.email, memberId: reg.memberId, branchId: event.branchId, notes: '',
  });
  return recorded.id;
}

/**
 * Ticks people present, by registration or by the code on their ticket, as a
 * phone sends them once it has a connection. Ticking someone ticked before,
 * or sending the same list twice, changes nothing: the tick is made only
 * where none is (one statement, so two phones ticking the same person at
 * once tick them once). Each newly ticked attendee becomes a person of the
 * people module, with a participation of the event's kind on its day
 * (`source` events): results count each person once across events.
 */
export async function checkIn(ctx: TenantCtx, eventId: string, input: CheckInInput): Promise<CheckInResult> {
  const event = await getEventRow(ctx, eventId);
  if (event.external || event.state !== 'published') throw new AppError('events.not_open');
  const r = eventRegistrations;
  const ids = [...new Set(input.items.flatMap((i) => (i.registrationId ? [i.registrationId] : [])))];
  const codes = [...new Set(input.items.flatMap((i) => (i.ticketCode ? [normaliseTicketCode(i.ticketCode)] : [])))].filter((c) => c.length > 0 && c.length <= 20);
  const found = ids.length || codes.length
    ? await ctx.tx.select().from(r).where(and(
      eq(r.orgId, ctx.orgId), eq(r.eventId, eventId), eq(r.status, 'registered'),
      sql`(${ids.length ? inArray(r.id, ids) : sql`false`} OR ${codes.length ? inArray(r.ticketCode, codes) : sql`false`})`,
    ))
    : [];
  const known = new Set(found.flatMap((f) => [f.id, f.ticketCode]));
  const unknown = [...ids.filter((i) => !known.has(i)), ...codes.filter((c) => !known.has(c))];
  const ticked = found.length
    ? await ctx.tx.update(r).set({ attendedAt: sql`now()`, checkedInBy: ctx.actor.name, updatedAt: sql`now()` })
      // Still holding a seat: one cancelled since it was read above (another transaction) is not ticked.
      .where(and(eq(r.orgId, ctx.orgId), eq(r.eventId, eventId), inArray(r.id, found.map((f) => f.id)), eq(r.status, 'registered'), isNull(r.attendedAt)))
      .returning()
    : [];
  const newly = new Set(ticked.map((t) => t.id));
  // Found but not ticked now: ticked before (or by another phone meanwhile), or cancelled meanwhile, which is no ticket.
  const missed = found.filter((f) => !newly.has(f.id));
  const gone = missed.length
    ? new Set((await ctx.tx.select({ id: r.id }).from(r).where(and(eq(r.orgId, ctx.orgId), inArray(r.id, missed.map((f) => f.id)), ne(r.status, 'registered')))).map((x) => x.id))
    : new Set<string>();
  const already = missed.filter((f) => !gone.has(f.id)).map((f) => f.id);
  unknown.push(...missed.filter((f) => gone.has(f.id)).map((f) => (ids.includes(f.id) ? f.id : f.ticketCode)));
  if (!ticked.length) {
    nothingChanged();
    return { checkedIn: [], already, unknown };
  }
  const on = eventDay(event, (await currentOrgClock(ctx)).timeZone);
  const personIds = new Map<string, string>();
  for (const reg of ticked) {
    const personId = await personOf(ctx, event, reg);
    personIds.set(reg.id, personId);
    await ctx.tx.update(r).set({ personId }).where(and(eq(r.orgId, ctx.orgId), eq(r.id, reg.id)));
  }
  await recordParticipations(ctx, ticked.map((reg) => ({ personId: personIds.get(reg.id)!, kind: event.kind, source: 'events', sourceId: event.id, role: 'participant' as const, on })));
  await recordAudits(ctx, ticked.map((reg) => ({
    action: 'event_registration.check_in', entityType: 'event_registration', entityId: reg.id, after: { eventId, personId: personIds.get(reg.id)!, by: ctx.actor.name },
  })));
  return { checkedIn: ticked.map((t) => t.id), already, unknown };
}
