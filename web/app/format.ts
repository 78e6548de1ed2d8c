import { clockFormat, todayIn, type ClockFormat, type OrgClock } from '../../contracts/clock.js';
import { i18n } from './i18n.js';

// The organisation's clock and customs, set from the session: dates, times,
// numbers and money follow them rather than the browser's (a Kolkata chamber's
// meeting at 11:00 reads 11:00 wherever the reader's laptop is set).
let orgClock: OrgClock | null = null;
let cached: { key: string; format: ClockFormat } | null = null;

export function setOrgClock(clock: OrgClock | null) {
  orgClock = clock;
}

/** The organisation's time zone, for forms that take a wall-clock time. */
export function orgTimeZone() {
  return orgClock?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * Formatters for the current organisation in the interface's language.
 * Without one (sign-in pages), the browser's zone, and international English
 * rather than US English, so dates are never month-first by accident.
 */
/** Today's date (YYYY-MM-DD) on the organisation's calendar: the default of a date a person records. */
export function orgToday() {
  return todayIn(orgTimeZone());
}

export function currentFormat(): ClockFormat {
  const language = i18n.language;
  const clock = orgClock ?? { timeZone: orgTimeZone(), locale: language === 'en' ? 'en-001' : language };
  const key = `${clock.timeZone}|${clock.locale}|${language}`;
  if (cached?.key !== key) cached = { key, format: clockFormat(clock, language) };
  return cached.format;
}

export function formatDateTime(iso: string | null | undefined) {
  if (!iso) return '—';
  return currentFormat().dateTime(iso);
}

/** A calendar date (YYYY-MM-DD) as that day; an instant as its day on the organisation's clock. */
export function formatDate(iso: string | null | undefined) {
  if (!iso) return '—';
  return currentFormat().date(iso);
}

function displayNames(type: 'region' | 'currency') {
  return new Intl.DisplayNames([i18n.language], { type, fallback: 'code' });
}

export const countryName = (code: string) => displayNames('region').of(code) ?? code;
/** A language's name in the reader's language when the browser knows it (for others, useLanguageName in reference.ts). */
export function intlLanguageName(code: string): string | undefined {
  try {
    return new Intl.DisplayNames([i18n.language], { type: 'language', fallback: 'none' }).of(code);
  } catch {
    return undefined;
  }
}
export const currencyName = (code: string) => displayNames('currency').of(code) ?? code;

/** A file's size in the reader's units: 840 kB, 2.4 MB. */
export function formatBytes(bytes: number) {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : bytes >= 1000 ? [bytes / 1000, 'kilobyte'] : [bytes, 'byte'];
  return currentFormat().number(value, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 });
}

/** A calendar month (YYYY-MM) in the reader's language and the organisation's customs: "Jan 2026", "janv. 2026", "янв. 2026 г.". */
export function formatMonth(month: string, style: 'short' | 'long' = 'short') {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(currentFormat().locale, { month: style, year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, m - 1, 1)));
}
