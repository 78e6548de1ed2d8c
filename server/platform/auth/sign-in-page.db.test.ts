import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.js';
import { createOrg, createPerson, PASSWORD } from '../../test/factories.js';

const LIMIT = 3;
const t = useTestApp({ LOGIN_RATE_LIMIT: String(LIMIT) });
const FORM = 'application/x-www-form-urlencoded';

let orgId: string;
beforeAll(async () => {
  orgId = (await createOrg(t.app)).orgId;
});

/** A person of their own (failures count per account), signed in nowhere. */
async function person() {
  return (await createPerson(t.app, orgId, 'member')).email;
}

let addresses = 0;
/** A source address of its own (failures count per address too). */
const newAddress = () => `10.77.${Math.floor(++addresses / 250)}.${addresses % 250}`;

/** The page as a browser opens it: its form token, and the cookie that holds it. */
async function openForm(headers: Record<string, string> = {}, url = '/sign-in') {
  const res = await t.app.inject({ method: 'GET', url, headers });
  const held = res.cookies.find((c) => c.name === 'rt_sign_in_form');
  const token = /name="formToken" value="([^"]+)"/.exec(res.body)?.[1];
  return { res, cookie: held ? `rt_sign_in_form=${held.value}` : '', token: token ?? '' };
}

/** The form sent as a browser sends it. */
function send(form: { cookie: string; token: string }, fields: Record<string, string>, { url = '/sign-in', from = '10.77.255.1', headers = {} as Record<string, string> } = {}) {
  return t.app.inject({
    method: 'POST', url, remoteAddress: from,
    headers: { 'content-type': FORM, ...(form.cookie ? { cookie: form.cookie } : {}), ...headers },
    payload: new URLSearchParams({ formToken: form.token, ...fields }).toString(),
  });
}

const sessionCookie = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === 'rt_session');

async function sessionOf(res: LightMyRequestResponse) {
  const cookie = sessionCookie(res);
  if (!cookie) return null;
  const session = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: `rt_session=${cookie.value}` } });
  return session.statusCode === 200 ? (session.json() as { user: { email: string } }) : null;
}

describe('the sign-in page the server writes', () => {
  it('is light HTML with no script: the form, its links, the languages, and the e-mail field focused', async () => {
    const { res, cookie, token } = await openForm();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).not.toMatch(/<script/i);
    expect(res.body).toContain('<html lang="en">');
    expect(res.body).toMatch(/<form method="post" action="\/sign-in">/);
    expect(res.body).toMatch(/<label for="email">E-mail<\/label>\n<input id="email" name="email" type="email" autocomplete="username"[^>]* required[^>]* autofocus/);
    expect(res.body).toMatch(/<label for="password">Password<\/label>\n<input id="password" name="password" type="password" autocomplete="current-password"/);
    expect(res.body).toContain('<button type="submit">Sign in</button>');
    expect(res.body).toContain('<a href="/forgot-password">Forgot your password?</a>');
    expect(res.body).toContain('<a href="/sign-up">Register an organisation</a>');
    for (const lang of ['en', 'fr', 'es', 'ru']) expect(res.body).toContain(`href="/sign-in?lang=${lang}"`);
    expect(res.body).toContain('href="/sign-in?lang=en" hreflang="en" lang="en" aria-current="true"');
    // The form's token, held by this browser alone.
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(cookie).toBe(`rt_sign_in_form=${token}`);
    const held = res.cookies.find((c) => c.name === 'rt_sign_in_form')!;
    expect(held).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/sign-in' });
    // A second visit (another tab) keeps the token the browser holds.
    const again = await openForm({ cookie });
    expect(again.token).toBe(token);
    expect(again.cookie).toBe('');
  });

  it('speaks the language the app would: the one chosen (its cookie), else the browser’s first, else English', async () => {
    const title = async (headers: Record<string, string>, url = '/sign-in') => {
      const { res } = await openForm(headers, url);
      return [/<html lang="(\w+)">/.exec(res.body)?.[1], /<h1>([^<]+)<\/h1>/.exec(res.body)?.[1]];
    };
    expect(await title({ 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.8' })).toEqual(['fr', 'Connexion']);
    // navigator.language is the first language only: German first reads English, as in the app.
    expect(await title({ 'accept-language': 'de-DE,ru;q=0.9' })).toEqual(['en', 'Sign in']);
    expect(await title({ 'accept-language': 'fr', cookie: 'rt_locale=ru' })).toEqual(['ru', 'Вход']);
    expect(await title({ cookie: 'rt_locale=xx' })).toEqual(['en', 'Sign in']);
    // A language link is the reader's choice, kept for the app's pages too.
    const { res } = await openForm({ 'accept-language': 'en' }, '/sign-in?lang=es&next=%2Fmembers');
    expect(res.body).toContain('<h1>Iniciar sesión</h1>');
    expect(res.body).toContain('<label for="email">Correo electrónico</label>');
    expect(res.body).toContain('action="/sign-in?next=%2Fmembers&amp;lang=es"');
    expect(res.body).toContain('href="/sign-in?next=%2Fmembers&amp;lang=fr"');
    expect(res.cookies.find((c) => c.name === 'rt_locale')).toMatchObject({ value: 'es', path: '/', sameSite: 'Lax' });
  });

  it('signs in with the API’s session cookie and leads home, or on to the path it was opened for', async () => {
    const email = await person();
    const home = await send(await openForm(), { email: email.toUpperCase(), password: PASSWORD });
    expect(home.statusCode).toBe(303);
    expect(home.headers.location).toBe('/');
    expect(home.headers['cache-control']).toBe('no-store');
    expect(sessionCookie(home)).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: expect.any(Number) });
    const api = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD } });
    const { name, value, ...flags } = sessionCookie(home)!;
    const { name: apiName, value: apiValue, ...apiFlags } = sessionCookie(api)!;
    expect([name, flags]).toEqual([apiName, apiFlags]);
    expect(value).not.toBe(apiValue);
    expect((await sessionOf(home))?.user.email).toBe(email);

    const on = await send(await openForm(), { email, password: PASSWORD }, { url: '/sign-in?next=%2Fmembers%3Fstatus%3Dactive' });
    expect(on.statusCode).toBe(303);
    expect(on.headers.location).toBe('/members?status=active');
  });

  it('refuses to lead to another site after signing in', async () => {
    const email = await person();
    for (const next of ['//evil.example', '//evil.example/sign-in', '/\\evil.example', '/..//evil.example', 'https://evil.example/', 'evil.example']) {
      const res = await send(await openForm(), { email, password: PASSWORD }, { url: `/sign-in?next=${encodeURIComponent(next)}` });
      expect(res.statusCode, next).toBe(303);
      expect(res.headers.location, next).toBe('/');
      expect(sessionCookie(res), next).toBeDefined();
    }
  });

  it('answers a wrong password with the page again, the app’s words and the address typed, and no session', async () => {
    const email = await person();
    const wrong = await send(await openForm(), { email, password: 'not the password 42' }, { from: newAddress() });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toMatch(/^text\/html/);
    expect(wrong.body).toContain('<div class="alert" role="alert">E-mail or password is wrong.</div>');
    expect(wrong.body).toContain(`value="${email}"`);
    expect(wrong.body).not.toContain('not the password 42');
    // The address is kept, so the cursor waits where the person types again: the password (empty, never sent back).
    expect(wrong.body).toMatch(/<input id="password" name="password" type="password"[^>]*required maxlength="200" autofocus>/);
    expect(wrong.body).not.toMatch(/<input id="email"[^>]* autofocus/);
    expect(sessionCookie(wrong)).toBeUndefined();
    // In the reader's language, as the API's problem would be.
    const form = await openForm({ 'accept-language': 'fr' });
    const unknown = await send(form, { email: 'personne@example.test', password: 'whatever123' }, { from: newAddress(), headers: { 'accept-language': 'fr' } });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.body).toContain('role="alert">E-mail ou mot de passe incorrect.</div>');
    expect(unknown.body).toContain('<html lang="fr">');
  });

  it('says what is missing before counting anything', async () => {
    const from = newAddress();
    const empty = await send(await openForm(), { email: '', password: '' }, { from });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('<p class="field-error" id="email-error">Required.</p>');
    expect(empty.body).toContain('<p class="field-error" id="password-error">Required.</p>');
    expect(empty.body).toMatch(/id="email"[^>]* aria-invalid="true" aria-describedby="email-error"/);
    const notAnAddress = await send(await openForm(), { email: 'not an address', password: 'x' }, { from });
    expect(notAnAddress.statusCode).toBe(400);
    expect(notAnAddress.body).toContain('value="not an address"');
    expect(notAnAddress.body).toMatch(/id="email-error">[^<]*email[^<]*<\/p>/i);
    expect(notAnAddress.body).not.toContain('id="password-error"');
    // Too long to be a password: the page says so, in words, as for any other field.
    const overlong = await send(await openForm(), { email: 'someone@example.org', password: 'x'.repeat(1500) }, { from });
    expect([overlong.statusCode, overlong.headers['content-type']]).toEqual([400, expect.stringMatching(/^text\/html/)]);
    expect(overlong.body).toMatch(/id="password-error">[^<]+<\/p>/);
  });

  it('ignores what a link asks that it cannot use (an unknown language, an address too long), rather than answering in JSON', async () => {
    const unknown = await t.app.inject({ method: 'GET', url: '/sign-in?lang=de', headers: { 'accept-language': 'fr' } });
    expect([unknown.statusCode, unknown.headers['content-type']]).toEqual([200, expect.stringMatching(/^text\/html/)]);
    expect(unknown.body).toContain('<html lang="fr">');
    const long = await t.app.inject({ method: 'GET', url: `/sign-in?next=/members?q=${'a'.repeat(2100)}` });
    expect(long.statusCode).toBe(200);
    expect(long.body).toMatch(/<form method="post" action="\/sign-in">/);
  });

  it('keeps the API’s lockout: past the limit even the right password is refused, on either door, with Retry-After', async () => {
    const email = await person();
    const from = newAddress();
    // Failures through the API and through the page count on the same counters.
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: from, payload: { email, password: 'guess 0' } })).statusCode).toBe(401);
    for (let i = 1; i < LIMIT; i++) expect((await send(await openForm(), { email, password: `guess ${i}` }, { from })).statusCode).toBe(401);
    const locked = await send(await openForm(), { email, password: PASSWORD }, { from });
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain('role="alert">Too many attempts. Try again in 15 min.</div>');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(sessionCookie(locked)).toBeUndefined();
    // Locked whichever door and address the next attempt comes through.
    expect((await send(await openForm(), { email, password: PASSWORD }, { from: newAddress() })).statusCode).toBe(429);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: newAddress(), payload: { email, password: PASSWORD } })).statusCode).toBe(429);
  });

  it('counts failures per address as the API does, and gives a success back', async () => {
    const from = newAddress();
    const email = await person();
    // A success does not count: LIMIT sign-ins in a row all pass.
    for (let i = 0; i <= LIMIT; i++) expect((await send(await openForm(), { email, password: PASSWORD }, { from })).statusCode).toBe(303);
    // One address guessing over many accounts is stopped at the address's limit.
    let refused = 0;
    for (let i = 0; i < LIMIT * 3 + 1; i++) {
      const res = await send(await openForm(), { email: `sprayed.${i}@example.test`, password: PASSWORD }, { from });
      if (res.statusCode === 429) refused++;
    }
    expect(refused).toBe(1);
  });

  it('signs nobody in from a form that is not its own (another site’s, or without the browser’s token)', async () => {
    const email = await person();
    const mine = await openForm();
    const theirs = await openForm();
    const cases = {
      'no cookie': await send({ cookie: '', token: mine.token }, { email, password: PASSWORD }),
      'no token': await send({ cookie: mine.cookie, token: '' }, { email, password: PASSWORD }),
      'another browser’s token': await send({ cookie: mine.cookie, token: theirs.token }, { email, password: PASSWORD }),
    };
    for (const [what, res] of Object.entries(cases)) {
      expect(res.statusCode, what).toBe(403);
      expect(sessionCookie(res), what).toBeUndefined();
      expect(res.body, what).toContain('role="alert">This sign-in form had expired, or the browser refuses cookies. Please sign in again.</div>');
      expect(res.body, what).toContain(`value="${email}"`);
    }
    // The page answered comes with a token that works.
    const fresh = cases['no cookie'];
    const retry = { cookie: `rt_sign_in_form=${fresh.cookies.find((c) => c.name === 'rt_sign_in_form')!.value}`, token: /name="formToken" value="([^"]+)"/.exec(fresh.body)![1]! };
    expect((await send(retry, { email, password: PASSWORD })).statusCode).toBe(303);
  });

  it('leads someone signed in already straight on', async () => {
    const email = await person();
    const signedIn = await send(await openForm(), { email, password: PASSWORD });
    const cookie = `rt_session=${sessionCookie(signedIn)!.value}`;
    const res = await t.app.inject({ method: 'GET', url: '/sign-in?next=%2Fissues', headers: { cookie } });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/issues');
    const evil = await t.app.inject({ method: 'GET', url: '/sign-in?next=%2F%2Fevil.example', headers: { cookie } });
    expect(evil.headers.location).toBe('/');
  });
});
