/**
 * Rating and selection of a call's applications (issue 17.6). Pure: no database, no clock.
 *
 * 1. Scores that count: the latest score of each reviewer per application × criterion, none of a
 *    reviewer conflicted with that application (a conflict declared after scoring still removes it).
 * 2. Normalised per reviewer: each score becomes the reviewer's z-score over every score they gave
 *    in the call, mapped back to the scale with the panel's mean and spread, clamped to the scale.
 *    A lenient reviewer's 5 then weighs what a strict one's 4 does. A reviewer with no spread (the
 *    same score everywhere, or a single score) says nothing about differences: all their scores
 *    become the panel's mean, which moves no application against another.
 * 3. Per application, each criterion's mean over its reviewers; the weighted total is
 *    Σ weight·mean / Σ weight, on the scale. Criteria of weight 0 are not required. An application
 *    lacking a score for a weighted criterion is not rated (`incomplete`); one with no score at all
 *    is `not_scored`.
 * 4. The best set within the budget (`knapsack.ts`): the most total score for Σ requested ≤ budget,
 *    never the top of the list until the money runs out. Totals go to the solver in units of
 *    1/10,000 of a point, so totals equal to four decimals are ties.
 * 5. Ranks: by total, higher first; then the smaller amount; then the caller's order key.
 */
import { bestSet } from './knapsack.js';

export interface SelectionCriterion {
  id: string;
  weight: number;
}

export interface SelectionApplication {
  id: string;
  /** Requested from the call, minor units. */
  amount: number;
  /** Last tie-break of the ranking (e.g. submission time as ISO text, then id). */
  order: string;
}

export interface SelectionScore {
  reviewerId: string;
  applicationId: string;
  criterionId: string;
  score: number;
}

export interface SelectionInput {
  budget: number;
  scale: { min: number; max: number };
  criteria: readonly SelectionCriterion[];
  applications: readonly SelectionApplication[];
  /** The latest score of each reviewer per application × criterion (the service reads them so). */
  scores: readonly SelectionScore[];
  /** Reviewer × application pairs that may not count (declared or detected, `conflicts.ts`). */
  conflicts: ReadonlySet<string>;
}

export type SelectionReason =
  | { code: 'selected' }
  /** No score counts: none was given, or only by conflicted reviewers. */
  | { code: 'not_scored' }
  /** A weighted criterion has no score. */
  | { code: 'incomplete'; missing: string[] }
  /** It asks for more than the whole budget. */
  | { code: 'over_budget' }
  /** It ranks above an application selected, but does not fit beside the best set: the money did more elsewhere. */
  | { code: 'exceeds_remaining'; remaining: number }
  /** It ranks below every application selected and does not fit the money left. */
  | { code: 'below_cut'; remaining: number };

export interface ApplicationOutcome {
  id: string;
  amount: number;
  /** Weighted total from the raw scores; null when not rated. */
  rawScore: number | null;
  normalisedScore: number | null;
  rawRank: number | null;
  normalisedRank: number | null;
  /** Reviewers whose scores count. */
  reviewers: number;
  /** Scores set aside because their reviewer is conflicted with the application. */
  conflictedScores: number;
  selected: boolean;
  reason: SelectionReason;
}

export interface SelectionResult {
  normalised: boolean;
  budget: number;
  spent: number;
  remaining: number;
  /** Σ of the selected applications' totals (of the basis used). */
  totalScore: number;
  /** False when the solver stopped short of proving the set the best (see knapsack.ts). */
  optimal: boolean;
  applications: ApplicationOutcome[];
}

export const conflictKey = (reviewerId: string, applicationId: string) => `${reviewerId}|${applicationId}`;

/** Units of a point the solver works in: totals equal to four decimals tie. */
const UNITS = 10_000;

export interface Rated {
  /** Per application: criterion id → mean score, raw and normalised. */
  raw: Map<string, Map<string, number>>;
  normalised: Map<string, Map<string, number>>;
  reviewers: Map<string, number>;
  conflicted: Map<string, number>;
}

/** Steps 1–2 and the per-criterion means of step 3, which the weights do not change (sensitivity reuses them). */
export function rate(input: Omit<SelectionInput, 'budget' | 'criteria'>): Rated {
  const known = new Set(input.applications.map((a) => a.id));
  const conflicted = new Map<string, number>();
  const counted: SelectionScore[] = [];
  for (const s of input.scores) {
    if (!known.has(s.applicationId)) continue;
    if (input.conflicts.has(conflictKey(s.reviewerId, s.applicationId))) {
      conflicted.set(s.applicationId, (conflicted.get(s.applicationId) ?? 0) + 1);
    } else counted.push(s);
  }
  const panel = meanAndSpread(counted.map((s) => s.score));
  const byReviewer = new Map<string, number[]>();
  for (const s of counted) {
    const xs = byReviewer.get(s.reviewerId);
    if (xs) xs.push(s.score);
    else byReviewer.set(s.reviewerId, [s.score]);
  }
  const reviewerStats = new Map([...byReviewer].map(([r, xs]) => [r, meanAndSpread(xs)]));
  const sums = { raw: new Map<string, Map<string, number[]>>(), normalised: new Map<string, Map<string, number[]>>() };
  const reviewersOf = new Map<string, Set<string>>();
  for (const s of counted) {
    const own = reviewerStats.get(s.reviewerId)!;
    const z = own.spread > 0 ? (s.score - own.mean) / own.spread : 0;
    const n = Math.min(input.scale.max, Math.max(input.scale.min, panel.mean + z * panel.spread));
    push(sums.raw, s.applicationId, s.criterionId, s.score);
    push(sums.normalised, s.applicationId, s.criterionId, n);
    reviewersOf.set(s.applicationId, (reviewersOf.get(s.applicationId) ?? new Set()).add(s.reviewerId));
  }
  const means = (m: Map<string, Map<string, number[]>>) =>
    new Map([...m].map(([a, byC]) => [a, new Map([...byC].map(([c, xs]) => [c, xs.reduce((x, y) => x + y, 0) / xs.length]))]));
  return {
    raw: means(sums.raw),
    normalised: means(sums.normalised),
    reviewers: new Map([...reviewersOf].map(([a, rs]) => [a, rs.size])),
    conflicted,
  };
}

function push(m: Map<string, Map<string, number[]>>, a: string, c: string, x: number) {
  const byC = m.get(a) ?? new Map<string, number[]>();
  const xs = byC.get(c);
  if (xs) xs.push(x);
  else byC.set(c, [x]);
  m.set(a, byC);
}

/** Mean and population standard deviation. */
export function meanAndSpread(xs: readonly number[]): { mean: number; spread: number } {
  if (!xs.length) return { mean: 0, spread: 0 };
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
  // Below a rounding error's size the scores are all the same.
  return { mean, spread: variance > 1e-12 ? Math.sqrt(variance) : 0 };
}

/** Σ weight·mean / Σ weight over weighted criteria, or which weighted criteria lack a score. */
export function weightedTotal(
  means: Map<string, number> | undefined,
  criteria: readonly SelectionCriterion[],
): { total: number } | { missing: string[] } | null {
  if (!means || !means.size) return null;
  const weighted = criteria.filter((c) => c.weight > 0);
  const missing = weighted.filter((c) => !means.has(c.id)).map((c) => c.id);
  if (missing.length) return { missing };
  const sumW = weighted.reduce((s, c) => s + c.weight, 0);
  if (sumW <= 0) return { missing: [] };
  return { total: weighted.reduce((s, c) => s + c.weight * means.get(c.id)!, 0) / sumW };
}

function ranks(totals: Map<string, number>, apps: readonly SelectionApplication[]): Map<string, number> {
  const ordered = apps.filter((a) => totals.has(a.id)).sort(rankOrder(totals));
  return new Map(ordered.map((a, i) => [a.id, i + 1]));
}

const rankOrder = (totals: Map<string, number>) => (a: SelectionApplication, b: SelectionApplication) =>
  Math.round(totals.get(b.id)! * UNITS) - Math.round(totals.get(a.id)! * UNITS) ||
  a.amount - b.amount ||
  (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Rates and selects: every application comes back, with its ranks, whether selected, and why. */
export function select(input: SelectionInput, options: { normalised: boolean }, rated: Rated = rate(input)): SelectionResult {
  const rawTotals = new Map<string, number>();
  const normTotals = new Map<string, number>();
  const unrated = new Map<string, SelectionReason>();
  for (const a of input.applications) {
    const raw = weightedTotal(rated.raw.get(a.id), input.criteria);
    const norm = weightedTotal(rated.normalised.get(a.id), input.criteria);
    if (!raw || !norm) unrated.set(a.id, { code: 'not_scored' });
    else if ('missing' in raw || 'missing' in norm) unrated.set(a.id, { code: 'incomplete', missing: 'missing' in raw ? raw.missing : [] });
    else {
      rawTotals.set(a.id, raw.total);
      normTotals.set(a.id, norm.total);
    }
  }
  const totals = options.normalised ? normTotals : rawTotals;
  const rawRanks = ranks(rawTotals, input.applications);
  const normRanks = ranks(normTotals, input.applications);
  const basisRanks = options.normalised ? normRanks : rawRanks;
  // The solver is given the applications in rank order, so equal sets fall the ranking's way, whatever order they came in.
  const ordered = input.applications.filter((a) => totals.has(a.id)).sort(rankOrder(totals));
  const best = bestSet(
    ordered.map((a) => ({ id: a.id, value: Math.round(totals.get(a.id)! * UNITS), cost: a.amount })),
    input.budget,
  );
  const chosen = new Set(best.chosen);
  const remaining = input.budget - best.cost;
  const lowestSelected = Math.max(0, ...best.chosen.map((id) => basisRanks.get(id)!));
  const applications = input.applications.map((a): ApplicationOutcome => {
    const selected = chosen.has(a.id);
    const rank = basisRanks.get(a.id);
    const reason: SelectionReason =
      unrated.get(a.id) ??
      (selected
        ? { code: 'selected' }
        : a.amount > input.budget
          ? { code: 'over_budget' }
          : rank! < lowestSelected
            ? { code: 'exceeds_remaining', remaining }
            : { code: 'below_cut', remaining });
    return {
      id: a.id,
      amount: a.amount,
      rawScore: rawTotals.get(a.id) ?? null,
      normalisedScore: normTotals.get(a.id) ?? null,
      rawRank: rawRanks.get(a.id) ?? null,
      normalisedRank: normRanks.get(a.id) ?? null,
      reviewers: rated.reviewers.get(a.id) ?? 0,
      conflictedScores: rated.conflicted.get(a.id) ?? 0,
      selected,
      reason,
    };
  });
  return {
    normalised: options.normalised,
    budget: input.budget,
    spent: best.cost,
    remaining,
    totalScore: best.chosen.reduce((s, id) => s + totals.get(id)!, 0),
    optimal: best.optimal,
    applications,
  };
}

export interface WeightChange {
  criterionId: string;
  /** +10 or −10 (percent). */
  change: 10 | -10;
  weight: number;
  /** Applications the change would bring in, and those it would leave out. */
  entering: string[];
  leaving: string[];
}

/** Which choices change when any one criterion's weight moves by ±10 % (the others kept). */
export function weightSensitivity(input: SelectionInput, options: { normalised: boolean }, base?: SelectionResult): WeightChange[] {
  const rated = rate(input);
  const chosen = new Set((base ?? select(input, options, rated)).applications.filter((a) => a.selected).map((a) => a.id));
  const out: WeightChange[] = [];
  for (const c of input.criteria) {
    if (c.weight <= 0) continue;
    for (const change of [10, -10] as const) {
      const weight = (c.weight * (100 + change)) / 100;
      const criteria = input.criteria.map((x) => (x.id === c.id ? { ...x, weight } : x));
      const moved = select({ ...input, criteria }, options, rated);
      const now = new Set(moved.applications.filter((a) => a.selected).map((a) => a.id));
      out.push({
        criterionId: c.id,
        change,
        weight,
        entering: input.applications.filter((a) => now.has(a.id) && !chosen.has(a.id)).map((a) => a.id),
        leaving: input.applications.filter((a) => chosen.has(a.id) && !now.has(a.id)).map((a) => a.id),
      });
    }
  }
  return out;
}
