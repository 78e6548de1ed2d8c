import { and, eq, inArray, sql } from 'drizzle-orm';
import { can } from '../../../contracts/permissions.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { EventCounts, EventRow } from './present.js';
import { eventRegistrations, events } from './tables.js';

/** Whoever does not run events (members, officials, viewers) sees them once published: a draft is the staff's. */
export const seesDrafts = (ctx: TenantCtx) => can(ctx.role, 'events.manage');

/** An event of the organisation the caller may see; locked for the rest of the transaction when asked (registrations, seats). */
export async function getEventRow(ctx: TenantCtx, id: string, lock = false): Promise<EventRow> {
  const query = ctx.tx.select().from(events).where(and(eq(events.id, id), eq(events.orgId, ctx.orgId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || (row.state === 'draft' && !seesDrafts(ctx))) throw new AppError('events.not_found');
  return row;
}

/** Registered, waiting and attended, per event. */
export async function eventCounts(ctx: TenantCtx, eventIds: string[]): Promise<Map<string, EventCounts>> {
  if (!eventIds.length) return new Map();
  const r = eventRegistrations;
  const rows = await ctx.tx
    .select({
      eventId: r.eventId,
      registered: sql<number>`count(*) FILTER (WHERE ${r.status} = 'registered')::int`,
      waiting: sql<number>`count(*) FILTER (WHERE ${r.status} = 'waiting')::int`,
      attended: sql<number>`count(*) FILTER (WHERE ${r.status} = 'registered' AND ${r.attendedAt} IS NOT NULL)::int`,
    })
    .from(r)
    .where(and(eq(r.orgId, ctx.orgId), inArray(r.eventId, eventIds)))
    .groupBy(r.eventId);
  return new Map(rows.map((c) => [c.eventId, { registered: Number(c.registered), waiting: Number(c.waiting), attended: Number(c.attended) }]));
}
