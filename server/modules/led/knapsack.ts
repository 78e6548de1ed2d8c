/**
 * The best set of applications within a budget: a 0/1 knapsack, solved exactly as an integer
 * programme with YALPS. Pure and deterministic: items come in the caller's order of preference
 * (its ranking) and the same items give the same set.
 *
 * Values are whole units (the caller scales its scores), costs whole minor units, so a sum is
 * exact in a double (≤ 2^53) and the budget is checked with integers, never trusted to the
 * solver's tolerance: a set the solver returns above the budget is solved again tighter.
 *
 * Why the preprocessing: YALPS' branch and bound took 2–3 s on 300 applications with
 * independent scores and amounts. The LP bound of a knapsack (Dantzig's) tells most items'
 * fate: with r the critical ratio (value per cost of the item the greedy fill splits) and U the
 * bound, forcing item j against its side of r lowers the bound by |v_j − r·c_j|. When that leaves
 * the bound below a set already in hand (the greedy fill), no set at least as good can take j the
 * other way, so j is fixed and the solver sees only the rest (the "core"). Fixing is strict (a set
 * *equal* to the one in hand survives), so every optimal set survives, and the tie rule below
 * sees them all.
 *
 * Ties: among sets of the best total value, the one that spends least; among those, the
 * solver's first in the caller's order (the same order gives the same set).
 */
import { solve, type Solution } from 'yalps';

export interface KnapsackItem {
  id: string;
  /** Whole units ≥ 0 (higher is better). */
  value: number;
  /** Whole minor units ≥ 0. */
  cost: number;
}

export interface KnapsackResult {
  chosen: string[];
  value: number;
  cost: number;
  /** False when the solver ran out of iterations: the set is within the budget but may not be the best. */
  optimal: boolean;
  /** False when the tie-break solve ran out of iterations: the value is the best, the spending may not be the least. */
  leastCost: boolean;
  /** Items left to the solver after the bounds fixed the rest (for the benchmark). */
  core: number;
}

// Iterations, not time: a limit in time would make the same input give different sets on a busy machine.
const MAX_ITERATIONS = 20_000;

export function bestSet(items: readonly KnapsackItem[], budget: number): KnapsackResult {
  if (!Number.isSafeInteger(budget) || budget < 0) throw new Error(`budget must be a whole number ≥ 0, got ${budget}`);
  for (const it of items) {
    if (!Number.isSafeInteger(it.value) || it.value < 0) throw new Error(`value of ${it.id} must be a whole number ≥ 0`);
    if (!Number.isSafeInteger(it.cost) || it.cost < 0) throw new Error(`cost of ${it.id} must be a whole number ≥ 0`);
  }
  const fixedIn: KnapsackItem[] = [];
  // An item of no value never helps (and would only spend); one that costs more than the budget never fits.
  const free = items.filter((it) => it.value > 0 && it.cost === 0);
  fixedIn.push(...free);
  const candidates = items.filter((it) => it.value > 0 && it.cost > 0 && it.cost <= budget);
  const { core, fixed } = reduce(candidates, budget);
  fixedIn.push(...fixed);
  const left = budget - fixed.reduce((s, it) => s + it.cost, 0);
  const solved = solveCore(core, left);
  const chosenIds = new Set([...fixedIn, ...solved.chosen].map((it) => it.id));
  const chosen = items.filter((it) => chosenIds.has(it.id));
  const cost = chosen.reduce((s, it) => s + it.cost, 0);
  if (cost > budget) throw new Error(`knapsack chose ${cost} above the budget ${budget}`);
  return {
    chosen: chosen.map((it) => it.id),
    value: chosen.reduce((s, it) => s + it.value, 0),
    cost,
    optimal: solved.optimal,
    leastCost: solved.leastCost,
    core: core.length,
  };
}

/** Fixes what Dantzig's bound decides against the greedy set; returns the rest and the items fixed in. */
function reduce(items: KnapsackItem[], budget: number): { core: KnapsackItem[]; fixed: KnapsackItem[] } {
  if (!items.length) return { core: [], fixed: [] };
  // Best value per cost first; equal ratios keep the caller's order (sort is stable).
  const byRatio = [...items].sort((a, b) => b.value * a.cost - a.value * b.cost);
  let room = budget;
  let bound = 0;
  let ratio = 0;
  let split = false;
  for (const it of byRatio) {
    if (it.cost <= room) {
      room -= it.cost;
      bound += it.value;
    } else {
      ratio = it.value / it.cost;
      bound += ratio * room;
      split = true;
      break;
    }
  }
  // Everything fits: take it all.
  if (!split) return { core: [], fixed: items };
  // A set in hand: the greedy fill by ratio (taking whatever still fits), also with each item
  // forced in first; the best of them. O(n²), 90,000 steps for 300 items, and the tighter it is
  // the fewer items reach the solver.
  let greedy = 0;
  for (const first of [null, ...byRatio]) {
    room = budget - (first?.cost ?? 0);
    let sum = first?.value ?? 0;
    for (const it of byRatio) {
      if (it !== first && it.cost <= room) {
        room -= it.cost;
        sum += it.value;
      }
    }
    greedy = Math.max(greedy, sum);
  }
  const core: KnapsackItem[] = [];
  const fixed: KnapsackItem[] = [];
  // Values are whole units: a bound below greedy − 0.001 cannot reach greedy, whatever the rounding of the doubles.
  for (const it of items) {
    const gain = it.value - ratio * it.cost;
    if (bound - Math.abs(gain) >= greedy - 1e-3) core.push(it);
    else if (gain > 0) fixed.push(it);
    // else: fixed out, dropped.
  }
  return { core, fixed };
}

function solveCore(core: KnapsackItem[], budget: number): { chosen: KnapsackItem[]; optimal: boolean; leastCost: boolean } {
  if (!core.length) return { chosen: [], optimal: true, leastCost: true };
  if (core.reduce((s, it) => s + it.cost, 0) <= budget) return { chosen: core, optimal: true, leastCost: true };
  // Costs scaled by the budget keep the matrix near 1. Sums are whole, so "≤ budget" is "≤ budget + ½":
  // the half unit absorbs the solver's tolerance without admitting a set one unit over.
  let max = budget + 0.5;
  for (let attempt = 0; attempt < 4; attempt++) {
    const scale = budget || 1;
    const best = solve(
      {
        direction: 'maximize',
        objective: 'value',
        constraints: { money: { max: max / scale } },
        variables: core.map((it) => [it.id, { value: it.value, money: it.cost / scale }] as const),
        binaries: true,
      },
      { maxIterations: MAX_ITERATIONS },
    );
    const first = picked(core, best);
    if (!first) throw new Error(`knapsack solver: ${best.status}`);
    const value = first.reduce((s, it) => s + it.value, 0);
    // Among sets of that value, the one spending least.
    const cheapest = solve(
      {
        direction: 'minimize',
        objective: 'money',
        constraints: { money: { max: max / scale }, value: { min: value - 0.5 } },
        variables: core.map((it) => [it.id, { value: it.value, money: it.cost / scale }] as const),
        binaries: true,
      },
      { maxIterations: MAX_ITERATIONS },
    );
    const second = cheapest.status === 'optimal' ? picked(core, cheapest) : null;
    const chosen = second && second.reduce((s, it) => s + it.value, 0) >= value ? second : first;
    const spent = chosen.reduce((s, it) => s + it.cost, 0);
    if (spent <= budget) return { chosen, optimal: best.status === 'optimal', leastCost: chosen === second };
    max -= spent - budget + 0.5;
  }
  throw new Error('knapsack solver kept exceeding the budget');
}

function picked(core: KnapsackItem[], solution: Solution<string>): KnapsackItem[] | null {
  if (solution.status !== 'optimal' && !(solution.status === 'timedout' && solution.variables.length)) return null;
  const ids = new Set(solution.variables.filter(([, x]) => x > 0.5).map(([id]) => id));
  return core.filter((it) => ids.has(it.id));
}
