import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.js';
import { createOrg } from '../../test/factories.js';

// A real SMTP server on loopback receives what the app sends.
describe('mail with SMTP configured', () => {
  const received: Array<{ to: string; data: string }> = [];
  let smtp: SMTPServer;
  let t: TestApp;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (c: Buffer) => (data += c.toString()));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as { port: number }).port;
    t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}?ignoreTLS=true` });
  });
  afterAll(async () => {
    await t.app.close();
    await t.database.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
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
