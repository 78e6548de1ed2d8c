import type en from '../../locales/respond/en.json';

export type Strings = typeof en;
/** The languages the page's own words ship in (locales/respond/*.json). */
export const PAGE_LANGUAGES = ['en', 'fr', 'es', 'ru'] as const;
const ships = (lang: string) => (PAGE_LANGUAGES as readonly string[]).includes(lang);

/** Only the respondent's language is downloaded (a few kB), never the staff app's catalogues. */
export async function loadStrings(lang: string): Promise<Strings> {
  const code = ships(lang) ? lang : 'en';
  const loaders: Record<string, () => Promise<{ default: Strings }>> = {
    en: () => import('../../locales/respond/en.json'),
    fr: () => import('../../locales/respond/fr.json'),
    es: () => import('../../locales/respond/es.json'),
    ru: () => import('../../locales/respond/ru.json'),
  };
  return (await loaders[code]!()).default;
}

export function fill(text: string, params: Record<string, string | number> = {}): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
}

/** The browser's preferred language among those offered, else the first offered. */
export function preferredLanguage(offered: readonly string[], wanted: readonly string[] = navigator.languages ?? [navigator.language]): string {
  for (const l of wanted) {
    const code = l.slice(0, 2).toLowerCase();
    if (offered.includes(code)) return code;
  }
  return offered[0] ?? 'en';
}

/**
 * The form's own words come in the languages its author wrote (the form
 * decides what is offered); the page's words (buttons, messages) in the same
 * language where the product ships it, else in English. A Hindi form thus
 * reads in Hindi around English buttons, each marked with its `lang`.
 */
export function pageLanguage(formLanguage: string): string {
  return ships(formLanguage) ? formLanguage : 'en';
}
