import { z } from 'zod';
import { TZDate } from '@date-fns/tz';

/**
 * Whether the runtime knows this IANA time zone. Intl.supportedValuesOf('timeZone')
 * lists only ICU's canonical names (Node 20 lists Asia/Calcutta, not Asia/Kolkata),
 * so a zone is checked by letting Intl use it, which accepts every IANA name and link.
 */
export function isTimeZone(value: string): boolean {
  // Area/City as IANA writes it (Intl would also take "asia/kolkata" or "EST").
  if (value !== 'UTC' && !/^[A-Z][A-Za-z_-]*(\/[A-Z0-9][A-Za-z0-9_+-]*)+$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Whether this is a well-formed BCP 47 tag with a known language that Intl can format in. */
export function isFormatLocale(value: string): boolean {
  try {
    const [canonical] = Intl.getCanonicalLocales(value);
    if (!canonical) return false;
    const language = new Intl.Locale(canonical).language;
    return Intl.DateTimeFormat.supportedLocalesOf([language]).length > 0 && Intl.NumberFormat.supportedLocalesOf([canonical]).length > 0;
  } catch {
    return false;
  }
}

export const TimeZone = z
  .string()
  .trim()
  .max(64)
  .refine(isTimeZone, { params: { code: 'orgs.time_zone_invalid' } });

export const FormatLocale = z
  .string()
  .trim()
  .max(35)
  .refine(isFormatLocale, { params: { code: 'orgs.locale_invalid' } })
  .overwrite(canonicalLocale);

/** en-in → en-IN; a tag Intl refuses is returned as it is (the refinement reports it). */
function canonicalLocale(value: string): string {
  try {
    return Intl.getCanonicalLocales(value)[0] ?? value;
  } catch {
    return value;
  }
}

import { formattingLocale } from './locale.js';

export { formattingLocale };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar date (YYYY-MM-DD) at `now` in a time zone: what "today" means to the organisation. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

export interface OrgClock {
  timeZone: string;
  /** The organisation's locale (BCP 47), e.g. en-IN. */
  locale: string;
}

/**
 * Formatters for what a person reads: instants in the organisation's time
 * zone, calendar dates (YYYY-MM-DD, no time zone) as they are, numbers and
 * money in the organisation's locale as written in `language`.
 */
export function clockFormat(clock: OrgClock, language: string) {
  const locale = formattingLocale(clock.locale, language);
  const { timeZone } = clock;
  const cache = new Map<string, Intl.DateTimeFormat>();
  const dtf = (key: string, options: Intl.DateTimeFormatOptions) => {
    let f = cache.get(key);
    if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, options)));
    return f;
  };
  const moneyDigits = (currency: string) => new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return {
    locale,
    timeZone,
    /** A date: YYYY-MM-DD as that day; an instant as its day in the organisation's zone. */
    date(value: string | Date, style: 'medium' | 'long' | 'full' = 'medium') {
      if (typeof value === 'string' && ISO_DATE.test(value)) return dtf(`d-${style}-utc`, { dateStyle: style, timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
      return dtf(`d-${style}`, { dateStyle: style, timeZone }).format(new Date(value));
    },
    /** An instant as date and time on the organisation's clock. */
    dateTime(value: string | Date) {
      return dtf('dt', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(value));
    },
    /** An instant as a meeting time: weekday, date, time and the zone's name, e.g. "Tuesday, 1 December 2026 at 11:00 am IST". */
    meetingTime(value: string | Date) {
      return dtf('meeting', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short', timeZone }).format(new Date(value));
    },
    /** Only the time of day of an instant, e.g. "1:00 pm". */
    time(value: string | Date) {
      return dtf('t', { timeStyle: 'short', timeZone }).format(new Date(value));
    },
    number(value: number, options: Intl.NumberFormatOptions = {}) {
      return new Intl.NumberFormat(locale, options).format(value);
    },
    /** Integer minor units of a currency as money. */
    money(minor: number, currency: string) {
      return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 10 ** moneyDigits(currency));
    },
  };
}
export type ClockFormat = ReturnType<typeof clockFormat>;

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/**
 * The instant (ISO 8601, UTC) of a wall-clock time "YYYY-MM-DDTHH:mm" (or a
 * day's start, "YYYY-MM-DD") on the clock of `timeZone`: 11:00 in Asia/Kolkata
 * is 05:30Z whatever the zone of the browser or server doing the sum.
 */
export function wallTimeToInstant(local: string, timeZone: string): string {
  const m = WALL_TIME.exec(local);
  if (!m) return '';
  const [, y, mo, d, h = '0', mi = '0'] = m;
  return new Date(new TZDate(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), timeZone).getTime()).toISOString();
}

/** An instant as the wall-clock time "YYYY-MM-DDTHH:mm" on the clock of `timeZone`, for a datetime-local input. */
export function instantToWallTime(iso: string, timeZone: string): string {
  if (!iso) return '';
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}
