import { describe, expect, it } from 'vitest';
import { Client, useTestApp } from '../../test/app.js';
import { createOrg, createPerson, PASSWORD } from '../../test/factories.js';

const t = useTestApp();

describe('sign-up, sign-in and sessions', () => {
  it('signs up an organisation and its admin, who is then signed in', async () => {
    const { admin, orgName } = await createOrg(t.app);
    const res = await admin.get('/api/v1/auth/session');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ org: { name: orgName, role: 'admin' } });
  });

  it('refuses a second account with the same e-mail, on the field', async () => {
    const { adminEmail } = await createOrg(t.app);
    const res = await new Client(t.app).post('/api/v1/auth/signup', {
      admin: { name: 'Again', email: adminEmail.toUpperCase(), password: PASSWORD },
      org: { name: 'X', kind: 'chamber', country: 'GH', regions: [], languages: ['en'], currency: 'GHS' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'admin.email', code: 'auth.email_taken' })]);
  });

  it('signs in, tells wrong passwords apart from nothing, and signs out', async () => {
    const { adminEmail } = await createOrg(t.app);
    const wrong = await new Client(t.app).post('/api/v1/auth/login', { email: adminEmail, password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('auth.invalid_credentials');
    const unknown = await new Client(t.app).post('/api/v1/auth/login', { email: 'nobody@example.test', password: 'whatever123' });
    expect(unknown.json().code).toBe('auth.invalid_credentials');

    const client = await new Client(t.app).login(adminEmail, PASSWORD);
    expect(client.cookie).toMatch(/^rt_session=/);
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect(client.cookie).toBe('');
    expect((await client.get('/api/v1/org')).statusCode).toBe(401);
  });

  it('sets an httpOnly, SameSite session cookie', async () => {
    const { adminEmail } = await createOrg(t.app);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: adminEmail, password: PASSWORD } });
    const cookie = res.cookies.find((c) => c.name === 'rt_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
  });

  it('requires the CSRF token on writes made with a session cookie', async () => {
    const { admin } = await createOrg(t.app);
    const res = await admin.request({ method: 'POST', url: '/api/v1/auth/logout', headers: { 'x-csrf-token': 'forged' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
    const stillIn = await admin.get('/api/v1/auth/session');
    expect(stillIn.statusCode).toBe(200);
  });

  it('switches between organisations the person belongs to, and only those', async () => {
    const a = await createOrg(t.app);
    const b = await createOrg(t.app);
    const { client, userId } = await createPerson(t.app, a.orgId, 'staff');
    const foreign = await client.post('/api/v1/auth/switch-org', { orgId: b.orgId });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('auth.not_in_organisation');

    // Invited into B as well, the same person can switch there.
    const inv = await b.admin.post('/api/v1/org/invitations', { email: (await client.get('/api/v1/auth/session')).json().user.email, role: 'viewer' });
    expect(inv.statusCode).toBe(201);
    const mail = (await b.admin.get('/api/v1/mail/outbox')).json().items[0];
    const token = /invitation\/([\w-]+)/.exec(mail.body)![1]!;
    expect((await client.post(`/api/v1/invitations/${token}/accept`, {})).statusCode).toBe(200);
    const session = (await client.get('/api/v1/auth/session')).json();
    expect(session.org).toMatchObject({ id: b.orgId, role: 'viewer' });
    expect(session.orgs.map((o: { id: string }) => o.id).sort()).toEqual([a.orgId, b.orgId].sort());
    expect(session.user.id).toBe(userId);
    const back = await client.post('/api/v1/auth/switch-org', { orgId: a.orgId });
    expect(back.json().org).toMatchObject({ id: a.orgId, role: 'staff' });
  });

  it('resets a forgotten password through the link in the outbox', async () => {
    const { admin, adminEmail } = await createOrg(t.app);
    const anonymous = new Client(t.app);
    const asked = await anonymous.post('/api/v1/auth/forgot-password', { email: adminEmail });
    expect(asked.statusCode).toBe(202);
    // The same answer for an unknown address, so accounts cannot be probed.
    expect((await anonymous.post('/api/v1/auth/forgot-password', { email: 'nobody@example.test' })).statusCode).toBe(202);

    const outbox = (await admin.get('/api/v1/mail/outbox')).json();
    const mail = outbox.items.find((m: { kind: string }) => m.kind === 'password_reset');
    expect(mail.toEmail).toBe(adminEmail);
    expect(outbox.smtpConfigured).toBe(false);
    const token = /reset-password\/([\w-]+)/.exec(mail.body)![1]!;

    const tooShort = await anonymous.post('/api/v1/auth/reset-password', { token, password: 'short' });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().errors[0].path).toBe('password');

    expect((await anonymous.post('/api/v1/auth/reset-password', { token, password: 'a brand new password' })).statusCode).toBe(200);
    // Old sessions end with the reset; the old password no longer works; the link is single-use.
    expect((await admin.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await anonymous.post('/api/v1/auth/login', { email: adminEmail, password: PASSWORD })).statusCode).toBe(401);
    await new Client(t.app).login(adminEmail, 'a brand new password');
    const again = await anonymous.post('/api/v1/auth/reset-password', { token, password: 'another new password' });
    expect(again.json().code).toBe('auth.reset_token_invalid');
  });

  it('changes the password after checking the current one', async () => {
    const { admin, adminEmail } = await createOrg(t.app);
    const bad = await admin.post('/api/v1/auth/password', { currentPassword: 'wrong', newPassword: 'another good password' });
    expect(bad.json().errors[0]).toMatchObject({ path: 'currentPassword', code: 'auth.invalid_credentials' });
    expect((await admin.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'another good password' })).statusCode).toBe(200);
    await new Client(t.app).login(adminEmail, 'another good password');
  });

  it('updates the profile and language, and answers errors in that language', async () => {
    const { admin } = await createOrg(t.app);
    const res = await admin.put('/api/v1/auth/profile', { name: 'Adwoa Badu', locale: 'fr' });
    expect(res.json().user).toMatchObject({ name: 'Adwoa Badu', locale: 'fr' });
    const invalid = await admin.put('/api/v1/auth/profile', { name: '', locale: 'fr' }, { 'accept-language': 'fr' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().title).not.toBe('Some fields need your attention.');
  });
});
