import { and, asc, eq } from 'drizzle-orm';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { firmNames } from '../members/audience-service.js';
import { getEventRow } from './event-rows.js';
import { eventRegistrations } from './tables.js';

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
