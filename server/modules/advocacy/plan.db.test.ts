import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.js';
import { createOrg, createPerson } from '../../test/factories.js';
import { sendOverdueActionReminders } from './overdue-reminders.js';

const t = useTestApp();
const daysFromNow = (n: number) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);

describe('strategy and action plan', () => {
  it('plans activities with owners and deadlines, shows what is overdue and reminds its owner weekly', async () => {
    const org = await createOrg(t.app);
    const staff = await createPerson(t.app, org.orgId, 'staff', 'Kwame Asante');
    const viewer = await createPerson(t.app, org.orgId, 'viewer');
    const issue = (await org.admin.post('/api/v1/advocacy-issues', { title: 'VAT refunds within 90 days', problem: 'Refunds take a year.', category: 'tax' })).json();
    const plan = (await org.admin.post(`/api/v1/advocacy-issues/${issue.id}/objectives`, { text: 'The Finance Committee tables a 90-day rule' })).json();
    const objectiveId = plan.objectives[0].id;
    expect((await org.admin.post(`/api/v1/advocacy-issues/${issue.id}/actions`, { kind: 'letter', title: 'Letter to the Commissioner', dueOn: daysFromNow(-3), ownerUserId: viewer.userId })).json().errors)
      .toEqual([expect.objectContaining({ path: 'ownerUserId', code: 'advocacy.owner_not_staff' })]);
    await org.admin.post(`/api/v1/advocacy-issues/${issue.id}/actions`, { kind: 'letter', title: 'Letter to the Commissioner', dueOn: daysFromNow(-3), ownerUserId: staff.userId, objectiveId });
    const full = (await org.admin.post(`/api/v1/advocacy-issues/${issue.id}/actions`, { kind: 'media', title: 'Op-ed in the Daily Graphic', dueOn: daysFromNow(10), ownerUserId: staff.userId })).json();
    expect(full.actions.map((a: { title: string; overdue: boolean; owner: { name: string } }) => [a.title, a.overdue, a.owner.name])).toEqual([['Letter to the Commissioner', true, 'Kwame Asante'], ['Op-ed in the Daily Graphic', false, 'Kwame Asante']]);
    expect((await staff.client.get('/api/v1/advocacy-actions?overdue=true')).json().items.map((a: { title: string }) => a.title)).toEqual(['Letter to the Commissioner']);
    // A switch reads `1` as `true` and `0` as `false` (API integrations write either); anything else is refused, never read as true.
    expect((await staff.client.get('/api/v1/advocacy-actions?overdue=1')).json().items.map((a: { title: string }) => a.title)).toEqual(['Letter to the Commissioner']);
    expect((await staff.client.get('/api/v1/advocacy-actions?overdue=0')).json().items.length).toBe((await staff.client.get('/api/v1/advocacy-actions?overdue=false')).json().items.length);
    expect((await staff.client.get('/api/v1/advocacy-actions?overdue=yes')).statusCode).toBe(400);
    expect((await staff.client.get('/api/v1/advocacy-actions?mine=true')).json().items).toHaveLength(2);

    // The daily job reminds the owner once, then again a week later if it is still overdue.
    expect(await sendOverdueActionReminders(t.database, 'http://roundtable.test')).toEqual({ reminded: 1 });
    expect(await sendOverdueActionReminders(t.database, 'http://roundtable.test')).toEqual({ reminded: 0 });
    const inAWeek = new Date(Date.now() + 7 * 86400000);
    expect(await sendOverdueActionReminders(t.database, 'http://roundtable.test', inAWeek)).toEqual({ reminded: 1 });
    const mail = (await org.admin.get('/api/v1/mail/outbox')).json().items.filter((m: { kind: string }) => m.kind === 'action_overdue');
    expect(mail[0]).toMatchObject({ toEmail: staff.email, subject: 'Overdue: Letter to the Commissioner' });
    expect(mail[0].body).toContain(`/advocacy/${issue.id}?tab=plan`);

    // Done, it is no longer overdue; the change is in the issue's history.
    const letter = full.actions[0].id;
    const done = (await staff.client.post(`/api/v1/advocacy-issues/${issue.id}/actions/${letter}/status`, { status: 'done', note: 'Sent and acknowledged' })).json();
    expect(done.actions[0]).toMatchObject({ status: 'done', overdue: false, doneOn: daysFromNow(0) });
    expect(await sendOverdueActionReminders(t.database, 'http://roundtable.test', new Date(Date.now() + 30 * 86400000))).toEqual({ reminded: 1 }); // the op-ed, late by then
    const history = (await org.admin.get(`/api/v1/advocacy-issues/${issue.id}`)).json().history;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['created', 'objective_added', 'action_added', 'action_added', 'action_status']);
    expect((await viewer.client.post(`/api/v1/advocacy-issues/${issue.id}/objectives`, { text: 'Something else' })).statusCode).toBe(403);
  });
});
