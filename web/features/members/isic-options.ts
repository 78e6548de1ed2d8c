import { ISIC } from '../../../contracts/isic.js';
import { sectorLabel } from '../../app/sectors.js';

// ISIC titles are in English (the UN's text); codes are what staff search by.
export const isicClassOptions = ISIC.filter((e) => e.level === 'class').map((e) => ({ value: e.code, label: sectorLabel(e.code) }));
export const isicFilterOptions = ISIC.filter((e) => e.level === 'section' || e.level === 'division').map((e) => ({
  value: e.code,
  label: e.level === 'section' ? sectorLabel(e.code) : `  ${sectorLabel(e.code)}`,
}));
