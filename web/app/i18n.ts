import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import { LOCALES, type Locale } from '../../contracts/roles.js';
import { catalogues } from '../../locales/index.js';

const STORAGE_KEY = 'roundtable.locale';

function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored && (LOCALES as readonly string[]).includes(stored)) return stored as Locale;
  const browser = navigator.language.slice(0, 2);
  return (LOCALES as readonly string[]).includes(browser) ? (browser as Locale) : 'en';
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: Object.fromEntries(Object.entries(catalogues).map(([lng, c]) => [lng, { translation: c }])),
  lng: initialLocale(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  initAsync: false,
});

const zodLocales = { en: z.locales.en, fr: z.locales.fr, es: z.locales.es, ru: z.locales.ru };

// Form messages from the shared zod schemas follow the interface language.
function applyLocale(lng: string) {
  z.config((zodLocales[lng as Locale] ?? zodLocales.en)());
  // Domain rules carry a catalogue code (e.g. orgs.region_not_in_country).
  z.config({
    customError: (issue) => {
      const params = (issue as { params?: Record<string, unknown> }).params;
      if (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1) return i18n.t('errors.required');
      return issue.code === 'custom' && typeof params?.code === 'string' ? i18n.t(`errors.${params.code}`, params) : undefined;
    },
  });
  document.documentElement.lang = lng;
}
applyLocale(i18n.language);
i18n.on('languageChanged', (lng) => {
  localStorage.setItem(STORAGE_KEY, lng);
  applyLocale(lng);
});
