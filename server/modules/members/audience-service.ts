import { and, asc, eq, ilike, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { arrayLiteral } from '../../platform/db/array-literal.js';
import { escapeLike } from '../../platform/db/like.js';
import type { Audience } from '../../../contracts/surveys.js';
import type { TenantCtx, Tx } from '../../platform/db/tenancy.js';
import { memberContacts, members } from './tables.js';
import { sectorCondition } from './member-conditions.js';
import { firmsNamed } from './search-by-name.js';

/**
 * What other modules may know of member firms: who belongs to a segment,
 * whom to write to, and a firm's profile for evidence and cross-tabs.
 */

/** Active member firms in a segment of the registry. */
export async function firmsInAudience(ctx: TenantCtx, audience: Audience) {
  const conditions: Array<SQL | undefined> = [
    eq(members.orgId, ctx.orgId),
    eq(members.status, 'active'),
    audience.sector ? sectorCondition(audience.sector) : undefined,
    audience.region ? eq(members.region, audience.region) : undefined,
    audience.size?.length ? inArray(members.sizeClass, audience.size) : undefined,
    audience.womenLed === undefined ? undefined : eq(members.womenLed, audience.womenLed),
    audience.youthLed === undefined ? undefined : eq(members.youthLed, audience.youthLed),
    audience.informal === undefined ? undefined : eq(members.formality, audience.informal ? 'informal' : 'formal'),
  ];
  return ctx.tx.select({ id: members.id, legalName: members.legalName, email: members.email }).from(members).where(and(...conditions));
}

/** Addresses to write to about a firm: its contacts who agreed to be contacted, else the firm's own address. */
export async function firmRecipients(tx: Tx, member: { id: string; email: string | null }): Promise<string[]> {
  const contacts = await tx
    .select({ email: memberContacts.email })
    .from(memberContacts)
    .where(and(eq(memberContacts.memberId, member.id), eq(memberContacts.consentToContact, true), isNull(memberContacts.erasedAt), sql`${memberContacts.email} is not null`));
  return contacts.length ? contacts.map((c) => c.email!) : member.email ? [member.email] : [];
}

export interface FirmProfile {
  name: string;
  email: string | null;
  sector: string | null;
  region: string | null;
  size: string | null;
  ownership: string;
  ownerSex: string | null;
}

/** The firm as the dashboards group it: ISIC section, region, size class, ownership, owner's sex. */
export async function firmProfiles(ctx: TenantCtx, ids: string[]): Promise<Map<string, FirmProfile>> {
  if (!ids.length) return new Map();
  const rows = await ctx.tx
    .select({
      id: members.id, name: members.legalName, email: members.email, sector: members.isicSection, region: members.region, size: members.sizeClass,
      womenLed: members.womenLed, youthLed: members.youthLed, ownerSex: members.ownerSex,
    })
    .from(members)
    .where(and(eq(members.orgId, ctx.orgId), inArray(members.id, ids)));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        name: r.name, email: r.email, sector: r.sector, region: r.region, size: r.size, ownerSex: r.ownerSex,
        ownership: r.womenLed && r.youthLed ? 'women_and_youth_led' : r.womenLed ? 'women_led' : r.youthLed ? 'youth_led' : 'other',
      },
    ]),
  );
}

/** The legal names of these firms of the organisation. */
export async function firmNames(ctx: TenantCtx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await ctx.tx.select({ id: members.id, name: members.legalName }).from(members).where(and(eq(members.orgId, ctx.orgId), inArray(members.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** These firms with what lists of firms show of them (ISIC section, region, size class), by legal name. */
export async function firmSummaries(ctx: TenantCtx, ids: string[]) {
  if (!ids.length) return [];
  return ctx.tx
    .select({ id: members.id, name: members.legalName, sector: members.isicSection, region: members.region, size: members.sizeClass })
    .from(members)
    .where(and(eq(members.orgId, ctx.orgId), inArray(members.id, ids)))
    .orderBy(asc(members.legalName));
}

type Counts = Array<{ key: string | null; count: number }>;
export interface FirmBreakdown {
  bySector: Counts;
  byRegion: Counts;
  bySize: Counts;
}

/**
 * Firms counted by ISIC section, region and size class within each group
 * (e.g. the firms behind each of several issues), in one grouped query; most
 * frequent first. Groups without a firm are left out.
 */
export async function firmBreakdowns(ctx: TenantCtx, firms: Array<{ group: string; memberId: string }>): Promise<Map<string, FirmBreakdown>> {
  const result = new Map<string, FirmBreakdown>();
  if (!firms.length) return result;
  // One parameter however many firms: a list of issues can name thousands.
  const pairs = JSON.stringify(firms.map((f) => ({ grp: f.group, member_id: f.memberId })));
  const rows = await ctx.tx.execute<{ grp: string; dim: number; key: string | null; count: number }>(sql`
    SELECT p.grp, grouping(m.isic_section, m.region, m.size_class) AS dim,
           coalesce(m.isic_section, m.region, m.size_class) AS key, count(*)::int AS count
    FROM jsonb_to_recordset(${pairs}::jsonb) AS p(grp text, member_id uuid) JOIN ${members} m ON m.id = p.member_id
    WHERE m.org_id = ${ctx.orgId}
    GROUP BY GROUPING SETS ((p.grp, m.isic_section), (p.grp, m.region), (p.grp, m.size_class))
    ORDER BY count DESC, key`);
  // grouping() sets a bit for each column left out: 3 = section kept, 5 = region kept, 6 = size kept.
  const field = { 3: 'bySector', 5: 'byRegion', 6: 'bySize' } as const;
  for (const r of rows.rows) {
    const name = field[Number(r.dim) as keyof typeof field];
    if (!name) continue;
    if (!result.has(r.grp)) result.set(r.grp, { bySector: [], byRegion: [], bySize: [] });
    result.get(r.grp)![name].push({ key: r.key, count: r.count });
  }
  return result;
}

/** What the networking directory shows of a firm beside its profile: the member record's facts and contact points. */
export interface DirectoryFirm {
  id: string;
  name: string;
  sector: string | null;
  region: string | null;
  size: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  active: boolean;
}

/** These firms of the organisation as the directory shows them (sector is the ISIC class, else the section). */
export async function directoryFirms(ctx: TenantCtx, ids: string[]): Promise<Map<string, DirectoryFirm>> {
  if (!ids.length) return new Map();
  const rows = await ctx.tx
    .select({
      id: members.id, name: members.legalName, isicClass: members.isicClass, isicSection: members.isicSection, region: members.region, size: members.sizeClass,
      email: members.email, phone: members.phone, website: members.website, status: members.status,
    })
    .from(members)
    // One parameter however many firms: matching reads tens of thousands of profiles, past a statement's 65,535 parameters.
    .where(and(eq(members.orgId, ctx.orgId), sql`${members.id} = ANY(${arrayLiteral([...new Set(ids)])}::uuid[])`));
  return new Map(rows.map((r) => [r.id, {
    id: r.id, name: r.name, sector: r.isicClass ?? r.isicSection, region: r.region, size: r.size, email: r.email, phone: r.phone, website: r.website, active: r.status === 'active',
  }]));
}

/**
 * Active firms whose ISIC class lies in one of these divisions (its first two
 * digits, as matching compares sectors), as SQL (`SELECT id …`) for another
 * module's statement: matching reads only the profiles a sector rule can reach.
 */
export function activeFirmsInDivisions(ctx: TenantCtx, divisions: string[]): SQL {
  return sql`SELECT ${members.id} FROM ${members} WHERE ${members.orgId} = ${ctx.orgId} AND ${members.status} = 'active' AND left(${members.isicClass}, 2) = ANY(${arrayLiteral(divisions)}::text[])`;
}

/** The ids of the organisation's firms matching the directory's member-side filters (name words, sector, region, size). */
export async function firmIdsWhere(ctx: TenantCtx, f: { q?: string; sector?: string; region?: string; size?: string }): Promise<string[]> {
  // Names as the member list matches them (member_name_matches() reads every word of the organisation: seconds at 100,000 firms).
  const named = f.q ? await firmsNamed(ctx, f.q) : undefined;
  if (named === null) return [];
  const rows = await ctx.tx
    .select({ id: members.id })
    .from(members)
    .where(and(
      eq(members.orgId, ctx.orgId),
      named ? sql`${members.id} IN (SELECT member_id FROM (${named}) n)` : undefined,
      f.sector ? sectorCondition(f.sector) : undefined,
      f.region ? eq(members.region, f.region) : undefined,
      f.size ? eq(members.sizeClass, f.size) : undefined,
    ));
  return rows.map((r) => r.id);
}

/** The ids of the organisation's firms whose legal name (as `firmNames` gives it) holds `part` in any case: for a list above that finds people by their firm's name in SQL (training's participants). */
export async function firmIdsNamedLike(ctx: TenantCtx, part: string): Promise<string[]> {
  const rows = await ctx.tx.select({ id: members.id }).from(members)
    .where(and(eq(members.orgId, ctx.orgId), ilike(members.legalName, `%${escapeLike(part)}%`)));
  return rows.map((r) => r.id);
}

/** Whom to write to about a firm, by its id (for jobs that run across organisations): as firmRecipients. */
export async function firmRecipientsById(tx: Tx, orgId: string, memberId: string): Promise<{ name: string; to: string[] } | null> {
  const [member] = await tx.select({ id: members.id, email: members.email, name: members.legalName }).from(members).where(and(eq(members.orgId, orgId), eq(members.id, memberId)));
  return member ? { name: member.name, to: await firmRecipients(tx, member) } : null;
}
