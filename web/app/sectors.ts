import { isicEntry } from '../../contracts/isic.js';

// Sectors (ISIC Rev.4 codes) as a person reads them. Titles are the UN's
// English text in every language: the project's sources have no machine-readable
// French, Spanish or Russian ISIC titles (contracts/data/README.md), and
// titles are not translated by hand.

/** The title of an ISIC section, division, group or class, or the code when ISIC has none. */
export function sectorTitle(code: string): string {
  return isicEntry(code)?.title ?? code;
}

/** A sector with its code, as staff search by it: "4711 — Retail sale in non-specialized stores …". */
export function sectorLabel(code: string): string {
  const title = sectorTitle(code);
  return title === code ? code : `${code} — ${title}`;
}
