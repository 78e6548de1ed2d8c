import type { TFunction } from 'i18next';
import type { Figure } from '../../../contracts/results.js';
import { formatNumber } from '../../app/money.js';
import type { TargetProgress } from './target-progress.js';

/** A figure as a person reads it: a number, a pooled share with its parts, or the texts of a qualitative indicator. */
export function formatFigure(t: TFunction, f: Figure | null | undefined): string {
  if (!f) return '—';
  if ('n' in f) return formatNumber(f.n);
  if ('num' in f) return f.pct === null ? t('results.noDenominator') : t('results.share', { pct: f.pct.toFixed(1), num: formatNumber(f.num), den: formatNumber(f.den) });
  return f.text.length ? f.text.join(' · ') : '—';
}

/** A target as its figure reads: a percentage's with its sign. */
export function formatTarget(f: Figure, target: number | null): string {
  if (target === null) return '—';
  return 'num' in f ? `${formatNumber(target)} %` : formatNumber(target);
}

/** The progress in words: "91 % of target", "3.3 points below target", "on target". */
export function progressText(t: TFunction, p: TargetProgress): string {
  if ('percent' in p) return t('resultsDashboard.progress', { progress: formatNumber(p.percent) });
  if (p.points === 0) return t('resultsDashboard.onTarget');
  return t(p.points < 0 ? 'resultsDashboard.pointsBelow' : 'resultsDashboard.pointsAbove', { points: formatNumber(Math.abs(p.points)) });
}
