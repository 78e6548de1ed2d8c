import { and, asc, eq, gte, inArray, notInArray, sql } from 'drizzle-orm';
import type { FirmEvent } from '../../../contracts/events.js';
import { clock } from '../../platform/clock.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { eventRegistrations, events } from './tables.js';

/**
 * What is next for a member firm (its home page): the coming events its people
 * are registered or waiting for, then a few more coming events it may still
 * register for. Cancelled events and cancelled registrations are left out; an
 * event is "coming" until it ends.
 */
export async function comingEventsOfFirm(ctx: TenantCtx, memberId: string, now = clock.now(), others = 3): Promise<FirmEvent[]> {
  const coming = and(eq(events.orgId, ctx.orgId), eq(events.state, 'published'), gte(events.endsAt, now));
  const mine = await ctx.tx
    .select({
      id: events.id, title: events.title, startsAt: events.startsAt, endsAt: events.endsAt, venue: events.venue,
      registered: sql<number>`count(*) FILTER (WHERE ${eventRegistrations.status} = 'registered')::int`,
      waiting: sql<number>`count(*) FILTER (WHERE ${eventRegistrations.status} = 'waiting')::int`,
    })
    .from(eventRegistrations)
    .innerJoin(events, and(eq(events.orgId, eventRegistrations.orgId), eq(events.id, eventRegistrations.eventId)))
    .where(and(coming, eq(eventRegistrations.memberId, memberId), inArray(eventRegistrations.status, ['registered', 'waiting'])))
    .groupBy(events.id, events.title, events.startsAt, events.endsAt, events.venue)
    .orderBy(asc(events.startsAt), asc(events.id));
  const open = await ctx.tx
    .select({ id: events.id, title: events.title, startsAt: events.startsAt, endsAt: events.endsAt, venue: events.venue })
    .from(events)
    .where(and(coming, mine.length ? notInArray(events.id, mine.map((e) => e.id)) : undefined))
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(others);
  const when = (e: { startsAt: Date; endsAt: Date }) => ({ startsAt: e.startsAt.toISOString(), endsAt: e.endsAt.toISOString() });
  return [
    ...mine.map((e) => ({ id: e.id, title: e.title, venue: e.venue, ...when(e), registered: e.registered, waiting: e.waiting })),
    ...open.map((e) => ({ id: e.id, title: e.title, venue: e.venue, ...when(e), registered: 0, waiting: 0 })),
  ];
}
