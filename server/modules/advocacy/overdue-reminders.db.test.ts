import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.js';
import { createOrg, createPerson } from '../../test/factories.js';
import { sendOverdueActionReminders } from './overdue-reminders.js';

const t = useTestApp();
const daysFromNow = (n: number) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);

describe('overdue reminders', () => {
  it('are not sent to an owner who has left the organisation', async () => {
    const org = await createOrg(t.app);
    const leaver = await createPerson(t.app, org.orgId, 'staff', 'Leaving Officer');
    const stayer = await createPerson(t.app, org.orgId, 'staff', 'Staying Officer');
    const issue = (await org.admin.post('/api/v1/advocacy-issues', { title: 'VAT refunds within 90 days', problem: 'Refunds take a year.', category: 'tax' })).json();
    for (const owner of [leaver, stayer]) {
      const res = await org.admin.post(`/api/v1/advocacy-issues/${issue.id}/actions`, { kind: 'letter', title: `Letter by ${owner.email}`, dueOn: daysFromNow(-3), ownerUserId: owner.userId });
      expect(res.statusCode).toBe(200);
    }
    expect((await org.admin.delete(`/api/v1/org/people/${leaver.userId}`)).statusCode).toBe(200);

    expect(await sendOverdueActionReminders(t.database, 'http://roundtable.test')).toEqual({ reminded: 1 });
    const mail = (await org.admin.get('/api/v1/mail/outbox')).json().items.filter((m: { kind: string }) => m.kind === 'action_overdue');
    expect(mail.map((m: { toEmail: string }) => m.toEmail)).toEqual([stayer.email]);
  });
});
