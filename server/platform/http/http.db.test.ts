import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.js';
import { createOrg } from '../../test/factories.js';

const t = useTestApp();

describe('HTTP behaviour', () => {
  it('answers /health without the database and /ready with it', async () => {
    expect((await t.app.inject('/health')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/ready')).json()).toMatchObject({ status: 'ok', database: t.database.kind });
  });

  it('serves OpenAPI 3.1 generated from the contracts, and its docs page', async () => {
    const spec = (await t.app.inject('/api/openapi.json')).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toContain('/api/v1/org/invitations');
    expect(spec.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('email');
    const docs = await t.app.inject('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('answers malformed or hostile input with problem+json, never a 500', async () => {
    const { admin } = await createOrg(t.app);
    const cases = [
      { method: 'POST', url: '/api/v1/auth/login', payload: '{"email": ', headers: { 'content-type': 'application/json' }, status: 400, code: 'bad_request' },
      { method: 'POST', url: '/api/v1/auth/login', payload: 'email=a', headers: { 'content-type': 'application/x-www-form-urlencoded' }, status: 415, code: 'unsupported_media_type' },
      { method: 'POST', url: '/api/v1/auth/login', payload: JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(2 * 1024 * 1024) }), headers: { 'content-type': 'application/json' }, status: 413, code: 'payload_too_large' },
      { method: 'POST', url: '/api/v1/auth/login', payload: { email: { $ne: 1 }, password: ['x'] }, status: 400, code: 'validation_failed' },
      { method: 'GET', url: '/api/v1/nothing-here', status: 404, code: 'not_found' },
      { method: 'GET', url: '/api/v1/org/people?limit=100000', status: 400, code: 'validation_failed' },
      { method: 'DELETE', url: '/api/v1/org/invitations/not-a-uuid', status: 400, code: 'validation_failed' },
      { method: 'PUT', url: '/api/v1/org', payload: { name: 'x'.repeat(5000), kind: 'chamber\u0000', country: "GH'; drop table orgs;--", regions: 'GH-AA', languages: ['en'], currency: 'GHS' }, status: 400, code: 'validation_failed' },
    ];
    for (const c of cases) {
      const res = await admin.request(c as never);
      expect(res.statusCode, `${c.method} ${c.url}`).toBe(c.status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: c.code, status: c.status, type: `urn:roundtable:error:${c.code}` });
    }
  });

  it('asks for sign-in before looking at the input', async () => {
    const res = await t.app.inject({ method: 'PUT', url: '/api/v1/org', payload: { junk: true } });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthenticated');
  });

  it('sends security headers', async () => {
    const res = await t.app.inject('/health');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});
