/**
 * LED selection (issue 17.6): the best set of 300 applications within a budget. Each application
 * asks for an amount drawn log-uniform between 5,000 and 200,000 (minor units × 100); 12 reviewers,
 * each with a leniency of their own, score 3 applications' worth of the panel each: every
 * application by 3 reviewers on the 9 default criteria (0–5, weights 5–15), drawn independently of
 * the amount. The budget is a quarter of all that is asked. Timed: rating + normalisation + the
 * knapsack (target ≤ 1 s), and the ±10 % sensitivity of every weight (18 more selections) beside it.
 * Checked: the set stays within the budget.
 * Run: node --import tsx bench/led-selection.ts
 */
import { performance } from 'node:perf_hooks';
import { select, weightSensitivity, type SelectionInput, type SelectionScore } from '../server/modules/led/selection.js';
import { seededRandom } from '../server/platform/seeded-random.js';

const APPLICATIONS = 300;
const REVIEWERS = 12;
const PER_APPLICATION = 3;
const CRITERIA = ['local_focus', 'cooperation', 'broad_effects', 'committed_people', 'visible_results', 'women_youth', 'cost_cofunding', 'feasibility', 'sustainability'];

function instance(seed: number): SelectionInput {
  const rnd = seededRandom(seed);
  const leniency = Array.from({ length: REVIEWERS }, () => rnd() * 2 - 1);
  const criteria = CRITERIA.map((id) => ({ id, weight: 5 + Math.floor(rnd() * 11) }));
  const applications = Array.from({ length: APPLICATIONS }, (_, i) => ({
    id: `app-${String(i).padStart(3, '0')}`,
    amount: Math.round(Math.exp(Math.log(5_000) + rnd() * (Math.log(200_000) - Math.log(5_000)))) * 100,
    order: `2026-03-${String(1 + (i % 28)).padStart(2, '0')}`,
  }));
  const scores: SelectionScore[] = [];
  for (const [i, a] of applications.entries()) {
    const quality = rnd() * 5;
    for (let k = 0; k < PER_APPLICATION; k++) {
      const r = (i + k * 5) % REVIEWERS;
      for (const c of criteria) {
        const s = Math.round(Math.min(5, Math.max(0, quality + leniency[r]! + (rnd() - 0.5) * 2)));
        scores.push({ reviewerId: `rev-${r}`, applicationId: a.id, criterionId: c.id, score: s });
      }
    }
  }
  const budget = Math.round(applications.reduce((s, a) => s + a.amount, 0) / 4);
  return { budget, scale: { min: 0, max: 5 }, criteria, applications, scores, conflicts: new Set() };
}

// Once to load and compile, as a running server has.
select(instance(99), { normalised: true });
let worst = 0;
for (const seed of [1, 2, 3, 4, 5]) {
  const input = instance(seed);
  const started = performance.now();
  const result = select(input, { normalised: true });
  const ms = performance.now() - started;
  worst = Math.max(worst, ms);
  const t2 = performance.now();
  const changes = weightSensitivity(input, { normalised: true }, result);
  const sensitivityMs = performance.now() - t2;
  const chosen = result.applications.filter((a) => a.selected);
  const spent = chosen.reduce((s, a) => s + a.amount, 0);
  if (spent > input.budget) throw new Error(`seed ${seed}: ${spent} above the budget ${input.budget}`);
  console.log(
    `seed ${seed}: ${chosen.length} of ${APPLICATIONS} selected, spent ${spent} of ${input.budget} (within: ${spent <= input.budget}), ` +
      `optimal ${result.optimal}, selection ${ms.toFixed(0)} ms (target ≤ 1000), ` +
      `sensitivity (${changes.length} selections) ${sensitivityMs.toFixed(0)} ms, ` +
      `${changes.filter((c) => c.entering.length || c.leaving.length).length} weight moves change the set`,
  );
}
console.log(`worst selection ${worst.toFixed(0)} ms`);
