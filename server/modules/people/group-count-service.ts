import { sql } from 'drizzle-orm';
import type { ParticipationRole } from '../../../contracts/people.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { arrayLiteral } from '../../platform/db/array-literal.js';

/** People once each beside the simple sum (each person once per activity), for a group of activities or all of them. */
export interface GroupedCount {
  /** Each person once, however many activities they were recorded in. */
  people: number;
  /** Σ over the activities of each one's people: what adding up one count per activity gives. */
  sum: number;
}

export interface GroupedCounts {
  /** Per role, per group key given. A group without anyone recorded is absent. */
  byGroup: Map<ParticipationRole, Map<string, GroupedCount>>;
  /** Per role, over every activity given: people once each, the simple sum, and why they differ. */
  total: Map<ParticipationRole, GroupedCount & {
    /** Σ over the groups of each group's people (a person of two groups counts twice). */
    sumOfGroups: number;
    /** People recorded in two activities or more. */
    inSeveralSources: number;
    /** People recorded in activities of two groups or more. */
    inSeveralGroups: number;
  }>;
}

/**
 * Counts a module's people by groups of its activities in one statement: an
 * LED roll-up's regions are groups of measures. Each person counts once per
 * activity and role (whatever the days), once per group and once overall; the
 * simple sums beside them are what adding per-activity (or per-group) counts
 * would give, and the people in several activities or groups are the
 * difference between them. The owner hands activity ids and group keys as
 * values (never SQL): the people module reads only its own table.
 */
export async function countPeopleByGroup(ctx: TenantCtx, of: { source: string; kinds: string[]; roles: ParticipationRole[]; groups: Array<{ sourceId: string; group: string }> }): Promise<GroupedCounts> {
  const result: GroupedCounts = { byGroup: new Map(), total: new Map() };
  for (const role of of.roles) {
    result.byGroup.set(role, new Map());
    result.total.set(role, { people: 0, sum: 0, sumOfGroups: 0, inSeveralSources: 0, inSeveralGroups: 0 });
  }
  if (!of.groups.length || !of.roles.length || !of.kinds.length) return result;
  // Groups travel as numbers: a number groups and hashes faster than its text.
  const keys = [...new Set(of.groups.map((g) => g.group))];
  const index = new Map(keys.map((k, i) => [k, i]));
  const ids = arrayLiteral(of.groups.map((g) => g.sourceId));
  const groupIds = arrayLiteral(of.groups.map((g) => index.get(g.group)!));
  // A report over a few hundred thousand records: room to hash them in memory rather than spill to disk.
  // JIT compiling costs more than it saves on a query of a few hundred milliseconds.
  await ctx.tx.execute(sql`SET LOCAL work_mem = '64MB'`);
  await ctx.tx.execute(sql`SET LOCAL jit = off`);
  // Once per person, activity and role first, then once per person, group and role with how many of
  // the group's activities they were on; people per group and per person follow by plain counts
  // (no count(DISTINCT), which sorts).
  const raw = (await ctx.tx.execute<{ level: string; role: string; grp: number | null; people: number; sum: number; several_sources: number; several_groups: number }>(sql`
    WITH g AS MATERIALIZED (
      SELECT * FROM unnest(${ids}::uuid[], ${groupIds}::int[]) AS g(source_id, grp)
    ), once AS (
      SELECT p.role, p.person_id, p.source_id, g.grp
        FROM person_participations p
        JOIN g ON g.source_id = p.source_id
       WHERE p.org_id = ${ctx.orgId} AND p.source = ${of.source} AND p.kind = ANY(${arrayLiteral(of.kinds)}::text[]) AND p.role = ANY(${arrayLiteral(of.roles)}::text[])
       GROUP BY p.role, p.person_id, p.source_id, g.grp
    ), per_group_person AS MATERIALIZED (
      SELECT role, person_id, grp, count(*)::int AS sources FROM once GROUP BY role, person_id, grp
    ), per_person AS (
      SELECT role, sum(sources)::int AS sources, count(*)::int AS groups FROM per_group_person GROUP BY role, person_id
    )
    SELECT 'group' AS level, role, grp, count(*)::int AS people, sum(sources)::int AS sum, 0 AS several_sources, 0 AS several_groups FROM per_group_person GROUP BY role, grp
    UNION ALL
    SELECT 'total', role, NULL, count(*)::int, sum(sources)::int, count(*) FILTER (WHERE sources > 1)::int, count(*) FILTER (WHERE groups > 1)::int FROM per_person GROUP BY role`)).rows;
  const rows = raw.map((r) => ({ ...r, grp: r.grp === null ? null : keys[Number(r.grp)]! }));
  for (const r of rows) {
    const role = r.role as ParticipationRole;
    if (r.level === 'group') {
      result.byGroup.get(role)?.set(r.grp!, { people: Number(r.people), sum: Number(r.sum) });
    } else {
      const t = result.total.get(role);
      if (t) Object.assign(t, { people: Number(r.people), sum: Number(r.sum), inSeveralSources: Number(r.several_sources), inSeveralGroups: Number(r.several_groups) });
    }
  }
  for (const [role, groups] of result.byGroup) result.total.get(role)!.sumOfGroups = [...groups.values()].reduce((s, g) => s + g.people, 0);
  return result;
}

/**
 * Who is behind a grouped count: each person recorded in these activities in
 * a role, with the activities they were recorded in, by name; `total` is all
 * of them, `items` at most `limit` from `after` (a person id, keyset on name
 * and id) so a figure of thousands opens page by page.
 */
export async function peopleOfActivities(ctx: TenantCtx, of: { source: string; kinds: string[]; role: ParticipationRole; sourceIds: string[]; limit: number; after?: { name: string; id: string } }) {
  if (!of.sourceIds.length) return { total: 0, items: [] as Array<{ id: string; name: string; sex: string; sourceIds: string[] }> };
  const ids = arrayLiteral(of.sourceIds);
  const kinds = arrayLiteral(of.kinds);
  const who = sql`p.org_id = ${ctx.orgId} AND p.source = ${of.source} AND p.kind = ANY(${kinds}::text[]) AND p.role = ${of.role} AND p.source_id = ANY(${ids}::uuid[])`;
  const [count] = (await ctx.tx.execute<{ n: number }>(sql`SELECT count(DISTINCT p.person_id)::int AS n FROM person_participations p WHERE ${who}`)).rows;
  const items = (await ctx.tx.execute<{ id: string; name: string; sex: string; source_ids: string[] }>(sql`
    SELECT pe.id, pe.name, pe.sex, array_agg(DISTINCT p.source_id::text) AS source_ids
      FROM person_participations p
      JOIN people pe ON pe.org_id = p.org_id AND pe.id = p.person_id
     WHERE ${who} ${of.after ? sql`AND (pe.name, pe.id) > (${of.after.name}, ${of.after.id}::uuid)` : sql``}
     GROUP BY pe.id, pe.name, pe.sex
     ORDER BY pe.name, pe.id
     LIMIT ${of.limit}`)).rows;
  return { total: Number(count?.n ?? 0), items: items.map((r) => ({ id: r.id, name: r.name, sex: r.sex, sourceIds: r.source_ids })) };
}
