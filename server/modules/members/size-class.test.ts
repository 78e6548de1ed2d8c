import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, sizeClassOf, totalEmployees } from './size-class.js';

describe('size class', () => {
  it('follows employee ceilings', () => {
    expect(sizeClassOf(DEFAULT_THRESHOLDS, 0, null)).toBe('micro');
    expect(sizeClassOf(DEFAULT_THRESHOLDS, 9, null)).toBe('micro');
    expect(sizeClassOf(DEFAULT_THRESHOLDS, 10, null)).toBe('small');
    expect(sizeClassOf(DEFAULT_THRESHOLDS, 249, null)).toBe('medium');
    expect(sizeClassOf(DEFAULT_THRESHOLDS, 250, null)).toBe('large');
  });
  it('moves a firm up when its turnover passes the ceiling the organisation set', () => {
    const t = { ...DEFAULT_THRESHOLDS, microMaxTurnover: 100_000_00, smallMaxTurnover: 1_000_000_00 };
    expect(sizeClassOf(t, 3, 50_000_00)).toBe('micro');
    expect(sizeClassOf(t, 3, 500_000_00)).toBe('small');
    expect(sizeClassOf(t, 3, 5_000_000_00)).toBe('medium');
    expect(sizeClassOf(t, null, 50_000_00)).toBe('micro');
  });
  it('is unknown without any figure, and turnover alone says nothing without ceilings', () => {
    expect(sizeClassOf(DEFAULT_THRESHOLDS, null, null)).toBeNull();
    expect(sizeClassOf(DEFAULT_THRESHOLDS, null, 123)).toBeNull();
    expect(totalEmployees(null, null)).toBeNull();
    expect(totalEmployees(3, null)).toBe(3);
  });
});
