import { and, eq, gt, inArray, isNotNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DIRECTORY_SORTS, DirectoryFilter, DirectoryQuery, Profile, ProfileInput, PublicField } from '../../../contracts/networking.js';
import { recordAudit } from '../../platform/audit/record.js';
import { arrayLiteral } from '../../platform/db/array-literal.js';
import { sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { escapeLike } from '../../platform/db/like.js';
import { AppError } from '../../platform/errors/app-error.js';
import { activeFirmsInDivisions, directoryFirms, firmIdsWhere } from '../members/audience-service.js';
import { firmsNamed } from '../members/name-order-service.js';
import { presentProfile, type ProfileRow } from './present.js';
import { addMonths, getNetworkingSettings } from './settings-service.js';
import { networkingProfiles } from './tables.js';

export async function profileRow(ctx: TenantCtx, memberId: string): Promise<ProfileRow | null> {
  const [row] = await ctx.tx.select().from(networkingProfiles).where(and(eq(networkingProfiles.orgId, ctx.orgId), eq(networkingProfiles.memberId, memberId)));
  return row ?? null;
}

async function firmOf(ctx: TenantCtx, memberId: string) {
  const firm = (await directoryFirms(ctx, [memberId])).get(memberId);
  if (!firm) throw new AppError('networking.firm_not_found');
  return firm;
}

/** A firm's directory profile (the empty one while it has none). */
export async function getProfile(ctx: TenantCtx, memberId: string, now: Date): Promise<Profile> {
  const firm = await firmOf(ctx, memberId);
  return presentProfile(await profileRow(ctx, memberId), firm, now);
}

const auditable = (p: ProfileInput | ProfileRow) => ({
  optedIn: p.optedIn, summary: p.summary, offerings: p.offerings, exportMarkets: p.exportMarkets, certifications: p.certifications, languages: p.languages, publicFields: p.publicFields,
});

/**
 * Saves a firm's profile. Saving an opted-in profile lists it for the
 * organisation's expiry period from now (a save is a renewal); opting out
 * takes it off the directory at once.
 */
/**
 * Saves a firm's profile. `by: 'staff'` may list a firm and choose its public
 * fields, but never makes its contacts public: only the firm decides that (its
 * own choice is kept as it was, whatever staff send; staff may take it back).
 */
export async function saveProfile(ctx: TenantCtx, memberId: string, input: ProfileInput, now: Date, by: 'firm' | 'staff' = 'firm'): Promise<Profile> {
  await firmOf(ctx, memberId);
  const before = await profileRow(ctx, memberId);
  const { expiryMonths } = await getNetworkingSettings(ctx);
  const contactsPublic = input.publicFields.includes('contacts') && (by === 'firm' || !!before?.publicFields.includes('contacts'));
  const publicFields = [...new Set(input.publicFields.filter((f) => f !== 'contacts')), ...(contactsPublic ? ['contacts' as const] : [])];
  const values = { ...auditable(input), publicFields };
  const listing = input.optedIn
    ? { publishedAt: before?.optedIn && before.publishedAt ? before.publishedAt : now, expiresAt: addMonths(now, expiryMonths), remindedAt: null }
    : { expiresAt: null, remindedAt: null };
  await ctx.tx
    .insert(networkingProfiles)
    .values({ orgId: ctx.orgId, memberId, ...values, ...listing })
    .onConflictDoUpdate({ target: [networkingProfiles.memberId, networkingProfiles.orgId], set: { ...values, ...listing, updatedAt: sql`now()` } });
  const old = before ? auditable(before) : {};
  const keys = Object.keys(values).filter((k) => JSON.stringify((old as Record<string, unknown>)[k]) !== JSON.stringify((values as Record<string, unknown>)[k]));
  await recordAudit(ctx, {
    action: before ? 'networking_profile.update' : 'networking_profile.create',
    entityType: 'networking_profile',
    entityId: memberId,
    before: Object.fromEntries(keys.map((k) => [k, (old as Record<string, unknown>)[k]])),
    after: { ...Object.fromEntries(keys.map((k) => [k, (values as Record<string, unknown>)[k]])), expiresAt: listing.expiresAt?.toISOString() ?? null, memberId },
  });
  return getProfile(ctx, memberId, now);
}

/**
 * The filters on a profile's own facts: products by HS code (a prefix), an export market, a
 * certification. `shown` wraps each in what the reader may match (the public: only facts the firm
 * shows; staff: every fact).
 */
export function profileFactConditions(f: Pick<DirectoryFilter, 'hs' | 'market' | 'certification'>, shown: (field: PublicField, condition: SQL) => SQL): Array<SQL | undefined> {
  const p = networkingProfiles;
  return [
    f.hs ? shown('offerings', sql`EXISTS (SELECT 1 FROM jsonb_array_elements(${p.offerings}) o WHERE o->>'hsCode' LIKE ${`${escapeLike(f.hs)}%`})`) : undefined,
    f.market ? shown('exportMarkets', sql`${f.market} = ANY(${p.exportMarkets})`) : undefined,
    f.certification ? shown('certifications', sql`EXISTS (SELECT 1 FROM unnest(${p.certifications}) c WHERE lower(c) = ${f.certification.trim().toLowerCase()})`) : undefined,
  ];
}

/**
 * The conditions of the staff directory's filters: profile-side ones, and the
 * firms the member-side ones leave. (The public directory has its own path,
 * directory-search-service.ts, matching only what firms made public.)
 */
async function directoryConditions(ctx: TenantCtx, f: Omit<DirectoryFilter, 'sort'>, now: Date): Promise<Array<SQL | undefined> | null> {
  const p = networkingProfiles;
  const memberSide: Array<[PublicField, string | undefined]> = [['sector', f.sector], ['region', f.region], ['size', f.size]];
  const firmConditions: SQL[] = [];
  for (const [field, value] of memberSide) {
    if (!value) continue;
    const ids = await firmIdsWhere(ctx, { [field]: value });
    if (!ids.length) return null;
    firmConditions.push(inArray(p.memberId, ids));
  }
  let text: SQL | undefined;
  const q = f.q?.trim();
  if (q) {
    // The public directory's words (migration 0074: the summary, the names of the products and services, the
    // certifications) in every field, public or not (0077), through its trigram indexes; names as the member list
    // finds them. One set (a UNION): under OR the planner re-runs a subquery for every profile.
    const named = await firmsNamed(ctx, q);
    text = sql`${p.memberId} IN (${named ? sql`SELECT member_id FROM (${named}) n UNION ` : sql``}SELECT member_id FROM networking_profile_staff_text_matches(${q}))`;
  }
  return [
    eq(p.orgId, ctx.orgId),
    ...firmConditions,
    ...profileFactConditions(f, (_field, condition) => condition),
    f.state === 'published' ? and(eq(p.optedIn, true), isNotNull(p.expiresAt), gt(p.expiresAt, now)) : undefined,
    f.state === 'expired' ? and(eq(p.optedIn, true), isNotNull(p.expiresAt), lte(p.expiresAt, now)) : undefined,
    f.state === 'not_listed' ? eq(p.optedIn, false) : undefined,
    text,
  ];
}

const PROFILE_LIST: SortedList<(typeof DIRECTORY_SORTS)[number]> = {
  id: networkingProfiles.memberId,
  columns: {
    updated: { by: networkingProfiles.updatedAt, type: 'timestamptz' },
    expires: { by: networkingProfiles.expiresAt, type: 'timestamptz', nullable: true },
  },
};

/** A page of the organisation's profiles for staff, filtered and in the chosen order. */
export async function listProfilePage(ctx: TenantCtx, query: DirectoryQuery, now: Date): Promise<{ items: Profile[]; nextCursor: string | null }> {
  const conditions = await directoryConditions(ctx, query, now);
  if (!conditions) return { items: [], nextCursor: null };
  const page = await sortedPage(PROFILE_LIST, query, (k) => ctx.tx.select({ row: networkingProfiles, k }).from(networkingProfiles).$dynamic(), conditions, (r) => r.row.memberId);
  const firms = await directoryFirms(ctx, page.items.map((r) => r.row.memberId));
  return { items: page.items.filter((r) => firms.has(r.row.memberId)).map((r) => presentProfile(r.row, firms.get(r.row.memberId)!, now)), nextCursor: page.nextCursor };
}

/**
 * Listed profiles (opted in, not expired) matching the filters, at most
 * `limit`: matching and a firm's public page read these.
 */
export async function listedProfiles(ctx: TenantCtx, filter: Omit<DirectoryFilter, 'sort' | 'state'>, now: Date, limit = 500, memberId?: string) {
  const conditions = await directoryConditions(ctx, { ...filter, state: 'published' }, now);
  if (!conditions) return [];
  const rows = await ctx.tx.select().from(networkingProfiles).where(and(...conditions, memberId ? eq(networkingProfiles.memberId, memberId) : undefined)).limit(limit);
  const firms = await directoryFirms(ctx, rows.map((r) => r.memberId));
  return rows.filter((r) => firms.get(r.memberId)?.active).map((row) => ({ row, firm: firms.get(row.memberId)! }));
}

/**
 * Where matching may find a match among profiles: a firm with no offer scores only through its
 * products and its sector (matching.ts `reachOf`), so only listed profiles naming a product of
 * one of `chapters` (HS) or of an active firm in one of `divisions` (ISIC) are read, all of them.
 */
export async function matchableProfiles(ctx: TenantCtx, now: Date, reach: { chapters: string[]; divisions: string[] }): Promise<ProfileRow[]> {
  const p = networkingProfiles;
  if (!reach.chapters.length && !reach.divisions.length) return [];
  return ctx.tx.select().from(p).where(and(
    eq(p.orgId, ctx.orgId), eq(p.optedIn, true), isNotNull(p.expiresAt), gt(p.expiresAt, now),
    or(
      reach.chapters.length ? sql`EXISTS (SELECT 1 FROM jsonb_array_elements(${p.offerings}) o WHERE left(o->>'hsCode', 2) = ANY(${arrayLiteral(reach.chapters)}::text[]))` : undefined,
      reach.divisions.length ? sql`${p.memberId} IN (${activeFirmsInDivisions(ctx, reach.divisions)})` : undefined,
    ),
  ));
}

/** Every profile of these firms, listed or not (for "why not"). */
export async function profilesOf(ctx: TenantCtx, memberIds: string[]): Promise<ProfileRow[]> {
  if (!memberIds.length) return [];
  return ctx.tx.select().from(networkingProfiles).where(and(eq(networkingProfiles.orgId, ctx.orgId), sql`${networkingProfiles.memberId} = ANY(${arrayLiteral([...new Set(memberIds)])}::uuid[])`));
}
