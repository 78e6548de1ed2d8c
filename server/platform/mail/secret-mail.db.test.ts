import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordResets, users } from '../auth/tables.js';
import { Client, startTestApp, useTestApp, type TestApp } from '../../test/app.js';
import { createOrg, createPerson, PASSWORD } from '../../test/factories.js';
import { mailOutbox } from './tables.js';
import { exportedTable, walkList } from '../../test/lists.js';
import { startSmtpSink } from '../../test/smtp-sink.js';

/** The reset link as the recipient gets it, read from the database as the owner. */
async function sealedResetLink(t: TestApp, email: string): Promise<{ link: string | null; body: string }> {
  const [row] = await t.database.db.select().from(mailOutbox)
    .where(sql`${mailOutbox.kind} = 'password_reset' AND lower(${mailOutbox.toEmail}) = ${email.toLowerCase()}`)
    .orderBy(desc(mailOutbox.createdAt)).limit(1);
  return { link: /reset-password\/([\w-]+)/.exec(row?.sealedBody ?? '')?.[1] ?? null, body: row!.body };
}

/** Everything an organisation's admin can read of its outbox: the list and every mail by id. */
async function everythingInOutbox(admin: Client): Promise<string> {
  const list = await admin.get('/api/v1/mail/outbox?limit=200');
  const items = list.json().items as Array<{ id: string }>;
  const each = await Promise.all(items.map(async (m) => (await admin.get(`/api/v1/mail/outbox/${m.id}`)).body));
  return [list.body, ...each].join('\n');
}

/**
 * The attack of the security test: an organisation named to sort first
 * invites the victim, who accepts; a reset asked for the victim was filed in
 * that organisation's outbox, so its admin read the link.
 */
async function attackerJoinsVictim(t: TestApp) {
  const victimOrg = await createOrg(t.app, { name: 'Zongo Chamber of Commerce' });
  const attacker = await createOrg(t.app, { name: 'AAA First Traders' });
  expect((await attacker.admin.post('/api/v1/org/invitations', { email: victimOrg.adminEmail, role: 'viewer' })).statusCode).toBe(201);
  const invitation = (await attacker.admin.get('/api/v1/mail/outbox')).json().items.find((m: { kind: string }) => m.kind === 'invitation');
  return { victimOrg, attacker, invitation };
}

describe('secret-bearing mail without SMTP (embedded office install)', () => {
  const t = useTestApp();

  it('never shows the reset link of a person in several organisations to any of them', async () => {
    const { victimOrg, attacker, invitation } = await attackerJoinsVictim(t);
    // The inviting organisation may hand its own invitation over: it grants nothing but a seat there.
    const invitationToken = /invitation\/([\w-]+)/.exec(invitation.body)![1]!;
    expect((await victimOrg.admin.post(`/api/v1/invitations/${invitationToken}/accept`, {})).statusCode).toBe(200);

    expect((await new Client(t.app).post('/api/v1/auth/forgot-password', { email: victimOrg.adminEmail })).statusCode).toBe(202);
    const { link, body } = await sealedResetLink(t, victimOrg.adminEmail);
    expect(link).toMatch(/^[\w-]{20,}$/);
    expect(body).not.toContain(link!);

    for (const admin of [attacker.admin, victimOrg.admin]) {
      await admin.post('/api/v1/auth/switch-org', { orgId: admin === attacker.admin ? attacker.orgId : victimOrg.orgId });
      const seen = await everythingInOutbox(admin);
      expect(seen).not.toContain(link!);
      expect(seen).not.toContain('password_reset');
    }
    // The link itself works for its recipient, once.
    expect((await new Client(t.app).post('/api/v1/auth/reset-password', { token: link, password: 'victim chose this' })).statusCode).toBe(200);
    expect((await new Client(t.app).post('/api/v1/auth/reset-password', { token: link, password: 'attacker tries it' })).json().code).toBe('auth.reset_token_invalid');
    // Once used, no copy of it stays readable even to the system.
    expect((await sealedResetLink(t, victimOrg.adminEmail)).link).toBeNull();
  });

  it('hands the reset link of someone in one organisation only to that organisation, and it dies if they join another', async () => {
    const home = await createOrg(t.app);
    const other = await createOrg(t.app, { name: 'AAA Other Chamber' });
    const { client, email } = await createPerson(t.app, home.orgId, 'staff');
    await new Client(t.app).post('/api/v1/auth/forgot-password', { email });
    const { link } = await sealedResetLink(t, email);
    const mail = (await home.admin.get('/api/v1/mail/outbox')).json().items.find((m: { kind: string; toEmail: string }) => m.kind === 'password_reset' && m.toEmail === email);
    expect(mail.body).toContain(`reset-password/${link}`);
    expect(mail.linkWithheld).toBe(false);
    expect(await everythingInOutbox(other.admin)).not.toContain(link!);

    // Invited and joined elsewhere before using the link: the first organisation's admins could have read it.
    await other.admin.post('/api/v1/org/invitations', { email, role: 'viewer' });
    const inv = (await other.admin.get('/api/v1/mail/outbox')).json().items.find((m: { kind: string; toEmail: string }) => m.kind === 'invitation' && m.toEmail === email);
    expect((await client.post(`/api/v1/invitations/${/invitation\/([\w-]+)/.exec(inv.body)![1]}/accept`, {})).statusCode).toBe(200);
    expect((await new Client(t.app).post('/api/v1/auth/reset-password', { token: link, password: 'someone else chose' })).json().code).toBe('auth.reset_token_invalid');
    await new Client(t.app).login(email, PASSWORD);
  });

  it('refuses an expired reset link, and does not hand it over any more', async () => {
    const home = await createOrg(t.app);
    await new Client(t.app).post('/api/v1/auth/forgot-password', { email: home.adminEmail });
    const { link } = await sealedResetLink(t, home.adminEmail);
    const [user] = await t.database.db.select().from(users).where(sql`lower(${users.email}) = ${home.adminEmail}`);
    await t.database.db.update(passwordResets).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(passwordResets.userId, user!.id));
    await t.database.db.update(mailOutbox).set({ secretExpiresAt: sql`now() - interval '1 minute'` }).where(sql`lower(${mailOutbox.toEmail}) = ${home.adminEmail}`);
    expect((await new Client(t.app).post('/api/v1/auth/reset-password', { token: link, password: 'too late for this' })).json().code).toBe('auth.reset_token_invalid');
    const mail = (await home.admin.get('/api/v1/mail/outbox')).json().items.find((m: { kind: string }) => m.kind === 'password_reset');
    expect(mail.body).not.toContain(link!);
    expect(mail.linkWithheld).toBe(true);
  });

  it('lets a reset link live one hour at most', async () => {
    const home = await createOrg(t.app);
    await new Client(t.app).post('/api/v1/auth/forgot-password', { email: home.adminEmail });
    const [user] = await t.database.db.select().from(users).where(sql`lower(${users.email}) = ${home.adminEmail}`);
    const [reset] = await t.database.db.select().from(passwordResets).where(eq(passwordResets.userId, user!.id));
    expect(reset!.expiresAt.getTime() - reset!.createdAt.getTime()).toBeLessThanOrEqual(60 * 60_000 + 1000);
  });

  it('lists the outbox sorted and paged, filtered, and downloads it in that order without the bodies', async () => {
    const { admin, orgId } = await createOrg(t.app);
    for (const email of ['zoe@x.example', 'Amos@x.example', 'mia@x.example']) expect((await admin.post('/api/v1/org/invitations', { email, role: 'viewer' })).statusCode).toBe(201);
    expect((await walkList<{ toEmail: string }>(admin, '/api/v1/mail/outbox', { sort: 'to', q: 'x.example' }, 1)).map((m) => m.toEmail)).toEqual(['amos@x.example', 'mia@x.example', 'zoe@x.example']);
    expect((await walkList<{ toEmail: string }>(admin, '/api/v1/mail/outbox', { sort: '-to', q: 'zoe', status: 'pending' })).map((m) => m.toEmail)).toEqual(['zoe@x.example']);
    expect((await walkList(admin, '/api/v1/mail/outbox', { status: 'sent' })).length).toBe(0);
    const [header, ...rows] = await exportedTable(admin, '/api/v1/mail/outbox', 'csv', { sort: '-to', q: 'x.example' });
    expect(header).toEqual(['Queued', 'To', 'Subject', 'Status', 'Sent', 'Error']);
    expect(rows.map((r) => [r[1], r[3]])).toEqual([['zoe@x.example', 'Not sent'], ['mia@x.example', 'Not sent'], ['amos@x.example', 'Not sent']]);
    const [, ...xlsx] = await exportedTable(admin, '/api/v1/mail/outbox', 'xlsx', { sort: 'to', q: 'mia' });
    expect(xlsx.map((r) => r[1])).toEqual(['mia@x.example']);
    const staff = (await createPerson(t.app, orgId, 'staff')).client;
    expect((await staff.get('/api/v1/mail/outbox/export.csv')).statusCode).toBe(403);
  });
});

describe('secret-bearing mail with SMTP configured', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let received: Awaited<ReturnType<typeof startSmtpSink>>['received'];
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    received = smtp.received;
    t = await startTestApp({ SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await t.app.close();
    await t.database.close();
    await smtp.close();
  });

  it('sends the links to their recipients only and keeps no readable copy', async () => {
    const { victimOrg, attacker, invitation } = await attackerJoinsVictim(t);
    expect(invitation.body).not.toMatch(/invitation\/[\w-]{20,}/);
    expect(invitation.linkWithheld).toBe(true);
    await t.app.mailer.flush();
    const invited = received.find((m) => m.to === victimOrg.adminEmail.toLowerCase() || m.to === victimOrg.adminEmail)!;
    const invitationToken = /invitation\/([\w-]+)/.exec(invited.data.replace(/=\r?\n/g, ''))![1]!;
    expect((await victimOrg.admin.post(`/api/v1/invitations/${invitationToken}/accept`, {})).statusCode).toBe(200);

    await new Client(t.app).post('/api/v1/auth/forgot-password', { email: victimOrg.adminEmail });
    await t.app.mailer.flush();
    const resetMail = received.filter((m) => m.data.includes('reset-password')).at(-1)!;
    const link = /reset-password\/([\w-]+)/.exec(resetMail.data.replace(/=\r?\n/g, ''))![1]!;

    const seen = await everythingInOutbox(attacker.admin);
    expect(seen).not.toContain(link);
    expect(seen).not.toContain(invitationToken);
    const [stored] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'password_reset'));
    expect(stored).toMatchObject({ orgId: null, handoverOrgId: null, status: 'sent', sealedBody: null });
    expect(stored!.body).not.toContain(link);
    expect((await new Client(t.app).post('/api/v1/auth/reset-password', { token: link, password: 'victim chose this' })).statusCode).toBe(200);
  });
});
