import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../../contracts/roles.js';
import { withAnswers, type Catalogue } from '../../locales/with-answers.js';

const STORAGE_KEY = 'roundtable.locale';

function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored && (LOCALES as readonly string[]).includes(stored)) return stored as Locale;
  const browser = navigator.language.slice(0, 2);
  return (LOCALES as readonly string[]).includes(browser) ? (browser as Locale) : 'en';
}

// Each language's messages (about 17 kB compressed) are a file of their own,
// downloaded when the language is first used: a first visit gets only its
// reader's language. Zod's field messages follow in form-messages.ts.
const catalogueFiles: Record<Locale, () => Promise<[{ default: unknown }, { default: unknown }]>> = {
  en: () => Promise.all([import('../../locales/en.json'), import('../../locales/respond/en.json')]),
  fr: () => Promise.all([import('../../locales/fr.json'), import('../../locales/respond/fr.json')]),
  es: () => Promise.all([import('../../locales/es.json'), import('../../locales/respond/es.json')]),
  ru: () => Promise.all([import('../../locales/ru.json'), import('../../locales/respond/ru.json')]),
};
const isLocale = (lng: string): lng is Locale => (LOCALES as readonly string[]).includes(lng);

const onDemand: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    if (!isLocale(language)) return callback(null, {});
    catalogueFiles[language]().then(
      ([main, respond]) => {
        callback(null, withAnswers(main.default as Catalogue, respond.default as Parameters<typeof withAnswers>[1]));
      },
      (error: Error) => callback(error, null),
    );
  },
};

export const i18n = i18next.createInstance();
/** Settled once the reader's language is loaded: the app renders after it. */
export const i18nReady = i18n
  .use(onDemand)
  .use(initReactI18next)
  .init({
    lng: initialLocale(),
    // No English behind another language: it would double the download, and
    // every catalogue has every key of en (locales/catalogues.test.ts).
    fallbackLng: false,
    supportedLngs: [...LOCALES],
    load: 'currentOnly',
    interpolation: { escapeValue: false },
  })
  .then(() => applyLocale(i18n.language));

function applyLocale(lng: string) {
  document.documentElement.lang = lng;
}
i18n.on('languageChanged', (lng) => {
  localStorage.setItem(STORAGE_KEY, lng);
  applyLocale(lng);
});
