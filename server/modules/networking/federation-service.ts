import { eq, sql, type SQL } from 'drizzle-orm';
import type { FEDERATION_INFO_SORTS, FederationInfoEntry, FederationInfoQuery } from '../../../contracts/networking-info.js';
import { escapeLike } from '../../platform/db/like.js';
import { sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { codeMatches } from './info-entry-service.js';

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
