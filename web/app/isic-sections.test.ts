import { describe, expect, it } from 'vitest';
import { ISIC } from '../../contracts/isic.js';
import { sectorLabel } from './sectors.js';
import { ISIC_SECTIONS, sectionLabel } from './isic-sections.js';

describe('ISIC sections', () => {
  it('are the sections of the full list, with the same titles and labels', () => {
    const sections = ISIC.filter((e) => e.level === 'section');
    expect(Object.keys(ISIC_SECTIONS)).toEqual(sections.map((e) => e.code));
    for (const e of sections) expect(sectionLabel(e.code)).toBe(sectorLabel(e.code));
    expect(sectionLabel('Z')).toBe('Z');
  });
});
