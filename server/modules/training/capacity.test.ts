import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAPACITY_CATALOGUE, CAPACITY_DOMAINS } from '../../../contracts/capacity.js';
import { ROOT } from '../../test/process.js';
import { averageOf, domainScores, domainSums, gapsOf, scoresFromSums, unanswered } from './capacity-scoring.js';

describe('capacity scoring', () => {
  it('takes each domain\'s mean of the levels answered, as a share of level 4', () => {
    const scores = domainScores([
      { item: 'governance_board', level: 4 }, { item: 'governance_strategy', level: 1 }, { item: 'governance_staff', level: 2 },
      { item: 'finances_income', level: 3 }, { item: 'finances_accounts', level: null },
      { item: 'unknown_item', level: 1 },
    ]);
    expect(scores.map((s) => s.domain)).toEqual([...CAPACITY_DOMAINS]);
    const governance = scores.find((s) => s.domain === 'governance')!;
    // (4 + 1 + 2) / 3 = 2.333…; 2.333… / 4 = 58.33 %.
    expect(governance).toEqual({ domain: 'governance', items: 3, answered: 3, mean: 2.33, share: 58.3 });
    // An undecided item does not count as a zero.
    expect(scores.find((s) => s.domain === 'finances')).toEqual({ domain: 'finances', items: 3, answered: 1, mean: 3, share: 75 });
    expect(scores.find((s) => s.domain === 'networking')).toEqual({ domain: 'networking', items: 2, answered: 0, mean: null, share: null });
    expect(scores.reduce((n, s) => n + s.items, 0)).toBe(CAPACITY_CATALOGUE.length);
  });

  it('finds the gaps (levels 1 and 2) in the catalogue\'s order, and what is still undecided', () => {
    const answers = [{ item: 'training_offer', level: 2 }, { item: 'governance_board', level: 1 }, { item: 'governance_staff', level: 3 }, { item: 'led_analysis', level: null }];
    expect(gapsOf(answers)).toEqual([{ item: 'governance_board', domain: 'governance', level: 1 }, { item: 'training_offer', domain: 'training', level: 2 }]);
    const missing = unanswered(answers);
    expect(missing).toHaveLength(CAPACITY_CATALOGUE.length - 3);
    expect(missing).toContain('led_analysis');
    expect(missing).not.toContain('governance_board');
  });

  it('scores from sums as from levels, and averages each organisation\'s mean once', () => {
    const answers = [
      { item: 'governance_board', level: 4 }, { item: 'governance_strategy', level: 1 }, { item: 'governance_staff', level: 2 },
      { item: 'finances_income', level: 3 }, { item: 'finances_accounts', level: null }, { item: 'unknown_item', level: 1 },
    ];
    expect(scoresFromSums(domainSums(answers))).toEqual(domainScores(answers));
    // Governance: one with a mean of 7 / 3, one of 1 (one item answered); each counts once: (7 / 3 + 1) / 2 = 1.666…
    const one = domainSums(answers);
    const two = [{ domain: 'governance', answered: 1, sum: 1 }];
    const average = averageOf([one, two]);
    expect(average.find((a) => a.domain === 'governance')).toEqual({ domain: 'governance', branches: 2, mean: 1.67, share: 41.7 });
    expect(average.find((a) => a.domain === 'finances')).toEqual({ domain: 'finances', branches: 1, mean: 3, share: 75 });
    expect(average.find((a) => a.domain === 'networking')).toEqual({ domain: 'networking', branches: 0, mean: null, share: null });
    expect(averageOf([]).every((a) => a.mean === null)).toBe(true);
  });

  it('the siblings\' database function knows exactly the catalogue (migration 0061)', () => {
    const text = fs.readFileSync(path.join(ROOT, 'migrations/0061_capacity_siblings.sql'), 'utf8');
    const pairs = [...text.matchAll(/\('([a-z_]+)', '([a-z_]+)'\)/g)].map((m) => ({ key: m[1], domain: m[2] }));
    expect(pairs).toEqual(CAPACITY_CATALOGUE.map((i) => ({ key: i.key, domain: i.domain })));
  });
});
