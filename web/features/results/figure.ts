import type { TFunction } from 'i18next';
import type { Figure } from '../../../contracts/results.js';
import { formatNumber } from '../../app/money.js';

/** A figure as a person reads it: a number, a pooled share with its parts, or the texts of a qualitative indicator. */
export function formatFigure(t: TFunction, f: Figure | null | undefined): string {
  if (!f) return '—';
  if ('n' in f) return formatNumber(f.n);
  if ('num' in f) return f.pct === null ? t('results.noDenominator') : t('results.share', { pct: f.pct.toFixed(1), num: formatNumber(f.num), den: formatNumber(f.den) });
  return f.text.length ? f.text.join(' · ') : '—';
}

/** How far a figure is towards its target, in percent, when both are numbers. */
export function towardsTarget(f: Figure, target: number | null): number | null {
  if (target === null || target === 0 || !('n' in f)) return null;
  return Math.round((f.n / target) * 100);
}
