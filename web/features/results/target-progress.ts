import type { Figure } from '../../../contracts/results.js';

/**
 * How far a figure is towards its target. A number (a count, a sum) against its target in
 * percent of it (91 % of target). A pooled percentage against its target in percentage
 * points, to one decimal (36.7 % against a target of 40 % is 3.3 points below): a
 * percentage of a percentage ("92 % of target") reads as a share of something and misleads.
 */
export type TargetProgress = { percent: number } | { points: number };

export function towardsTarget(f: Figure, target: number | null): TargetProgress | null {
  if (target === null) return null;
  if ('num' in f) {
    if (f.pct === null) return null;
    // Rounded first, so 39.96 % against 40 % is on target, as it reads; never -0.
    return { points: Math.round((f.pct - target) * 10) / 10 || 0 };
  }
  if (!('n' in f) || target === 0) return null;
  return { percent: Math.round((f.n / target) * 100) };
}
