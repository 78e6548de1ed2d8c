import { afterEach, describe, expect, it, vi } from 'vitest';

// The real i18n module reads localStorage and the document; the helpers only need the language.
const language = vi.hoisted(() => ({ value: 'en' }));
vi.mock('./i18n.js', () => ({ i18n: { get language() { return language.value; } } }));

const { formatDate, formatDateTime, formatMonth, orgTimeZone, orgToday, setOrgClock } = await import('./format.js');
const { formatMoney, formatNumber } = await import('./money.js');

describe('web formatting on the organisation’s clock and customs', () => {
  afterEach(() => {
    setOrgClock(null);
    language.value = 'en';
  });

  it('defaults a recorded date to the organisation’s today, not UTC’s', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-01T20:00:00Z'));
    try {
      setOrgClock({ timeZone: 'Asia/Kolkata', locale: 'en-IN' });
      expect(orgToday()).toBe('2026-12-02');
      setOrgClock({ timeZone: 'Africa/Accra', locale: 'en-GH' });
      expect(orgToday()).toBe('2026-12-01');
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows INR in lakhs under en-IN', () => {
    setOrgClock({ timeZone: 'Asia/Kolkata', locale: 'en-IN' });
    expect(formatMoney(120_000_000, 'INR')).toBe('₹12,00,000.00');
    expect(formatNumber(1_200_000)).toBe('12,00,000');
    expect(formatMoney(null, 'INR')).toBe('—');
  });

  it('shows times in the organisation’s zone, not the browser’s', () => {
    setOrgClock({ timeZone: 'Asia/Kolkata', locale: 'en-IN' });
    expect(orgTimeZone()).toBe('Asia/Kolkata');
    expect(formatDateTime('2027-01-15T05:30:00.000Z')).toBe('15 Jan 2027, 11:00 am');
    expect(formatDate('2027-01-15T20:00:00.000Z')).toBe('16 Jan 2027');
  });

  it('never writes dates month-first unless the locale is en-US', () => {
    setOrgClock({ timeZone: 'America/Los_Angeles', locale: 'en-GH' });
    expect(formatDate('2027-01-15')).toBe('15 Jan 2027');
    setOrgClock(null);
    expect(formatDate('2027-01-15')).toBe('15 Jan 2027');
    setOrgClock({ timeZone: 'America/New_York', locale: 'en-US' });
    expect(formatDate('2027-01-15')).toBe('Jan 15, 2027');
  });

  it('writes the interface language with the organisation’s country', () => {
    setOrgClock({ timeZone: 'Africa/Accra', locale: 'en-GH' });
    language.value = 'fr';
    expect(formatDate('2027-01-15')).toBe('15 janv. 2027');
    expect(formatMoney(150_000, 'GHS')).toMatch(/^1\s500,00\sGHS$/);
  });

  it('names a chart’s months in the reader’s language, never "26-01"', () => {
    setOrgClock({ timeZone: 'Africa/Accra', locale: 'en-GH' });
    expect(formatMonth('2026-01')).toBe('Jan 2026');
    expect(formatMonth('2025-12', 'long')).toBe('December 2025');
    language.value = 'fr';
    expect(formatMonth('2026-01')).toBe('janv. 2026');
    language.value = 'es';
    expect(formatMonth('2026-02', 'long')).toMatch(/^febrero de 2026$/);
    language.value = 'ru';
    expect(formatMonth('2026-03', 'long')).toMatch(/^март 2026/);
    // The first of the month in UTC: a zone west of Greenwich does not move it to the month before.
    setOrgClock({ timeZone: 'America/Los_Angeles', locale: 'en-US' });
    language.value = 'en';
    expect(formatMonth('2026-01')).toBe('Jan 2026');
  });
});
