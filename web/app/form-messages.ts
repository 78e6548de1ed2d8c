// `config`, not `z.config`: the build takes calls on `z` as free of side effects (vite.config.ts).
import { config, type z } from 'zod';
import { LOCALES, type Locale } from '../../contracts/role-list.js';
import { i18n } from './i18n.js';

// Messages of the shared zod schemas in the interface language. Apart from
// i18n.ts because only pages with a form need zod; zod's own words for a
// language are a file loaded with it, and so are the catalogue's error
// messages (a domain rule's code may name any of them; the first download
// holds only the app's own, scripts/catalogue-parts.ts).
const zodLocales: Record<Locale, () => Promise<{ default: () => Partial<z.core.$ZodConfig> }>> = {
  en: () => import('zod/v4/locales/en.js'),
  fr: () => import('zod/v4/locales/fr.js'),
  es: () => import('zod/v4/locales/es.js'),
  ru: () => import('zod/v4/locales/ru.js'),
};

// Domain rules carry a catalogue code (e.g. orgs.region_not_in_country).
config({
  customError: (issue) => {
    const params = (issue as { params?: Record<string, unknown> }).params;
    if (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1) return i18n.t('errors.required');
    return issue.code === 'custom' && typeof params?.code === 'string' ? i18n.t(`errors.${params.code}`, params) : undefined;
  },
});

const errorMessages: Record<Locale, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import('virtual:catalogue/en/errors'),
  fr: () => import('virtual:catalogue/fr/errors'),
  es: () => import('virtual:catalogue/es/errors'),
  ru: () => import('virtual:catalogue/ru/errors'),
};

async function followLanguage(lng: string) {
  const locale: Locale = (LOCALES as readonly string[]).includes(lng) ? (lng as Locale) : 'en';
  const [messages, errors] = await Promise.all([zodLocales[locale](), errorMessages[locale]()]);
  i18n.addResourceBundle(locale, 'translation', errors.default, true, true);
  if (i18n.language === lng) config(messages.default());
}
void followLanguage(i18n.language);
i18n.on('languageChanged', (lng) => void followLanguage(lng));
