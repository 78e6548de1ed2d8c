// What the browser checks of geographic codes before sending a form: their
// shape only. The server checks them against the ISO lists (geo-data.ts,
// 790 kB the web app does not download); vite.config.ts puts this file in its
// place in the web build. Names of countries come from Intl, regions and
// rare languages from /api/v1/reference/* (web/app/reference.ts).

export function isCountry(code: string): boolean {
  return /^[A-Z]{2}$/.test(code);
}

export function isSubdivisionOf(code: string, country: string): boolean {
  return code.startsWith(`${country}-`) && /^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(code);
}

export function isLanguage(code: string): boolean {
  return /^[a-z]{2,3}$/.test(code);
}
