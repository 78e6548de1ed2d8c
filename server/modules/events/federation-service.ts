import { eq, sql, type SQL } from 'drizzle-orm';
import type { EVENT_SORTS, EventSharing, EventSharingInput, FederationEvent, FederationEventQuery } from '../../../contracts/events.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { changedFields, recordAudit } from '../../platform/audit/record.js';
import { dayIn } from '../../platform/db/day-in.js';
import { sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { currentOrgClock } from '../orgs/org-service.js';
import { eventSettings } from './tables.js';

/**
 * Events across the federation (issue 18.8): an organisation chooses whether
 * the other organisations of its federation (its umbrella, its branches, its
 * sibling branches) see its published events, and reads those the others
 * share. Row-level security keeps each tenant to its own rows; only the
 * SECURITY DEFINER function federation_events() of migration 0073 crosses,
 * for the transaction's own organisation, with a calendar's columns and
 * nothing to write: registering stays with the organisation that runs the event.
 */

/** Whether this organisation's published events are shown to the rest of its federation (no row: no), and how the others register. */
export async function getEventSharing(ctx: TenantCtx): Promise<EventSharing> {
  const [row] = await ctx.tx.select().from(eventSettings).where(eq(eventSettings.orgId, ctx.orgId));
  return { shareWithFederation: row?.shareWithFederation ?? false, registrationContact: row?.registrationContact ?? '' };
}

/** Saves the choice; a request without `registrationContact` keeps the one given before. The audit holds what changed. */
export async function saveEventSharing(ctx: TenantCtx, input: EventSharingInput): Promise<EventSharing> {
  const before = await getEventSharing(ctx);
  const after: EventSharing = { shareWithFederation: input.shareWithFederation, registrationContact: input.registrationContact?.trim() ?? before.registrationContact };
  const changed = changedFields({ ...before }, { ...after });
  if (!Object.keys(changed.after).length) {
    nothingChanged();
    return before;
  }
  await ctx.tx.insert(eventSettings).values({ orgId: ctx.orgId, ...after })
    .onConflictDoUpdate({ target: eventSettings.orgId, set: { ...after, updatedAt: sql`now()` } });
  await recordAudit(ctx, { action: 'event_settings.update', entityType: 'event_settings', entityId: ctx.orgId, ...changed });
  return after;
}

// ISO text: a function's timestamps come back as the driver reads them, which differs between PGlite and node-postgres.
const iso = (column: string) => sql<string>`to_char(${sql.raw(column)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// The rows of federation_events(), named by the alias `f`.
const f = {
  id: sql<string>`f.id`,
  orgId: sql<string>`f.org_id`,
  orgName: sql<string>`f.org_name`,
  title: sql<string>`f.title`,
  kind: sql<FederationEvent['kind']>`f.kind`,
  startsAt: iso('f.starts_at'),
  endsAt: iso('f.ends_at'),
  venue: sql<string>`f.venue`,
  onlineUrl: sql<string>`f.online_url`,
  description: sql<string>`f.description`,
  audience: sql<FederationEvent['audience']>`f.audience`,
  external: sql<boolean>`f.external`,
  organiser: sql<string>`f.organiser`,
  registrationContact: sql<string>`f.registration_contact`,
};

const SHARED_EVENT_LIST: SortedList<(typeof EVENT_SORTS)[number]> = {
  id: sql`f.id`,
  columns: {
    starts: { by: sql`f.starts_at`, type: 'timestamptz' },
    title: { by: sql`f.title`, type: 'text' },
  },
};

/** A page of the published events the federation's other organisations share, by start; `from` is a day on this organisation's calendar. */
export async function listFederationEventPage(ctx: TenantCtx, query: FederationEventQuery): Promise<{ items: FederationEvent[]; nextCursor: string | null }> {
  const { timeZone } = await currentOrgClock(ctx);
  const conditions: Array<SQL | undefined> = [
    query.kind ? eq(f.kind, query.kind) : undefined,
    query.from ? sql`${dayIn(timeZone, sql`f.ends_at`)} >= ${query.from}::date` : undefined,
  ];
  const page = await sortedPage(SHARED_EVENT_LIST, query, (k) => ctx.tx.select({ ...f, k }).from(sql`federation_events() f`).$dynamic(), conditions, (r) => r.id);
  return { items: page.items.map(({ k: _k, ...event }) => event), nextCursor: page.nextCursor };
}
