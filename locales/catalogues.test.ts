import { describe, expect, it } from 'vitest';
import { registerModules } from '../server/modules.js';
import { errorCodes } from '../server/platform/errors/catalogue.js';
import { catalogues, respondCatalogues } from './index.js';

function flatten(value: unknown, prefix = ''): Record<string, string> {
  if (typeof value === 'string') return { [prefix]: value };
  return Object.assign({}, ...Object.entries(value as object).map(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k)));
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
// The respondent page's own catalogue is held to the same rules.
const all = (lng: keyof typeof catalogues) => flatten({ ...catalogues[lng], respondPage: respondCatalogues[lng] });
const en = all('en');

describe('translation catalogues', () => {
  for (const lng of ['fr', 'es', 'ru'] as const) {
    const other = all(lng);
    it(`${lng} has every key of en, filled, with the same placeholders`, () => {
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(en)) {
        expect(other[key]?.trim(), `${lng}:${key}`).toBeTruthy();
        expect(placeholders(other[key]!), `${lng}:${key}`).toEqual(placeholders(text));
      }
    });
    it(`${lng} is translated, not copied`, () => {
      const same = Object.keys(en).filter((k) => en[k] === other[k] && !/^\{\{\w+\}\}$/.test(en[k]!));
      // Some words are the same in both languages (Organisation, Type, Latitude,
      // Micro, Description, E-mail); a copied catalogue would be near 100 %.
      expect(same.length / Object.keys(en).length).toBeLessThan(0.08);
    });
  }

  it('has a message for every error code the server can send', () => {
    registerModules();
    for (const code of errorCodes()) expect(en[`errors.${code}`], code).toBeTruthy();
  });
});
