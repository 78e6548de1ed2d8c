import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.js';

const t = useTestApp();

// The web app no longer carries the ISO lists: sign-up and settings ask for them, one country at a time.
describe('reference data on demand', () => {
  it('gives one country’s ISO 3166-2 regions to anyone, cacheable, and refuses an unknown country', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/reference/regions/gh' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=604800');
    const body = res.json();
    expect(body.country).toBe('GH');
    expect(body.items).toContainEqual({ code: 'GH-NP', name: 'Northern' });
    expect(body.items.every((r: { code: string }) => r.code.startsWith('GH-'))).toBe(true);
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/reference/regions/ZZ' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ path: 'country', code: 'geo.unknown_country' });
  });

  it('lists the country codes and names only the languages asked for, known ones only', async () => {
    const countries = (await t.app.inject({ method: 'GET', url: '/api/v1/reference/countries' })).json().items;
    expect(countries).toEqual(expect.arrayContaining(['GH', 'SN', 'KG']));
    expect(countries).not.toContain('ZZ');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/reference/languages?codes=dag,TW,qqq' });
    expect(res.json().items).toEqual([{ code: 'dag', name: 'Dagbani' }, { code: 'tw', name: 'Twi' }]);
  });

  it('still refuses, on the server, codes that only look right', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: { admin: { name: 'Ama Mensah', email: 'ama.reference@example.test', password: 'a-long-enough-password' }, org: { name: 'Shape Only Chamber', kind: 'chamber', country: 'QQ', regions: ['QQ-ZZ'], languages: ['qqq'], currency: 'GHS' } },
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(expect.arrayContaining(['org.country', 'org.languages.0']));
  });
});
