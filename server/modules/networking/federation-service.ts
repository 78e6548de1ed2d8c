import { eq, sql, type SQL } from 'drizzle-orm';
import type { FEDERATION_OFFER_SORTS, FederationOffer, FederationOfferQuery } from '../../../contracts/networking.js';
import type { FEDERATION_INFO_SORTS, FederationInfoEntry, FederationInfoQuery } from '../../../contracts/networking-info.js';
import { escapeLike } from '../../platform/db/like.js';
import { sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { codeMatches } from './info-entry-service.js';
import type { Party } from './matching.js';

/**
 * Across the federation (issue 18.8): what the other organisations of this
 * one's federation (its umbrella, its branches, its sibling branches) chose
 * to share with it. Row-level security keeps each tenant to its own rows; only
 * the SECURITY DEFINER functions of migration 0073 cross, for the
 * transaction's own organisation, and they return the public columns of the
 * shared rows and nothing to write. The choice is the owner's, in its
 * networking settings (`shareInfoWithFederation`…, settings-service.ts).
 */

// The rows of federation_info_entries(), named by the alias `f`.
const f = {
  orgId: sql<string>`f.org_id`,
  orgName: sql<string>`f.org_name`,
  id: sql<string>`f.id`,
  type: sql<FederationInfoEntry['type']>`f.type`,
  title: sql<string>`f.title`,
  body: sql<string>`f.body`,
  source: sql<string>`f.source`,
  sourceUrl: sql<string>`f.source_url`,
  reviewOn: sql<string>`f.review_on::text`,
  sectors: sql<string[]>`f.sectors`,
  hsCodes: sql<string[]>`f.hs_codes`,
  countries: sql<string[]>`f.countries`,
  // ISO text here: a function's columns come back as the driver reads them, which differs between PGlite and node-postgres.
  publishedAt: sql<string | null>`to_char(f.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
};

const SHARED_ENTRY_LIST: SortedList<(typeof FEDERATION_INFO_SORTS)[number]> = {
  id: sql`f.id`,
  columns: {
    published: { by: sql`f.published_at`, type: 'timestamptz' },
    title: { by: sql`lower(f.title)`, type: 'text' },
  },
};

/** A page of the published information entries the federation's other organisations share, searched as the own list is. */
export async function listFederationInfoEntryPage(ctx: TenantCtx, query: FederationInfoQuery): Promise<{ items: FederationInfoEntry[]; nextCursor: string | null }> {
  const pattern = query.q ? `%${escapeLike(query.q)}%` : null;
  const conditions: Array<SQL | undefined> = [
    query.type ? eq(f.type, query.type) : undefined,
    pattern ? sql`(f.title || ' ' || f.body || ' ' || f.source) ILIKE ${pattern}` : undefined,
    query.sector ? codeMatches(sql`f.sectors`, query.sector) : undefined,
    query.hs ? codeMatches(sql`f.hs_codes`, query.hs) : undefined,
    query.country ? sql`${query.country} = ANY(f.countries)` : undefined,
  ];
  const page = await sortedPage(SHARED_ENTRY_LIST, query, (k) => ctx.tx.select({ ...f, k }).from(sql`federation_info_entries() f`).$dynamic(), conditions, (r) => r.id);
  return { items: page.items.map(({ k: _k, ...entry }) => entry), nextCursor: page.nextCursor };
}

// ISO text: a function's timestamps come back as the driver reads them, which differs between PGlite and node-postgres.
const iso = (column: string) => sql<string | null>`to_char(${sql.raw(column)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// The rows of federation_offers(at), named by the alias `o`: the offer's own columns and its organisation, never its firm.
const o = {
  id: sql<string>`o.id`,
  kind: sql<FederationOffer['kind']>`o.kind`,
  side: sql<FederationOffer['side']>`o.side`,
  title: sql<string>`o.title`,
  offered: sql<string>`o.offered`,
  sought: sql<string>`o.sought`,
  hsCodes: sql<string[]>`o.hs_codes`,
  sectors: sql<string[]>`o.sectors`,
  countries: sql<string[]>`o.countries`,
  publishedAt: iso('o.published_at'),
  expiresAt: iso('o.expires_at'),
  orgId: sql<string>`o.org_id`,
  orgName: sql<string>`o.org_name`,
  contact: sql<string>`o.org_contact`,
};
type SharedOfferRow = { [K in keyof typeof o]: (typeof o)[K]['_']['type'] };

const presentSharedOffer = ({ orgId, orgName, contact, ...offer }: SharedOfferRow): FederationOffer => ({ ...offer, sharedBy: { orgId, orgName, contact } });

const SHARED_OFFER_LIST: SortedList<(typeof FEDERATION_OFFER_SORTS)[number]> = {
  id: sql`o.id`,
  columns: {
    published: { by: sql`o.published_at`, type: 'timestamptz' },
    title: { by: sql`lower(o.title)`, type: 'text' },
  },
};

/** A page of the cooperation offers and requests the federation's other organisations share, listed at `now` (published, not expired). */
export async function listFederationOfferPage(ctx: TenantCtx, query: FederationOfferQuery, now: Date): Promise<{ items: FederationOffer[]; nextCursor: string | null }> {
  const pattern = query.q ? `%${escapeLike(query.q)}%` : null;
  const conditions: Array<SQL | undefined> = [
    query.kind ? eq(o.kind, query.kind) : undefined,
    query.side ? eq(o.side, query.side) : undefined,
    pattern ? sql`(o.title || ' ' || o.offered || ' ' || o.sought) ILIKE ${pattern}` : undefined,
  ];
  const page = await sortedPage(SHARED_OFFER_LIST, query, (k) => ctx.tx.select({ ...o, k }).from(sql`federation_offers(${now.toISOString()}::timestamptz) o`).$dynamic(), conditions, (r) => r.id);
  return { items: page.items.map(({ k: _k, ...row }) => presentSharedOffer(row)), nextCursor: page.nextCursor };
}

/**
 * How many shared offers matching reads at most, the most recently published first: a bound on
 * what other organisations' sharing can cost each ranking here. Unlike the organisation's own
 * candidates (all read), a federation sharing more than this loses its oldest offers from matching;
 * they stay in the shared list.
 */
const SHARED_CANDIDATES = 2000;

/**
 * The shared offers as matchmaking candidates: what the offer itself says
 * (kind, side, products, sectors, countries). Nothing of the firm crosses, so
 * its region, size, languages and certifications are unknown and count for
 * nothing; the offer stands for itself (its id in place of the firm's).
 */
export async function federationOfferParties(ctx: TenantCtx, now: Date): Promise<Party[]> {
  const rows = await ctx.tx.select(o).from(sql`federation_offers(${now.toISOString()}::timestamptz) o`).orderBy(sql`o.published_at DESC`, sql`o.id`).limit(SHARED_CANDIDATES);
  return rows.map((r) => ({
    memberId: r.id, firmName: '', sharedBy: { orgId: r.orgId, orgName: r.orgName, contact: r.contact },
    offer: { id: r.id, title: r.title, kind: r.kind, side: r.side },
    hs: r.hsCodes, isic: r.sectors, region: null, markets: r.countries, size: null, languages: [], certifications: [],
    listed: true, expired: false,
  }));
}
