import { describe, expect, it, vi } from 'vitest';

// The real i18n module reads localStorage and the document; the options only need the language.
vi.mock('../../app/i18n.js', () => ({ i18n: { language: 'en' } }));
const { currentZoneName, localeOptions, timeZoneOptions } = await import('./org-options.js');

describe('time zone and locale pickers', () => {
  it('offers zones under their current names, so "Kolkata" and "Kyiv" are found', () => {
    expect(['Asia/Calcutta', 'Europe/Kiev', 'Asia/Saigon', 'Africa/Accra', 'Asia/Kolkata'].map(currentZoneName)).toEqual(['Asia/Kolkata', 'Europe/Kyiv', 'Asia/Ho_Chi_Minh', 'Africa/Accra', 'Asia/Kolkata']);
    const zones = timeZoneOptions('Africa/Accra', 'en').map((o) => o.value);
    expect(zones).toEqual(expect.arrayContaining(['Asia/Kolkata', 'Africa/Accra', 'UTC']));
    expect(zones).not.toContain('Asia/Calcutta');
  });

  it('offers each interface and working language with the country, with an example', () => {
    const options = localeOptions('IN', ['hi'], 'en-IN', 'INR', ['en', 'fr'], 'en');
    expect(options.map((o) => o.value).sort()).toEqual(['en-IN', 'fr-IN', 'hi-IN']);
    expect(options.find((o) => o.value === 'en-IN')!.label).toMatch(/^English \(India\) — ₹12,00,000\.00 · 15 Jan \d{4}$/);
  });
});
