import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { MemberFilter, MemberQuery } from '../../../contracts/members.js';
import { decodeCursor, pageOf } from '../../platform/db/cursor.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { members } from './tables.js';

// Name matching runs in member_name_matches() (migration 0010): under
// row-level security the trigram index could not be used from here.
const nameMatches = (q: string) => sql`${members.id} IN (SELECT member_id FROM member_name_matches(${q}))`;

export function sectorCondition(code: string): SQL {
  if (/^[A-Za-z]$/.test(code)) return eq(members.isicSection, code.toUpperCase());
  if (code.length === 2) return eq(members.isicDivision, code);
  if (code.length === 3) return eq(members.isicGroup, code);
  return eq(members.isicClass, code);
}

export function memberConditions(ctx: TenantCtx, f: Omit<MemberFilter, 'sort'>): Array<SQL | undefined> {
  return [
    eq(members.orgId, ctx.orgId),
    // Substring anywhere, or a close spelling of a word ("kentey" finds "Kente").
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

/**
 * The first sort key of each order and its type. Cursors carry that key as
 * text, cast back on the way in, so no precision is lost through JavaScript.
 */
function ordering(query: MemberQuery): { key: SQL; type: SQL; desc: boolean } {
  const desc = query.sort.startsWith('-');
  switch (query.sort.replace('-', '')) {
    case 'created':
      return { key: sql`${members.createdAt}`, type: sql.raw('timestamptz'), desc };
    case 'renewal':
      return { key: sql`coalesce(${members.renewalDueOn}, '9999-12-31'::date)`, type: sql.raw('date'), desc };
    default:
      return { key: sql`lower(${members.legalName})`, type: sql.raw('text'), desc };
  }
}

/** With a name to search, the best matches first: ids and scores from the match function, then the rows. */
async function searchByName(ctx: TenantCtx, query: MemberQuery & { q: string }) {
  const after = decodeCursor<[string, string]>(query.cursor, 2);
  const { q: _q, ...filters } = query;
  // The match function runs once: the total of the first page comes with it.
  const ranked = await ctx.tx.execute<{ id: string; k: string; total: number }>(sql`
    SELECT ${members.id} AS id, nm.score::text AS k, count(*) OVER ()::int AS total
    FROM ${members} JOIN member_name_matches(${query.q}) nm ON nm.member_id = ${members.id}
    WHERE ${and(...memberConditions(ctx, filters))}
      ${after ? sql`AND (nm.score, ${members.id}) < (${after[0]}::real, ${after[1]}::uuid)` : sql``}
    ORDER BY nm.score DESC, ${members.id} DESC
    LIMIT ${query.limit + 1}`);
  const page = pageOf(ranked.rows, query.limit, (r) => [r.k, r.id]);
  const ids = page.items.map((r) => r.id);
  const rows = ids.length ? await ctx.tx.select().from(members).where(and(eq(members.orgId, ctx.orgId), inArray(members.id, ids))) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { nextCursor: page.nextCursor, items: ids.map((id) => byId.get(id)!).filter(Boolean), total: after ? null : (ranked.rows[0]?.total ?? 0) };
}

export async function searchMembers(ctx: TenantCtx, query: MemberQuery) {
  if (query.q) return searchByName(ctx, query as MemberQuery & { q: string });
  const { key, type, desc } = ordering(query);
  const after = decodeCursor<[string, string]>(query.cursor, 2);
  const afterCondition = after
    ? desc
      ? sql`(${key}, ${members.id}) < (${after[0]}::${type}, ${after[1]}::uuid)`
      : sql`(${key}, ${members.id}) > (${after[0]}::${type}, ${after[1]}::uuid)`
    : undefined;
  const rows = await ctx.tx
    .select({ member: members, k: sql<string>`(${key})::text` })
    .from(members)
    .where(and(...memberConditions(ctx, query), afterCondition))
    .orderBy(desc ? sql`${key} desc, ${members.id} desc` : sql`${key} asc, ${members.id} asc`)
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (r) => [r.k, r.member.id]);
  return { nextCursor: page.nextCursor, items: page.items.map((r) => r.member), total: undefined as number | null | undefined };
}

export async function countMembers(ctx: TenantCtx, filter: Omit<MemberFilter, 'sort'>) {
  const [row] = await ctx.tx.select({ n: sql<number>`count(*)::int` }).from(members).where(and(...memberConditions(ctx, filter)));
  return row!.n;
}
