import { isLocale, type Locale } from '../../../contracts/role-list.js';

/**
 * The interface language as the web app picks it (web/app/i18n.ts), so that
 * the sign-in page the server writes and the app's pages reached from it
 * agree: the language the reader chose (its cookie), else the browser's first
 * language when the interface has it, else English. Not the first supported
 * language anywhere in Accept-Language (pickLocale): the app reads
 * `navigator.language`, the first one only.
 */
export function interfaceLocale(chosen: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(chosen)) return chosen;
  const first = acceptLanguage?.split(',')[0]?.split(';')[0]?.trim().slice(0, 2).toLowerCase();
  return isLocale(first) ? first : 'en';
}
