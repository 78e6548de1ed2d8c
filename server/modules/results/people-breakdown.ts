import { BREAKDOWN_AGE_BANDS, BREAKDOWN_SEXES, type PeopleBreakdown } from '../../../contracts/results-dashboard.js';
import type { aggregate } from './engine/aggregate.js';

type Counted = ReturnType<typeof aggregate>;

/**
 * People by sex and age band from the engine's breakdowns of a people indicator (the report's
 * categories and rule), every category present so a page lists them alike. A category the
 * report does not have would leave the parts short of the total: it is refused, not dropped.
 */
export function peopleBreakdown(counted: Counted): PeopleBreakdown {
  const of = <K extends string>(dimension: 'sex' | 'age_band', categories: readonly K[]) => {
    const parts = Object.fromEntries(categories.map((c) => [c, 0])) as Record<K, number>;
    for (const c of counted.breakdowns[dimension]?.categories ?? []) {
      if (!(c.category in parts)) throw new Error(`people counted in an unknown ${dimension} category: ${c.category}`);
      parts[c.category as K] = 'n' in c.figure ? c.figure.n : 0;
    }
    return parts;
  };
  return { sex: of('sex', BREAKDOWN_SEXES), ageBand: of('age_band', BREAKDOWN_AGE_BANDS) };
}

/** Breakdowns of people in different organisations added up (nobody is linked across them, so they add). */
export function addedUp(parts: readonly PeopleBreakdown[]): PeopleBreakdown {
  const sum = <K extends string>(pick: (b: PeopleBreakdown) => Record<K, number>, categories: readonly K[]) =>
    Object.fromEntries(categories.map((c) => [c, parts.reduce((s, b) => s + pick(b)[c], 0)])) as Record<K, number>;
  return { sex: sum((b) => b.sex, BREAKDOWN_SEXES), ageBand: sum((b) => b.ageBand, BREAKDOWN_AGE_BANDS) };
}
