import i18next, { type TFunction } from 'i18next';
import { z } from 'zod';
import { LOCALES, type Locale } from '../../../contracts/roles.js';
import { catalogues } from '../../../locales/index.js';

// The server and the web app read the same catalogues (locales/*.json), so an
// error code has one translation wherever it is shown.
const instance = i18next.createInstance();
await instance.init({
  resources: Object.fromEntries(Object.entries(catalogues).map(([lng, c]) => [lng, { translation: c }])),
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  initAsync: false,
});

export function translator(locale: string): TFunction {
  return instance.getFixedT(pickLocale(locale));
}

export function pickLocale(value: string | undefined | null): Locale {
  if (!value) return 'en';
  // Accept-Language: "fr-CH, fr;q=0.9, en;q=0.8" -> first supported language.
  for (const part of value.split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase().slice(0, 2);
    if ((LOCALES as readonly string[]).includes(tag)) return tag as Locale;
  }
  return 'en';
}

/**
 * The language to write to an organisation's people in: its first working
 * language when the interface has it, else `fallback`.
 */
export function orgMailLocale(languages: string[], fallback: string): Locale {
  const first = languages[0] ?? '';
  return (LOCALES as readonly string[]).includes(first) ? (first as Locale) : pickLocale(fallback);
}

const zodLocales = { en: z.locales.en(), fr: z.locales.fr(), es: z.locales.es(), ru: z.locales.ru() };

/** The message zod would give for this issue, in the given language. */
export function zodMessage(locale: Locale, issue: Record<string, unknown>): string {
  const result = zodLocales[locale].localeError?.(issue as never);
  if (typeof result === 'string') return result;
  return result?.message ?? String(issue.message ?? issue.code);
}
