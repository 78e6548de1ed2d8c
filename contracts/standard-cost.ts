// Spelled out rather than taken from CostActivityInput and FirmsBySize
// (contracts/advocacy.ts): that contract is refined with costIsCountable, so
// importing its types here would make the two files import each other.
type FirmsBySize = { micro: number; small: number; medium: number; large: number };
type CostFigures = { minutes: number; hourlyTariff: number; outOfPocket: number; perYear: number; firms: FirmsBySize };

/**
 * The Standard Cost Model: price × quantity, where price = time × tariff +
 * out-of-pocket cost and quantity = firms × frequency. Money in minor units,
 * rounded once per activity so the parts add up to the total shown.
 */
export function perFirmYearly(a: Omit<CostFigures, 'firms'>): number {
  return Math.round(((a.minutes / 60) * a.hourlyTariff + a.outOfPocket) * a.perYear);
}

export const firmCount = (f: FirmsBySize) => f.micro + f.small + f.medium + f.large;

export function activityCost(a: CostFigures) {
  const perFirm = perFirmYearly(a);
  const bySize = { micro: perFirm * a.firms.micro, small: perFirm * a.firms.small, medium: perFirm * a.firms.medium, large: perFirm * a.firms.large };
  return { perFirm, bySize, total: bySize.micro + bySize.small + bySize.medium + bySize.large };
}

/**
 * True when every figure of the cost is a whole number JavaScript holds
 * exactly (at most 2^53 - 1): what the API answers and the history records.
 */
export function costIsCountable(a: CostFigures): boolean {
  if (![a.minutes, a.hourlyTariff, a.outOfPocket, a.perYear, ...Object.values(a.firms ?? {})].every((n) => typeof n === 'number')) return true;
  const c = activityCost(a);
  return [c.perFirm, c.total, ...Object.values(c.bySize)].every(Number.isSafeInteger);
}

/** The same for the sum of an issue's activities. */
export function summaryIsCountable(s: { total: number; perFirm: number; bySize: FirmsBySize }): boolean {
  return [s.total, s.perFirm, ...Object.values(s.bySize)].every(Number.isSafeInteger);
}

export function standardCost(activities: CostFigures[]) {
  const bySize = { micro: 0, small: 0, medium: 0, large: 0 };
  let total = 0;
  let perFirm = 0;
  for (const a of activities) {
    const c = activityCost(a);
    for (const k of Object.keys(bySize) as Array<keyof typeof bySize>) bySize[k] += c.bySize[k];
    total += c.total;
    perFirm += c.perFirm;
  }
  return { total, bySize, perFirm };
}

/**
 * The saving claimed for firms once a reform is adopted or implemented: the
 * share of the regulation's yearly cost it removes. Nothing is claimed before.
 */
export function claimedSaving(issue: { outcome: string | null; savingShare: number }, yearlyCost: number): number | null {
  if (issue.outcome !== 'adopted' && issue.outcome !== 'implemented') return null;
  return Math.round((yearlyCost * issue.savingShare) / 100);
}
