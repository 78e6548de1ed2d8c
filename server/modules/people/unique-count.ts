import { AGE_BANDS_AND_UNKNOWN, ageBandAt, type AgeBand, type AgeBandOrUnknown, type PersonSex, type UniqueCount } from '../../../contracts/people.js';

/** One person counted: what they are counted by, their first participation counted and how many there were. */
export interface CountedPerson {
  sex: PersonSex;
  birthYear: number | null;
  ageBand: AgeBand | null;
  firstOn: string;
  participations: number;
}

/**
 * People once each, beside the sum of their participations, by sex and by
 * age band on their first participation counted. Every person falls in
 * exactly one sex and one band (not stated, unknown), so each breakdown sums
 * to the number of people.
 */
export function countPeople(rows: CountedPerson[]): UniqueCount {
  const bySex: UniqueCount['bySex'] = { female: 0, male: 0, not_stated: 0 };
  const byAgeBand = Object.fromEntries(AGE_BANDS_AND_UNKNOWN.map((b) => [b, 0])) as Record<AgeBandOrUnknown, number>;
  let participations = 0;
  for (const r of rows) {
    bySex[r.sex] += 1;
    byAgeBand[ageBandAt(r, r.firstOn)] += 1;
    participations += r.participations;
  }
  return { participations, people: rows.length, bySex, byAgeBand };
}
