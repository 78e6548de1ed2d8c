import { describe, expect, it } from 'vitest';
import { Int, IsoDate, IsoDateTime, Name } from '../../../contracts/common.js';
import { uniqueViolationField } from '../db/pg-errors.js';
import { controlCharacterPaths } from './input-guard.js';

describe('control characters in input', () => {
  it('finds them in nested strings and keys, and leaves tab, newline and carriage return alone', () => {
    expect(controlCharacterPaths({ name: 'a\u0000b', note: 'line\r\nnext\tcol', list: ['ok', { deep: '\u001b[31m' }], ['bad\u0007key']: 1 })).toEqual(['name', 'list.1.deep', 'bad?key']);
    expect(controlCharacterPaths('\u0000')).toEqual(['']);
    expect(controlCharacterPaths({ n: 1, b: true, z: null })).toEqual([]);
  });
  it('are refused by the shared text primitive with their own code', () => {
    const issue = Name.safeParse('Acme\u0000').error!.issues[0]!;
    expect(issue).toMatchObject({ code: 'custom', params: { code: 'invalid_characters' } });
  });
});

describe('shared number and date primitives', () => {
  it('bound integers to a 32-bit column', () => {
    expect(Int.safeParse(2 ** 31 - 1).success).toBe(true);
    expect(Int.safeParse(2 ** 31).success).toBe(false);
  });
  it('keep dates between 1900 and 2999, instants compared in UTC', () => {
    expect(IsoDate.safeParse('2026-06-30').success).toBe(true);
    for (const d of ['0000-01-01', '1899-12-31', '3000-01-01']) expect(IsoDate.safeParse(d).error?.issues[0]).toMatchObject({ params: { code: 'date_out_of_range' } });
    expect(IsoDateTime.safeParse('3000-01-01T00:30:00+01:00').success).toBe(true);
    expect(IsoDateTime.safeParse('3000-01-01T00:30:00Z').success).toBe(false);
    expect(IsoDateTime.safeParse('0000-01-01T00:00:00Z').success).toBe(false);
    expect(IsoDateTime.safeParse('not a date').error!.issues).toHaveLength(1);
  });
});

describe('unique violations', () => {
  it('name the field from the constraint, through drizzle\'s wrapping', () => {
    const pg = { code: '23505', table: 'membership_tiers', constraint: 'membership_tiers_name_key' };
    expect(uniqueViolationField({ message: 'Failed query', cause: pg })).toEqual({ field: 'name' });
    expect(uniqueViolationField({ code: '23505', table: 'saved_views', constraint: 'saved_views_pkey' })).toEqual({ field: null });
    expect(uniqueViolationField({ code: '23505', table: 'responses', constraint: 'responses_resume_key' })).toEqual({ field: 'resume' });
    expect(uniqueViolationField({ code: '23503', table: 'x', constraint: 'x_y_fkey' })).toBeUndefined();
  });
});
