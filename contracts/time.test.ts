import { describe, expect, it } from 'vitest';
import { clockFormat, FormatLocale, formattingLocale, instantToWallTime, isFormatLocale, isTimeZone, TimeZone, todayIn, wallTimeToInstant } from './time.js';

describe('time zones and locales', () => {
  it('accepts IANA zones as IANA writes them, links included, and nothing else', () => {
    expect(['Asia/Kolkata', 'Asia/Calcutta', 'Africa/Accra', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5', 'UTC'].every(isTimeZone)).toBe(true);
    expect(['Mars/Olympus_Mons', 'asia/kolkata', 'EST', 'IST', '', 'Asia/Kolkata '].some(isTimeZone)).toBe(false);
    expect(TimeZone.safeParse('Asia/Kolkata ').data).toBe('Asia/Kolkata');
  });

  it('accepts BCP 47 locales and writes them canonically', () => {
    expect(['en-IN', 'hi-IN', 'fr-SN', 'en-GH', 'ru', 'es-419'].every(isFormatLocale)).toBe(true);
    expect(['english', 'en_IN!', '', 'x'].some(isFormatLocale)).toBe(false);
    expect(FormatLocale.parse('en-in')).toBe('en-IN');
    const bad = FormatLocale.safeParse('english please');
    expect(bad.error?.issues[0]).toMatchObject({ code: 'custom', params: { code: 'orgs.locale_invalid' } });
  });

  it('writes in the organisation’s locale, or the text’s language with the organisation’s country', () => {
    expect(formattingLocale('en-IN', 'en')).toBe('en-IN');
    expect(formattingLocale('fr-SN', 'en')).toBe('en-SN');
    expect(formattingLocale('hi-IN', 'en')).toBe('en-IN');
    expect(formattingLocale('en-GH', 'ru')).toBe('ru-GH');
    expect(formattingLocale('fr', 'en')).toBe('en');
  });
});

describe('formatting on an organisation’s clock', () => {
  const kolkata = clockFormat({ timeZone: 'Asia/Kolkata', locale: 'en-IN' }, 'en');

  it('groups rupees in lakhs under en-IN', () => {
    expect(kolkata.money(120_000_000, 'INR')).toBe('₹12,00,000.00');
    expect(kolkata.number(1_200_000)).toBe('12,00,000');
  });

  it('shows an instant on the organisation’s clock: 05:30 UTC is 11:00 in Kolkata', () => {
    expect(kolkata.meetingTime('2027-01-15T05:30:00Z')).toBe('Friday, 15 January 2027 at 11:00 am IST');
    expect(kolkata.dateTime('2027-01-15T05:30:00Z')).toBe('15 Jan 2027, 11:00 am');
    // 20:00 UTC is already the next day in Kolkata.
    expect(kolkata.date('2027-01-15T20:00:00Z')).toBe('16 Jan 2027');
  });

  it('keeps a calendar date as that day whatever the zone, and is month-first only for en-US', () => {
    expect(clockFormat({ timeZone: 'America/New_York', locale: 'en-GH' }, 'en').date('2027-01-15')).toBe('15 Jan 2027');
    expect(clockFormat({ timeZone: 'Pacific/Kiritimati', locale: 'fr-SN' }, 'fr').date('2027-01-15', 'long')).toBe('15 janvier 2027');
    expect(clockFormat({ timeZone: 'America/New_York', locale: 'en-US' }, 'en').date('2027-01-15')).toBe('Jan 15, 2027');
  });

  it('knows "today" in a zone', () => {
    const at = new Date('2026-12-01T20:00:00Z');
    expect(todayIn('Asia/Kolkata', at)).toBe('2026-12-02');
    expect(todayIn('Africa/Accra', at)).toBe('2026-12-01');
    expect(todayIn('America/Los_Angeles', new Date('2026-12-02T03:00:00Z'))).toBe('2026-12-01');
  });

  it('turns a wall-clock time in a zone into an instant and back, across daylight saving', () => {
    expect(wallTimeToInstant('2027-01-15T11:00', 'Asia/Kolkata')).toBe('2027-01-15T05:30:00.000Z');
    expect(instantToWallTime('2027-01-15T05:30:00.000Z', 'Asia/Kolkata')).toBe('2027-01-15T11:00');
    expect(wallTimeToInstant('2027-07-01T09:00', 'America/New_York')).toBe('2027-07-01T13:00:00.000Z');
    expect(wallTimeToInstant('2027-01-04T09:00', 'America/New_York')).toBe('2027-01-04T14:00:00.000Z');
    expect(wallTimeToInstant('2027-01-15', 'Asia/Kolkata')).toBe('2027-01-14T18:30:00.000Z');
    expect(wallTimeToInstant('', 'Asia/Kolkata')).toBe('');
  });
});
