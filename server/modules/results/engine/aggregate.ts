import { NOT_STATED, type Dimension, type Figure, type IndicatorKind } from '../../../../contracts/results.js';

/**
 * One record as an indicator sees it: what it counts (a firm or person for
 * unique counts, a value, the parts of a percentage), the breakdown it falls
 * in, and the record itself, for drilling down and for dating corrections.
 */
export interface Observation {
  record: { type: string; id: string; on: string };
  /** The firm or person a unique count counts; none for a number entered by hand, which counts as its `value`. */
  unit?: string;
  value?: number;
  num?: number;
  den?: number;
  text?: string;
  cells: Partial<Record<Dimension, string>>;
}

/**
 * Records counted where they are kept (in SQL, by the module that keeps them),
 * at the finest breakdown the indicator has: one cell of the breakdowns, the
 * records in it and what they count. The module counts a firm or person in one
 * cell only (grouping by the firm or person first, in the category of its first
 * record counted), so cells add up to the total and to every breakdown, unique
 * counts too; a unit found in several places comes as its records instead.
 */
export interface CellCount {
  cells: Partial<Record<Dimension, string>>;
  records: number;
  /** Records (a count), firms or people (a unique count), or the sum of values. */
  n?: number;
  num?: number;
  den?: number;
}

/**
 * Where a record happened (a region) may differ between a person's records,
 * and the person counts in each place; who they are (sex, age band, a firm's
 * size or sector) is one thing per person or firm.
 */
const PLACES: ReadonlySet<Dimension> = new Set(['region']);

const UNIQUE: ReadonlySet<IndicatorKind> = new Set(['unique_firms', 'unique_people']);

/** The figure of a set of records, by the indicator's kind. */
export function figureOf(kind: IndicatorKind, records: Observation[]): Figure {
  switch (kind) {
    case 'count':
      // A record counts one; a value entered by hand counts as given.
      return { n: records.reduce((s, r) => s + (r.value ?? 1), 0) };
    case 'unique_firms':
    case 'unique_people': {
      // Firms or people on record count once each; a number entered by hand counts as given.
      const units = new Set<string>();
      let entered = 0;
      for (const r of records) {
        if (r.unit === undefined) entered += r.value ?? 0;
        else units.add(r.unit);
      }
      return { n: units.size + entered };
    }
    case 'sum':
      return { n: records.reduce((s, r) => s + (r.value ?? 0), 0) };
    case 'pooled_percentage': {
      const num = records.reduce((s, r) => s + (r.num ?? 0), 0);
      const den = records.reduce((s, r) => s + (r.den ?? 0), 0);
      return { num, den, pct: den === 0 ? null : (num / den) * 100 };
    }
    case 'qualitative':
      return { text: records.map((r) => r.text ?? '').filter(Boolean) };
  }
}

const amount = (f: Figure) => ('n' in f ? f.n : 'num' in f ? f.num : 0);

/** A figure with counted cells added to it (cells carry no text: a qualitative figure stays as it is). */
function withCounted(figure: Figure, counted: readonly CellCount[]): Figure {
  if (!counted.length) return figure;
  if ('n' in figure) return { n: counted.reduce((s, c) => s + (c.n ?? 0), figure.n) };
  if ('num' in figure) {
    const num = counted.reduce((s, c) => s + (c.num ?? 0), figure.num);
    const den = counted.reduce((s, c) => s + (c.den ?? 0), figure.den);
    return { num, den, pct: den === 0 ? null : (num / den) * 100 };
  }
  return figure;
}

/**
 * The total and the breakdowns of an indicator over its records, and over the
 * cells counted where its records are kept. Both are derived from the same
 * records, so a total cannot disagree with its parts: the parts of a count, a
 * sum or a percentage add up to the total exactly; those of a unique count do
 * too for attributes (each firm or person in the category of its first record
 * counted), and for places the excess is reported as `overlap`.
 */
export function aggregate(kind: IndicatorKind, records: Observation[], dimensions: readonly Dimension[], counted: readonly CellCount[] = []) {
  const breakdowns: Partial<Record<Dimension, { categories: Array<{ category: string; figure: Figure }>; overlap: number }>> = {};
  const first = UNIQUE.has(kind) ? firstPerUnit(records) : null;
  const total = withCounted(figureOf(kind, records), counted);
  for (const d of dimensions) {
    const groups = new Map<string, { records: Observation[]; counted: CellCount[] }>();
    const groupOf = (category: string) => {
      let group = groups.get(category);
      if (!group) groups.set(category, (group = { records: [], counted: [] }));
      return group;
    };
    for (const r of records) {
      // A unit's attribute is the one of its first record counted, so it falls in one category
      // (as people/unique-count.ts counts age bands).
      const source = first && r.unit !== undefined && !PLACES.has(d) ? first.get(r.unit)! : r;
      groupOf(source.cells[d] ?? NOT_STATED).records.push(r);
    }
    for (const c of counted) groupOf(c.cells[d] ?? NOT_STATED).counted.push(c);
    const categories = [...groups]
      .map(([category, g]) => ({ category, figure: withCounted(figureOf(kind, g.records), g.counted) }))
      .sort((a, b) => (a.category === NOT_STATED ? 1 : b.category === NOT_STATED ? -1 : a.category.localeCompare(b.category)));
    const sum = categories.reduce((s, c) => s + amount(c.figure), 0);
    breakdowns[d] = { categories, overlap: sum - amount(total) };
  }
  return { total, breakdowns, records: counted.reduce((s, c) => s + c.records, records.length) };
}

function firstPerUnit(records: Observation[]) {
  const first = new Map<string, Observation>();
  for (const r of records) {
    if (r.unit === undefined) continue;
    const seen = first.get(r.unit);
    if (!seen || r.record.on < seen.record.on || (seen.record.on === r.record.on && r.record.id < seen.record.id)) first.set(r.unit, r);
  }
  return first;
}
