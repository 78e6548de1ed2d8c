import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { MemberFilter } from '../../../contracts/members.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { members } from './tables.js';

// Name matching runs in member_name_matches() (migrations 0021, 0028): under
// row-level security the trigram index could not be used from here. The
// search itself ranks through search-by-name.ts; this serves counts and export.
const nameMatches = (q: string) => sql`${members.id} IN (SELECT member_id FROM member_name_matches(${q}))`;

export function sectorCondition(code: string): SQL {
  if (/^[A-Za-z]$/.test(code)) return eq(members.isicSection, code.toUpperCase());
  if (code.length === 2) return eq(members.isicDivision, code);
  if (code.length === 3) return eq(members.isicGroup, code);
  return eq(members.isicClass, code);
}

export type MemberFilters = Omit<MemberFilter, 'sort'>;

export function memberConditions(ctx: TenantCtx, f: MemberFilters): Array<SQL | undefined> {
  return [
    eq(members.orgId, ctx.orgId),
    // Every term: the start or a part of a word, or a misspelling within two edits ("kentey" finds "Kente").
    f.q ? nameMatches(f.q) : undefined,
    f.sector ? sectorCondition(f.sector) : undefined,
    f.region ? eq(members.region, f.region) : undefined,
    f.size?.length ? inArray(members.sizeClass, f.size) : undefined,
    f.status?.length ? inArray(members.status, f.status) : undefined,
    f.informal ? eq(members.formality, f.informal === 'true' ? 'informal' : 'formal') : undefined,
    f.womenLed ? eq(members.womenLed, f.womenLed === 'true') : undefined,
    f.tag ? sql`${members.tags} @> ARRAY[${f.tag}]::text[]` : undefined,
  ];
}

/** Whether anything but the name narrows the list. */
export function hasFieldFilters(f: MemberFilters): boolean {
  return Boolean(f.sector || f.region || f.size?.length || f.status?.length || f.informal || f.womenLed || f.tag);
}
