import { describe, expect, it } from 'vitest';
import { changedFrom, losesChanges } from './leave-guard.js';

const at = (pathname: string) => ({ pathname });

describe('losesChanges', () => {
  it('asks only when there are unsaved changes and the page changes', () => {
    expect(losesChanges(true, at('/organisation'), at('/members'))).toBe(true);
    expect(losesChanges(false, at('/organisation'), at('/members'))).toBe(false);
  });
  it('lets a tab or a filter of the same page change without asking', () => {
    expect(losesChanges(true, at('/advocacy/1'), at('/advocacy/1'))).toBe(false);
  });
});

describe('changedFrom', () => {
  it('sees a changed field, and a field typed back to what it was as unchanged', () => {
    const initial = { title: 'Port delays', regions: ['GH-AA'] };
    expect(changedFrom(initial, { ...initial, regions: ['GH-AA', 'GH-NP'] })).toBe(true);
    expect(changedFrom(initial, { title: 'Port delays', regions: ['GH-AA'] })).toBe(false);
  });
});
