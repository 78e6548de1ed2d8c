import { describe, expect, it } from 'vitest';
import { endsOnProblem } from './measure-rules.js';

describe('the measure form’s one-year rule', () => {
  it('says nothing until both days are typed, then names the rule broken', () => {
    expect(endsOnProblem('', '2027-01-01')).toBeNull();
    expect(endsOnProblem('2026-03-01', '2027-0')).toBeNull();
    expect(endsOnProblem('2026-03-01', '2027-03-01')).toBeNull();
    expect(endsOnProblem('2026-03-01', '2027-03-02')).toBe('led.longer_than_a_year');
    expect(endsOnProblem('2026-03-01', '2026-02-28')).toBe('led.ends_before_start');
    expect(endsOnProblem('2028-02-29', '2029-02-28')).toBeNull();
    expect(endsOnProblem('2028-02-29', '2029-03-01')).toBe('led.longer_than_a_year');
  });
});
