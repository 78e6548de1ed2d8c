import { describe, expect, it } from 'vitest';
import type { B2bMine, B2bOverview } from '../../../contracts/b2b.js';
import { useTestApp } from '../../test/app.js';
import { createEvent, createFirmUser, createMemberFirm, createOrg } from '../../test/factories.js';

const t = useTestApp();

type Mail = { kind: string; toEmail: string; subject: string; body: string };
const agendaMails = async (admin: { get(url: string): Promise<{ json(): any }> }): Promise<Mail[]> =>
  ((await admin.get('/api/v1/mail/outbox?limit=200')).json().items as Mail[]).filter((m) => m.kind === 'b2b_agenda');

const settings = (deadline: string) => ({
  firstSlotAt: '2027-05-04T09:00:00Z', slotMinutes: 20, slotCount: 3, breaks: [{ afterSlot: 2, minutes: 10 }], tableCount: 2, tableNames: ['Cocoa'], requestDeadline: deadline,
});

describe('B2B meetings', () => {
  it('takes offers and requests from participants, expires unanswered ones, schedules, re-issues agendas on a late change, and audits each step', async () => {
    const org = await createOrg(t.app);
    const staff = org.admin;
    const event = await createEvent(staff, { title: 'Shea B2B day', kind: 'b2b_day', startsAt: '2027-05-04T08:00:00Z', endsAt: '2027-05-04T17:00:00Z' });
    const firms = await Promise.all(['Akosua Shea Butter', 'Bolga Baskets', 'Cape Coast Cocoa', 'Dambai Dawadawa'].map((legalName) => createMemberFirm(staff, { legalName })));
    const regs: string[] = [];
    for (const [i, firm] of firms.entries()) {
      const name = ['Ama', 'Badu', 'Cobbina', 'Dede'][i]!;
      const r = await staff.post(`/api/v1/events/${event.id}/registrations`, { kind: 'member_staff', memberId: firm.id, name, email: `${name.toLowerCase()}@b2b.example` });
      expect(r.statusCode, r.body).toBe(201);
      regs.push(r.json().id);
    }
    const [A, B, C, D] = regs as [string, string, string, string];
    const ama = await createFirmUser(t.app, staff, org.orgId, firms[0]!.id);
    const base = `/api/v1/b2b/events/${event.id}`;

    // Not open yet: participants are told so; staff open it.
    expect((await ama.put(`${base}/participants/${A}/profile`, { offer: 'Shea butter' })).json().code).toBe('b2b.not_open');
    expect((await ama.get(`${base}/overview`)).statusCode).toBe(403);
    const opened = await staff.put(`${base}/settings`, settings('2027-05-01T00:00:00Z'));
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json().settings.slots.map((s: { startsAt: string }) => s.startsAt)).toEqual(['2027-05-04T09:00:00.000Z', '2027-05-04T09:20:00.000Z', '2027-05-04T09:50:00.000Z']);
    expect(opened.json().settings.tables).toEqual(['Cocoa', '2']);

    // A firm's user sees and acts only for its own people.
    expect((await ama.get(base)).json().items.map((i: { registrationId: string }) => i.registrationId)).toEqual([A]);
    expect((await ama.put(`${base}/participants/${A}/profile`, { offer: 'Shea butter, 20 t a month', seek: 'Export buyers', sectors: ['C'], available: [0, 1] })).statusCode).toBe(200);
    expect((await ama.put(`${base}/participants/${B}/profile`, { offer: 'Not mine' })).json().code).toBe('b2b.participant_not_found');
    expect((await ama.put(`${base}/participants/${A}/profile`, { available: [7] })).json().errors[0].code).toBe('b2b.slot_outside');
    const mine = (await ama.get(`${base}/participants/${A}`)).json() as B2bMine;
    expect(mine.others.map((o) => o.name)).toEqual(['Badu', 'Cobbina', 'Dede']);
    expect(JSON.stringify(mine.others)).not.toContain('@b2b.example');

    // Requests: A asks B and C; D (free only in the last slot) asks A; B asks C. Staff answer for B, C and A's counterpart.
    const ask = async (client: typeof staff, from: string, to: string) => {
      const res = await client.post(`${base}/participants/${from}/requests`, { toRegistrationId: to, message: `from ${from.slice(0, 4)}` });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as B2bMine).outgoing.find((r) => r.to.registrationId === to)!.id;
    };
    const ab = await ask(ama, A, B);
    const ac = await ask(ama, A, C);
    expect((await ama.post(`${base}/participants/${A}/requests`, { toRegistrationId: B })).json().code).toBe('b2b.already_requested');
    expect((await ama.post(`${base}/participants/${B}/requests`, { toRegistrationId: A })).json().code).toBe('b2b.participant_not_found');
    await staff.put(`${base}/participants/${D}/profile`, { offer: 'Dawadawa', available: [2] });
    const da = await ask(staff, D, A);
    const bc = await ask(staff, B, C);
    // A cannot answer for B; B's answer goes through staff.
    expect((await ama.post(`${base}/participants/${B}/requests/${ab}/answer`, { accept: true })).json().code).toBe('b2b.participant_not_found');
    expect((await ama.post(`${base}/participants/${A}/requests/${ab}/answer`, { accept: true })).json().code).toBe('b2b.request_not_found');
    expect((await staff.post(`${base}/participants/${B}/requests/${ab}/answer`, { accept: true })).statusCode).toBe(200);
    expect((await staff.post(`${base}/participants/${C}/requests/${bc}/answer`, { accept: true })).statusCode).toBe(200);
    expect((await ama.post(`${base}/participants/${A}/requests/${da}/answer`, { accept: true })).statusCode).toBe(200);

    // The deadline passes: A–C, never answered, reads as expired and can no longer be accepted.
    await staff.put(`${base}/settings`, settings('2026-01-01T00:00:00Z'));
    expect((await staff.post(`${base}/participants/${C}/requests/${ac}/answer`, { accept: true })).json().code).toBe('b2b.expired');
    expect((await ama.post(`${base}/participants/${A}/requests`, { toRegistrationId: D })).json().code).toBe('b2b.deadline_passed');
    let overview = (await staff.get(`${base}/overview`)).json() as B2bOverview;
    expect(overview.counts).toMatchObject({ participants: 4, accepted: 3, pending: 0, expired: 1 });

    // The scheduler: A–B and B–C in different slots (B is in both), D–A never (no common slot), said in words.
    const run = await staff.post(`${base}/schedule`);
    expect(run.statusCode, run.body).toBe(200);
    overview = run.json();
    expect(overview.schedule).toMatchObject({ placed: 2, accepted: 3, maxTables: 1 });
    const slotOf = (id: string) => overview.schedule.cells.find((c) => c.requestId === id)!.slot;
    expect(slotOf(ab)).not.toBe(slotOf(bc));
    expect([0, 1]).toContain(slotOf(ab));
    expect(overview.schedule.unplaced).toEqual([{ requestId: da, a: 'Dede (Dambai Dawadawa)', b: 'Ama (Akosua Shea Butter)', reason: 'no_common_slot', params: { a: 'Dede (Dambai Dawadawa)', b: 'Ama (Akosua Shea Butter)' } }]);

    // Agendas: version 1 for A, B and C, mailed; D has no meeting and gets none.
    const agendaOf = async (client: typeof staff, reg: string) => ((await client.get(`${base}/participants/${reg}`)).json() as B2bMine).agenda;
    const first = await agendaOf(ama, A);
    expect(first).toMatchObject({ version: 1, changed: false, items: [{ requestId: ab, with: 'Badu', firm: 'Bolga Baskets' }] });
    expect(first.sms.length).toBeGreaterThan(0);
    for (const part of first.sms) expect(part.length).toBeLessThanOrEqual(160);
    expect(first.sms.join(' ')).toContain('Badu');
    expect((await agendaOf(staff, D)).version).toBe(0);
    expect((await agendaMails(staff)).map((m) => m.toEmail).sort()).toEqual(['ama@b2b.example', 'badu@b2b.example', 'cobbina@b2b.example']);
    const pdf = await ama.get(`${base}/participants/${A}/agenda.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.body.slice(0, 5)).toBe('%PDF-');
    expect((await ama.get(`${base}/participants/${B}/agenda.pdf`)).statusCode).toBe(404);

    // A late change: A calls off the meeting with B. A and B get version 2, marked changed, by mail; C keeps version 1, B–C stays put.
    const bcSlot = slotOf(bc);
    expect((await ama.post(`${base}/participants/${A}/requests/${ab}/cancel`)).statusCode).toBe(200);
    expect(await agendaOf(ama, A)).toMatchObject({ version: 2, changed: true, items: [] });
    expect(await agendaOf(staff, B)).toMatchObject({ version: 2, changed: true, items: [{ requestId: bc, slot: bcSlot }] });
    expect((await agendaOf(staff, C)).version).toBe(1);
    const mails = await agendaMails(staff);
    expect(mails.map((m) => m.toEmail).sort()).toEqual(['ama@b2b.example', 'ama@b2b.example', 'badu@b2b.example', 'badu@b2b.example', 'cobbina@b2b.example']);
    expect(mails.filter((m) => m.subject.includes('(changed)')).map((m) => m.toEmail).sort()).toEqual(['ama@b2b.example', 'badu@b2b.example']);

    // The slots move an hour later: everyone with a meeting (B and C) gets the next version; A, with none, does not.
    expect((await staff.put(`${base}/settings`, { ...settings('2026-01-01T00:00:00Z'), firstSlotAt: '2027-05-04T10:00:00Z' })).statusCode).toBe(200);
    expect(await agendaOf(staff, B)).toMatchObject({ version: 3, changed: true, items: [{ requestId: bc, startsAt: bcSlot === 0 ? '2027-05-04T10:00:00.000Z' : bcSlot === 1 ? '2027-05-04T10:20:00.000Z' : '2027-05-04T10:50:00.000Z' }] });
    expect((await agendaOf(staff, C)).version).toBe(2);
    expect((await agendaOf(ama, A)).version).toBe(2);

    const audit = (await staff.get('/api/v1/audit?limit=200')).json().items as Array<{ action: string; entityId: string }>;
    const actions = (a: string) => audit.filter((e) => e.action === a).map((e) => e.entityId).sort();
    expect(actions('b2b.open')).toEqual([event.id]);
    expect(actions('b2b.settings_update')).toEqual([event.id, event.id]);
    expect(actions('b2b.schedule')).toEqual([event.id]);
    expect(actions('b2b_request.create')).toEqual([ab, ac, bc, da].sort());
    expect(actions('b2b_request.accept')).toEqual([ab, bc, da].sort());
    expect(actions('b2b_request.cancel')).toEqual([ab]);
    expect(actions('b2b.agenda_issue')).toEqual([A, A, B, B, B, C, C].sort());
    expect(actions('b2b.profile')).toEqual([A, D].sort());
  });

  it('keeps another organisation out', async () => {
    const a = await createOrg(t.app);
    const b = await createOrg(t.app);
    const event = await createEvent(a.admin, { kind: 'trade_fair' });
    const reg = (await a.admin.post(`/api/v1/events/${event.id}/registrations`, { kind: 'member_staff', memberId: (await createMemberFirm(a.admin)).id, name: 'Esi' })).json().id;
    expect((await a.admin.put(`/api/v1/b2b/events/${event.id}/settings`, settings('2027-05-01T00:00:00Z'))).statusCode).toBe(200);
    const base = `/api/v1/b2b/events/${event.id}`;
    expect((await b.admin.get(`${base}/overview`)).statusCode).toBe(404);
    expect((await b.admin.get(`${base}/participants/${reg}`)).statusCode).toBe(404);
    expect((await b.admin.put(`${base}/settings`, settings('2027-05-01T00:00:00Z'))).statusCode).toBe(404);
    expect((await b.admin.put(`${base}/participants/${reg}/profile`, { offer: 'x' })).statusCode).toBe(404);
    expect((await b.admin.post(`${base}/schedule`)).statusCode).toBe(404);
    expect(((await a.admin.get(`${base}/overview`)).json() as B2bOverview).settings?.slotCount).toBe(3);
  });
});
