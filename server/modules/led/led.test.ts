import { describe, expect, it } from 'vitest';
import { AssessmentInput, lastPlannedEnd, MeasureInput, withinOneYear } from '../../../contracts/led.js';
import { addMonths, dueFollowUp, followUpSchedule } from '../../../contracts/led-follow-ups.js';
import { factorOrder, firmCounts, summariseMatrix } from './matrix.js';

describe('the one-year rule of LED measures', () => {
  it('allows a planned end up to the same day a year later, 29 February giving 28 February', () => {
    expect(lastPlannedEnd('2026-03-01')).toBe('2027-03-01');
    expect(lastPlannedEnd('2028-02-29')).toBe('2029-02-28');
    expect(lastPlannedEnd('2026-12-31')).toBe('2027-12-31');
    expect(withinOneYear('2026-03-01', '2026-03-01')).toBe(true);
    expect(withinOneYear('2026-03-01', '2027-03-01')).toBe(true);
    expect(withinOneYear('2026-03-01', '2027-03-02')).toBe(false);
    expect(withinOneYear('2026-03-01', '2026-02-28')).toBe(false);
    expect(withinOneYear('2028-02-29', '2029-03-01')).toBe(false);
  });

  it('says which rule a measure breaks, on the planned end', () => {
    const measure = { title: 'Cold room', budget: 100, startsOn: '2026-03-01', endsOn: '2027-03-01' };
    expect(MeasureInput.safeParse(measure).success).toBe(true);
    const codes = (endsOn: string) => MeasureInput.safeParse({ ...measure, endsOn }).error?.issues.map((i) => [i.path.join('.'), (i as { params?: { code?: string } }).params?.code]);
    expect(codes('2027-03-02')).toEqual([['endsOn', 'led.longer_than_a_year']]);
    expect(codes('2026-02-01')).toEqual([['endsOn', 'led.ends_before_start']]);
  });

  it('keeps a rating on the side of its finding', () => {
    const base = { year: 2026, factor: 'finance', evidence: '', source: '' };
    expect(AssessmentInput.safeParse({ ...base, finding: 'strength', rating: 0 }).success).toBe(true);
    expect(AssessmentInput.safeParse({ ...base, finding: 'strength', rating: -1 }).success).toBe(false);
    expect(AssessmentInput.safeParse({ ...base, finding: 'weakness', rating: 1 }).success).toBe(false);
    expect(AssessmentInput.safeParse({ ...base, finding: 'weakness', rating: -3 }).success).toBe(false);
  });
});

describe('the locational matrix in numbers', () => {
  it('counts strengths and weaknesses and the mean rating', () => {
    expect(summariseMatrix(2026, [])).toEqual({ year: 2026, factors: 0, strengths: 0, weaknesses: 0, average: null });
    expect(summariseMatrix(2026, [{ finding: 'strength', rating: 2 }, { finding: 'weakness', rating: -2 }, { finding: 'weakness', rating: -1 }]))
      .toEqual({ year: 2026, factors: 3, strengths: 1, weaknesses: 2, average: -0.33 });
  });

  it('orders the proposed factors first, then the region’s own by name', () => {
    expect(['Tourism', 'markets', 'Agro-processing', 'infrastructure'].sort(factorOrder)).toEqual(['infrastructure', 'markets', 'Agro-processing', 'Tourism']);
  });
});

describe('firms by sector and size', () => {
  it('adds up to the total both ways, not stated last', () => {
    const counts = firmCounts([
      { sector: 'C', sizeClass: 'micro', count: 3 }, { sector: null, sizeClass: 'small', count: 1 }, { sector: 'A', sizeClass: null, count: 2 }, { sector: 'C', sizeClass: 'large', count: 1 },
    ]);
    expect(counts).toEqual({
      total: 7,
      bySector: [{ sector: 'A', count: 2 }, { sector: 'C', count: 4 }, { sector: 'not_stated', count: 1 }],
      bySize: [{ size: 'micro', count: 3 }, { size: 'small', count: 1 }, { size: 'large', count: 1 }, { size: 'not_stated', count: 2 }],
    });
    expect(counts.bySector.reduce((s, x) => s + x.count, 0)).toBe(counts.total);
    expect(counts.bySize.reduce((s, x) => s + x.count, 0)).toBe(counts.total);
  });
});

describe('the follow-ups of an LED measure', () => {
  it('falls 6, 12 and 24 months after the end, a day the month lacks becoming its last', () => {
    expect(followUpSchedule('2026-03-15')).toEqual([{ months: 6, dueOn: '2026-09-15' }, { months: 12, dueOn: '2027-03-15' }, { months: 24, dueOn: '2028-03-15' }]);
    expect(followUpSchedule('2026-08-31').map((f) => f.dueOn)).toEqual(['2027-02-28', '2027-08-31', '2028-08-31']);
    expect(followUpSchedule('2027-08-31')[0]!.dueOn).toBe('2028-02-29');
    expect(followUpSchedule('2028-02-29').map((f) => f.dueOn)).toEqual(['2028-08-29', '2029-02-28', '2030-02-28']);
    expect(addMonths('2026-12-31', 2)).toBe('2027-02-28');
  });

  it('is due for the latest interval that has come, none before six months', () => {
    expect(dueFollowUp('2026-01-31', '2026-07-30')).toBeNull();
    expect(dueFollowUp('2026-01-31', '2026-07-31')).toEqual({ months: 6, dueOn: '2026-07-31' });
    expect(dueFollowUp('2026-01-31', '2027-01-30')?.months).toBe(6);
    // Recorded late: one form, the latest due, not three.
    expect(dueFollowUp('2026-01-31', '2028-06-01')).toEqual({ months: 24, dueOn: '2028-01-31' });
  });
});
