import { and, asc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { firmNames } from '../members/audience-service.js';
import { getEventRow } from './event-rows.js';
import { eventRegistrations, events } from './tables.js';

/** Someone holding a seat at an event, as a module built on events (b2b) needs them: to list, to name and to write to. */
export interface SeatHolder {
  registrationId: string;
  name: string;
  email: string;
  memberId: string | null;
  firm: string | null;
}

/**
 * The event (as its reader may see it: a draft only to staff) and everyone
 * holding a seat, in the order they registered, whoever asks: a module above
 * decides what of them it shows (b2b shows names and firms, never addresses).
 */
export async function seatHolders(ctx: TenantCtx, eventId: string) {
  const event = await getEventRow(ctx, eventId);
  const r = eventRegistrations;
  const rows = await ctx.tx.select({ id: r.id, name: r.name, email: r.email, memberId: r.memberId }).from(r)
    .where(and(eq(r.orgId, ctx.orgId), eq(r.eventId, eventId), eq(r.status, 'registered')))
    .orderBy(asc(r.seq))
    .limit(5000);
  const firms = await firmNames(ctx, [...new Set(rows.flatMap((x) => (x.memberId ? [x.memberId] : [])))]);
  const holders: SeatHolder[] = rows.map((x) => ({ registrationId: x.id, name: x.name, email: x.email, memberId: x.memberId, firm: x.memberId ? (firms.get(x.memberId) ?? null) : null }));
  return { event: { id: event.id, title: event.title, state: event.state, external: event.external, startsAt: event.startsAt, venue: event.venue }, holders };
}

/**
 * An event's registrations as a subquery named `alias`, for a module above to
 * join, filter and sort in SQL (b2b's participants and meetings lists): the
 * registration's id, name, firm (a member's id), status (`registered` holds a
 * seat) and order of registration. The event is checked as `seatHolders` does; the
 * module above shows names and firms only.
 */
export async function registrationsOf(ctx: TenantCtx, eventId: string, alias: string) {
  await getEventRow(ctx, eventId);
  const r = eventRegistrations;
  return ctx.tx.select({
    registrationId: r.id,
    name: r.name,
    memberId: r.memberId,
    status: r.status,
    seq: r.seq,
  }).from(r).where(and(eq(r.orgId, ctx.orgId), eq(r.eventId, eventId))).as(alias);
}

/**
 * Who attended (was checked in at) which of these events, for a module built
 * on events that counts attendance (training's completion): of the events
 * not cancelled, each registration checked in with the person it was
 * recorded as (the id as recorded: a merged record is followed by the
 * caller). With `personIds`, only those people's: a query bounded by them.
 * `held` lists the events not cancelled.
 */
export async function attendanceOf(ctx: TenantCtx, eventIds: string[], personIds?: string[]) {
  if (!eventIds.length || personIds?.length === 0) return { held: [] as string[], attended: [] as Array<{ eventId: string; personId: string }> };
  const held = await heldEventIds(ctx, eventIds);
  if (!held.length) return { held, attended: [] };
  const r = eventRegistrations;
  const rows = await ctx.tx.selectDistinct({ eventId: r.eventId, personId: r.personId }).from(r)
    .where(and(eq(r.orgId, ctx.orgId), inArray(r.eventId, held), isNotNull(r.attendedAt), isNotNull(r.personId), personIds ? inArray(r.personId, personIds) : undefined));
  return { held, attended: rows.map((x) => ({ eventId: x.eventId, personId: x.personId! })) };
}

/** Of these events, those not cancelled. */
export async function heldEventIds(ctx: TenantCtx, eventIds: string[]): Promise<string[]> {
  if (!eventIds.length) return [];
  return (await ctx.tx.select({ id: events.id }).from(events)
    .where(and(eq(events.orgId, ctx.orgId), inArray(events.id, eventIds), ne(events.state, 'cancelled')))).map((e) => e.id);
}

/**
 * The same as a subquery named `alias` (`event_id`, `person_id`), for a
 * module above to count, join, sort and page in SQL (training's participant
 * list): registrations checked in at these events, those cancelled left out.
 */
export function attendanceQuery(ctx: TenantCtx, eventIds: string[], alias: string) {
  const r = eventRegistrations;
  return ctx.tx.selectDistinct({ eventId: sql<string>`${r.eventId}`.as('event_id'), personId: sql<string>`${r.personId}`.as('person_id') }).from(r)
    .innerJoin(events, and(eq(events.orgId, r.orgId), eq(events.id, r.eventId)))
    .where(and(eq(r.orgId, ctx.orgId), inArray(r.eventId, eventIds.length ? eventIds : ['00000000-0000-0000-0000-000000000000']), ne(events.state, 'cancelled'), isNotNull(r.attendedAt), isNotNull(r.personId)))
    .as(alias);
}
