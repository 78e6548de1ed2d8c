import { iso31661, iso31662 } from 'iso-3166';
import { iso6393 } from 'iso-639-3';
import { z } from 'zod';

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

export function subdivisionsOf(country: string) {
  return iso31662.filter((s) => s.code.startsWith(`${country}-`)).map((s) => ({ code: s.code, name: s.name }));
}

const currencies = new Set(Intl.supportedValuesOf('currency'));

export const CountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountry, { params: { code: 'geo.unknown_country' } });
export const CurrencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => currencies.has(c), { params: { code: 'geo.unknown_currency' } });
// ISO 639-1 where a language has a two-letter code, else ISO 639-3 (many
// local languages, e.g. Dagbani `dag`, have only the latter).
const languageNames = new Map<string, string>();
for (const l of iso6393) {
  if (l.iso6391) languageNames.set(l.iso6391, l.name);
  else languageNames.set(l.iso6393, l.name);
}

/** The English name of a language code, for codes the browser's Intl does not know. */
export function languageEnglishName(code: string): string | undefined {
  return languageNames.get(code);
}

export const LanguageCode = z
  .string()
  .trim()
  .toLowerCase()
  .refine((l) => languageNames.has(l), { params: { code: 'geo.unknown_language' } });
