import { describe, expect, it } from 'vitest';
import { compareAnswers, matrixGrid } from './answer-order.js';

describe('the order of a question’s answers', () => {
  it('follows the form’s choices', () => {
    const question = { type: 'select_one' as const, choices: [{ value: 'yes', label: { en: 'Yes' } }, { value: 'no', label: { en: 'No' } }] };
    expect(['no', 'yes'].sort(compareAnswers(question))).toEqual(['yes', 'no']);
  });

  it('puts a scale in the order of its values, not the order answers came in', () => {
    expect(['3', '2', '1', '4', '10'].sort(compareAnswers({ type: 'integer' as const }))).toEqual(['1', '2', '3', '4', '10']);
  });

  it('groups a matrix by its rows, each with its columns in the form’s order', () => {
    const question = {
      type: 'matrix' as const,
      rows: [{ value: 'speed', label: { en: 'Speed' } }, { value: 'cost', label: { en: 'Cost' } }],
      choices: [{ value: 'good', label: { en: 'Good' } }, { value: 'poor', label: { en: 'Poor' } }],
    };
    const values = ['cost=good', 'speed=good', 'cost=poor', 'speed=poor'].sort(compareAnswers(question));
    expect(values).toEqual(['speed=good', 'speed=poor', 'cost=good', 'cost=poor']);
    const totals = new Map([['speed=good', 10], ['speed=poor', 42], ['cost=good', 26], ['cost=poor', 26]]);
    const grid = matrixGrid(values, totals);
    expect(grid.rows).toEqual(['speed', 'cost']);
    expect(grid.columns).toEqual(['good', 'poor']);
    // Every answer is in the grid once: its cells add up to the totals.
    const sum = grid.rows.flatMap((r) => grid.columns.map((c) => grid.count(r, c))).reduce((a, b) => a + b, 0);
    expect(sum).toBe([...totals.values()].reduce((a, b) => a + b, 0));
  });
});
