import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withSystem } from '../../platform/db/tenancy.js';
import { useTestApp } from '../../test/app.js';
import { createOrg, createPerson, orgInput } from '../../test/factories.js';
import { sendOverdueActionReminders } from '../advocacy/overdue-reminders.js';

const t = useTestApp();
const india = { country: 'IN', currency: 'INR', regions: [] };

describe('time zone and locale of an organisation', () => {
  it('starts from the country: the capital’s zone and the country’s customs, for sign-up and branches', async () => {
    const ghana = await createOrg(t.app);
    expect((await ghana.admin.get('/api/v1/org')).json()).toMatchObject({ timeZone: 'Africa/Accra', locale: 'en-GH' });
    const delhi = await createOrg(t.app, india);
    expect((await delhi.admin.get('/api/v1/org')).json()).toMatchObject({ timeZone: 'Asia/Kolkata', locale: 'en-IN' });
    expect((await delhi.admin.get('/api/v1/auth/session')).json().org).toMatchObject({ timeZone: 'Asia/Kolkata', locale: 'en-IN' });
    const dakar = await createOrg(t.app, { country: 'SN', currency: 'XOF', regions: [], languages: ['fr', 'wo'] });
    expect((await dakar.admin.get('/api/v1/org')).json()).toMatchObject({ timeZone: 'Africa/Dakar', locale: 'fr-SN' });
    const branch = await ghana.admin.post('/api/v1/org/branches', orgInput({ name: 'Kenya desk', country: 'KE', currency: 'KES', regions: [] }));
    expect(branch.json()).toMatchObject({ timeZone: 'Africa/Nairobi', locale: 'en-KE' });
  });

  it('gives organisations from before these settings their country’s defaults', async () => {
    const { admin, orgId } = await createOrg(t.app, { country: 'BR', currency: 'BRL', regions: [], languages: ['pt', 'es'] });
    await withSystem(t.database.db, (tx) => tx.execute(sql`UPDATE orgs SET time_zone = NULL, locale = NULL WHERE id = ${orgId}`));
    expect((await admin.get('/api/v1/org')).json()).toMatchObject({ timeZone: 'America/Sao_Paulo', locale: 'es-BR' });
  });

  it('changes them in the settings, audited, and refuses unknown ones with a clear message', async () => {
    const { admin, orgId } = await createOrg(t.app);
    const bad = await admin.put('/api/v1/org', orgInput({ timeZone: 'Mars/Olympus_Mons', locale: 'english please' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: 'timeZone', code: 'orgs.time_zone_invalid', message: 'Not a time zone the system knows; choose one from the list, e.g. Asia/Kolkata.' }),
      expect.objectContaining({ path: 'locale', code: 'orgs.locale_invalid', message: 'Not a locale the system knows; write a language and country code, e.g. en-IN or fr-SN.' }),
    ]));
    expect((await admin.put('/api/v1/org', orgInput({ timeZone: 'asia/kolkata' }))).statusCode).toBe(400);

    const saved = await admin.put('/api/v1/org', orgInput({ timeZone: 'Asia/Kolkata', locale: 'en-in' }));
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ timeZone: 'Asia/Kolkata', locale: 'en-IN' });
    const audit = (await admin.get('/api/v1/audit?action=org.update')).json().items;
    expect(audit[0]).toMatchObject({ entityId: orgId, before: expect.objectContaining({ timeZone: 'Africa/Accra', locale: 'en-GH' }), after: expect.objectContaining({ timeZone: 'Asia/Kolkata', locale: 'en-IN' }) });
    // Settings saved without them keep what is there.
    expect((await admin.put('/api/v1/org', orgInput({ name: 'Renamed' }))).json()).toMatchObject({ name: 'Renamed', timeZone: 'Asia/Kolkata' });
  });
});

describe('"today" and "overdue" on the organisation’s calendar', () => {
  afterEach(() => vi.useRealTimers());
  // Only Date is faked: the database, timers and sockets run as usual.
  const at = (iso: string) => vi.useFakeTimers({ toFake: ['Date'], now: new Date(iso) });
  const day = new Date().toISOString().slice(0, 10);
  const dayBefore = new Date(Date.now() - 86400000).toISOString().slice(0, 10);

  async function withActionDue(overrides: Parameters<typeof createOrg>[1], dueOn: string) {
    const org = await createOrg(t.app, overrides);
    const staff = await createPerson(t.app, org.orgId, 'staff', 'Priya Raman');
    const issue = (await org.admin.post('/api/v1/advocacy-issues', { title: 'GST refunds within 60 days', problem: 'Refunds take a year.', category: 'tax' })).json();
    await org.admin.post(`/api/v1/advocacy-issues/${issue.id}/actions`, { kind: 'letter', title: 'Letter to the GST Council', dueOn, ownerUserId: staff.userId });
    return { ...org, staff, issue };
  }

  async function decisionDue(org: { admin: Awaited<ReturnType<typeof createOrg>>['admin'] }, dueOn: string) {
    const forum = (await org.admin.post('/api/v1/forums', { name: 'MSME council', kind: 'round_table', isPublic: false })).json();
    const meeting = (await org.admin.post(`/api/v1/forums/${forum.id}/meetings`, { title: 'Council', startsAt: `${dayBefore}T05:30:00.000Z`, endsAt: `${dayBefore}T07:30:00.000Z` })).json();
    await org.admin.post(`/api/v1/meetings/${meeting.id}/decisions`, { text: 'Ministry circulates the draft rules', owner: 'Ministry of MSME', dueOn });
  }

  it('at 20:00 UTC an activity or decision due that day is overdue in Kolkata (already the next day) but not in Accra', async () => {
    const kolkata = await withActionDue(india, day);
    const accra = await withActionDue({}, day);
    await decisionDue(kolkata, day);
    await decisionDue(accra, day);
    at(`${day}T20:00:00Z`);
    expect((await kolkata.admin.get('/api/v1/decisions?overdue=true')).json().items.map((d: { overdue: boolean }) => d.overdue)).toEqual([true]);
    expect((await accra.admin.get('/api/v1/decisions?overdue=true')).json().items).toEqual([]);
    expect((await accra.admin.get('/api/v1/decisions')).json().items.map((d: { overdue: boolean }) => d.overdue)).toEqual([false]);
    expect((await kolkata.admin.get('/api/v1/advocacy-actions?overdue=true')).json().items.map((a: { title: string }) => a.title)).toEqual(['Letter to the GST Council']);
    expect((await accra.admin.get('/api/v1/advocacy-actions?overdue=true')).json().items).toEqual([]);
    expect((await kolkata.admin.get(`/api/v1/advocacy-issues/${kolkata.issue.id}/plan`)).json().actions.map((a: { overdue: boolean }) => a.overdue)).toEqual([true]);
    expect((await accra.admin.get(`/api/v1/advocacy-issues/${accra.issue.id}/plan`)).json().actions.map((a: { overdue: boolean }) => a.overdue)).toEqual([false]);

    await sendOverdueActionReminders(t.database, 'http://roundtable.test', new Date());
    const mail = (org: typeof kolkata) => org.admin.get('/api/v1/mail/outbox').then((r) => r.json().items.filter((m: { kind: string }) => m.kind === 'action_overdue'));
    const [reminder] = await mail(kolkata);
    expect(reminder.toEmail).toBe(kolkata.staff.email);
    // The deadline is written as people there write dates, not as 2026-12-01 nor 12/1/2026.
    expect(reminder.body).toContain(`was due on ${new Intl.DateTimeFormat('en-IN', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`))}`);
    expect(await mail(accra)).toEqual([]);
  });

  it('at 02:00 UTC an activity due the day before is not yet overdue in New York, where that day is not over', async () => {
    const newYork = await withActionDue({ country: 'US', currency: 'USD', regions: [] }, dayBefore);
    at(`${day}T02:00:00Z`);
    expect((await newYork.admin.get('/api/v1/advocacy-actions?overdue=true')).json().items).toEqual([]);
    at(`${day}T06:00:00Z`);
    expect((await newYork.admin.get('/api/v1/advocacy-actions?overdue=true')).json().items).toHaveLength(1);
  });
});
