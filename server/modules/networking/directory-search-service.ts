import { and, eq, gt, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { DirectoryFilter, PublicField } from '../../../contracts/networking.js';
import { CursorKey, decodeCursor, encodeCursor } from '../../platform/db/cursor.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { directoryFirms } from '../members/audience-service.js';
import { activeFirmsByName, countActiveFirms, estimatedActiveFirms, firmsNamed, type FirmsAmong, type NamePosition } from '../members/name-order-service.js';
import type { ProfileRow } from './present.js';
import { profileFactConditions, profilesOf } from './profile-service.js';
import { networkingProfiles } from './tables.js';

/** Firms on a page of the public directory, and how far a count goes before it says "more than". */
export const DIRECTORY_PAGE = 50;
export const DIRECTORY_COUNT_UP_TO = 1000;

const p = networkingProfiles;
/** A filter or a word matches only what the firm made public: a search must not tell which firms hid a region by listing them. */
const shown = (field: PublicField, condition?: SQL): SQL => (condition ? sql`(${field} = ANY(${p.publicFields}) AND ${condition})` : sql`${field} = ANY(${p.publicFields})`);

/** The listed profiles (opted in, not expired) the profile-side filters (and `also`) leave, as a set of member ids. */
function listedAmong(ctx: TenantCtx, filter: Omit<DirectoryFilter, 'sort' | 'state'>, now: Date, also?: SQL): SQL {
  return ctx.tx.select({ id: p.memberId }).from(p).where(and(
    eq(p.orgId, ctx.orgId), eq(p.optedIn, true), isNotNull(p.expiresAt), gt(p.expiresAt, now),
    // Filters on the firm's registry facts apply only where the firm shows that fact.
    filter.sector ? shown('sector') : undefined,
    filter.region ? shown('region') : undefined,
    filter.size ? shown('size') : undefined,
    ...profileFactConditions(filter, shown),
    also,
  )).getSQL();
}

/**
 * Profiles whose public text (summary, products and services, certifications) holds the words:
 * 0078's function over the column it adds, as the owner, so its trigram index serves (under
 * row-level security LIKE would read every profile).
 */
function textAmong(q: string): SQL {
  return sql`SELECT member_id FROM networking_profile_text_matches(${q})`;
}

/**
 * The same test as 0078's function on the profile at hand (its public text, migration 0078): for a word too
 * common to gather. The column is left out of tables.ts: only searches read it, and every profile read would carry it.
 */
function publicTextHolds(q: string): SQL {
  return sql`"networking_profiles"."public_text" LIKE networking_like_pattern(${q})`;
}

/**
 * A word in at least this share of the tenant's listed profiles (0078's sample) is tested on each
 * profile the page and the count reach; a rarer one is gathered through the function. Gathering a word
 * in a fifth of 100,000 profiles took 460 ms (page and count), in a third 1 s.
 */
const GATHER_TEXT_BELOW = 0.02;

/** The share of the tenant's listed profiles whose public text holds the words (0078: a sample of that tenant's only). */
async function textShare(ctx: TenantCtx, q: string): Promise<number> {
  const [row] = (await ctx.tx.execute<{ share: number }>(sql`SELECT networking_profile_text_share(${q}) AS share`)).rows;
  return Number(row?.share ?? 0);
}

/**
 * With a common word expected in at least WALK_FROM firms (of 44,000 active in the benchmark: one in
 * twenty), the first WALK_FIRST firms in name order are tested before the matches are gathered instead.
 */
const WALK_FROM = 2_000;
const WALK_FIRST = 1_000;

/**
 * How a page finds the firms whose public text holds the words; every way gives the same firms, only the
 * time differs. `gather`: the matches through 0078's function (a rare word); `test`: a LIKE on each profile
 * the filters leave (a common one); `walk`: the next `window` firms in name order tested one by one, then,
 * if too few match, as `test`.
 */
export type DirectoryTextPlan = { way: 'gather' } | { way: 'test' } | { way: 'walk'; window: number };

/**
 * The way for these words: by their share of the tenant's listed profiles, and for a common word whether
 * the planner expects enough matches (the filters without the words, times that share) to walk to them.
 * Only the speed depends on it, never the page nor the count.
 */
export async function planDirectoryText(ctx: TenantCtx, filter: Omit<DirectoryFilter, 'sort' | 'state'>, now: Date, q: string): Promise<DirectoryTextPlan> {
  const share = await textShare(ctx, q);
  if (share < GATHER_TEXT_BELOW) return { way: 'gather' };
  const filtered = await estimatedActiveFirms(ctx, { among: listedAmong(ctx, filter, now), sector: filter.sector, region: filter.region, size: filter.size });
  return filtered * share >= WALK_FROM ? { way: 'walk', window: WALK_FIRST } : { way: 'test' };
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
 * DIRECTORY_COUNT_UP_TO, then "more than") and the cursor of the next page.
 * `plan` chooses how the words are found (tests take each way in turn).
 */
export async function publicDirectoryPage(
  ctx: TenantCtx, filter: Omit<DirectoryFilter, 'sort' | 'state'>, now: Date, page: { cursor?: string | undefined; limit?: number } = {},
  plan: typeof planDirectoryText = planDirectoryText,
) {
  const q = filter.q?.trim();
  const named = q ? await firmsNamed(ctx, q) : undefined;
  const memberSide = { sector: filter.sector, region: filter.region, size: filter.size };
  const how = q ? await plan(ctx, filter, now, q) : undefined;
  // A common word is tested on the profiles the filters leave (`firms`) or on each firm walked to (`walk`);
  // a rare one is gathered through 0078's function, beside the names.
  const firms: FirmsAmong = q && how && how.way !== 'gather'
    ? { among: listedAmong(ctx, filter, now, sql`(${publicTextHolds(q)}${named ? sql` OR ${p.memberId} IN (SELECT member_id FROM (${named}) n)` : sql``})`), ...memberSide }
    : { among: listedAmong(ctx, filter, now), named, orAmong: q ? textAmong(q) : undefined, ...memberSide };
  const walk = q && how?.way === 'walk'
    ? { window: how.window, firms: { among: listedAmong(ctx, filter, now), named, orAmong: ctx.tx.select({ id: p.memberId }).from(p).where(and(eq(p.orgId, ctx.orgId), publicTextHolds(q))).getSQL(), ...memberSide } }
    : undefined;
  const { ids, last } = await activeFirmsByName(ctx, firms, positionOf(page.cursor), page.limit ?? DIRECTORY_PAGE, walk);
  // A first page that holds every match has counted them; otherwise they are counted up to the cap. No
  // estimate stands in for the count: the planner's may say "more than 1,000" of a few hundred.
  const found = !page.cursor && !last ? ids.length : await countActiveFirms(ctx, firms, DIRECTORY_COUNT_UP_TO);
  const rows = await profilesOf(ctx, ids);
  const facts = await directoryFirms(ctx, ids);
  const rowOf = new Map<string, ProfileRow>(rows.map((r) => [r.memberId, r]));
  return {
    profiles: ids.filter((id) => rowOf.has(id) && facts.has(id)).map((id) => ({ row: rowOf.get(id)!, firm: facts.get(id)! })),
    found,
    next: last ? encodeCursor([...last]) : null,
  };
}
