import { describe, expect, it } from 'vitest';
import { countByMonth, lastMonths } from './months.js';

describe('the months a home page charts', () => {
  it('ends with the month of today and crosses the year', () => {
    expect(lastMonths('2026-02-15', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(lastMonths('2026-12-31', 12)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(lastMonths('2027-01-01', 1)).toEqual(['2027-01']);
  });

  it('counts each record in its month and leaves out days outside the months', () => {
    const months = lastMonths('2026-03-10', 3);
    const records = ['2026-01-01', '2026-01-31', '2026-03-10', '2025-12-31', '2026-04-01'].map((on) => ({ on }));
    const counts = countByMonth(records, months);
    expect(counts).toEqual([2, 0, 1]);
    // The sum is the records whose day falls in the months, counted independently.
    expect(counts.reduce((a, b) => a + b, 0)).toBe(records.filter((r) => r.on >= '2026-01-01' && r.on <= '2026-03-31').length);
  });
});
