import { iso31661, iso31662 } from 'iso-3166';
import { iso6393 } from 'iso-639-3';

// The ISO lists themselves (about 790 kB): the server checks codes against
// them and serves them per country (/api/v1/reference/*). The web app's build
// swaps this file for geo-data.browser.ts (vite.config.ts), so no page
// downloads them with its code.

// ISO 3166 codes from the `iso-3166` package (maintained from the ISO and
// Wikipedia lists) rather than a table typed by hand.
const countries = new Set(iso31661.map((c) => c.alpha2));
const subdivisions = new Map(iso31662.map((s) => [s.code, s]));

export function isCountry(code: string): boolean {
  return countries.has(code);
}

/** True when `code` is an ISO 3166-2 subdivision of `country` (directly or through a parent subdivision). */
export function isSubdivisionOf(code: string, country: string): boolean {
  return subdivisions.has(code) && code.startsWith(`${country}-`);
}

/** Every ISO 3166-1 country code (alpha-2). */
export function countryCodes(): string[] {
  return iso31661.map((c) => c.alpha2);
}

/** ISO's name of a subdivision (in the country's own language or its romanisation), if the code is one. */
export function subdivisionName(code: string): string | undefined {
  return subdivisions.get(code)?.name;
}

/** The subdivisions of a country, with ISO's name (in the country's own language or its romanisation). */
export function subdivisionsOf(country: string) {
  return iso31662.filter((s) => s.code.startsWith(`${country}-`)).map((s) => ({ code: s.code, name: s.name }));
}

// ISO 639-1 where a language has a two-letter code, else ISO 639-3 (many
// local languages, e.g. Dagbani `dag`, have only the latter).
const languageNames = new Map<string, string>();
for (const l of iso6393) {
  if (l.iso6391) languageNames.set(l.iso6391, l.name);
  else languageNames.set(l.iso6393, l.name);
}

export function isLanguage(code: string): boolean {
  return languageNames.has(code);
}

/** The English name of a language code, for codes the browser's Intl does not know. */
export function languageEnglishName(code: string): string | undefined {
  return languageNames.get(code);
}
