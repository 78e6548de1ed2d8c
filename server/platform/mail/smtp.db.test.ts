import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.js';
import { createOrg } from '../../test/factories.js';
import { startSmtpSink } from '../../test/smtp-sink.js';

// A real SMTP server on loopback receives what the app sends.
describe('mail with SMTP configured', () => {
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

  it('sends an invitation and marks it sent in the outbox', async () => {
    const { admin } = await createOrg(t.app, { name: 'Tamale Shea Association' });
    await admin.post('/api/v1/org/invitations', { email: 'shea@example.test', role: 'member' });
    await t.app.mailer.flush();
    expect(received.map((m) => m.to)).toContain('shea@example.test');
    const mail = received.find((m) => m.to === 'shea@example.test')!;
    expect(mail.data).toContain('Tamale Shea Association');
    const outbox = (await admin.get('/api/v1/mail/outbox')).json();
    expect(outbox.smtpConfigured).toBe(true);
    expect(outbox.items[0]).toMatchObject({ status: 'sent', attempts: 1 });
  });
});
