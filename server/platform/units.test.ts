import { describe, expect, it } from 'vitest';
import { can, knownPermission, PERMISSIONS } from '../../contracts/permissions.js';
import { ROLES } from '../../contracts/roles.js';
import { OrgInput } from '../../contracts/orgs.js';
import { changedFields } from './audit/record.js';
import { loadConfig, tileOrigin } from './config.js';
import { CursorKey, decodeCursor, encodeCursor, pageOf } from './db/cursor.js';
import { neutraliseFormula } from './export/csv.js';
import { pickLocale } from './i18n/i18n.js';
import { hashSecret, sameSecret } from './auth/tokens.js';

describe('permissions', () => {
  it('deny by default: unknown permission or no role is refused', () => {
    for (const role of ROLES) expect(can(role, 'no.such.permission')).toBe(false);
    expect(can(null, 'org.read')).toBe(false);
    expect(knownPermission('org.read')).toBe(true);
  });
  it('only admins manage the organisation and read the audit log', () => {
    for (const permission of ['org.update', 'people.manage', 'audit.read', 'mail.read', 'tokens.manage'] as const) {
      expect(ROLES.filter((r) => can(r, permission))).toEqual(['admin']);
    }
    expect(PERMISSIONS['org.read']).toEqual(ROLES);
  });
});

describe('locale negotiation', () => {
  it('takes the first supported language of Accept-Language', () => {
    expect(pickLocale('de-CH, fr;q=0.9, en;q=0.8')).toBe('fr');
    expect(pickLocale('ru-RU')).toBe('ru');
    expect(pickLocale('zz')).toBe('en');
    expect(pickLocale(undefined)).toBe('en');
  });
});

describe('cursors', () => {
  it('round-trips a sort key and rejects garbage with a field error', () => {
    expect(decodeCursor(encodeCursor(['abc', 'f00']), [CursorKey.text, CursorKey.text])).toEqual(['abc', 'f00']);
    expect(decodeCursor(undefined, [CursorKey.bigint])).toBeNull();
    expect(() => decodeCursor('!!!', [CursorKey.bigint])).toThrow();
    expect(() => decodeCursor(encodeCursor([1, 2]), [CursorKey.bigint])).toThrow();
  });
  it('refuses a well-formed cursor whose key has the wrong type for its list', () => {
    const newest = [CursorKey.timestamp, CursorKey.uuid] as const;
    const id = '0b7f4c1e-2a6d-4c1b-9f3e-5d2a8c7b6e10';
    expect(decodeCursor(encodeCursor(['2026-01-05T10:00:00.123Z', id]), newest)).toEqual(['2026-01-05T10:00:00.123Z', id]);
    expect(decodeCursor(encodeCursor(['2026-01-05 10:00:00.123+00', id]), newest)).not.toBeNull();
    for (const key of [[{}, id], [1, id], ['yesterday', id], ['0000-01-01T00:00:00Z', id], ['2026-02-31T00:00:00Z', id], ['2026-01-05T10:00:00Z', 'x']]) {
      expect(() => decodeCursor(encodeCursor(key), newest), JSON.stringify(key)).toThrow(expect.objectContaining({ fieldErrors: [{ path: 'cursor', code: 'invalid_cursor' }] }));
    }
    expect(() => decodeCursor(encodeCursor([2 ** 31, '2026-01-05T10:00:00Z', id]), [CursorKey.int, CursorKey.timestamp, CursorKey.uuid])).toThrow();
    expect(() => decodeCursor(encodeCursor(['\u0000', id]), [CursorKey.text, CursorKey.uuid])).toThrow();
  });
  it('gives a next cursor only when there is more', () => {
    expect(pageOf([1, 2, 3], 2, (n) => [n])).toEqual({ items: [1, 2], nextCursor: encodeCursor([2]) });
    expect(pageOf([1, 2], 2, (n) => [n])).toEqual({ items: [1, 2], nextCursor: null });
  });
});

describe('CSV cells', () => {
  it('neutralises spreadsheet formulas and leaves plain text', () => {
    expect(neutraliseFormula('=1+1')).toBe("'=1+1");
    expect(neutraliseFormula('+233 24 000')).toBe("'+233 24 000");
    expect(neutraliseFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseFormula('Kente weaving')).toBe('Kente weaving');
  });
});

describe('audit diffs', () => {
  it('keeps only changed fields', () => {
    expect(changedFields({ a: 1, b: [1], c: 'x' }, { a: 1, b: [1, 2], c: 'y' })).toEqual({ before: { b: [1], c: 'x' }, after: { b: [1, 2], c: 'y' } });
  });
});

describe('secrets', () => {
  it('hashes deterministically and compares in constant time', () => {
    expect(hashSecret('a')).toBe(hashSecret('a'));
    expect(hashSecret('a')).not.toBe(hashSecret('b'));
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abd')).toBe(false);
    expect(sameSecret('abc', 'ab')).toBe(false);
  });
});

describe('organisation contract', () => {
  it('normalises codes and checks regions against the country', () => {
    const ok = OrgInput.parse({ name: ' Tamale Chamber ', kind: 'chamber', country: 'gh', regions: ['gh-np'], languages: ['EN', 'dag'], currency: 'ghs' });
    expect(ok).toMatchObject({ name: 'Tamale Chamber', country: 'GH', regions: ['GH-NP'], languages: ['en', 'dag'], currency: 'GHS' });
    const bad = OrgInput.safeParse({ name: 'X', kind: 'chamber', country: 'GH', regions: ['KE-30'], languages: ['xx1'], currency: 'GHS' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['languages.0', 'regions.0']);
    expect(OrgInput.safeParse({ ...ok, kind: 'guild' }).error!.issues[0]!.path).toEqual(['kind']);
  });
});

describe('configuration', () => {
  it('defaults to the embedded database on port 3000 and refuses nonsense', () => {
    const c = loadConfig({});
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.PORT).toBe(3000);
    expect(c.secureCookies).toBe(false);
    expect(loadConfig({ PUBLIC_URL: 'https://chamber.example/' }).secureCookies).toBe(true);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
  it('takes map tiles from OpenStreetMap unless told otherwise, and lets the browser load them', () => {
    expect(loadConfig({}).map?.tileUrl).toBe('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
    expect(loadConfig({ MAP_TILE_URL: 'off' }).map).toBeNull();
    expect(() => loadConfig({ MAP_TILE_URL: 'http://tiles.example/{z}/{x}/{y}.png' })).toThrow(/MAP_TILE_URL/);
    expect(tileOrigin('https://{s}.tiles.example/v1/{z}/{x}/{y}.png')).toBe('https://*.tiles.example');
  });
});
