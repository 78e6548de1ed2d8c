import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLocale, LOCALE_COOKIE, LOCALES, type Locale } from '../../contracts/role-list.js';

const STORAGE_KEY = 'roundtable.locale';

/** The language chosen on the sign-in page the server writes, or here (a cookie both read). */
const chosenLocale = () => {
  const chosen = new RegExp(`(?:^|; )${LOCALE_COOKIE}=([a-z]{2})(?:;|$)`).exec(document.cookie)?.[1];
  return isLocale(chosen) ? chosen : undefined;
};
const browserLocale = (): Locale => {
  const browser = navigator.language.slice(0, 2);
  return isLocale(browser) ? browser : 'en';
};

/**
 * The language chosen last (the cookie; localStorage is what this app kept
 * before), else the browser's. The server's sign-in page picks it the same way
 * (server/platform/i18n/interface-locale.ts).
 */
function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  return chosenLocale() ?? (isLocale(stored) ? stored : browserLocale());
}

type Messages = { [key: string]: string | Messages };
type Part = () => Promise<{ default: Messages }>;

// A first visit gets only its reader's language, and of it only the messages
// of the app's frame (base); each page's own messages come with the page
// (scripts/catalogue-parts.ts builds the parts and has every dynamic import of
// a page fetch its part beside it). Zod's field messages follow in form-messages.ts.
const base: Record<Locale, Part> = {
  en: () => import('virtual:catalogue/en/base'),
  fr: () => import('virtual:catalogue/fr/base'),
  es: () => import('virtual:catalogue/es/base'),
  ru: () => import('virtual:catalogue/ru/base'),
};
/** The parts of the pages shown so far, and the languages each is in the store in. */
const unitParts = new Map<string, { parts: Record<Locale, Part>; loadedIn: Set<Locale> }>();

async function loadPart(unit: string, language: Locale) {
  const entry = unitParts.get(unit)!;
  if (entry.loadedIn.has(language)) return;
  const part = await entry.parts[language]();
  i18n.addResourceBundle(language, 'translation', part.default, true, true);
  entry.loadedIn.add(language);
}

function merge(into: Messages, from: Messages): Messages {
  for (const [k, v] of Object.entries(from)) {
    const there = into[k];
    into[k] = typeof v === 'object' && typeof there === 'object' ? merge({ ...there }, v) : v;
  }
  return into;
}

const onDemand: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    if (!isLocale(language)) return callback(null, {});
    const units = [...unitParts.values()];
    Promise.all([base[language](), ...units.map((unit) => unit.parts[language]())]).then(
      (loaded) => {
        units.forEach((unit) => unit.loadedIn.add(language));
        callback(null, loaded.reduce<Messages>((all, part) => merge(all, part.default), {}));
      },
      (error: Error) => callback(error, null),
    );
  },
};

/**
 * A module imported on demand together with its messages in the reader's
 * language (the build rewrites `import('./Page.js')` into this call).
 */
export function catalogued<T>(unit: string, module: Promise<T>, parts: Record<Locale, Part>): Promise<T> {
  if (!unitParts.has(unit)) unitParts.set(unit, { parts, loadedIn: new Set() });
  // In the language being switched to, if a switch is under way (the session's).
  const words = languageSwitch.catch(() => undefined).then(() => (isLocale(i18n.language) ? loadPart(unit, i18n.language) : undefined));
  return Promise.all([module, words]).then(([m]) => m);
}

export const i18n = i18next.createInstance();
// A language read earlier in the visit (its base is in the store, so i18next
// reads nothing) lacks the parts of the pages shown since: they are fetched
// before switching to it, so no message shows as its key.
const switchLanguage = i18n.changeLanguage.bind(i18n);
let languageSwitch: Promise<unknown> = Promise.resolve();
i18n.changeLanguage = (lng, callback) => {
  const switched = (async () => {
    if (lng && isLocale(lng) && i18n.hasResourceBundle(lng, 'translation')) {
      await Promise.all([...unitParts.keys()].map((unit) => loadPart(unit, lng))).catch(() => undefined);
    }
    return switchLanguage(lng, callback);
  })();
  languageSwitch = switched;
  return switched;
};
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
  // Without the cookie the server's page takes the browser's language: it is written only for another one.
  if (lng !== (chosenLocale() ?? browserLocale())) {
    const secure = location.protocol === 'https:' ? '; Secure' : '';
    document.cookie = `${LOCALE_COOKIE}=${encodeURIComponent(lng)}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`;
  }
  applyLocale(lng);
});
