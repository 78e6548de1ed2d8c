import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../platform/seeded-random.js';
import { detectConflicts } from './conflicts.js';
import { bestSet, type KnapsackItem } from './knapsack.js';
import { conflictKey, select, weightSensitivity, type SelectionInput, type SelectionScore } from './selection.js';

/** Every subset: the best value, and the least cost among sets of that value. */
function bruteForce(items: KnapsackItem[], budget: number) {
  let best = { value: -1, cost: Infinity };
  for (let mask = 0; mask < 1 << items.length; mask++) {
    let value = 0;
    let cost = 0;
    for (let i = 0; i < items.length; i++) {
      if (mask & (1 << i)) {
        value += items[i]!.value;
        cost += items[i]!.cost;
      }
    }
    if (cost > budget) continue;
    if (value > best.value || (value === best.value && cost < best.cost)) best = { value, cost };
  }
  return best;
}

/** Dynamic programming over whole costs: the best value within each budget. */
function dynamic(items: KnapsackItem[], budget: number): number {
  const best = new Array<number>(budget + 1).fill(0);
  for (const it of items) for (let b = budget; b >= it.cost; b--) best[b] = Math.max(best[b]!, best[b - it.cost]! + it.value);
  return best[budget]!;
}

describe('bestSet (knapsack through YALPS)', () => {
  it('matches brute force on 400 small random cases, never above the budget', () => {
    const rnd = seededRandom(17);
    for (let k = 0; k < 400; k++) {
      const n = 1 + Math.floor(rnd() * 12);
      const items = Array.from({ length: n }, (_, i) => ({
        id: `i${i}`,
        value: Math.floor(rnd() * 60),
        cost: Math.floor(rnd() * 100),
      }));
      const budget = Math.floor(rnd() * 300);
      const got = bestSet(items, budget);
      const want = bruteForce(items, budget);
      const chosen = items.filter((it) => got.chosen.includes(it.id));
      const cost = chosen.reduce((s, it) => s + it.cost, 0);
      expect(cost).toBeLessThanOrEqual(budget);
      expect(chosen.reduce((s, it) => s + it.value, 0)).toBe(want.value);
      expect(got.value).toBe(want.value);
      expect(cost).toBe(want.cost);
    }
  });

  it('matches dynamic programming on 40 items, with amounts that make the greedy fill wrong', () => {
    const rnd = seededRandom(5);
    for (let k = 0; k < 20; k++) {
      const items = Array.from({ length: 40 }, (_, i) => ({ id: `i${i}`, value: 1 + Math.floor(rnd() * 500), cost: 1 + Math.floor(rnd() * 900) }));
      const budget = 2000 + Math.floor(rnd() * 8000);
      const got = bestSet(items, budget);
      expect(got.value).toBe(dynamic(items, budget));
      expect(got.cost).toBeLessThanOrEqual(budget);
    }
  });

  it('keeps within budgets in the billions of minor units', () => {
    const rnd = seededRandom(9);
    for (let k = 0; k < 10; k++) {
      const items = Array.from({ length: 120 }, (_, i) => ({
        id: `i${i}`,
        value: Math.round((1 + 4 * rnd()) * 10_000),
        cost: 1_000_000_000 + Math.floor(rnd() * 40_000_000_000),
      }));
      const budget = Math.floor(items.reduce((s, it) => s + it.cost, 0) * 0.3);
      const got = bestSet(items, budget);
      const cost = items.filter((it) => got.chosen.includes(it.id)).reduce((s, it) => s + it.cost, 0);
      expect(cost).toBe(got.cost);
      expect(cost).toBeLessThanOrEqual(budget);
      expect(got.optimal).toBe(true);
    }
  });

  it('refuses amounts that are not whole', () => {
    expect(() => bestSet([{ id: 'a', value: 1, cost: 1.5 }], 10)).toThrow();
    expect(() => bestSet([], -1)).toThrow();
  });
});

const one = [{ id: 'c', weight: 1 }];
const score = (reviewerId: string, applicationId: string, s: number, criterionId = 'c'): SelectionScore => ({
  reviewerId,
  applicationId,
  criterionId,
  score: s,
});
const app = (id: string, amount: number, order = id) => ({ id, amount, order });
const base = (over: Partial<SelectionInput>): SelectionInput => ({
  budget: 100,
  scale: { min: 0, max: 5 },
  criteria: one,
  applications: [],
  scores: [],
  conflicts: new Set(),
  ...over,
});

describe('select', () => {
  it('takes the best set, not the top of the list until the money runs out', () => {
    const r = select(
      base({
        applications: [app('a', 100), app('b', 50), app('c', 50)],
        scores: [score('r', 'a', 5), score('r', 'b', 4), score('r', 'c', 4)],
      }),
      { normalised: false },
    );
    const by = new Map(r.applications.map((a) => [a.id, a]));
    expect([...by.values()].filter((a) => a.selected).map((a) => a.id)).toEqual(['b', 'c']);
    expect(by.get('a')!.rawRank).toBe(1);
    expect(by.get('a')!.reason).toEqual({ code: 'exceeds_remaining', remaining: 0 });
    expect(r.spent).toBe(100);
    expect(r.totalScore).toBe(8);
  });

  it('spends least among sets of the same score, and breaks full ties by the order key', () => {
    const r = select(
      base({
        applications: [app('a', 40), app('b', 60), app('c', 60)],
        scores: [score('r', 'a', 3), score('r', 'b', 1), score('r', 'c', 4)],
      }),
      { normalised: false },
    );
    // {a, b}: score 4, 100 spent; {c}: score 4, 60 spent; {a, c} costs 100 and scores 7 — the best.
    expect(r.applications.filter((a) => a.selected).map((a) => a.id)).toEqual(['a', 'c']);
    const tie = select(
      base({
        budget: 60,
        applications: [app('x', 60, '2026-03-02'), app('y', 60, '2026-03-01'), app('z', 30, '2026-03-03')],
        scores: [score('r', 'x', 4), score('r', 'y', 4), score('r', 'z', 1)],
      }),
      { normalised: false },
    );
    // x and y tie on score and amount: y was submitted first. {z} alone scores less.
    expect(tie.applications.filter((a) => a.selected).map((a) => a.id)).toEqual(['y']);
    const cheaper = select(
      base({
        budget: 100,
        applications: [app('a', 50), app('b', 50), app('c', 60)],
        scores: [score('r', 'a', 2), score('r', 'b', 2), score('r', 'c', 4)],
      }),
      { normalised: false },
    );
    // {a, b} and {c} both score 4: c spends 60, not 100.
    expect(cheaper.applications.filter((a) => a.selected).map((a) => a.id)).toEqual(['c']);
    expect(cheaper.applications.find((a) => a.id === 'a')!.reason).toEqual({ code: 'below_cut', remaining: 40 });
  });

  it('gives the same set and reasons whatever order the applications come in', () => {
    const rnd = seededRandom(3);
    const apps = Array.from({ length: 30 }, (_, i) => app(`a${i}`, 10 + Math.floor(rnd() * 5) * 10));
    const scores = apps.flatMap((a) => ['r1', 'r2'].map((r) => score(r, a.id, Math.floor(rnd() * 3) + 1)));
    const input = base({ budget: 300, applications: apps, scores });
    const first = select(input, { normalised: true });
    const shuffled = [...apps].reverse();
    const again = select({ ...input, applications: shuffled, scores: [...scores].reverse() }, { normalised: true });
    const key = (r: typeof first) => [...r.applications].sort((x, y) => (x.id < y.id ? -1 : 1)).map((a) => [a.id, a.selected, a.reason.code]);
    expect(key(again)).toEqual(key(first));
  });

  it('normalises per reviewer: z-score mapped back with the panel mean and spread, no spread → the mean', () => {
    const r = select(
      base({
        budget: 0,
        applications: [app('a', 10), app('b', 10), app('c', 10)],
        scores: [score('r1', 'a', 1), score('r1', 'b', 2), score('r1', 'c', 3), score('r2', 'a', 5), score('r2', 'b', 5), score('r2', 'c', 5)],
      }),
      { normalised: true },
    );
    // Panel: 1 2 3 5 5 5, mean 3.5, variance 15.5/6. r1: mean 2, sd √(2/3); r2 has no spread.
    const panelSd = Math.sqrt(15.5 / 6);
    const z = 1 / Math.sqrt(2 / 3);
    const by = new Map(r.applications.map((a) => [a.id, a]));
    expect(by.get('a')!.normalisedScore).toBeCloseTo((3.5 - z * panelSd + 3.5) / 2, 10);
    expect(by.get('b')!.normalisedScore).toBeCloseTo(3.5, 10);
    // 3.5 + 1.2247 × 1.6073 = 5.47, clamped to the scale's 5.
    expect(by.get('c')!.normalisedScore).toBeCloseTo((5 + 3.5) / 2, 10);
    expect(by.get('a')!.rawScore).toBe(3);
    expect(by.get('c')!.rawScore).toBe(4);
    expect(r.applications.every((a) => a.reason.code === 'below_cut' || a.reason.code === 'over_budget')).toBe(true);
  });

  it('keeps one lenient reviewer from deciding the ranking', () => {
    // The strict reviewer rates a, b, d; the lenient one c, e, f. Raw, the lenient one's 5 wins;
    // normalised, a (best of the strict reviewer by more of their spread) comes first.
    const r = select(
      base({
        applications: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => app(id, 10)),
        scores: [score('s', 'a', 3), score('s', 'b', 1), score('s', 'd', 2), score('l', 'c', 5), score('l', 'e', 4), score('l', 'f', 5)],
      }),
      { normalised: true },
    );
    const by = new Map(r.applications.map((a) => [a.id, a]));
    expect(by.get('c')!.rawRank).toBe(1);
    expect(by.get('a')!.normalisedRank).toBe(1);
    // Raw: c 5, f 5, e 4, then a 3.
    expect(by.get('a')!.rawRank).toBe(4);
  });

  it('weights criteria and requires every weighted one', () => {
    const r = select(
      base({
        criteria: [
          { id: 'x', weight: 3 },
          { id: 'y', weight: 1 },
          { id: 'z', weight: 0 },
        ],
        applications: [app('a', 10), app('b', 10), app('c', 10)],
        scores: [
          score('r1', 'a', 4, 'x'),
          score('r2', 'a', 4, 'x'),
          score('r1', 'a', 1, 'y'),
          score('r2', 'a', 3, 'y'),
          score('r1', 'b', 5, 'x'),
          score('r1', 'b', 5, 'z'),
        ],
      }),
      { normalised: false },
    );
    const by = new Map(r.applications.map((a) => [a.id, a]));
    expect(by.get('a')!.rawScore).toBeCloseTo((3 * 4 + 1 * 2) / 4, 12);
    expect(by.get('a')!.reviewers).toBe(2);
    expect(by.get('b')!.reason).toEqual({ code: 'incomplete', missing: ['y'] });
    expect(by.get('c')!.reason).toEqual({ code: 'not_scored' });
    expect(by.get('a')!.selected).toBe(true);
  });

  it('sets aside the scores of a conflicted reviewer', () => {
    const r = select(
      base({
        applications: [app('a', 60), app('b', 60)],
        scores: [score('r1', 'a', 5), score('r2', 'a', 1), score('r1', 'b', 3), score('r2', 'b', 3)],
        conflicts: new Set([conflictKey('r2', 'a'), conflictKey('r1', 'b'), conflictKey('r2', 'b')]),
      }),
      { normalised: false },
    );
    const by = new Map(r.applications.map((a) => [a.id, a]));
    expect(by.get('a')!.rawScore).toBe(5);
    expect(by.get('a')!.conflictedScores).toBe(1);
    expect(by.get('b')!.reason).toEqual({ code: 'not_scored' });
    expect(by.get('b')!.conflictedScores).toBe(2);
  });

  it('never exceeds the budget and finds the best raw total (brute force over subsets, totals recomputed here)', () => {
    const rnd = seededRandom(11);
    const criteria = [
      { id: 'p', weight: 2 },
      { id: 'q', weight: 1 },
    ];
    for (let k = 0; k < 60; k++) {
      const n = 2 + Math.floor(rnd() * 9);
      const apps = Array.from({ length: n }, (_, i) => app(`a${i}`, 1 + Math.floor(rnd() * 100)));
      const scores = apps.flatMap((a) => criteria.map((c) => score('r', a.id, Math.floor(rnd() * 6), c.id)));
      const budget = Math.floor(rnd() * 250);
      const r = select(base({ budget, criteria, applications: apps, scores }), { normalised: false });
      const totals = apps.map((a) => {
        const p = scores.find((s) => s.applicationId === a.id && s.criterionId === 'p')!.score;
        const q = scores.find((s) => s.applicationId === a.id && s.criterionId === 'q')!.score;
        return (2 * p + q) / 3;
      });
      let best = 0;
      for (let mask = 0; mask < 1 << n; mask++) {
        let cost = 0;
        let sum = 0;
        for (let i = 0; i < n; i++) if (mask & (1 << i)) (cost += apps[i]!.amount), (sum += totals[i]!);
        if (cost <= budget) best = Math.max(best, sum);
      }
      const chosen = r.applications.filter((a) => a.selected);
      expect(chosen.reduce((s, a) => s + a.amount, 0)).toBeLessThanOrEqual(budget);
      expect(r.totalScore).toBeCloseTo(best, 6);
      for (const a of r.applications.filter((x) => !x.selected)) {
        if (a.amount > budget) expect(a.reason.code).toBe('over_budget');
        else if (totals[apps.findIndex((x) => x.id === a.id)]! > 0) expect(a.amount).toBeGreaterThan(r.remaining);
      }
    }
  });
});

describe('weightSensitivity', () => {
  it('names the applications that enter and leave when one weight moves by ±10 %', () => {
    const input = base({
      criteria: [
        { id: 'c1', weight: 1 },
        { id: 'c2', weight: 1 },
      ],
      applications: [app('x', 100, '1'), app('y', 100, '2')],
      scores: [score('r', 'x', 5, 'c1'), score('r', 'x', 1, 'c2'), score('r', 'y', 1, 'c1'), score('r', 'y', 5, 'c2')],
    });
    // Tied at 3: x is first by its order key. More weight on c2 (or less on c1) favours y.
    const changes = weightSensitivity(input, { normalised: false });
    expect(changes.map((c) => [c.criterionId, c.change, c.entering, c.leaving])).toEqual([
      ['c1', 10, [], []],
      ['c1', -10, ['y'], ['x']],
      ['c2', 10, ['y'], ['x']],
      ['c2', -10, [], []],
    ]);
    expect(changes[0]!.weight).toBeCloseTo(1.1, 12);
  });
});

describe('detectConflicts', () => {
  it('finds declared conflicts and reviewers who are contacts of a partner firm, by e-mail without case', () => {
    const found = detectConflicts(
      [
        { id: 'r1', email: ' Ana@Firm.example ' },
        { id: 'r2', email: 'bo@elsewhere.example' },
        { id: 'r3', email: null },
      ],
      [
        { id: 'a', memberIds: ['m1', 'm2'] },
        { id: 'b', memberIds: [] },
      ],
      new Map([
        ['m2', ['ana@firm.example', '']],
        ['m3', ['bo@elsewhere.example']],
      ]),
      new Set([conflictKey('r2', 'b'), conflictKey('r1', 'a')]),
    );
    expect(Object.fromEntries(found)).toEqual({
      'r1|a': [{ kind: 'declared' }, { kind: 'contact', memberId: 'm2' }],
      'r2|b': [{ kind: 'declared' }],
    });
  });
});
