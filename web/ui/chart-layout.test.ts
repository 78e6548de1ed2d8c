import { describe, expect, it } from 'vitest';
import { labelEvery, niceTicks, wrapLabel } from './chart-layout.js';

describe('chart labels and axes', () => {
  it('wraps a label at spaces and keeps every word', () => {
    const label = 'Delays at the port of Tema cost us more than a week';
    const lines = wrapLabel(label, 16);
    expect(lines).toEqual(['Delays at the', 'port of Tema', 'cost us more', 'than a week']);
    expect(lines.every((l) => l.length <= 16)).toBe(true);
    expect(lines.join(' ')).toBe(label);
  });

  it('names a matrix row and column in full, not their last five characters', () => {
    const lines = wrapLabel('Customs clearance — Very dissatisfied', 20);
    expect(lines.join(' ')).toBe('Customs clearance — Very dissatisfied');
    expect(lines[0]).toBe('Customs clearance —');
  });

  it('splits a word longer than a line without losing characters', () => {
    expect(wrapLabel('Transportation-and-storage ok', 10)).toEqual(['Transporta', 'tion-and-s', 'torage ok']);
    expect(wrapLabel('', 10)).toEqual(['']);
    expect(wrapLabel('Кассава', 3).join('')).toBe('Кассава');
  });

  it('gives round ticks from zero up to the largest value', () => {
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(100)).toEqual([0, 50, 100]);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(1234)).toEqual([0, 500, 1000, 1500]);
    expect(niceTicks(0.7, 4, false)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    for (const max of [1, 9, 13, 57, 999, 12_000]) {
      const ticks = niceTicks(max);
      expect(ticks[0]).toBe(0);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(7);
    }
  });

  it('thins column labels only when they do not fit', () => {
    expect(labelEvery(40, 30)).toBe(1);
    expect(labelEvery(20, 50)).toBe(3);
  });
});
