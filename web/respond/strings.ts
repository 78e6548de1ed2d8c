import type en from '../../locales/respond/en.json';

export type Strings = typeof en;
const SUPPORTED = ['en', 'fr', 'es', 'ru'] as const;

/** Only the respondent's language is downloaded (a few kB), never the staff app's catalogues. */
export async function loadStrings(lang: string): Promise<Strings> {
  const code = (SUPPORTED as readonly string[]).includes(lang) ? lang : 'en';
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
export function preferredLanguage(offered: string[]): string {
  for (const l of navigator.languages ?? [navigator.language]) {
    const code = l.slice(0, 2).toLowerCase();
    if (offered.includes(code)) return code;
  }
  return offered[0] ?? 'en';
}
