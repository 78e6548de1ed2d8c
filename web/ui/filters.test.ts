import { describe, expect, it } from 'vitest';
import { activeFilterCount } from './filters.js';

const EMPTY = { q: '', region: null as string | null, size: [] as string[], informal: false, sort: 'name' };

describe('activeFilterCount', () => {
  it('counts each filter that is set, not the sort order', () => {
    expect(activeFilterCount(EMPTY, EMPTY, ['sort'])).toBe(0);
    expect(activeFilterCount({ ...EMPTY, q: 'kente', size: ['micro', 'small'], informal: true, sort: 'renewal' }, EMPTY, ['sort'])).toBe(3);
  });
  it('does not count a search of blanks or a cleared choice', () => {
    expect(activeFilterCount({ ...EMPTY, q: '   ', region: null, size: [] }, EMPTY)).toBe(0);
    expect(activeFilterCount({ ...EMPTY, region: 'GH-AA' }, EMPTY)).toBe(1);
  });
});
