import type { FirmCounts, MatrixSummary } from '../../../contracts/led.js';
import { LED_FACTORS } from '../../../contracts/led.js';

/** A year's matrix in few numbers: factors assessed, strengths, weaknesses, and the mean rating (null when nothing is rated). */
export function summariseMatrix(year: number, items: Array<{ finding: string; rating: number }>): MatrixSummary {
  const strengths = items.filter((a) => a.finding === 'strength').length;
  const sum = items.reduce((s, a) => s + a.rating, 0);
  return {
    year,
    factors: items.length,
    strengths,
    weaknesses: items.length - strengths,
    average: items.length ? Math.round((sum / items.length) * 100) / 100 : null,
  };
}

/** The proposed factors first, in their order, then the region's own by name. */
export function factorOrder(a: string, b: string): number {
  const ia = (LED_FACTORS as readonly string[]).indexOf(a);
  const ib = (LED_FACTORS as readonly string[]).indexOf(b);
  if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  return a.localeCompare(b);
}

const SIZES = ['micro', 'small', 'medium', 'large'];

/**
 * Firms counted by section and by size from the same groups, so each breakdown
 * adds up to the total; a firm with no section or size is `not_stated`.
 */
export function firmCounts(groups: Array<{ sector: string | null; sizeClass: string | null; count: number }>): FirmCounts {
  const bySector = new Map<string, number>();
  const bySize = new Map<string, number>();
  let total = 0;
  for (const g of groups) {
    total += g.count;
    const sector = g.sector ?? 'not_stated';
    const size = g.sizeClass ?? 'not_stated';
    bySector.set(sector, (bySector.get(sector) ?? 0) + g.count);
    bySize.set(size, (bySize.get(size) ?? 0) + g.count);
  }
  const rank = (s: string) => (s === 'not_stated' ? 1 : 0);
  return {
    total,
    bySector: [...bySector].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)).map(([sector, count]) => ({ sector, count })),
    bySize: [...bySize].sort(([a], [b]) => (SIZES.indexOf(a) < 0 ? 9 : SIZES.indexOf(a)) - (SIZES.indexOf(b) < 0 ? 9 : SIZES.indexOf(b))).map(([size, count]) => ({ size, count })),
  };
}
