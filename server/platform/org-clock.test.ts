import ct from 'countries-and-timezones';
import { describe, expect, it } from 'vitest';
import { CAPITAL_ZONES, defaultLocale, defaultTimeZone, orgClock } from './org-clock.js';

describe('an organisation’s defaults from its country', () => {
  it('takes the capital’s zone, and the country’s own name for a zone it shares', () => {
    expect(['GH', 'IN', 'SN', 'US', 'BR', 'RU', 'KZ', 'GB', 'MM', 'KE', 'CD'].map(defaultTimeZone)).toEqual([
      'Africa/Accra', 'Asia/Kolkata', 'Africa/Dakar', 'America/New_York', 'America/Sao_Paulo', 'Europe/Moscow', 'Asia/Almaty', 'Europe/London', 'Asia/Yangon', 'Africa/Nairobi', 'Africa/Kinshasa',
    ]);
    expect(defaultTimeZone('ZZ')).toBe('UTC');
  });

  it('knows the capital of every country with several zones, each one of that country’s', () => {
    const multi = Object.values(ct.getAllCountries()).filter((c) => c.timezones.length > 1).map((c) => c.id);
    expect(multi.filter((id) => !CAPITAL_ZONES[id] && id !== 'AQ' && id !== 'UM')).toEqual([]);
    for (const [country, zone] of Object.entries(CAPITAL_ZONES)) {
      expect(ct.getCountry(country, { deprecated: true })?.timezones, country).toContain(zone);
    }
  });

  it('writes in the first working language the interface has, with the country', () => {
    expect(defaultLocale('IN', ['hi', 'en'])).toBe('en-IN');
    expect(defaultLocale('SN', ['fr', 'wo'])).toBe('fr-SN');
    expect(defaultLocale('GH', ['en'])).toBe('en-GH');
    expect(defaultLocale('KZ', ['kk'])).toBe('ru-KZ');
    expect(defaultLocale('MX', [])).toBe('es-MX');
  });

  it('falls back on the country for rows that have neither', () => {
    expect(orgClock({ country: 'IN', languages: ['en'], timeZone: null, locale: null })).toEqual({ timeZone: 'Asia/Kolkata', locale: 'en-IN' });
    expect(orgClock({ country: 'IN', languages: ['en'], timeZone: 'UTC', locale: 'hi-IN' })).toEqual({ timeZone: 'UTC', locale: 'hi-IN' });
  });
});
