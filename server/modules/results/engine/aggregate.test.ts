import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIMENSIONS, type IndicatorKind } from '../../../../contracts/results.js';
import { aggregate, figureOf, type Observation } from './aggregate.js';

const obs = (id: string, cells: Observation['cells'], more: Partial<Observation> = {}, on = '2026-03-01'): Observation => ({ record: { type: 'test', id, on }, cells, ...more });

describe('the figures of an indicator', () => {
  it('pools a percentage as the sum of numerators over the sum of denominators', () => {
    // 45 of 50 and 10 of 100: 55 of 150 is 36.7 %, not the mean of 90 % and 10 % (50 %).
    const f = figureOf('pooled_percentage', [obs('a', {}, { num: 45, den: 50 }), obs('b', {}, { num: 10, den: 100 })]);
    expect(f).toEqual({ num: 55, den: 150, pct: (55 / 150) * 100 });
    expect(Number((f as { pct: number }).pct.toFixed(1))).toBe(36.7);
    expect(figureOf('pooled_percentage', [])).toEqual({ num: 0, den: 0, pct: null });
  });

  it('counts a person trained in two regions once, in both regions, and says by how many the regions exceed the total', () => {
    const ama = { unit: 'ama' };
    const r = aggregate(
      'unique_people',
      [obs('1', { region: 'GH-AA', sex: 'female', age_band: '15-24' }, ama, '2025-05-01'), obs('2', { region: 'GH-AH', sex: 'female', age_band: '25-34' }, ama, '2026-02-01'), obs('3', { region: 'GH-AH', sex: 'male' }, { unit: 'kofi' })],
      ['region', 'sex', 'age_band'],
    );
    expect(r.total).toEqual({ n: 2 });
    expect(r.records).toBe(3);
    expect(r.breakdowns.region).toEqual({ categories: [{ category: 'GH-AA', figure: { n: 1 } }, { category: 'GH-AH', figure: { n: 2 } }], overlap: 1 });
    expect(r.breakdowns.sex).toEqual({ categories: [{ category: 'female', figure: { n: 1 } }, { category: 'male', figure: { n: 1 } }], overlap: 0 });
    // Ama is in the band of her first record counted; Kofi stated none.
    expect(r.breakdowns.age_band).toEqual({ categories: [{ category: '15-24', figure: { n: 1 } }, { category: 'not_stated', figure: { n: 1 } }], overlap: 0 });
  });

  it('adds up: the parts of every attribute equal the total, for every kind and any records', () => {
    const cell = fc.constantFrom('a', 'b', 'c', undefined);
    const record = fc.record({
      unit: fc.constantFrom('u1', 'u2', 'u3', 'u4', 'u5'),
      value: fc.integer({ min: 0, max: 1000 }),
      num: fc.integer({ min: 0, max: 50 }),
      den: fc.integer({ min: 50, max: 100 }),
      on: fc.constantFrom('2026-01-01', '2026-02-01', '2026-03-01'),
      sex: cell,
      age_band: cell,
      region: cell,
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), fc.constantFrom<IndicatorKind>('count', 'unique_firms', 'unique_people', 'sum', 'pooled_percentage'), (rows, kind) => {
        const records = rows.map((r, i) => obs(String(i), Object.fromEntries(Object.entries({ sex: r.sex, age_band: r.age_band, region: r.region }).filter(([, v]) => v)), { unit: r.unit, value: kind === 'sum' ? r.value : undefined, num: r.num, den: r.den }, r.on));
        const out = aggregate(kind, records, DIMENSIONS);
        // An independent sum, straight from the rows.
        const expected =
          kind === 'count' ? rows.length : kind === 'sum' ? rows.reduce((s, r) => s + r.value, 0) : kind === 'pooled_percentage' ? rows.reduce((s, r) => s + r.num, 0) : new Set(rows.map((r) => r.unit)).size;
        expect('n' in out.total ? out.total.n : (out.total as { num: number }).num).toBe(expected);
        for (const d of ['sex', 'age_band', 'size_class'] as const) {
          const parts = out.breakdowns[d]!.categories.reduce((s, c) => s + ('n' in c.figure ? c.figure.n : (c.figure as { num: number }).num), 0);
          expect(parts).toBe(expected);
          expect(out.breakdowns[d]!.overlap).toBe(0);
        }
        const regions = out.breakdowns.region!;
        expect(regions.overlap).toBeGreaterThanOrEqual(0);
        if (kind !== 'unique_people' && kind !== 'unique_firms') expect(regions.overlap).toBe(0);
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('adds a number entered by hand to the firms or people on record, in its cell, without listing each', () => {
    const r = aggregate('unique_people', [obs('1', { sex: 'female' }, { unit: 'ama' }), obs('2', { sex: 'female' }, { unit: 'ama' }), obs('m', { sex: 'female' }, { value: 4_000_000_000 })], ['sex']);
    expect(r.total).toEqual({ n: 4_000_000_001 });
    expect(r.breakdowns.sex).toEqual({ categories: [{ category: 'female', figure: { n: 4_000_000_001 } }], overlap: 0 });
  });

  it('keeps the text of qualitative records and counts nothing', () => {
    const r = aggregate('qualitative', [obs('1', {}, { text: 'Ports faster' }), obs('2', {}, { text: '' })], []);
    expect(r.total).toEqual({ text: ['Ports faster'] });
  });
});
