import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIMENSIONS, type IndicatorKind } from '../../../../contracts/results.js';
import { aggregate, type CellCount, type Observation } from './aggregate.js';

/**
 * What a module counting in SQL sends (`CellCount`), built here from the records
 * themselves: records by their cells, or for a unique count each firm or person
 * once, in the cells of its first record (by day, then id), with its records.
 */
function cellsOf(kind: IndicatorKind, records: Observation[]): CellCount[] {
  const unique = kind === 'unique_firms' || kind === 'unique_people';
  const firsts = new Map<string, { first: Observation; records: number }>();
  for (const r of records) {
    const key = unique ? r.unit! : `${r.record.id}`;
    const seen = firsts.get(key);
    if (!seen) firsts.set(key, { first: r, records: 1 });
    else {
      seen.records += 1;
      if (r.record.on < seen.first.record.on || (r.record.on === seen.first.record.on && r.record.id < seen.first.record.id)) seen.first = r;
    }
  }
  const cells = new Map<string, CellCount>();
  for (const { first, records: n } of firsts.values()) {
    const key = JSON.stringify(DIMENSIONS.map((d) => first.cells[d] ?? null));
    const cell = cells.get(key) ?? { cells: first.cells, records: 0, n: 0, num: 0, den: 0 };
    cell.records += n;
    cell.n! += kind === 'sum' ? first.value! : 1;
    cell.num! += first.num!;
    cell.den! += first.den!;
    cells.set(key, cell);
  }
  return [...cells.values()];
}

describe('cells counted where the records are kept', () => {
  it('give the figures of the records one by one: total, every breakdown and the number of records', () => {
    const cell = fc.constantFrom('a', 'b', 'c', undefined);
    // Who a unit is (sex, region) is one thing per unit; its age band may change between its records.
    const unit = fc.record({ sex: cell, region: cell });
    const record = fc.record({
      unit: fc.integer({ min: 0, max: 5 }),
      age_band: cell,
      value: fc.integer({ min: 0, max: 1000 }),
      num: fc.integer({ min: 0, max: 50 }),
      den: fc.integer({ min: 50, max: 100 }),
      on: fc.constantFrom('2026-01-01', '2026-02-01', '2026-03-01'),
    });
    const entered = fc.record({ value: fc.integer({ min: 0, max: 20 }), sex: cell });
    fc.assert(
      fc.property(fc.array(unit, { minLength: 6, maxLength: 6 }), fc.array(record, { maxLength: 40 }), fc.array(entered, { maxLength: 3 }), fc.constantFrom<IndicatorKind>('count', 'unique_firms', 'unique_people', 'sum', 'pooled_percentage'), (units, rows, typed, kind) => {
        const records = rows.map((r, i): Observation => {
          const cells = Object.fromEntries(Object.entries({ ...units[r.unit], age_band: r.age_band }).filter(([, v]) => v));
          return { record: { type: 'test', id: String(i).padStart(3, '0'), on: r.on }, unit: `u${r.unit}`, cells, value: kind === 'sum' ? r.value : undefined, num: r.num, den: r.den };
        });
        // Numbers typed by hand come as records either way.
        const manual = typed.map((t, i): Observation => ({ record: { type: 'manual_value', id: `m${i}`, on: '2026-01-15' }, value: t.value, cells: t.sex ? { sex: t.sex } : {} }));
        const oneByOne = aggregate(kind, [...records, ...manual], DIMENSIONS);
        const counted = aggregate(kind, manual, DIMENSIONS, cellsOf(kind, records));
        expect(counted).toEqual(oneByOne);
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
