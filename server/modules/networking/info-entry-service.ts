import { and, arrayOverlaps, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { INFO_ENTRY_SORTS, InfoEntry, InfoEntryInput, InfoEntryQuery, InfoEntryState } from '../../../contracts/networking-info.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { changedFields, recordAudit } from '../../platform/audit/record.js';
import { escapeLike } from '../../platform/db/like.js';
import { sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { todayIn } from '../../platform/time.js';
import { orgClocks } from '../orgs/org-service.js';
import { networkingInfoEntries } from './tables.js';

export type InfoEntryRow = typeof networkingInfoEntries.$inferSelect;
const e = networkingInfoEntries;

/** Today in the organisation's time zone: an entry whose review date is before it is due for review. */
export async function orgToday(ctx: TenantCtx, now: Date): Promise<string> {
  const clock = (await orgClocks(ctx.tx, [ctx.orgId])).get(ctx.orgId);
  return todayIn(clock?.timeZone ?? 'UTC', now);
}

export function presentInfoEntry(r: InfoEntryRow, today: string): InfoEntry {
  return {
    id: r.id, type: r.type as InfoEntry['type'], title: r.title, body: r.body, source: r.source, sourceUrl: r.sourceUrl,
    reviewOn: r.reviewOn, reviewDue: r.state !== 'archived' && r.reviewOn < today,
    sectors: r.sectors, hsCodes: r.hsCodes, countries: r.countries, state: r.state as InfoEntryState, enquiryId: r.enquiryId,
    publishedAt: r.publishedAt?.toISOString() ?? null, updatedAt: r.updatedAt.toISOString(),
  };
}

/** An entry of the organisation; with `publishedOnly` (a member firm), a draft or archived one is not found. */
export async function infoEntryRow(ctx: TenantCtx, id: string, opts: { publishedOnly?: boolean; lock?: boolean } = {}): Promise<InfoEntryRow> {
  const query = ctx.tx.select().from(e).where(and(eq(e.orgId, ctx.orgId), eq(e.id, id), opts.publishedOnly ? eq(e.state, 'published') : undefined));
  const [row] = opts.lock ? await query.for('update') : await query;
  if (!row) throw new AppError('networking.entry_not_found');
  return row;
}

export async function getInfoEntry(ctx: TenantCtx, id: string, now: Date, publishedOnly = false): Promise<InfoEntry> {
  const entry = presentInfoEntry(await infoEntryRow(ctx, id, { publishedOnly }), await orgToday(ctx, now));
  return publishedOnly ? { ...entry, reviewDue: false } : entry;
}

const values = (i: InfoEntryInput) => ({
  type: i.type, title: i.title, body: i.body, source: i.source.trim(), sourceUrl: i.sourceUrl, reviewOn: i.reviewOn,
  sectors: [...new Set(i.sectors)], hsCodes: [...new Set(i.hsCodes)], countries: [...new Set(i.countries)],
});

/** A new entry, a draft until staff publish it. */
export async function createInfoEntry(ctx: TenantCtx, input: InfoEntryInput, enquiryId: string | null = null): Promise<string> {
  const v = values(input);
  const [row] = await ctx.tx.insert(e).values({ orgId: ctx.orgId, ...v, enquiryId }).returning({ id: e.id });
  await recordAudit(ctx, { action: 'networking_info_entry.create', entityType: 'networking_info_entry', entityId: row!.id, after: { ...v, ...(enquiryId ? { enquiryId } : {}) } });
  return row!.id;
}

export async function updateInfoEntry(ctx: TenantCtx, id: string, input: InfoEntryInput) {
  const before = await infoEntryRow(ctx, id, { lock: true });
  const v = values(input);
  const changed = changedFields(values({ ...before, sourceUrl: before.sourceUrl } as unknown as InfoEntryInput), v);
  if (!Object.keys(changed.after).length) return nothingChanged();
  await ctx.tx.update(e).set({ ...v, updatedAt: sql`now()` }).where(and(eq(e.orgId, ctx.orgId), eq(e.id, id)));
  await recordAudit(ctx, { action: 'networking_info_entry.update', entityType: 'networking_info_entry', entityId: id, ...changed });
}

/**
 * Publishes, archives or takes an entry back to draft. The digest lists an
 * entry by the moment it was first published, so archiving and publishing
 * again does not send it twice.
 */
export async function setInfoEntryState(ctx: TenantCtx, id: string, state: InfoEntryState, now: Date) {
  const row = await infoEntryRow(ctx, id, { lock: true });
  if (row.state === state) return nothingChanged();
  const publishedAt = state === 'published' ? (row.publishedAt ?? now) : row.publishedAt;
  await ctx.tx.update(e).set({ state, publishedAt, updatedAt: sql`now()` }).where(and(eq(e.orgId, ctx.orgId), eq(e.id, id)));
  await recordAudit(ctx, { action: `networking_info_entry.${state === 'published' ? 'publish' : state === 'archived' ? 'archive' : 'unpublish'}`, entityType: 'networking_info_entry', entityId: id, before: { state: row.state }, after: { state } });
}

const ENTRY_LIST: SortedList<(typeof INFO_ENTRY_SORTS)[number]> = {
  id: e.id,
  columns: {
    updated: { by: e.updatedAt, type: 'timestamptz' },
    review: { by: e.reviewOn, type: 'date' },
    title: { by: sql`lower(${e.title})`, type: 'text' },
  },
};

/** A code filter: the entry names this code, a broader one or a narrower one (ISIC and HS are prefixes of each other). */
export const codeMatches = (column: typeof e.sectors | SQL, code: string): SQL =>
  sql`EXISTS (SELECT 1 FROM unnest(${column}) c WHERE c LIKE ${escapeLike(code)} || '%' OR ${code} LIKE c || '%')`;

/** A page of entries: every one for staff, the published ones for a member firm (`publishedOnly`). */
export async function listInfoEntryPage(ctx: TenantCtx, query: InfoEntryQuery, now: Date, publishedOnly = false) {
  const today = await orgToday(ctx, now);
  const pattern = query.q ? `%${escapeLike(query.q)}%` : null;
  const page = await sortedPage(ENTRY_LIST, query, (k) => ctx.tx.select({ row: e, k }).from(e).$dynamic(), [
    eq(e.orgId, ctx.orgId),
    publishedOnly ? eq(e.state, 'published') : query.state ? eq(e.state, query.state) : undefined,
    query.type ? eq(e.type, query.type) : undefined,
    pattern ? sql`(${e.title} || ' ' || ${e.body} || ' ' || ${e.source}) ILIKE ${pattern}` : undefined,
    query.sector ? codeMatches(e.sectors, query.sector) : undefined,
    query.hs ? codeMatches(e.hsCodes, query.hs) : undefined,
    query.country ? arrayOverlaps(e.countries, [query.country]) : undefined,
    !publishedOnly && query.reviewDue === 'true' ? and(inArray(e.state, ['draft', 'published']), lt(e.reviewOn, today)) : undefined,
    !publishedOnly && query.reviewDue === 'false' ? or(eq(e.state, 'archived'), sql`${e.reviewOn} >= ${today}`) : undefined,
  ], (r) => r.row.id);
  // A member firm is not told which entries staff must review.
  return { items: page.items.map((r) => ({ ...presentInfoEntry(r.row, today), ...(publishedOnly ? { reviewDue: false } : {}) })), nextCursor: page.nextCursor };
}
