import { and, eq, ilike, or, sql, type AnyColumn } from 'drizzle-orm';
import type { B2B_MEETING_SORTS, B2B_PARTICIPANT_SORTS, B2bMeeting, B2bMeetingQuery, B2bParticipantQuery, B2bParticipantRow } from '../../../contracts/b2b.js';
import { clock } from '../../platform/clock.js';
import { escapeLike } from '../../platform/db/like.js';
import { sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { registrationsOf } from '../events/participant-service.js';
import { firmNames } from '../members/audience-service.js';
import { presentRequest, slotTimes, tableNames } from './present.js';
import { b2bProfiles, b2bRequests, b2bSettings } from './tables.js';

/** The lists staff scan and download: an event's participants and its meetings (every request, in its state), sorted and paged in SQL. */
async function settingsOf(ctx: TenantCtx, eventId: string) {
  const [settings] = await ctx.tx.select().from(b2bSettings).where(and(eq(b2bSettings.orgId, ctx.orgId), eq(b2bSettings.eventId, eventId)));
  return settings ?? null;
}

async function firmsOf(ctx: TenantCtx, memberIds: Array<string | null>) {
  return firmNames(ctx, [...new Set(memberIds.filter((id): id is string => id !== null))]);
}

/**
 * A page of an event's participants (those holding a seat), by name unless
 * sorted by their requests or meetings: a part of the name, with or without a
 * profile (what they offer or seek).
 */
export async function participantPage(ctx: TenantCtx, eventId: string, query: B2bParticipantQuery): Promise<{ items: B2bParticipantRow[]; nextCursor: string | null }> {
  const holders = await registrationsOf(ctx, eventId, 'holders');
  const q = b2bRequests;
  const p = b2bProfiles;
  // Requests not withdrawn, counted in SQL so the list sorts by them.
  const requestsOf = (side: AnyColumn) =>
    sql<number>`(SELECT count(*)::int FROM ${q} WHERE ${q.orgId} = ${ctx.orgId} AND ${q.eventId} = ${eventId} AND ${side} = ${holders.registrationId} AND ${q.status} <> 'cancelled')`;
  const sent = requestsOf(q.fromRegistrationId);
  const received = requestsOf(q.toRegistrationId);
  const meetings = sql<number>`(SELECT count(*)::int FROM ${q} WHERE ${q.orgId} = ${ctx.orgId} AND ${q.eventId} = ${eventId} AND ${q.status} = 'accepted' AND (${q.fromRegistrationId} = ${holders.registrationId} OR ${q.toRegistrationId} = ${holders.registrationId}))`;
  const list: SortedList<(typeof B2B_PARTICIPANT_SORTS)[number]> = {
    id: holders.registrationId,
    columns: {
      name: { by: sql`lower(${holders.name})`, type: 'text' },
      requests: { by: sql`${sent} + ${received}`, type: 'int' },
      meetings: { by: meetings, type: 'int' },
    },
  };
  const filled = sql`(${p.offer} <> '' OR ${p.seek} <> '')`;
  const pattern = query.q ? `%${escapeLike(query.q)}%` : null;
  const page = await sortedPage(list, query, (k) => ctx.tx
    .select({ registrationId: holders.registrationId, name: holders.name, memberId: holders.memberId, offer: p.offer, seek: p.seek, sent, received, meetings, k })
    .from(holders)
    .leftJoin(p, and(eq(p.orgId, ctx.orgId), eq(p.registrationId, holders.registrationId)))
    .$dynamic(), [
    eq(holders.status, 'registered'),
    pattern ? ilike(holders.name, pattern) : undefined,
    query.profile === 'filled' ? filled : query.profile === 'empty' ? sql`NOT coalesce(${filled}, false)` : undefined,
  ], (r) => r.registrationId);
  const firms = await firmsOf(ctx, page.items.map((r) => r.memberId));
  return {
    items: page.items.map((r) => ({
      registrationId: r.registrationId, name: r.name, firm: r.memberId ? (firms.get(r.memberId) ?? null) : null, offer: r.offer ?? '', seek: r.seek ?? '',
      sent: r.sent, received: r.received, meetings: r.meetings,
    })),
    nextCursor: page.nextCursor,
  };
}

/**
 * A page of an event's meetings: every request in its state (a meeting once
 * accepted, placed at a slot and a table by the scheduler), newest first
 * unless sorted otherwise; a part of either side's name, one state. A pending
 * request past the deadline reads, and is filtered, as expired.
 */
export async function meetingPage(ctx: TenantCtx, eventId: string, query: B2bMeetingQuery, now = clock.now()): Promise<{ items: B2bMeeting[]; nextCursor: string | null }> {
  const from = await registrationsOf(ctx, eventId, 'from_side');
  const to = await registrationsOf(ctx, eventId, 'to_side');
  const settings = await settingsOf(ctx, eventId);
  const q = b2bRequests;
  const list: SortedList<(typeof B2B_MEETING_SORTS)[number]> = {
    id: q.id,
    columns: {
      requested: { by: q.seq, type: 'bigint' },
      slot: { by: sql`CASE WHEN ${q.status} = 'accepted' THEN ${q.slot} * 1000 + ${q.tableNo} END`, type: 'int', nullable: true },
      from: { by: sql`lower(${from.name})`, type: 'text' },
      // Meetings first, then the requests waiting (or expired), declined, withdrawn.
      state: { by: sql`array_position(ARRAY['accepted', 'pending', 'declined', 'cancelled']::text[], ${q.status})`, type: 'int' },
    },
  };
  // The deadline is the event's: once past, every pending request is expired and none is pending.
  const expired = !!settings && settings.requestDeadline < now;
  const state = query.state;
  const stateCondition = state === undefined ? undefined
    : state === 'expired' ? (expired ? eq(q.status, 'pending') : sql`false`)
      : state === 'pending' ? (expired ? sql`false` : eq(q.status, 'pending'))
        : eq(q.status, state);
  const pattern = query.q ? `%${escapeLike(query.q)}%` : null;
  const page = await sortedPage(list, query, (k) => ctx.tx
    .select({ row: q, k, fromName: from.name, fromMember: from.memberId, fromSeated: sql<boolean>`${from.status} = 'registered'`, toName: to.name, toMember: to.memberId, toSeated: sql<boolean>`${to.status} = 'registered'` })
    .from(q)
    .innerJoin(from, eq(from.registrationId, q.fromRegistrationId))
    .innerJoin(to, eq(to.registrationId, q.toRegistrationId))
    .$dynamic(), [
    eq(q.orgId, ctx.orgId),
    eq(q.eventId, eventId),
    stateCondition,
    pattern ? or(ilike(from.name, pattern), ilike(to.name, pattern)) : undefined,
  ], (r) => r.row.id);
  const firms = await firmsOf(ctx, page.items.flatMap((r) => [r.fromMember, r.toMember]));
  const slots = settings ? slotTimes(settings) : [];
  const tables = settings ? tableNames(settings) : [];
  // Who has given back their seat is no longer a participant: named by a dash, as the overview does.
  const side = (registrationId: string, name: string, memberId: string | null, seated: boolean) =>
    (seated ? { registrationId, name, firm: memberId ? (firms.get(memberId) ?? null) : null } : { registrationId, name: '—', firm: null });
  return {
    items: page.items.map((r) => {
      const request = presentRequest(r.row, {
        from: side(r.row.fromRegistrationId, r.fromName, r.fromMember, r.fromSeated), to: side(r.row.toRegistrationId, r.toName, r.toMember, r.toSeated), deadline: settings?.requestDeadline ?? null, now,
      });
      const placed = request.slot !== null && request.table !== null && request.slot < slots.length;
      return { ...request, startsAt: placed ? slots[request.slot!]!.startsAt.toISOString() : null, tableName: placed ? (tables[request.table!] ?? null) : null };
    }),
    nextCursor: page.nextCursor,
  };
}
