import { ISIC } from '../../../contracts/isic.js';

// ISIC titles are in English (the UN's text); codes are what staff search by.
export const isicClassOptions = ISIC.filter((e) => e.level === 'class').map((e) => ({ value: e.code, label: `${e.code} — ${e.title}` }));
export const isicFilterOptions = ISIC.filter((e) => e.level === 'section' || e.level === 'division').map((e) => ({
  value: e.code,
  label: e.level === 'section' ? `${e.code} — ${e.title}` : `  ${e.code} — ${e.title}`,
}));
export function isicTitle(code: string | null) {
  return code ? (ISIC.find((e) => e.code === code)?.title ?? code) : '—';
}
