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

/** Selections as `people_counted()` reads them (migration 0071): roles, and the source and kind when given. */
const selectionsJson = (selections: readonly ParticipationSelection[]) =>
  JSON.stringify(selections.map((s) => ({ roles: s.roles, ...(s.source !== undefined ? { source: s.source } : {}), ...(s.kind !== undefined ? { kind: s.kind } : {}) })));

/**
 * The people of `participationsBetween`, counted in the database for each
 * selection: each person once, in the cell of their sex and their age band on
 * the day of their first participation selected (so cells add up to the
 * people), with the participations selected. One query over the period's
 * participations for every selection; only the cells leave the database. How
 * they count is the database function `people_counted()` (migration 0071), the
 * one an umbrella's count of a branch runs too (`branchPeopleCountedBetween`).
 */
export async function peopleCountedBetween(ctx: TenantCtx, startsOn: string, endsOn: string, selections: readonly ParticipationSelection[]): Promise<PeopleCell[][]> {
  if (!selections.length) return [];
  // People alike (sex, birth year or band stated, the year of their first participation) come together: a few thousand rows at most.
  const rows = await ctx.tx.execute<CountedRow & { selection: number; participations: number }>(sql`
    SELECT selection, sex, birth_year AS "birthYear", age_band AS "ageBand", year, people, participations
      FROM people_counted(${ctx.orgId}::uuid, ${startsOn}::date, ${endsOn}::date, ${selectionsJson(selections)}::jsonb)`);
  return bySelection(rows.rows, selections.length);
}

/** A row of people alike as the database counts them: who they are and the year of their first record counted. */
export type CountedRow = {
  sex: string;
  birthYear: number | null;
  ageBand: string | null;
  year: number;
  people: number;
};

/**
 * Rows of people alike into cells of sex and age band: the age band on a day depends only on
 * its year (contracts/people.ts, ageInYear), so the band of a person's first record follows
 * from the row. `records` is what each row counted beside the people (participations, certifications).
 */
export function peopleCellsOf(rows: ReadonlyArray<CountedRow & { records: number }>): PeopleCell[] {
  const cells = new Map<string, PeopleCell>();
  for (const r of rows) {
    const ageBand = ageBandAt({ birthYear: r.birthYear, ageBand: r.ageBand as AgeBand | null }, `${r.year}-01-01`);
    const key = `${r.sex} ${ageBand}`;
    const cell = cells.get(key);
    if (cell) {
      cell.people += Number(r.people);
      cell.participations += Number(r.records);
    } else cells.set(key, { sex: r.sex, ageBand, people: Number(r.people), participations: Number(r.records) });
  }
  return [...cells.values()];
}

function bySelection(rows: ReadonlyArray<CountedRow & { selection: number; participations: number }>, selections: number): PeopleCell[][] {
  return Array.from({ length: selections }, (_, i) => peopleCellsOf(rows.filter((r) => Number(r.selection) === i).map((r) => ({ ...r, records: r.participations }))));
}

/**
 * A direct branch's people of each selection, counted as its own reports count
 * them (`people_counted()` with the owner's rights, `branch_people_counted()`,
 * migrations 0071 and 0082), for its umbrella: the same cells of sex and age
 * band as its own report, counts only, never who. Another organisation (a
 * sibling, the umbrella itself) counts as nobody.
 */
export async function branchPeopleCountedBetween(ctx: TenantCtx, branchId: string, startsOn: string, endsOn: string, selections: readonly ParticipationSelection[]): Promise<PeopleCell[][]> {
  if (!selections.length) return [];
  const rows = await ctx.tx.execute<CountedRow & { selection: number; participations: number }>(sql`
    SELECT selection, sex, birth_year AS "birthYear", age_band AS "ageBand", year, people, participations
      FROM branch_people_counted(${branchId}::uuid, ${startsOn}::date, ${endsOn}::date, ${selectionsJson(selections)}::jsonb)`);
  return bySelection(rows.rows, selections.length);
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
