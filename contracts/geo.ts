import { z } from 'zod';
import { isCountry, isLanguage, isSubdivisionOf } from './geo-data.js';

// Schemas of geographic codes, shared by server and web. The lists they are
// checked against live in geo-data.ts (the server's; the browser checks shapes).
export { isCountry, isSubdivisionOf };

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
export const LanguageCode = z
  .string()
  .trim()
  .toLowerCase()
  .refine(isLanguage, { params: { code: 'geo.unknown_language' } });
