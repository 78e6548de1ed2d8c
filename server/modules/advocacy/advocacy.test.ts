import { describe, expect, it } from 'vitest';
import { activityCost, claimedSaving, standardCost } from '../../../contracts/standard-cost.js';

describe('Standard Cost Model', () => {
  const declaration = { name: 'File the monthly return', minutes: 90, hourlyTariff: 2000, outOfPocket: 500, perYear: 12, firms: { micro: 100, small: 20, medium: 5, large: 1 } };
  it('prices an activity as time × tariff + out-of-pocket, times frequency and firms', () => {
    // 1.5 h × 20.00 + 5.00 = 35.00 a time, 12 times a year = 420.00 per firm.
    expect(activityCost(declaration)).toEqual({ perFirm: 42000, bySize: { micro: 4200000, small: 840000, medium: 210000, large: 42000 }, total: 5292000 });
  });
  it('adds activities, and a rule done every second year costs half', () => {
    const inspection = { name: 'Host the inspection', minutes: 240, hourlyTariff: 2000, outOfPocket: 0, perYear: 0.5, firms: { micro: 0, small: 20, medium: 5, large: 1 } };
    const both = standardCost([declaration, inspection]);
    expect(both.perFirm).toBe(42000 + 4000);
    expect(both.total).toBe(5292000 + 4000 * 26);
    expect(both.bySize.micro).toBe(4200000);
    expect(standardCost([])).toEqual({ total: 0, bySize: { micro: 0, small: 0, medium: 0, large: 0 }, perFirm: 0 });
  });
});

describe('saving claimed', () => {
  it('is the share of the yearly cost, once the reform is adopted or implemented, and nothing before', () => {
    expect(claimedSaving({ outcome: 'adopted', savingShare: 75 }, 1680000)).toBe(1260000);
    expect(claimedSaving({ outcome: 'implemented', savingShare: 90 }, 1001)).toBe(901);
    expect(claimedSaving({ outcome: 'rejected', savingShare: 100 }, 1680000)).toBeNull();
    expect(claimedSaving({ outcome: null, savingShare: 100 }, 1680000)).toBeNull();
  });
});
