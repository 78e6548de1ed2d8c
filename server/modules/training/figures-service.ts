import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { participationsBetween, peopleCellsOf, peopleOnDays, type CountedRow, type ParticipationSelection, type PeopleCell } from '../people/figures-service.js';
import { trainingCertifications } from './tables.js';

/** The participations that count people trained: course attendance as training records it (source `training`, role participant). */
export const PEOPLE_TRAINED = { roles: ['participant'], source: 'training' } as const satisfies ParticipationSelection;

/**
 * People trained in a period, as results count them: the participations
 * of `PEOPLE_TRAINED` (counted in the database by the people module's
 * `peopleCountedBetween`), each with the person's sex and age band on the day.
 */
export async function peopleTrainedBetween(ctx: TenantCtx, startsOn: string, endsOn: string) {
  return (await participationsBetween(ctx, startsOn, endsOn, [...PEOPLE_TRAINED.roles])).filter((p) => p.source === PEOPLE_TRAINED.source);
}

/** Trainers certified in a period (after a ToT and a teach-back), with sex and age band on the day. */
export async function trainersCertifiedBetween(ctx: TenantCtx, startsOn: string, endsOn: string) {
  const c = trainingCertifications;
  const rows = await ctx.tx.select({ id: c.id, personId: c.personId, on: c.certifiedOn }).from(c)
    .where(and(eq(c.orgId, ctx.orgId), gte(c.certifiedOn, startsOn), lte(c.certifiedOn, endsOn)));
  const people = await peopleOnDays(ctx, rows.map((r) => ({ personId: r.personId, on: r.on })));
  return rows.flatMap((r, i) => {
    const person = people[i];
    return person ? [{ id: r.id, on: r.on, personId: person.personId, sex: person.sex, ageBand: person.ageBand }] : [];
  });
}

/**
 * Trainers certified in a direct branch's own records, for its umbrella: counted as the branch's own
 * `trainersCertifiedBetween` counts them (each person once, merges followed, in the cell of their sex and
 * their age band on the day of their first certification) by the database function
 * `branch_trainers_certified()` (migrations 0076 and 0083), with the owner's rights. Counts by cell only,
 * never who; another organisation (a sibling, the umbrella itself) counts as nobody.
 */
export async function branchTrainersCertifiedBetween(ctx: TenantCtx, branchId: string, startsOn: string, endsOn: string): Promise<PeopleCell[]> {
  const rows = await ctx.tx.execute<CountedRow & { certifications: number }>(sql`
    SELECT sex, birth_year AS "birthYear", age_band AS "ageBand", year, people, certifications
      FROM branch_trainers_certified(${branchId}::uuid, ${startsOn}::date, ${endsOn}::date)`);
  return peopleCellsOf(rows.rows.map((r) => ({ ...r, records: r.certifications })));
}
