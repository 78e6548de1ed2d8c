import { z } from 'zod';
import { Email, Int, IsoDate, Name, PageQuery, SortParam, Text, Uuid } from './common.js';

/**
 * People the organisation's programmes reach: trainees and trainers, the
 * participants and new jobs of an LED measure, people met at events. One
 * person is one record across courses, measures and regions, so results can
 * count people once. (The organisation's own users are `orgs`' people.)
 */

/**
 * Sex as the indicators disaggregate it. "Not stated" holds both "other" and
 * "did not say": female + male + not stated is always the total, and no one
 * is guessed into female or male.
 */
export const PERSON_SEXES = ['female', 'male', 'not_stated'] as const;
export const PersonSex = z.enum(PERSON_SEXES);
export type PersonSex = z.infer<typeof PersonSex>;
/** A sex as other records hold it (a member contact's `female`/`male`/`other`/null), as people count it. */
export const personSex = (sex: string | null | undefined): PersonSex => (sex === 'female' || sex === 'male' ? sex : 'not_stated');

/**
 * Age bands, by the first age of each: under 15, youth 15–24 (the UN and ILO
 * definition used by youth-employment indicators), 25–34, 35 and over. A
 * band is computed from the birth year at a date when the year is known;
 * otherwise the band recorded stands. `unknown` keeps the bands summing to
 * the total.
 */
export const AGE_BANDS = [
  { band: 'under_15', from: 0 },
  { band: '15_24', from: 15 },
  { band: '25_34', from: 25 },
  { band: '35_plus', from: 35 },
] as const;
export type AgeBand = (typeof AGE_BANDS)[number]['band'];
export const AGE_BAND_NAMES = AGE_BANDS.map((b) => b.band) as [AgeBand, ...AgeBand[]];
export const RecordedAgeBand = z.enum(AGE_BAND_NAMES);
export type AgeBandOrUnknown = AgeBand | 'unknown';
export const AGE_BANDS_AND_UNKNOWN = [...AGE_BAND_NAMES, 'unknown'] as const satisfies readonly AgeBandOrUnknown[];

export const BIRTH_YEAR_MIN = 1900;
export const BIRTH_YEAR_MAX = 2100;

/**
 * Age in whole years at a date when only the birth year is known: the age
 * the person reaches during that year. At most a year too old before the
 * birthday; the same rule for everyone, so figures add up and repeat.
 */
export function ageInYear(birthYear: number, onDate: string): number {
  return Number(onDate.slice(0, 4)) - birthYear;
}

/** The band of an age (whole years); null for a negative age (born after the date). */
export function bandOfAge(age: number): AgeBand | null {
  if (age < 0) return null;
  let found: AgeBand | null = null;
  for (const b of AGE_BANDS) if (age >= b.from) found = b.band;
  return found;
}

/** The band of a person at a date: from the birth year when known, else as recorded, else unknown. */
export function ageBandAt(person: { birthYear: number | null; ageBand: AgeBand | null }, onDate: string): AgeBandOrUnknown {
  if (person.birthYear !== null) return bandOfAge(ageInYear(person.birthYear, onDate)) ?? 'unknown';
  return person.ageBand ?? 'unknown';
}

/** What a participation was: the person's part in the activity. */
export const PARTICIPATION_ROLES = ['participant', 'trainer', 'new_job', 'higher_income'] as const;
export const ParticipationRole = z.enum(PARTICIPATION_ROLES);
export type ParticipationRole = z.infer<typeof ParticipationRole>;

/** A lower-case name of a module or of a kind of activity: `training`, `led`, `course`, `tot`. */
export const Slug = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

const Phone = z.string().trim().max(50).refine((s) => !s || /\d/.test(s), { params: { code: 'people.bad_phone' } });
const BirthYear = Int.min(BIRTH_YEAR_MIN).max(BIRTH_YEAR_MAX);

const PersonFields = z.object({
  name: Name,
  sex: PersonSex.default('not_stated'),
  birthYear: BirthYear.nullable().default(null),
  /** Only when the birth year is not known (a paper form's tick box). */
  ageBand: RecordedAgeBand.nullable().default(null),
  phone: Phone.default(''),
  email: z.union([z.literal(''), Email]).default(''),
  /** The member firm the person works for or owns, if any. */
  memberId: Uuid.nullable().default(null),
  /** The branch of the organisation that reached them, if any. */
  branchId: Uuid.nullable().default(null),
  notes: Text(2000).default(''),
});
// A band is recorded only when the birth year is not known: the year gives the band at any date.
const oneAge = (p: { birthYear: number | null; ageBand: string | null }) => p.birthYear === null || p.ageBand === null;
const oneAgeIssue = { path: ['ageBand'], params: { code: 'people.band_with_birth_year' } };
export const PersonInput = PersonFields.refine(oneAge, oneAgeIssue);
export type PersonInput = z.infer<typeof PersonInput>;

export const NewPersonInput = PersonFields.extend({
  /** The person was shown the people this one may be, and said it is someone else. */
  confirmedNew: z.boolean().default(false),
}).refine(oneAge, oneAgeIssue);
export type NewPersonInput = z.infer<typeof NewPersonInput>;

/** The columns the list of people reached sorts by. */
export const PERSON_SORTS = ['name', 'age', 'created'] as const;
export const PersonFilter = z.object({
  q: z.string().trim().max(200).optional(),
  memberId: Uuid.optional(),
  branchId: Uuid.optional(),
  sex: PersonSex.optional(),
  sort: SortParam(PERSON_SORTS, 'name'),
});
export type PersonFilter = z.infer<typeof PersonFilter>;
export const PersonQuery = PageQuery.extend(PersonFilter.shape);
export type PersonQuery = z.infer<typeof PersonQuery>;

export const Person = z.object({
  id: Uuid,
  name: z.string(),
  sex: PersonSex,
  birthYear: z.number().int().nullable(),
  ageBand: RecordedAgeBand.nullable(),
  /** The band today: from the birth year when known. */
  ageBandNow: z.enum(AGE_BANDS_AND_UNKNOWN),
  phone: z.string(),
  email: z.string(),
  member: z.object({ id: Uuid, name: z.string() }).nullable(),
  branch: z.object({ id: Uuid, name: z.string() }).nullable(),
  notes: z.string(),
  participations: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof Person>;

export const Participation = z.object({
  id: Uuid,
  kind: z.string(),
  source: z.string(),
  sourceId: Uuid,
  role: ParticipationRole,
  on: z.iso.date(),
  /** The band the person was in on that day. */
  ageBand: z.enum(AGE_BANDS_AND_UNKNOWN),
});
export type Participation = z.infer<typeof Participation>;

export const PersonDetail = Person.extend({
  /** Latest first. */
  participationList: z.array(Participation),
  /** Records merged into this one. */
  merged: z.array(z.object({ id: Uuid, name: z.string(), at: z.string() })),
});
export type PersonDetail = z.infer<typeof PersonDetail>;

/** Same phone or e-mail: the same person. Same name, birth year and firm: probably. */
export const MatchStrength = z.enum(['same', 'probable']);
export type MatchStrength = z.infer<typeof MatchStrength>;
export const MATCH_REASONS = ['phone', 'email', 'name_birth_year_firm'] as const;
export type MatchReason = (typeof MATCH_REASONS)[number];

export const PersonMatch = z.object({
  person: Person,
  strength: MatchStrength,
  reasons: z.array(z.enum(MATCH_REASONS)),
});
export type PersonMatch = z.infer<typeof PersonMatch>;

export const MatchQuery = z.object({
  name: z.string().trim().max(200).default(''),
  phone: z.string().trim().max(50).default(''),
  email: z.string().trim().max(254).default(''),
  birthYear: z.coerce.number().int().min(BIRTH_YEAR_MIN).max(BIRTH_YEAR_MAX).optional(),
  memberId: Uuid.optional(),
  /** The person being edited, who is not their own match. */
  excludeId: Uuid.optional(),
});
export type MatchQuery = z.infer<typeof MatchQuery>;

export const MergeInput = z.object({ otherId: Uuid });

export const UniqueCountQuery = z.object({
  kind: Slug.optional(),
  source: Slug.optional(),
  role: ParticipationRole.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

/**
 * People counted once however often they took part, beside the sum of the
 * participations. Each breakdown sums to `people`; the band is the person's
 * on their first participation counted.
 */
export const UniqueCount = z.object({
  participations: z.number().int(),
  people: z.number().int(),
  bySex: z.object({ female: z.number().int(), male: z.number().int(), not_stated: z.number().int() }),
  byAgeBand: z.record(z.enum(AGE_BANDS_AND_UNKNOWN), z.number().int()),
});
export type UniqueCount = z.infer<typeof UniqueCount>;
