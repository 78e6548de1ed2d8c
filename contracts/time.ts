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

// The formatters are apart (clock.ts, no zod, no time-zone library), so the
// web app's first screen formats dates without the contracts' schemas.
export { clockFormat, formattingLocale, todayIn, type ClockFormat, type OrgClock } from './clock.js';

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
