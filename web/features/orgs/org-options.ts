import ct from 'countries-and-timezones';
import { clockFormat, isFormatLocale, isTimeZone } from '../../../contracts/time.js';
import { currencyName } from '../../app/format.js';

// Languages a chamber is likely to work in, offered first; any ISO 639 code
// typed in is accepted too (the server checks it).
const COMMON_LANGUAGES = [
  'en', 'fr', 'es', 'ru', 'pt', 'ar', 'sw', 'ha', 'yo', 'ig', 'tw', 'ee', 'dag', 'am', 'so', 'zu', 'xh', 'af', 'wo', 'ff', 'ln', 'rw', 'mg',
  'uz', 'kk', 'ky', 'tg', 'tk', 'mn', 'uk', 'ro', 'sq', 'sr', 'mk', 'bs', 'hr', 'ka', 'hy', 'az', 'tr', 'fa', 'ps', 'ku',
  'vi', 'km', 'lo', 'th', 'id', 'ms', 'tl', 'my', 'hi', 'bn', 'ur', 'ne', 'si', 'ta', 'zh', 'de', 'it', 'nl', 'pl', 'qu', 'gn', 'ay', 'ht',
];

/** The languages offered: the common ones and those chosen. */
export function languageCodes(selected: readonly string[]) {
  return [...new Set([...COMMON_LANGUAGES, ...selected])];
}

export function languageOptions(codes: readonly string[], languageName: (code: string) => string) {
  return codes.map((c) => ({ value: c, label: `${languageName(c)} (${c})` })).sort((a, b) => a.label.localeCompare(b.label));
}

export function currencyOptions() {
  return Intl.supportedValuesOf('currency').map((c) => ({ value: c, label: `${c} — ${currencyName(c)}` }));
}

/**
 * The current IANA name of a zone the browser may list under an old one
 * (Chromium lists Asia/Calcutta, Europe/Kiev): a renamed zone's new name has
 * the same home country. Africa/Accra stays: its target, Abidjan, is Côte d'Ivoire's.
 */
export function currentZoneName(zone: string) {
  const tz = ct.getTimezone(zone);
  const target = tz?.aliasOf ? ct.getTimezone(tz.aliasOf) : null;
  return target && target.countries[0] && target.countries[0] === tz!.countries[0] && isTimeZone(target.name) ? target.name : zone;
}

/** Every time zone the browser knows, with its name in the reader's language: "Asia/Kolkata — India Standard Time". */
export function timeZoneOptions(current: string | undefined, language: string) {
  const zones = new Set(Intl.supportedValuesOf('timeZone').map(currentZoneName));
  if (current) zones.add(current);
  zones.add('UTC');
  return [...zones].sort().map((zone) => {
    const name = new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts(0).find((p) => p.type === 'timeZoneName')?.value;
    return { value: zone, label: name && name !== zone ? `${zone} — ${name}` : zone };
  });
}

/**
 * Locales an organisation is likely to write in: each interface language and
 * working language with its country, named in the reader's language, with an
 * example of what they give ("English (India) — ₹12,00,000.00 · 15 Jan 2027").
 */
export function localeOptions(country: string, languages: readonly string[], current: string | undefined, currency: string, uiLanguages: readonly string[], language: string) {
  const tags = new Set<string>();
  if (current) tags.add(current);
  for (const l of [...uiLanguages, ...languages]) {
    const tag = `${l}-${country}`;
    if (isFormatLocale(tag)) tags.add(Intl.getCanonicalLocales(tag)[0]!);
  }
  const names = new Intl.DisplayNames([language], { type: 'language', fallback: 'code' });
  const sampleDate = new Date(Date.UTC(new Date().getUTCFullYear(), 0, 15));
  return [...tags].map((tag) => {
    const sample = clockFormat({ timeZone: 'UTC', locale: tag }, new Intl.Locale(tag).language);
    const cur = currency || 'USD';
    const digits = new Intl.NumberFormat('en', { style: 'currency', currency: cur }).resolvedOptions().maximumFractionDigits ?? 2;
    return { value: tag, label: `${names.of(tag) ?? tag} — ${sample.money(1_200_000 * 10 ** digits, cur)} · ${sample.date(sampleDate)}` };
  }).sort((a, b) => a.label.localeCompare(b.label));
}
