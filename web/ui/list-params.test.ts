import { describe, expect, it } from 'vitest';
import { listQuery, nextSort, readListParams, sortState, writeListParams } from './list-params.js';

const DEFAULTS = { q: '', status: [] as string[], womenLed: false, region: '', sort: 'name' };

describe('a list\'s filters in the address', () => {
  it('reads each kind of value, missing ones at their default', () => {
    expect(readListParams(new URLSearchParams(''), DEFAULTS)).toEqual(DEFAULTS);
    expect(readListParams(new URLSearchParams('q=shea&status=active,lapsed&womenLed=true&sort=-renewal&tab=x'), DEFAULTS)).toEqual({
      q: 'shea', status: ['active', 'lapsed'], womenLed: true, region: '', sort: '-renewal',
    });
    // An emptied multi-select whose default is not empty stays empty after a reload.
    expect(readListParams(new URLSearchParams('status='), { status: ['new', 'triaged'] })).toEqual({ status: [] });
    expect(readListParams(new URLSearchParams('womenLed=yes'), DEFAULTS).womenLed).toBe(false);
  });

  it('writes only what differs from the default, keeps other keys, and reads back what it wrote', () => {
    const values = { q: ' tamale ', status: ['active'], womenLed: true, region: '', sort: 'name' };
    const written = writeListParams(new URLSearchParams('tab=people&region=GH-AA'), values, DEFAULTS);
    expect(written.toString()).toBe('tab=people&q=tamale&status=active&womenLed=true');
    expect(readListParams(written, DEFAULTS)).toEqual({ ...values, q: 'tamale' });
    expect(writeListParams(written, DEFAULTS, DEFAULTS).toString()).toBe('tab=people');
    const staffDefaults = { status: ['new', 'triaged'] };
    expect(writeListParams(new URLSearchParams(), { status: ['new', 'triaged'] }, staffDefaults).toString()).toBe('');
    expect(writeListParams(new URLSearchParams(), { status: [] }, staffDefaults).toString()).toBe('status=');
  });

  it('makes the API query: defaults that filter included, empty values left out', () => {
    expect(listQuery(DEFAULTS, DEFAULTS)).toEqual({ q: undefined, status: undefined, womenLed: undefined, region: undefined, sort: 'name' });
    expect(listQuery({ ...DEFAULTS, status: ['a', 'b'], womenLed: true, q: '  x ' }, DEFAULTS)).toMatchObject({ status: 'a,b', womenLed: 'true', q: 'x' });
    expect(listQuery({ status: ['new', 'triaged'] }, { status: ['new', 'triaged'] })).toEqual({ status: 'new,triaged' });
  });

  it('sorts by a header: ascending first (or descending for dates), then reversed, and says how for aria-sort', () => {
    expect(nextSort('name', 'renewal')).toBe('renewal');
    expect(nextSort('renewal', 'renewal')).toBe('-renewal');
    expect(nextSort('-renewal', 'renewal')).toBe('renewal');
    expect(nextSort('name', 'created', true)).toBe('-created');
    expect(sortState('-created', 'created')).toBe('descending');
    expect(sortState('created', 'created')).toBe('ascending');
    expect(sortState('name', 'created')).toBe('none');
  });
});
