import { and, eq, gt, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { DirectoryFilter, PublicField } from '../../../contracts/networking.js';
import { CursorKey, decodeCursor, encodeCursor } from '../../platform/db/cursor.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { directoryFirms } from '../members/audience-service.js';
import { activeFirmsByName, countActiveFirms, firmsNamed, type NamePosition } from '../members/name-order-service.js';
import type { ProfileRow } from './present.js';
import { profileFactConditions } from './profile-service.js';
import { networkingProfiles } from './tables.js';

/** Firms on a page of the public directory, and how far a count goes before it says "more than". */
export const DIRECTORY_PAGE = 50;
export const DIRECTORY_COUNT_UP_TO = 1000;

const p = networkingProfiles;
/** A filter or a word matches only what the firm made public: a search must not tell which firms hid a region by listing them. */
const shown = (field: PublicField, condition?: SQL): SQL => (condition ? sql`(${field} = ANY(${p.publicFields}) AND ${condition})` : sql`${field} = ANY(${p.publicFields})`);

/** The listed profiles (opted in, not expired) the profile-side filters leave, as a set of member ids. */
function listedAmong(ctx: TenantCtx, filter: Omit<DirectoryFilter, 'sort' | 'state'>, now: Date): SQL {
  return ctx.tx.select({ id: p.memberId }).from(p).where(and(
    eq(p.orgId, ctx.orgId), eq(p.optedIn, true), isNotNull(p.expiresAt), gt(p.expiresAt, now),
    // Filters on the firm's registry facts apply only where the firm shows that fact.
    filter.sector ? shown('sector') : undefined,
    filter.region ? shown('region') : undefined,
    filter.size ? shown('size') : undefined,
    ...profileFactConditions(filter, shown),
  )).getSQL();
}

/**
 * Profiles whose public text (summary, products and services, certifications) holds the words:
 * migration 0074's function, as the owner, so its trigram indexes serve (under row-level
 * security LIKE would read every profile).
 */
function textAmong(q: string): SQL {
  return sql`SELECT member_id FROM networking_profile_text_matches(${q})`;
}

/** Reads a page's cursor; one ill-formed (an edited address) starts at the first page, as a search box should. */
function positionOf(cursor: string | undefined): NamePosition | null {
  try {
    return decodeCursor(cursor, [CursorKey.text, CursorKey.uuid]);
  } catch {
    return null;
  }
}

/**
 * A page of the public directory in the firms' name order: listed profiles of
 * active members matching the filters, with a count of all that match (up to
 * DIRECTORY_COUNT_UP_TO) and the cursor of the next page.
 */
export async function publicDirectoryPage(ctx: TenantCtx, filter: Omit<DirectoryFilter, 'sort' | 'state'>, now: Date, page: { cursor?: string | undefined; limit?: number } = {}) {
  const q = filter.q?.trim();
  const named = q ? await firmsNamed(ctx, q) : undefined;
  const firms = { among: listedAmong(ctx, filter, now), named, orAmong: q ? textAmong(q) : undefined, sector: filter.sector, region: filter.region, size: filter.size };
  const { ids, last } = await activeFirmsByName(ctx, firms, positionOf(page.cursor), page.limit ?? DIRECTORY_PAGE);
  const found = await countActiveFirms(ctx, firms, DIRECTORY_COUNT_UP_TO);
  const rows = ids.length ? await ctx.tx.select().from(p).where(and(eq(p.orgId, ctx.orgId), inArray(p.memberId, ids))) : [];
  const facts = await directoryFirms(ctx, ids);
  const rowOf = new Map<string, ProfileRow>(rows.map((r) => [r.memberId, r]));
  return {
    profiles: ids.filter((id) => rowOf.has(id) && facts.has(id)).map((id) => ({ row: rowOf.get(id)!, firm: facts.get(id)! })),
    found,
    next: last ? encodeCursor([...last]) : null,
  };
}
