import { describe, expect, it } from 'vitest';
import { activeMenuItem } from './active-menu-item.js';

const menu = ['/', '/results', '/results/dashboard', '/training', '/training/capacity', '/networking', '/networking/offers'];

describe('the menu item a page belongs to', () => {
  it('is the most specific address the page is within, a whole segment at a time', () => {
    expect(activeMenuItem('/results/dashboard', menu)).toBe('/results/dashboard');
    expect(activeMenuItem('/results/3f1c', menu)).toBe('/results');
    expect(activeMenuItem('/training/capacity/2026', menu)).toBe('/training/capacity');
    expect(activeMenuItem('/networking/offers-archive', menu)).toBe('/networking');
    expect(activeMenuItem('/', menu)).toBe('/');
    expect(activeMenuItem('/profile', menu)).toBeNull();
  });
});
