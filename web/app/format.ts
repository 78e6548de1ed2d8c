import { languageEnglishName } from '../../contracts/geo.js';
import { i18n } from './i18n.js';

export function formatDateTime(iso: string | null | undefined) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(iso: string | null | undefined) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(iso));
}

function displayNames(type: 'region' | 'currency') {
  return new Intl.DisplayNames([i18n.language], { type, fallback: 'code' });
}

export const countryName = (code: string) => displayNames('region').of(code) ?? code;
export function languageName(code: string) {
  const name = new Intl.DisplayNames([i18n.language], { type: 'language', fallback: 'none' }).of(code);
  return name ?? languageEnglishName(code) ?? code;
}
export const currencyName = (code: string) => displayNames('currency').of(code) ?? code;

/** A file's size in the reader's units: 840 kB, 2.4 MB. */
export function formatBytes(bytes: number) {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : bytes >= 1000 ? [bytes / 1000, 'kilobyte'] : [bytes, 'byte'];
  return new Intl.NumberFormat(i18n.language, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}
