import { and, asc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { EVENT_SORTS, EventDetail, EventInput, EventQuery, EventState, EventSummary, TicketTypeInput } from '../../../contracts/events.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { changedFields, recordAudit } from '../../platform/audit/record.js';
import { sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import { dayIn } from '../../platform/db/day-in.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { listBranches } from '../orgs/branch-service.js';
import { currentOrgClock, getCurrentOrg } from '../orgs/org-service.js';
import { eventCounts, getEventRow, seesDrafts } from './event-rows.js';
import { presentEvent, presentEventDetail, type EventRow } from './present.js';
import { eventRegistrations, events, eventTicketTypes } from './tables.js';
import { confirmDraftSeats, eventCancelled, offerFreeSeats } from './waiting-list.js';

export { getEventRow };

async function branchNames(ctx: TenantCtx, rows: EventRow[]) {
  return rows.some((r) => r.branchId) ? new Map((await listBranches(ctx)).map((b) => [b.id, b.name])) : new Map<string, string>();
}

async function present(ctx: TenantCtx, rows: EventRow[]): Promise<EventSummary[]> {
  const branches = await branchNames(ctx, rows);
  const counts = await eventCounts(ctx, rows.map((r) => r.id));
  return rows.map((r) => presentEvent(r, { branches, counts: counts.get(r.id) }));
}

/**
 * The calendar: the organisation's events and the external ones, by start,
 * 50 a page; `from`/`to` are days on the organisation's calendar that an
 * event touches. Drafts only for those who run events.
 */
/** The columns the calendar sorts by (contracts' EVENT_SORTS). */
const EVENT_LIST: SortedList<(typeof EVENT_SORTS)[number]> = {
  id: events.id,
  columns: {
    starts: { by: events.startsAt, type: 'timestamptz' },
    title: { by: events.title, type: 'text' },
  },
};

export async function listEvents(ctx: TenantCtx, query: EventQuery) {
  const { timeZone } = await currentOrgClock(ctx);
  const filters: Array<SQL | undefined> = [
    eq(events.orgId, ctx.orgId),
    seesDrafts(ctx) ? undefined : ne(events.state, 'draft'),
    query.kind ? eq(events.kind, query.kind) : undefined,
    query.state ? eq(events.state, query.state) : undefined,
    query.from ? sql`${dayIn(timeZone, sql`${events.endsAt}`)} >= ${query.from}::date` : undefined,
    query.to ? sql`${dayIn(timeZone, sql`${events.startsAt}`)} <= ${query.to}::date` : undefined,
  ];
  const page = await sortedPage(EVENT_LIST, query, (k) => ctx.tx.select({ row: events, k }).from(events).$dynamic(), filters, (r) => r.row.id);
  return { items: await present(ctx, page.items.map((r) => r.row)), nextCursor: page.nextCursor };
}

export async function ticketTypesOf(ctx: TenantCtx, eventId: string) {
  return ctx.tx.select().from(eventTicketTypes).where(and(eq(eventTicketTypes.orgId, ctx.orgId), eq(eventTicketTypes.eventId, eventId))).orderBy(asc(eventTicketTypes.fee), asc(eventTicketTypes.createdAt));
}

export async function getEvent(ctx: TenantCtx, id: string): Promise<EventDetail> {
  const row = await getEventRow(ctx, id);
  const counts = await eventCounts(ctx, [id]);
  return presentEventDetail(row, { branches: await branchNames(ctx, [row]), counts: counts.get(id), ticketTypes: await ticketTypesOf(ctx, id), currency: (await getCurrentOrg(ctx)).currency });
}

async function checkBranch(ctx: TenantCtx, branchId: string | null) {
  if (branchId && !(await listBranches(ctx)).some((b) => b.id === branchId)) throw fieldError('branchId', 'events.branch_not_ours');
}

const columns = (input: EventInput) => ({
  title: input.title,
  kind: input.kind,
  startsAt: new Date(input.startsAt),
  endsAt: new Date(input.endsAt),
  venue: input.venue,
  onlineUrl: input.onlineUrl,
  description: input.description,
  capacity: input.external ? null : input.capacity,
  audience: input.audience,
  branchId: input.branchId,
  external: input.external,
  organiser: input.external ? input.organiser : '',
});

type Auditable = Omit<ReturnType<typeof columns>, 'kind' | 'audience'> & { kind: string; audience: string };
const auditable = (r: Auditable) => ({
  title: r.title, kind: r.kind, startsAt: r.startsAt.toISOString(), endsAt: r.endsAt.toISOString(), venue: r.venue, onlineUrl: r.onlineUrl,
  description: r.description, capacity: r.capacity, audience: r.audience, branchId: r.branchId, external: r.external, organiser: r.organiser,
});

/** A new event, in draft: staff see it, members once it is published. */
export async function createEvent(ctx: TenantCtx, input: EventInput): Promise<string> {
  await checkBranch(ctx, input.branchId);
  const values = columns(input);
  const [row] = await ctx.tx.insert(events).values({ orgId: ctx.orgId, ...values }).returning({ id: events.id });
  await recordAudit(ctx, { action: 'event.create', entityType: 'event', entityId: row!.id, after: auditable(values) });
  return row!.id;
}

/**
 * Changes an event. More seats (or no limit) give the free ones to those
 * waiting, first come first served, in the same transaction (not once the
 * event has ended). An event with registrations cannot become external. A new
 * start time is reminded of again.
 */
export async function editEvent(ctx: TenantCtx, id: string, input: EventInput) {
  const before = await getEventRow(ctx, id, true);
  await checkBranch(ctx, input.branchId);
  const values = columns(input);
  const changed = changedFields(auditable(before), auditable(values));
  if (!Object.keys(changed.after).length) return nothingChanged();
  if (values.external && !before.external) {
    const [any] = await ctx.tx.select({ id: eventRegistrations.id }).from(eventRegistrations)
      .where(and(eq(eventRegistrations.orgId, ctx.orgId), eq(eventRegistrations.eventId, id), ne(eventRegistrations.status, 'cancelled'))).limit(1);
    if (any) throw fieldError('external', 'events.external');
  }
  const [after] = await ctx.tx.update(events).set({ ...values, updatedAt: sql`now()`, ...('startsAt' in changed.after ? { remindedAt: null } : {}) }).where(and(eq(events.id, id), eq(events.orgId, ctx.orgId))).returning();
  await recordAudit(ctx, { action: 'event.update', entityType: 'event', entityId: id, ...changed });
  // More seats give them to those waiting, unless the event is called off or over (offerFreeSeats).
  if (after!.state !== 'cancelled') await offerFreeSeats(ctx, after!);
}

/**
 * Publishes, cancels or takes back to draft. Publishing again what is
 * published changes nothing. Publishing invoices and mails the seats taken
 * while it was a draft. A cancellation voids unpaid tickets and tells those
 * registered; it is final: a cancelled event is neither published nor a draft again.
 */
export async function setEventState(ctx: TenantCtx, id: string, state: EventState) {
  const before = await getEventRow(ctx, id, true);
  if (before.state === state) return nothingChanged();
  if (before.state === 'cancelled') throw new AppError('events.cancelled_final');
  const [after] = await ctx.tx
    .update(events)
    .set({ state, updatedAt: sql`now()`, ...(state === 'published' && !before.publishedAt ? { publishedAt: sql`now()` } : {}) })
    .where(and(eq(events.id, id), eq(events.orgId, ctx.orgId)))
    .returning();
  // Called off: unpaid tickets are voided and everyone registered is told (waiting-list.ts).
  const consequences = state === 'cancelled' && !before.external ? await eventCancelled(ctx, before)
    // Published: the seats taken while a draft are invoiced and mailed now, under the row lock taken above.
    : state === 'published' && !before.external ? { confirmed: await confirmDraftSeats(ctx, after!) } : {};
  await recordAudit(ctx, { action: `event.${state === 'published' ? 'publish' : state === 'cancelled' ? 'cancel' : 'draft'}`, entityType: 'event', entityId: id, before: { state: before.state }, after: { state, ...consequences } });
}

export async function addTicketType(ctx: TenantCtx, eventId: string, input: TicketTypeInput) {
  const event = await getEventRow(ctx, eventId, true);
  if (event.external) throw new AppError('events.external');
  const [row] = await ctx.tx.insert(eventTicketTypes).values({ orgId: ctx.orgId, eventId, name: input.name, fee: input.fee, staffOnly: input.staffOnly }).returning();
  await recordAudit(ctx, { action: 'event.ticket_type_add', entityType: 'event', entityId: eventId, after: { ticketTypeId: row!.id, name: input.name, fee: input.fee, staffOnly: input.staffOnly } });
  return row!;
}

/** A ticket type nobody holds may go; one held stays (the registrations and invoices name it). */
export async function removeTicketType(ctx: TenantCtx, eventId: string, ticketTypeId: string) {
  await getEventRow(ctx, eventId, true);
  const [type] = await ctx.tx.select().from(eventTicketTypes).where(and(eq(eventTicketTypes.orgId, ctx.orgId), eq(eventTicketTypes.eventId, eventId), eq(eventTicketTypes.id, ticketTypeId)));
  if (!type) throw new AppError('events.ticket_type_not_found');
  const [held] = await ctx.tx.select({ id: eventRegistrations.id }).from(eventRegistrations)
    .where(and(eq(eventRegistrations.orgId, ctx.orgId), eq(eventRegistrations.ticketTypeId, ticketTypeId))).limit(1);
  if (held) throw new AppError('events.ticket_type_in_use');
  await ctx.tx.delete(eventTicketTypes).where(and(eq(eventTicketTypes.orgId, ctx.orgId), eq(eventTicketTypes.id, ticketTypeId)));
  await recordAudit(ctx, { action: 'event.ticket_type_remove', entityType: 'event', entityId: eventId, before: { ticketTypeId, name: type.name, fee: type.fee, staffOnly: type.staffOnly } });
}
