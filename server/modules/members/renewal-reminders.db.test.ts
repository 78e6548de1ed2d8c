import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { withSystem } from '../../platform/db/tenancy.js';
import { startJobs } from '../../platform/jobs/jobs.js';
import { useTestApp } from '../../test/app.js';
import { createMemberFirm, createOrg } from '../../test/factories.js';
import { addDays } from './billing-service.js';
import { sendRenewalReminders } from './renewal-reminders.js';

const t = useTestApp();

describe('renewal reminders', () => {
  it('reminds active firms due within 30 days, once per renewal, to contacts who agreed', async () => {
    const { admin } = await createOrg(t.app, { regions: ['GH-AA'] });
    const today = '2026-11-23';
    const soon = await createMemberFirm(admin, { legalName: 'Due Soon Ltd', email: 'office@duesoon.example' });
    const later = await createMemberFirm(admin, { legalName: 'Due Later Ltd', email: 'office@duelater.example' });
    const noConsent = await createMemberFirm(admin, { legalName: 'Quiet Firm' });
    await admin.post(`/api/v1/members/${soon.id}/contacts`, { name: 'Akos Owner', email: 'akos@duesoon.example', consentToContact: true });
    await admin.post(`/api/v1/members/${soon.id}/contacts`, { name: 'No Consent', email: 'nope@duesoon.example', consentToContact: false });
    for (const [id, due] of [[soon.id, addDays(today, 10)], [later.id, addDays(today, 60)], [noConsent.id, addDays(today, 5)]] as const) {
      await withSystem(t.database.db, (tx) => tx.execute(sql`UPDATE members SET status = 'active', renewal_due_on = ${due} WHERE id = ${id}`));
    }

    expect(await sendRenewalReminders(t.database, new Date(`${today}T12:00:00Z`))).toEqual({ firms: 2, mails: 1 });
    const outbox = (await admin.get('/api/v1/mail/outbox')).json().items.filter((m: { kind: string }) => m.kind === 'renewal_reminder');
    expect(outbox.map((m: { toEmail: string }) => m.toEmail)).toEqual(['akos@duesoon.example']);
    expect(outbox[0].body).toContain('Due Soon Ltd');
    // The date as the chamber writes it (en-GH), not 2026-12-03.
    expect(outbox[0].subject).toContain('ends on 3 December 2026');
    // Once per renewal date.
    expect(await sendRenewalReminders(t.database, new Date(`${today}T12:00:00Z`))).toEqual({ firms: 0, mails: 0 });
  });

  it('runs as a pg-boss job on this database', async () => {
    let ran: unknown = null;
    const boss = await startJobs(t.database, [{ name: 'probe', run: async (_db, data) => (ran = data) }], t.app.log, { pollingIntervalSeconds: 1 });
    try {
      await boss.send('probe', { hello: 'tamale' });
      const deadline = Date.now() + 60_000;
      while (!ran && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(ran).toEqual({ hello: 'tamale' });
    } finally {
      await boss.stop({ graceful: false, wait: true, timeout: 5_000 });
    }
  }, 90_000);
});
