import { describe, expect, it } from 'vitest';
import { AGE_BANDS_AND_UNKNOWN, ageBandAt, bandOfAge, NewPersonInput, PersonInput, personSex, type AgeBand, type PersonSex } from '../../../contracts/people.js';
import { compareKeys, emailKey, phoneKey, type MatchKeys } from './match-keys.js';
import { countPeople, type CountedPerson } from './unique-count.js';

describe('phone and e-mail keys', () => {
  it('makes one key of the ways one number is written, and none of a number too short to say whose it is', () => {
    const forms = ['+233 24 412 3456', '0244123456', '00233244123456', '(024) 412-3456', '233.244.123.456'];
    expect(new Set(forms.map(phoneKey))).toEqual(new Set(['244123456']));
    expect(phoneKey('+233 20 412 3456')).not.toBe(phoneKey('+233 24 412 3456'));
    expect(phoneKey('')).toBeNull();
    expect(phoneKey('ext. 123')).toBeNull();
    expect(phoneKey('000 000')).toBeNull();
    // A short national number is compared whole.
    expect(phoneKey('7123 4567')).toBe('71234567');
  });

  it('compares e-mail addresses without case or surrounding spaces', () => {
    expect(emailKey('  Ama.Mensah@Example.COM ')).toBe('ama.mensah@example.com');
    expect(emailKey('')).toBeNull();
    expect(emailKey('not an address')).toBeNull();
  });
});

describe('matching a person against those already recorded', () => {
  const ama: MatchKeys = { phoneKey: '244123456', emailKey: 'ama@example.com', nameKey: 'ama mensah', birthYear: 1994, memberId: 'f1' };
  const blank: MatchKeys = { phoneKey: null, emailKey: null, nameKey: null, birthYear: null, memberId: null };

  it('calls the same phone or e-mail the same person, whatever the name', () => {
    expect(compareKeys({ ...blank, phoneKey: '244123456', nameKey: 'someone else' }, ama)).toEqual({ strength: 'same', reasons: ['phone'] });
    expect(compareKeys({ ...blank, emailKey: 'ama@example.com' }, ama)).toEqual({ strength: 'same', reasons: ['email'] });
    expect(compareKeys(ama, ama)).toEqual({ strength: 'same', reasons: ['phone', 'email', 'name_birth_year_firm'] });
  });

  it('offers the same name, birth year and firm as probable, and nothing less than all three', () => {
    const same = { ...blank, nameKey: 'ama mensah', birthYear: 1994, memberId: 'f1' };
    expect(compareKeys(same, ama)).toEqual({ strength: 'probable', reasons: ['name_birth_year_firm'] });
    expect(compareKeys({ ...same, birthYear: 1995 }, ama)).toBeNull();
    expect(compareKeys({ ...same, memberId: 'f2' }, ama)).toBeNull();
    expect(compareKeys({ ...same, memberId: null }, ama)).toBeNull();
    expect(compareKeys({ ...same, birthYear: null }, { ...ama, birthYear: null })).toBeNull();
    // Neither with a firm: the same name and year is still probable.
    expect(compareKeys({ ...same, memberId: null }, { ...ama, memberId: null })?.strength).toBe('probable');
  });

  it('never matches on what is missing on both sides', () => {
    expect(compareKeys(blank, blank)).toBeNull();
    expect(compareKeys(blank, { ...blank, birthYear: 1990 })).toBeNull();
  });
});

describe('age bands', () => {
  it('places each age in one band: under 15, youth 15–24, 25–34, 35 and over', () => {
    const expected: Array<[number, AgeBand]> = [[0, 'under_15'], [14, 'under_15'], [15, '15_24'], [24, '15_24'], [25, '25_34'], [34, '25_34'], [35, '35_plus'], [90, '35_plus']];
    for (const [age, band] of expected) expect(bandOfAge(age), `age ${age}`).toBe(band);
    expect(bandOfAge(-1)).toBeNull();
  });

  it('computes the band at a date from the birth year, and keeps a recorded band only when the year is unknown', () => {
    const born2001 = { birthYear: 2001, ageBand: null };
    expect(ageBandAt(born2001, '2025-06-30')).toBe('15_24');
    expect(ageBandAt(born2001, '2026-01-01')).toBe('25_34');
    expect(ageBandAt({ birthYear: null, ageBand: '25_34' }, '2040-01-01')).toBe('25_34');
    expect(ageBandAt({ birthYear: null, ageBand: null }, '2025-01-01')).toBe('unknown');
    expect(ageBandAt({ birthYear: 2030, ageBand: null }, '2025-01-01')).toBe('unknown');
  });

  it('refuses a band beside a birth year, with a code the screen translates', () => {
    const res = PersonInput.safeParse({ name: 'Ama', birthYear: 1990, ageBand: '15_24' });
    expect(res.success).toBe(false);
    expect(res.error!.issues[0]).toMatchObject({ path: ['ageBand'], params: { code: 'people.band_with_birth_year' } });
    expect(NewPersonInput.safeParse({ name: 'Ama', birthYear: 1990, ageBand: '15_24', confirmedNew: true }).success).toBe(false);
    expect(PersonInput.parse({ name: ' Ama ' })).toMatchObject({ name: 'Ama', sex: 'not_stated', birthYear: null, ageBand: null, phone: '', email: '' });
    expect(PersonInput.safeParse({ name: 'Ama', phone: 'none' }).error?.issues[0]).toMatchObject({ path: ['phone'], params: { code: 'people.bad_phone' } });
  });
});

describe('counting people once', () => {
  // A pseudo-random crowd: the breakdowns are checked against sums made independently of countPeople.
  const sexes: PersonSex[] = ['female', 'male', 'not_stated'];
  const bands: Array<AgeBand | null> = [null, 'under_15', '15_24', '25_34', '35_plus'];
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const crowd: CountedPerson[] = Array.from({ length: 500 }, () => {
    const known = next(3) > 0;
    return {
      sex: sexes[next(3)]!,
      birthYear: known ? 1950 + next(70) : null,
      ageBand: known ? null : bands[next(bands.length)]!,
      firstOn: `20${20 + next(6)}-0${1 + next(9)}-1${next(10)}`,
      participations: 1 + next(5),
    };
  });

  it('sums each breakdown to the people counted, and the participations to their simple sum', () => {
    const counted = countPeople(crowd);
    expect(counted.people).toBe(500);
    expect(counted.participations).toBe(crowd.reduce((s, p) => s + p.participations, 0));
    expect(counted.bySex.female + counted.bySex.male + counted.bySex.not_stated).toBe(counted.people);
    expect(AGE_BANDS_AND_UNKNOWN.reduce((s, b) => s + counted.byAgeBand[b]!, 0)).toBe(counted.people);
    expect(counted.bySex.female).toBe(crowd.filter((p) => p.sex === 'female').length);
    // Youth by hand: born 15 to 24 years before the year of the first participation.
    const youth = crowd.filter((p) => (p.birthYear !== null ? Number(p.firstOn.slice(0, 4)) - p.birthYear >= 15 && Number(p.firstOn.slice(0, 4)) - p.birthYear <= 24 : p.ageBand === '15_24'));
    expect(counted.byAgeBand['15_24']).toBe(youth.length);
    expect(counted.byAgeBand.unknown).toBe(crowd.filter((p) => p.birthYear === null && p.ageBand === null).length);
  });

  it('takes another record\'s sex as counted: other and unknown are not stated', () => {
    expect([personSex('female'), personSex('male'), personSex('other'), personSex(null), personSex(undefined)]).toEqual(['female', 'male', 'not_stated', 'not_stated', 'not_stated']);
  });

  it('answers zeros, still summing, when nobody is counted', () => {
    expect(countPeople([])).toEqual({ participations: 0, people: 0, bySex: { female: 0, male: 0, not_stated: 0 }, byAgeBand: { under_15: 0, '15_24': 0, '25_34': 0, '35_plus': 0, unknown: 0 } });
  });
});
