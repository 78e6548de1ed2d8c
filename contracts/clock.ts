// Apart from contracts/time.ts (its schemas and the time-zone library) so
// that the web app formats dates on its first screen without loading zod.
import { formattingLocale } from './locale.js';

export { formattingLocale };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) at `now` in a time zone: what "today" means to the organisation. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  // Making a formatter costs far more than using one: a roll-up dates thousands of answers.
  let format = dayFormats.get(timeZone);
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  const parts = format.formatToParts(now);
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
  // Building an Intl formatter costs far more than formatting with it (a page of figures built
  // hundreds, about a tenth of a phone's first screen): one of each kind, kept with the clock.
  const numbers = new Map<string, Intl.NumberFormat>();
  const nf = (key: string, options: Intl.NumberFormatOptions, tag = locale) => {
    let f = numbers.get(key);
    if (!f) numbers.set(key, (f = new Intl.NumberFormat(tag, options)));
    return f;
  };
  const moneyDigits = (currency: string) => nf(`digits-${currency}`, { style: 'currency', currency }, 'en').resolvedOptions().maximumFractionDigits ?? 2;
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
      return nf(`n-${JSON.stringify(options)}`, options).format(value);
    },
    /** Integer minor units of a currency as money. */
    money(minor: number, currency: string) {
      return nf(`m-${currency}`, { style: 'currency', currency }).format(minor / 10 ** moneyDigits(currency));
    },
  };
}
export type ClockFormat = ReturnType<typeof clockFormat>;
