import { iso31661 } from 'iso-3166';
import { subdivisionsOf } from '../../../contracts/geo.js';
import { countryName, currencyName, languageName } from '../../app/format.js';

// Languages a chamber is likely to work in, offered first; any ISO 639 code
// typed in is accepted too (the server checks it).
const COMMON_LANGUAGES = [
  'en', 'fr', 'es', 'ru', 'pt', 'ar', 'sw', 'ha', 'yo', 'ig', 'tw', 'ee', 'dag', 'am', 'so', 'zu', 'xh', 'af', 'wo', 'ff', 'ln', 'rw', 'mg',
  'uz', 'kk', 'ky', 'tg', 'tk', 'mn', 'uk', 'ro', 'sq', 'sr', 'mk', 'bs', 'hr', 'ka', 'hy', 'az', 'tr', 'fa', 'ps', 'ku',
  'vi', 'km', 'lo', 'th', 'id', 'ms', 'tl', 'my', 'hi', 'bn', 'ur', 'ne', 'si', 'ta', 'zh', 'de', 'it', 'nl', 'pl', 'qu', 'gn', 'ay', 'ht',
];

export function countryOptions() {
  return iso31661.map((c) => ({ value: c.alpha2, label: countryName(c.alpha2) })).sort((a, b) => a.label.localeCompare(b.label));
}

export function regionOptions(country: string) {
  return subdivisionsOf(country).map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }));
}

export function languageOptions(selected: string[]) {
  const codes = [...new Set([...COMMON_LANGUAGES, ...selected])];
  return codes.map((c) => ({ value: c, label: `${languageName(c)} (${c})` })).sort((a, b) => a.label.localeCompare(b.label));
}

export function currencyOptions() {
  return Intl.supportedValuesOf('currency').map((c) => ({ value: c, label: `${c} — ${currencyName(c)}` }));
}
