import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { startTestApp, type TestApp } from '../../test/app.js';
import { orgInput, PASSWORD, uniqueEmail } from '../../test/factories.js';
import { openDatabase, type Database } from '../db/database.js';
import { ADDRESS_FACTOR } from './limits.js';

const LIMIT = 3;

let signups = 0;
/** An account of its own, signed up from an address of its own (sign-ups are limited per address too). */
async function account(app: FastifyInstance) {
  const adminEmail = uniqueEmail('admin');
  const res = await app.inject({
    method: 'POST', url: '/api/v1/auth/signup', remoteAddress: `172.16.${Math.floor(++signups / 250)}.${signups % 250}`,
    payload: { admin: { name: 'Test Admin', email: adminEmail, password: PASSWORD }, org: orgInput() },
  });
  expect(res.statusCode).toBe(201);
  return { adminEmail };
}

function signIn(app: FastifyInstance, email: string, password: string, from: string, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: from, headers });
}

describe('sign-in limits shared through the database', () => {
  let t: TestApp;
  let second: { app: FastifyInstance; database: Database | null };

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: String(LIMIT) });
    // A second app process on the same database: its own pool where the server allows one.
    const url = (t.database as Database & { url?: string }).url;
    const database = url ? await openDatabase({ url, pgliteDir: '', poolSize: 2 }) : null;
    const app = await buildApp({ config: t.config, database: database ?? t.database, serveWeb: false, logger: false });
    await app.ready();
    second = { app, database };
  });
  afterAll(async () => {
    await second.app.close();
    await second.database?.close();
    await t.app.close();
    await t.database.close();
  });

  it('refuses even the right password during a lockout, in the reader’s language, with Retry-After', async () => {
    const { adminEmail } = await account(t.app);
    for (let i = 0; i < LIMIT; i++) expect((await signIn(t.app, adminEmail, `guess ${i}`, '10.1.0.1')).statusCode).toBe(401);
    const locked = await signIn(t.app, adminEmail, PASSWORD, '10.1.0.1', { 'accept-language': 'fr' });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('auth.too_many_attempts');
    expect(locked.json().title).toBe('Trop de tentatives. Réessayez dans 15 min.');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(locked.cookies.find((c) => c.name === 'rt_session')).toBeUndefined();
    // The account is locked, whichever address the next guess comes from.
    expect((await signIn(t.app, adminEmail, PASSWORD, '10.1.0.2')).statusCode).toBe(429);
  });

  it('does not let a rotated X-Forwarded-For pass for a new client', async () => {
    const { adminEmail } = await account(t.app);
    const codes = [];
    for (let i = 0; i < LIMIT + 1; i++) {
      codes.push((await signIn(t.app, adminEmail, `guess ${i}`, '10.2.0.1', { 'x-forwarded-for': `203.0.113.${i + 1}` })).statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 429]);
  });

  it('limits one password sprayed over many accounts from one address, whatever it claims to forward', async () => {
    const max = LIMIT * ADDRESS_FACTOR;
    const codes = [];
    for (let i = 0; i <= max; i++) {
      codes.push((await signIn(t.app, uniqueEmail('sprayed'), 'Summer2026!', '10.3.0.1', { 'x-forwarded-for': `198.51.100.${i + 1}` })).statusCode);
    }
    expect(codes.slice(0, max).every((c) => c === 401)).toBe(true);
    expect(codes[max]).toBe(429);
    // Another address is not held up by it.
    expect((await signIn(t.app, uniqueEmail('other'), 'Summer2026!', '10.3.0.2')).statusCode).toBe(401);
    // Refused guesses from the locked address do not go on to lock the accounts they name.
    const { adminEmail } = await account(t.app);
    for (let i = 0; i <= LIMIT; i++) expect((await signIn(t.app, adminEmail, 'Summer2026!', '10.3.0.1')).statusCode).toBe(429);
    expect((await signIn(t.app, adminEmail, PASSWORD, '10.3.0.9')).statusCode).toBe(200);
  });

  it('counts an IPv6 client by its /64, not by each of its addresses', async () => {
    const codes = [];
    for (let i = 0; i <= LIMIT * ADDRESS_FACTOR; i++) codes.push((await signIn(t.app, uniqueEmail('v6'), 'guess', `2001:db8:1:2::${(i + 1).toString(16)}`)).statusCode);
    expect(codes.at(-1)).toBe(429);
  });

  it('shares the count between two app processes on one database', async () => {
    const { adminEmail } = await account(t.app);
    expect((await signIn(t.app, adminEmail, 'guess 1', '10.4.0.1')).statusCode).toBe(401);
    expect((await signIn(second.app, adminEmail, 'guess 2', '10.4.0.1')).statusCode).toBe(401);
    expect((await signIn(t.app, adminEmail, 'guess 3', '10.4.0.1')).statusCode).toBe(401);
    expect((await signIn(second.app, adminEmail, PASSWORD, '10.4.0.1')).statusCode).toBe(429);
  });

  it('does not count successful sign-ins', async () => {
    const { adminEmail } = await account(t.app);
    const codes = [];
    for (const password of ['guess 1', 'guess 2', PASSWORD, PASSWORD, PASSWORD, 'guess 3', PASSWORD]) {
      codes.push((await signIn(t.app, adminEmail, password, '10.5.0.1')).statusCode);
    }
    expect(codes).toEqual([401, 401, 200, 200, 200, 401, 429]);
  });

  it('limits password reset requests per account', async () => {
    const { adminEmail } = await account(t.app);
    const codes = [];
    for (let i = 0; i <= LIMIT; i++) {
      codes.push((await t.app.inject({ method: 'POST', url: '/api/v1/auth/forgot-password', payload: { email: adminEmail }, remoteAddress: `10.6.0.${i + 1}` })).statusCode);
    }
    expect(codes).toEqual([202, 202, 202, 429]);
  });

  it('limits sign-ups per address', async () => {
    const codes = [];
    for (let i = 0; i <= LIMIT; i++) {
      const res = await t.app.inject({
        method: 'POST', url: '/api/v1/auth/signup', remoteAddress: '10.7.0.1',
        payload: { admin: { name: 'Mass Signup', email: uniqueEmail('bulk'), password: PASSWORD }, org: orgInput() },
      });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([201, 201, 201, 429]);
  });
});

describe('behind a configured proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: String(LIMIT), TRUST_PROXY: '10.9.0.1' });
  });
  afterAll(async () => {
    await t.app.close();
    await t.database.close();
  });

  it('counts the client the trusted proxy names, and ignores the header from anyone else', async () => {
    const max = LIMIT * ADDRESS_FACTOR;
    // Through the proxy, each client has its own address count.
    for (let i = 0; i <= max; i++) {
      const res = await signIn(t.app, uniqueEmail('behind'), 'guess', '10.9.0.1', { 'x-forwarded-for': `192.0.2.${i + 1}` });
      expect(res.statusCode).toBe(401);
    }
    // Not from the proxy: the header is the client's own claim, and the socket's address counts.
    const codes = [];
    for (let i = 0; i <= max; i++) codes.push((await signIn(t.app, uniqueEmail('direct'), 'guess', '10.9.9.9', { 'x-forwarded-for': `192.0.2.${100 + i}` })).statusCode);
    expect(codes.at(-1)).toBe(429);
  });
});
