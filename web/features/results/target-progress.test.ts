import { describe, expect, it } from 'vitest';
import type { Figure } from '../../../contracts/results.js';
import { towardsTarget } from './target-progress.js';

/** A pooled percentage as the engine gives it: Σ numerators over Σ denominators. */
const pooled = (parts: Array<[number, number]>): Figure => {
  const num = parts.reduce((s, [n]) => s + n, 0);
  const den = parts.reduce((s, [, d]) => s + d, 0);
  return { num, den, pct: den === 0 ? null : (num / den) * 100 };
};

describe('progress towards a target', () => {
  it('reads a pooled percentage against its target in percentage points, not as a percentage of a percentage', () => {
    // 45/50 and 10/100 pool to 55/150 = 36.7 %, not the 50 % their average would give; the target is 40 %.
    const share = pooled([[45, 50], [10, 100]]);
    expect('pct' in share && share.pct!.toFixed(1)).toBe('36.7');
    expect(towardsTarget(share, 40)).toEqual({ points: -3.3 });
    expect(towardsTarget(share, 30)).toEqual({ points: 6.7 });
    expect(towardsTarget(pooled([[2, 5]]), 40)).toEqual({ points: 0 });
    // Rounded to the tenth shown: 39.96 % is on target, and never "-0 points".
    expect(towardsTarget({ num: 999, den: 2500, pct: 39.96 }, 40)).toEqual({ points: 0 });
    // No denominator, no share, no progress; a target of 0 % is still a target in points.
    expect(towardsTarget(pooled([]), 40)).toBeNull();
    expect(towardsTarget(pooled([[1, 4]]), 0)).toEqual({ points: 25 });
  });

  it('reads a number against its target in percent of it', () => {
    expect(towardsTarget({ n: 110 }, 120)).toEqual({ percent: 92 });
    expect(towardsTarget({ n: 150 }, 100)).toEqual({ percent: 150 });
    expect(towardsTarget({ n: 5 }, 0)).toBeNull();
    expect(towardsTarget({ n: 5 }, null)).toBeNull();
    expect(towardsTarget({ text: ['done'] }, 1)).toBeNull();
  });
});
