import { BUDGET_MAX_DAYS, daysCovered } from '../../../../contracts/results-finance.js';
import type { IatiActivity } from './iati-file.js';

/** A broken IATI rule: a translation key under `results.iatiRule` and what it names. */
export interface IatiRuleProblem {
  code: 'budget_over_a_year' | 'budget_ends_before_start' | 'budgets_overlap' | 'period_ends_before_start' | 'value_missing';
  params: Record<string, string>;
}

/**
 * IATI's rules the schema cannot check, run before a file is offered or published: a budget covers
 * at most a year and ends after it starts, budgets of one type do not overlap, a result period ends
 * after it starts, and a quantitative actual carries a value (the writer leaves a qualitative one's out).
 * Result periods are written in date order by `iatiActivityXml` itself.
 */
export function iatiRuleProblems(a: IatiActivity): IatiRuleProblem[] {
  const problems: IatiRuleProblem[] = [];
  for (const b of a.budgets) {
    if (b.endsOn < b.startsOn) problems.push({ code: 'budget_ends_before_start', params: { from: b.startsOn, to: b.endsOn } });
    else if (daysCovered(b.startsOn, b.endsOn) > BUDGET_MAX_DAYS) problems.push({ code: 'budget_over_a_year', params: { from: b.startsOn, to: b.endsOn, days: String(daysCovered(b.startsOn, b.endsOn)) } });
  }
  const byStart = [...a.budgets].sort((x, y) => x.startsOn.localeCompare(y.startsOn));
  for (const [i, b] of byStart.entries()) {
    const later = byStart.slice(i + 1).find((o) => o.type === b.type && o.startsOn <= b.endsOn);
    if (later) problems.push({ code: 'budgets_overlap', params: { from: b.startsOn, to: b.endsOn, otherFrom: later.startsOn, otherTo: later.endsOn } });
  }
  for (const indicator of a.indicators) {
    for (const p of indicator.periods) {
      if (p.endsOn < p.startsOn) problems.push({ code: 'period_ends_before_start', params: { indicator: indicator.name, from: p.startsOn, to: p.endsOn } });
      if (p.actual && indicator.kind !== 'qualitative' && 'text' in p.actual.total) problems.push({ code: 'value_missing', params: { indicator: indicator.name, from: p.startsOn, to: p.endsOn } });
    }
  }
  return problems;
}
