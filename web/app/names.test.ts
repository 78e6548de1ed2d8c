import { describe, expect, it } from 'vitest';
import { subdivisionsOf } from '../../contracts/geo-data.js';
import { regionName, regionOption } from './names.js';
import { sectorLabel, sectorTitle } from './sectors.js';

// The names the server serves for Ghana (/api/v1/reference/regions/GH), from the iso-3166 package.
const ghana = new Map(subdivisionsOf('GH').map((s) => [s.code, s.name]));

describe('regionName', () => {
  // ISO's own names, the same for a reader in en, fr, es or ru (no data package translates subdivisions).
  it('names an ISO 3166-2 code from the real ISO list', () => {
    expect(regionName('GH-AH', ghana)).toBe('Ashanti');
    expect(regionName('GH-AA', ghana)).toBe('Greater Accra');
    expect(regionName('GH-NP', ghana)).toBe('Northern');
  });

  it('shows the code while names load, and for a code ISO does not know', () => {
    expect(regionName('GH-AH', undefined)).toBe('GH-AH');
    expect(regionName('GH-ZZ', ghana)).toBe('GH-ZZ');
  });

  it('keeps the code beside the name in a picker', () => {
    expect(regionOption('GH-AH', ghana)).toEqual({ value: 'GH-AH', label: 'Ashanti (GH-AH)' });
    expect(regionOption('GH-AH', undefined)).toEqual({ value: 'GH-AH', label: 'GH-AH' });
  });
});

describe('sectorTitle', () => {
  it('titles ISIC sections, divisions and classes from the UN list', () => {
    expect(sectorTitle('G')).toBe('Wholesale and retail trade; repair of motor vehicles and motorcycles');
    expect(sectorTitle('4711')).toBe('Retail sale in non-specialized stores with food, beverages or tobacco predominating');
    expect(sectorLabel('A')).toBe('A — Agriculture, forestry and fishing');
  });

  it('leaves a code ISIC does not have as it is', () => {
    expect(sectorTitle('9999')).toBe('9999');
    expect(sectorLabel('9999')).toBe('9999');
  });
});
