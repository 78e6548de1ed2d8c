import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { currentPersonIds } from './person-ids.js';
import { ageBandAt, type AgeBand, type AgeBandOrUnknown, type ParticipationRole } from '../../../contracts/people.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { people, personParticipations } from './tables.js';

/**
 * Participations in a period, each with who took part as the results module
 * counts them: the person (once merged, the record kept), their sex, and their
 * age band on the day (from the birth year when known), and the activity
 * (`source`, `kind`, `sourceId`) its module recorded it on.
 */
export async function participationsBetween(ctx: TenantCtx, startsOn: string, endsOn: string, roles: ParticipationRole[]) {
  const p = personParticipations;
  const rows = await ctx.tx
    .select({ id: p.id, personId: p.personId, on: p.occurredOn, role: p.role, kind: p.kind, source: p.source, sourceId: p.sourceId, sex: people.sex, birthYear: people.birthYear, ageBand: people.ageBand })
    .from(p)
    .innerJoin(people, and(eq(people.orgId, p.orgId), eq(people.id, p.personId)))
    .where(and(eq(p.orgId, ctx.orgId), inArray(p.role, roles), gte(p.occurredOn, startsOn), lte(p.occurredOn, endsOn)));
  return rows.map((r) => ({ id: r.id, personId: r.personId, on: r.on, role: r.role, kind: r.kind, source: r.source, sourceId: r.sourceId, sex: r.sex, ageBand: ageBandAt({ birthYear: r.birthYear, ageBand: r.ageBand as AgeBand | null }, r.on) }));
}

/** Which participations a figure counts: in these roles, recorded by one module (`source`) or any, of one kind of activity or any. */
export interface ParticipationSelection {
  roles: readonly ParticipationRole[];
  source?: string;
  kind?: string;
}

/** People counted in one cell: of one sex and, on the day of their first participation counted, one age band. */
export interface PeopleCell {
  sex: string;
  ageBand: AgeBandOrUnknown;
  people: number;
  participations: number;
}

const selected = (s: ParticipationSelection) =>
  sql.join([
    s.roles.length ? sql`p.role IN (${sql.join(s.roles.map((r) => sql`${r}`), sql`, `)})` : sql`false`,
    ...(s.source !== undefined ? [sql`p.source = ${s.source}`] : []),
    ...(s.kind !== undefined ? [sql`p.kind = ${s.kind}`] : []),
  ], sql` AND `);

/**
 * The people of `participationsBetween`, counted in the database for each
 * selection: each person once, in the cell of their sex and their age band on
 * the day of their first participation selected (so cells add up to the
 * people), with the participations selected. One pass over the period's
 * participations for every selection; only the cells leave the database.
 */
export async function peopleCountedBetween(ctx: TenantCtx, startsOn: string, endsOn: string, selections: readonly ParticipationSelection[]): Promise<PeopleCell[][]> {
  if (!selections.length) return [];
  const each = (f: (i: number) => string) => sql.raw(selections.map((_, i) => f(i)).join(', '));
  // Per person and selection: the year of the first participation (all the age band needs) and how many.
  const perPerson = selections.map((s, i) => sql`extract(year FROM min(p.occurred_on) FILTER (WHERE ${selected(s)}))::int AS ${sql.raw(`y_${i}`)}, count(*) FILTER (WHERE ${selected(s)}) AS ${sql.raw(`n_${i}`)}`);
  // Then people alike (sex, birth year or band stated, those years) together: a few thousand rows at most.
  const rows = await ctx.tx.execute<{ sex: string; birthYear: number | null; ageBand: string | null; people: number } & Record<`y_${number}` | `n_${number}`, number | null>>(sql`
    WITH per_person AS (
      SELECT p.person_id, ${sql.join(perPerson, sql`, `)}
      FROM person_participations p
      WHERE p.org_id = ${ctx.orgId} AND p.occurred_on BETWEEN ${startsOn}::date AND ${endsOn}::date
        AND (${sql.join(selections.map((s) => sql`(${selected(s)})`), sql` OR `)})
      GROUP BY p.person_id)
    SELECT per.sex, per.birth_year AS "birthYear", per.age_band AS "ageBand", ${each((i) => `x.y_${i}`)},
           count(*)::int AS people, ${each((i) => `sum(x.n_${i})::int AS n_${i}`)}
    FROM per_person x
    JOIN people per ON per.org_id = ${ctx.orgId} AND per.id = x.person_id
    GROUP BY per.sex, per.birth_year, per.age_band, ${each((i) => `x.y_${i}`)}`);
  const cells = selections.map(() => new Map<string, PeopleCell>());
  for (const r of rows.rows) {
    selections.forEach((_, i) => {
      const year = r[`y_${i}`];
      if (year === null) return;
      // The age band on a day depends only on its year (contracts/people.ts, ageInYear).
      const ageBand = ageBandAt({ birthYear: r.birthYear, ageBand: r.ageBand as AgeBand | null }, `${year}-01-01`);
      const key = `${r.sex} ${ageBand}`;
      const cell = cells[i]!.get(key);
      const participations = r[`n_${i}`]!;
      if (cell) {
        cell.people += r.people;
        cell.participations += participations;
      } else cells[i]!.set(key, { sex: r.sex, ageBand, people: r.people, participations });
    });
  }
  return cells.map((c) => [...c.values()]);
}

/**
 * Who these people were on a day, as results count them (another module's
 * records naming people, as trainers certified): the record a merged id became,
 * its sex and its age band on that day, in the order asked (null for an id of no person).
 */
export async function peopleOnDays(ctx: TenantCtx, entries: Array<{ personId: string; on: string }>) {
  const current = await currentPersonIds(ctx, entries.map((e) => e.personId));
  const ids = [...new Set(current.values())];
  const rows = ids.length
    ? await ctx.tx.select({ id: people.id, sex: people.sex, birthYear: people.birthYear, ageBand: people.ageBand }).from(people).where(and(eq(people.orgId, ctx.orgId), inArray(people.id, ids)))
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return entries.map((e) => {
    const person = byId.get(current.get(e.personId) ?? '');
    return person ? { personId: person.id, on: e.on, sex: person.sex, ageBand: ageBandAt({ birthYear: person.birthYear, ageBand: person.ageBand as AgeBand | null }, e.on) } : null;
  });
}
