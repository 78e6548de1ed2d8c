import ct from 'countries-and-timezones';
import { LOCALES } from '../../contracts/roles.js';
import { isFormatLocale, isTimeZone, type OrgClock } from '../../contracts/time.js';

// The package lists a country's zones alphabetically, which for a country with
// several says nothing about where its government sits. These are the zones of
// the capitals (Canberra keeps Sydney's time, Ottawa Toronto's, Brasília São
// Paulo's, Astana Almaty's, Quito Guayaquil's). Antarctica (AQ) and the US
// Minor Outlying Islands (UM) have no capital and take the first zone listed.
export const CAPITAL_ZONES: Record<string, string> = {
  AR: 'America/Argentina/Buenos_Aires', AU: 'Australia/Sydney', BR: 'America/Sao_Paulo', CA: 'America/Toronto',
  CD: 'Africa/Kinshasa', CL: 'America/Santiago', CN: 'Asia/Shanghai', CY: 'Asia/Nicosia', DE: 'Europe/Berlin',
  EC: 'America/Guayaquil', ES: 'Europe/Madrid', FM: 'Pacific/Pohnpei', GL: 'America/Nuuk', ID: 'Asia/Jakarta',
  KI: 'Pacific/Tarawa', KZ: 'Asia/Almaty', MH: 'Pacific/Majuro', MN: 'Asia/Ulaanbaatar', MX: 'America/Mexico_City',
  MY: 'Asia/Kuala_Lumpur', NZ: 'Pacific/Auckland', PF: 'Pacific/Tahiti', PG: 'Pacific/Port_Moresby', PS: 'Asia/Hebron',
  PT: 'Europe/Lisbon', RU: 'Europe/Moscow', TF: 'Indian/Kerguelen', UA: 'Europe/Kyiv', US: 'America/New_York',
  UZ: 'Asia/Tashkent', VN: 'Asia/Ho_Chi_Minh',
};

/**
 * The time zone an organisation in `country` starts with: its capital's.
 * Where the country keeps a neighbour's zone (Ghana keeps Abidjan's time),
 * the name of its own city is taken (Africa/Accra, an IANA link to the same
 * rules), which is what its people recognise in a picker.
 */
export function defaultTimeZone(country: string): string {
  const capital = CAPITAL_ZONES[country];
  if (capital && isTimeZone(capital)) return capital;
  const zones = ct.getCountry(country)?.timezones ?? [];
  const zone = zones[0];
  if (!zone) return 'UTC';
  // The package lists a shared zone's home country first (Abidjan: CI, then GH, SN…).
  const borrowed = (ct.getTimezone(zone)?.countries[0] ?? country) !== country;
  if (zones.length === 1 && borrowed) {
    const own = (ct.getCountry(country, { deprecated: true })?.timezones ?? []).find((name) => {
      const tz = ct.getTimezone(name);
      return tz?.aliasOf === zone && tz.countries.length === 1 && tz.countries[0] === country && isTimeZone(name);
    });
    if (own) return own;
  }
  return isTimeZone(zone) ? zone : 'UTC';
}

/**
 * The locale an organisation starts with: the first of its working
 * languages the interface is written in (else the country's most spoken
 * language if the interface has it, else English), with its country, so
 * dates and numbers follow the country's customs (en-IN, fr-SN, en-GH).
 */
export function defaultLocale(country: string, languages: readonly string[] = []): string {
  const ui = LOCALES as readonly string[];
  const likely = new Intl.Locale(`und-${country}`).maximize().language;
  const language = languages.find((l) => ui.includes(l)) ?? (ui.includes(likely) ? likely : 'en');
  const tag = `${language}-${country}`;
  return isFormatLocale(tag) ? tag : language;
}

/** An organisation's time zone and locale; rows from before they were kept take their country's defaults. */
export function orgClock(row: { country: string; languages: string[]; timeZone: string | null; locale: string | null }): OrgClock {
  return {
    timeZone: row.timeZone ?? defaultTimeZone(row.country),
    locale: row.locale ?? defaultLocale(row.country, row.languages),
  };
}
