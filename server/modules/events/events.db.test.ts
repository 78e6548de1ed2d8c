import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { TICKET_ALPHABET, type CheckInList, type EventDetail, type Registration } from '../../../contracts/events.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { useTestApp } from '../../test/app.js';
import { createEvent, createFirmUser, createMemberFirm, createOrg, createPerson } from '../../test/factories.js';
import { countUniquePeople } from '../people/participation-service.js';
import { sendEventReminders } from './reminders.js';
import { eventRegistrations } from './tables.js';

const t = useTestApp();

const asStaff = (orgId: string) => <T>(work: Parameters<typeof withTenant<T>>[2]) =>
  withTenant(t.database.db, { orgId, role: 'staff', actor: { userId: null, name: 'Test staff' }, locale: 'en' }, work);

type Mail = { kind: string; toEmail: string; body: string; subject: string; attachments?: Array<{ filename: string }> };
async function outbox(admin: { get(url: string): Promise<{ json(): any }> }): Promise<Mail[]> {
  return (await admin.get('/api/v1/mail/outbox?limit=200')).json().items;
}

describe('events', () => {
  it('keeps drafts to staff, lists the calendar by the organisation’s days, and shows others’ fairs without registration', async () => {
    const org = await createOrg(t.app);
    const staff = (await createPerson(t.app, org.orgId, 'staff')).client;
    const viewer = (await createPerson(t.app, org.orgId, 'viewer')).client;

    const bad = await staff.post('/api/v1/events', { title: ' ', kind: 'party', startsAt: '2027-03-10T13:00:00Z', endsAt: '2027-03-10T09:00:00Z', capacity: 0, onlineUrl: 'javascript:alert(1)' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['capacity', 'kind', 'onlineUrl', 'title']);
    const backwards = await staff.post('/api/v1/events', { title: 'Backwards', kind: 'workshop', startsAt: '2027-03-10T13:00:00Z', endsAt: '2027-03-10T09:00:00Z' });
    expect(backwards.json().errors).toEqual([expect.objectContaining({ path: 'endsAt', code: 'events.ends_before_start' })]);

    const draft = await createEvent(staff, { title: 'Export readiness workshop', startsAt: '2027-03-10T23:30:00Z', endsAt: '2027-03-11T01:00:00Z' }, false);
    const fair = await createEvent(staff, { title: 'Ghana International Trade Fair', kind: 'trade_fair', external: true, organiser: 'GITFC', startsAt: '2027-04-01T08:00:00Z', endsAt: '2027-04-05T18:00:00Z', capacity: 50 });
    expect(fair).toMatchObject({ external: true, organiser: 'GITFC', capacity: null });
    expect((await viewer.get(`/api/v1/events/${draft.id}`)).statusCode).toBe(404);
    expect((await viewer.get('/api/v1/events')).json().items.map((e: EventDetail) => e.title)).toEqual(['Ghana International Trade Fair']);
    expect((await staff.get('/api/v1/events')).json().items.map((e: EventDetail) => e.title)).toEqual(['Export readiness workshop', 'Ghana International Trade Fair']);
    // Days on the organisation's calendar (Accra keeps UTC): the workshop starts on the 10th and ends on the 11th.
    expect((await staff.get('/api/v1/events?from=2027-03-11&to=2027-03-11')).json().items.map((e: EventDetail) => e.title)).toEqual(['Export readiness workshop']);
    expect((await staff.get('/api/v1/events?from=2027-04-03&to=2027-12-31')).json().items.map((e: EventDetail) => e.title)).toEqual(['Ghana International Trade Fair']);
    expect((await staff.get('/api/v1/events?kind=trade_fair&limit=1')).json()).toMatchObject({ items: [expect.objectContaining({ id: fair.id })], nextCursor: null });
    const page = (await staff.get('/api/v1/events?limit=1')).json();
    expect((await staff.get(`/api/v1/events?limit=1&cursor=${page.nextCursor}`)).json().items[0].id).toBe(fair.id);
    expect((await staff.get('/api/v1/events?cursor=garbage')).statusCode).toBe(400);

    // An external fair takes no registration; the viewer cannot create events at all.
    expect((await staff.post(`/api/v1/events/${fair.id}/registrations`, { kind: 'public', name: 'Kofi' })).json().code).toBe('events.external');
    expect((await viewer.post('/api/v1/events', { title: 'x', kind: 'other', startsAt: '2027-03-10T09:00:00Z', endsAt: '2027-03-10T10:00:00Z' })).statusCode).toBe(403);

    // The calendar file for a phone's calendar.
    const ics = await viewer.get(`/api/v1/events/${fair.id}/calendar.ics`);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toMatch(/text\/calendar/);
    expect(ics.body).toContain('SUMMARY:Ghana International Trade Fair');
    expect(ics.body).toContain(`UID:${fair.id}@roundtable`);
    expect(ics.body).toContain('DTSTART:20270401T080000Z');
  });

  it('fills the seats, keeps a waiting list in order, and gives a cancelled seat to the first one waiting, with a mail', async () => {
    const org = await createOrg(t.app);
    const event = await createEvent(org.admin, { title: 'Networking evening', kind: 'networking_evening', capacity: 2, audience: 'public' });
    const register = async (name: string) => (await org.admin.post(`/api/v1/events/${event.id}/registrations`, { kind: 'public', name, email: `${name.toLowerCase()}@example.test`, sex: 'female' })).json() as Registration;
    const [ama, efua, abena, akua] = [await register('Ama'), await register('Efua'), await register('Abena'), await register('Akua')];
    expect([ama, efua, abena, akua].map((r) => [r.status, r.waitingPlace])).toEqual([['registered', null], ['registered', null], ['waiting', 1], ['waiting', 2]]);
    // The same address twice is one registration.
    expect((await org.admin.post(`/api/v1/events/${event.id}/registrations`, { kind: 'public', name: 'Ama again', email: 'ama@example.test' })).json().code).toBe('events.already_registered');
    expect((await org.admin.get(`/api/v1/events/${event.id}`)).json()).toMatchObject({ registered: 2, waiting: 2, attended: 0 });
    const seated = (await outbox(org.admin)).filter((m) => m.kind === 'event_registration').map((m) => m.toEmail).sort();
    expect(seated).toEqual(['ama@example.test', 'efua@example.test']);
    const amaMail = (await outbox(org.admin)).find((m) => m.toEmail === 'ama@example.test')!;
    expect(amaMail.body).toContain(ama.ticketCode);
    expect(amaMail.attachments?.map((a) => a.filename)).toEqual(['event.ics']);

    const cancelled = await org.admin.post(`/api/v1/events/${event.id}/registrations/${efua.id}/cancel`);
    expect(cancelled.json()).toEqual({ promoted: [abena.id] });
    expect((await org.admin.post(`/api/v1/events/${event.id}/registrations/${efua.id}/cancel`)).json().code).toBe('events.already_cancelled');
    const list = (await org.admin.get(`/api/v1/events/${event.id}/registrations`)).json().items as Registration[];
    expect(list.map((r) => [r.name, r.status, r.waitingPlace])).toEqual([['Ama', 'registered', null], ['Abena', 'registered', null], ['Akua', 'waiting', 1], ['Efua', 'cancelled', null]]);
    expect((await outbox(org.admin)).filter((m) => m.kind === 'event_seat_confirmed').map((m) => m.toEmail)).toEqual(['abena@example.test']);

    // A waiting one's cancellation frees no seat; more seats give them to those waiting.
    expect((await org.admin.post(`/api/v1/events/${event.id}/registrations/${akua.id}/cancel`)).json()).toEqual({ promoted: [] });
    const dede = await register('Dede');
    expect(dede.status).toBe('waiting');
    const current = (await org.admin.get(`/api/v1/events/${event.id}`)).json() as EventDetail;
    const grown = await org.admin.put(`/api/v1/events/${event.id}`, { ...current, branchId: null, capacity: 5 });
    expect(grown.json()).toMatchObject({ registered: 3, waiting: 0, capacity: 5 });
    const audit = (await org.admin.get('/api/v1/audit?entityType=event_registration&limit=100')).json().items as Array<{ action: string; entityId: string }>;
    expect(audit.filter((e) => e.action === 'event_registration.promote').map((e) => e.entityId).sort()).toEqual([abena.id, dede.id].sort());
  });

  it('never gives the last seat twice: two asking at once, one gets it and the other waits', async () => {
    const org = await createOrg(t.app);
    const one = (await createPerson(t.app, org.orgId, 'staff')).client;
    const two = (await createPerson(t.app, org.orgId, 'staff')).client;
    for (let round = 0; round < 4; round++) {
      const event = await createEvent(org.admin, { title: `Last seat ${round}`, capacity: 1, audience: 'public' });
      const [a, b] = await Promise.all([
        one.post(`/api/v1/events/${event.id}/registrations`, { kind: 'public', name: `First ${round}` }),
        two.post(`/api/v1/events/${event.id}/registrations`, { kind: 'public', name: `Second ${round}` }),
      ]);
      expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
      expect([a.json().status, b.json().status].sort()).toEqual(['registered', 'waiting']);
    }
    // The same in two transactions of the service at once, beneath the routes.
    const event = await createEvent(org.admin, { title: 'Last seat, services', capacity: 1, audience: 'public' });
    const { registerFor } = await import('./registration-service.js');
    const input = (name: string) => ({ kind: 'public' as const, name, ticketTypeId: null, memberId: null, contactId: null, userId: null, email: '', phone: '', sex: 'not_stated' as const, ageBand: null });
    const results = await Promise.all([asStaff(org.orgId)((ctx) => registerFor(ctx, event.id, input('Kwesi'))), asStaff(org.orgId)((ctx) => registerFor(ctx, event.id, input('Kwabena')))]);
    expect(results.map((r) => r.status).sort()).toEqual(['registered', 'waiting']);
  });

  it('invoices a member firm’s tickets through billing, at the fees of the tickets taken, and voids an unpaid one when the seat is given back or the event is called off', async () => {
    const org = await createOrg(t.app);
    const firm = await createMemberFirm(org.admin, { legalName: 'Kumasi Kente Weavers' });
    const contact = (await org.admin.post(`/api/v1/members/${firm.id}/contacts`, { name: 'Yaa Asantewaa', email: 'yaa@kente.example', phone: '024 111 2222', sex: 'female' })).json();
    const event = await createEvent(org.admin, { title: 'B2B day: textiles', kind: 'b2b_day', capacity: 3, audience: 'public' });
    const withTypes = async (name: string, fee: number) => (await org.admin.post(`/api/v1/events/${event.id}/ticket-types`, { name, fee })).json() as EventDetail;
    await withTypes('Exhibitor', 150_00);
    const detail = await withTypes('Visitor', 25_50);
    const fee = Object.fromEntries(detail.ticketTypes.map((tt) => [tt.name, tt]));
    expect(detail.currency).toBe('GHS');

    // Without a ticket when the event sells them: refused on the field.
    expect((await org.admin.post(`/api/v1/events/${event.id}/registrations`, { kind: 'member_contact', memberId: firm.id, contactId: contact.id })).json().errors).toEqual([expect.objectContaining({ path: 'ticketTypeId', code: 'events.ticket_type_not_found' })]);
    const taken = [
      { kind: 'member_contact', memberId: firm.id, contactId: contact.id, ticketTypeId: fee.Exhibitor!.id },
      { kind: 'member_staff', memberId: firm.id, name: 'Kwaku Ananse', ticketTypeId: fee.Visitor!.id },
      { kind: 'public', name: 'Walk-in visitor', ticketTypeId: fee.Visitor!.id },
      { kind: 'member_staff', memberId: firm.id, name: 'Waiting weaver', ticketTypeId: fee.Exhibitor!.id },
    ];
    const regs: Registration[] = [];
    for (const body of taken) {
      const res = await org.admin.post(`/api/v1/events/${event.id}/registrations`, body);
      expect(res.statusCode, res.body).toBe(201);
      regs.push(res.json());
    }
    expect(regs[0]).toMatchObject({ name: 'Yaa Asantewaa', email: 'yaa@kente.example', sex: 'female', member: { id: firm.id, name: 'Kumasi Kente Weavers' } });
    expect(regs.map((r) => r.status)).toEqual(['registered', 'registered', 'registered', 'waiting']);

    // The sum the firm owes, worked out here from the tickets taken, not by the service.
    const feeOf = (body: (typeof taken)[number]) => detail.ticketTypes.find((tt) => tt.id === body.ticketTypeId)!.fee;
    const expected = taken.slice(0, 3).filter((b) => b.kind !== 'public').reduce((sum, b) => sum + feeOf(b), 0);
    expect(expected).toBe(175_50);
    const invoices = async () => (await org.admin.get(`/api/v1/members/${firm.id}/invoices`)).json().items as Array<{ id: string; amount: number; status: string; currency: string }>;
    const open = (await invoices()).filter((i) => i.status === 'open');
    expect(open.reduce((sum, i) => sum + i.amount, 0)).toBe(expected);
    expect(open.every((i) => i.currency === 'GHS')).toBe(true);
    expect(regs[2]!.invoiceId).toBeNull();
    expect(regs[3]!.invoiceId).toBeNull();

    // The visitor's seat given back: its unpaid invoice is voided, the waiting exhibitor is seated and invoiced.
    await org.admin.post(`/api/v1/events/${event.id}/registrations/${regs[1]!.id}/cancel`);
    const after = await invoices();
    expect(after.find((i) => i.id === regs[1]!.invoiceId)?.status).toBe('void');
    expect(after.filter((i) => i.status === 'open').reduce((sum, i) => sum + i.amount, 0)).toBe(feeOf(taken[0]!) + feeOf(taken[3]!));
    // A ticket type someone holds stays; one nobody holds goes.
    expect((await org.admin.delete(`/api/v1/events/${event.id}/ticket-types/${fee.Visitor!.id}`)).json().code).toBe('events.ticket_type_in_use');
    const spare = (await withTypes('Press', 0)).ticketTypes.find((tt) => tt.name === 'Press')!;
    expect((await org.admin.delete(`/api/v1/events/${event.id}/ticket-types/${spare.id}`)).json().ticketTypes.map((tt: { name: string }) => tt.name).sort()).toEqual(['Exhibitor', 'Visitor']);

    // The event called off: its unpaid tickets are voided, and whoever has an address is told.
    expect((await org.admin.post(`/api/v1/events/${event.id}/state`, { state: 'cancelled' })).json().state).toBe('cancelled');
    expect((await invoices()).filter((i) => i.status === 'open')).toEqual([]);
    expect((await outbox(org.admin)).filter((m) => m.kind === 'event_cancelled').map((m) => m.toEmail)).toEqual(['yaa@kente.example']);
    expect((await org.admin.post(`/api/v1/events/${event.id}/registrations`, { kind: 'public', name: 'Too late' })).json().code).toBe('events.not_open');
  });

  it('lets a member firm register its own people only, once the event is published', async () => {
    const org = await createOrg(t.app);
    const firm = await createMemberFirm(org.admin, { legalName: 'Tamale Shea Cooperative' });
    const other = await createMemberFirm(org.admin, { legalName: 'Other Firm' });
    const owner = await createFirmUser(t.app, org.admin, org.orgId, firm.id);
    const draft = await createEvent(org.admin, { title: 'Draft workshop' }, false);
    const event = await createEvent(org.admin, { title: 'Shea quality workshop' });
    expect((await owner.post(`/api/v1/events/${draft.id}/registrations`, { kind: 'member_staff', name: 'Fatima' })).statusCode).toBe(404);
    const mine = await owner.post(`/api/v1/events/${event.id}/registrations`, { kind: 'member_staff', name: 'Fatima Alhassan' });
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json().member.id).toBe(firm.id);
    expect((await owner.post(`/api/v1/events/${event.id}/registrations`, { kind: 'member_staff', memberId: other.id, name: 'Someone' })).json().errors[0].code).toBe('events.not_your_firm');
    expect((await owner.post(`/api/v1/events/${event.id}/registrations`, { kind: 'public', name: 'Someone' })).json().errors[0].code).toBe('events.not_your_firm');
    await org.admin.post(`/api/v1/events/${event.id}/registrations`, { kind: 'member_staff', memberId: other.id, name: 'Other firm person' });
    expect((await owner.get(`/api/v1/events/${event.id}/registrations`)).json().items.map((r: Registration) => r.name)).toEqual(['Fatima Alhassan']);
    const othersId = (await org.admin.get(`/api/v1/events/${event.id}/registrations`)).json().items.find((r: Registration) => r.name === 'Other firm person').id;
    expect((await owner.post(`/api/v1/events/${event.id}/registrations/${othersId}/cancel`)).statusCode).toBe(404);
    // A members-only event takes no one from the public; a member user does not tick people at the door.
    expect((await org.admin.post(`/api/v1/events/${event.id}/registrations`, { kind: 'public', name: 'Walk-in' })).json().errors[0].code).toBe('events.members_only');
    expect((await owner.get(`/api/v1/events/${event.id}/check-in`)).statusCode).toBe(403);
  });

  it('ticks attendance idempotently, by code or by registration, and makes each attendee one person across two events', async () => {
    const org = await createOrg(t.app);
    const staff = await createPerson(t.app, org.orgId, 'staff', 'Door Staff Kojo');
    const firm = await createMemberFirm(org.admin, { legalName: 'Accra Auto Repairs' });
    const contact = (await org.admin.post(`/api/v1/members/${firm.id}/contacts`, { name: 'Kofi Boateng', sex: 'male' })).json();
    const first = await createEvent(org.admin, { title: 'Training: bookkeeping', kind: 'training_session', audience: 'public', startsAt: '2027-05-03T09:00:00Z', endsAt: '2027-05-03T12:00:00Z' });
    const second = await createEvent(org.admin, { title: 'Networking: auto trades', kind: 'networking_evening', audience: 'public', startsAt: '2027-06-07T17:00:00Z', endsAt: '2027-06-07T20:00:00Z' });
    const registerBoth = async (body: Record<string, unknown>) => Promise.all([first, second].map(async (e) => (await org.admin.post(`/api/v1/events/${e.id}/registrations`, body)).json() as Registration));
    const kofi = await registerBoth({ kind: 'member_contact', memberId: firm.id, contactId: contact.id });
    const ama = await registerBoth({ kind: 'public', name: 'Ama Owusu', phone: '+233 20 555 0101', sex: 'female', ageBand: '15_24' });
    const me = await registerBoth({ kind: 'own_staff', userId: staff.userId });
    expect(me[0]).toMatchObject({ name: 'Door Staff Kojo', kind: 'own_staff' });

    // The phone's list: everyone holding a seat, with their codes.
    const list: CheckInList = (await staff.client.get(`/api/v1/events/${first.id}/check-in`)).json();
    expect(list.items.map((i) => [i.name, i.attended]).sort()).toEqual([['Ama Owusu', false], ['Door Staff Kojo', false], ['Kofi Boateng', false]]);
    expect(list.items.find((i) => i.name === 'Kofi Boateng')!.firm).toBe('Accra Auto Repairs');

    // Ticked offline by code (as typed: lower case, spaced) and by registration, then sent twice.
    const code = kofi[0]!.ticketCode.toLowerCase().replace(/(.{5})/, '$1 ');
    const ticks = { items: [{ ticketCode: code }, { registrationId: ama[0]!.id }, { registrationId: ama[0]!.id }, { ticketCode: 'NOSUCHCODE' }] };
    const sent = (await staff.client.post(`/api/v1/events/${first.id}/check-in`, ticks)).json();
    expect(sent).toEqual({ checkedIn: expect.arrayContaining([kofi[0]!.id, ama[0]!.id]), already: [], unknown: ['N0SUCHC0DE'] });
    expect(sent.checkedIn).toHaveLength(2);
    const again = (await staff.client.post(`/api/v1/events/${first.id}/check-in`, ticks)).json();
    expect(again).toEqual({ checkedIn: [], already: expect.arrayContaining([kofi[0]!.id, ama[0]!.id]), unknown: ['N0SUCHC0DE'] });
    // A code of the other event is no ticket of this one.
    expect((await staff.client.post(`/api/v1/events/${first.id}/check-in`, { items: [{ ticketCode: kofi[1]!.ticketCode }] })).json().unknown).toEqual([kofi[1]!.ticketCode]);
    await staff.client.post(`/api/v1/events/${second.id}/check-in`, { items: [kofi[1], ama[1], me[1]].map((r) => ({ registrationId: r!.id })) });

    const regs = await asStaff(org.orgId)(({ tx }) => tx.select().from(eventRegistrations));
    const personOf = new Map(regs.map((r) => [r.id, r.personId]));
    expect(personOf.get(kofi[0]!.id)).toBe(personOf.get(kofi[1]!.id));
    expect(personOf.get(ama[0]!.id)).toBe(personOf.get(ama[1]!.id));
    expect(personOf.get(me[0]!.id)).toBeNull();
    expect(personOf.get(me[1]!.id)).toBeTruthy();
    // Results count each person once: five attendances, three people, by sex.
    const counted = await asStaff(org.orgId)((ctx) => countUniquePeople(ctx, { sources: ['events'] }));
    expect(counted).toMatchObject({ participations: 5, people: 3, bySex: { female: 1, male: 1, not_stated: 1 } });
    expect(await asStaff(org.orgId)((ctx) => countUniquePeople(ctx, { kinds: ['training_session'] }))).toMatchObject({ participations: 2, people: 2 });
    expect((await org.admin.get(`/api/v1/events/${first.id}`)).json()).toMatchObject({ registered: 3, attended: 2 });
    const audit = (await org.admin.get('/api/v1/audit?entityType=event_registration&limit=100')).json().items as Array<{ action: string }>;
    expect(audit.filter((e) => e.action === 'event_registration.check_in')).toHaveLength(5);
  });

  it('draws unguessable ticket codes, unique within the organisation, that another organisation cannot use', async () => {
    const a = await createOrg(t.app);
    const b = await createOrg(t.app);
    const event = await createEvent(a.admin, { audience: 'public', title: 'Victim fair' });
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) codes.push(((await a.admin.post(`/api/v1/events/${event.id}/registrations`, { kind: 'public', name: `Guest ${i}` })).json() as Registration).ticketCode);
    expect(new Set(codes).size).toBe(12);
    for (const c of codes) expect([...c].every((ch) => TICKET_ALPHABET.includes(ch)) && c.length === 10).toBe(true);
    // Codes are not made of the ids: nothing of the registration's id is in it.
    const regs = await asStaff(a.orgId)(({ tx }) => tx.select({ id: eventRegistrations.id, code: eventRegistrations.ticketCode }).from(eventRegistrations));
    expect(regs.every((r) => !r.id.replace(/-/g, '').toUpperCase().includes(r.code.slice(0, 6)))).toBe(true);

    // Organisation B: A's event is not found, A's codes tick no one at B's own event, and its transactions see none of A's rows.
    expect((await b.admin.get(`/api/v1/events/${event.id}/check-in`)).statusCode).toBe(404);
    expect((await b.admin.post(`/api/v1/events/${event.id}/check-in`, { items: [{ ticketCode: codes[0] }] })).statusCode).toBe(404);
    const own = await createEvent(b.admin, { audience: 'public', title: 'Own fair' });
    expect((await b.admin.post(`/api/v1/events/${own.id}/check-in`, { items: codes.map((c) => ({ ticketCode: c })) })).json()).toEqual({ checkedIn: [], already: [], unknown: codes });
    expect(await asStaff(b.orgId)(({ tx }) => tx.select().from(eventRegistrations))).toEqual([]);
    await expect(asStaff(b.orgId)(({ tx }) => tx.insert(eventRegistrations).values({ orgId: a.orgId, eventId: event.id, status: 'registered', kind: 'public', name: 'Planted', ticketCode: 'PLANTED000' }))).rejects.toThrow();
    expect((await a.admin.get(`/api/v1/events/${event.id}`)).json().attended).toBe(0);
  });

  it('takes registrations on a draft without invoice or mail, sends both when it is published, and keeps a cancelled event cancelled', async () => {
    const org = await createOrg(t.app);
    const firm = await createMemberFirm(org.admin, { legalName: 'Draft Days Ltd' });
    const draft = await createEvent(org.admin, { title: 'Draft fair', audience: 'public', capacity: 1 }, false);
    const stand = (await org.admin.post(`/api/v1/events/${draft.id}/ticket-types`, { name: 'Stand', fee: 100_00 })).json().ticketTypes[0];
    const early = (await org.admin.post(`/api/v1/events/${draft.id}/registrations`, { kind: 'member_staff', memberId: firm.id, name: 'Early Bird', email: 'early@draft.example', ticketTypeId: stand.id })).json() as Registration;
    const late = (await org.admin.post(`/api/v1/events/${draft.id}/registrations`, { kind: 'public', name: 'Late Bird', email: 'late@draft.example', ticketTypeId: stand.id })).json() as Registration;
    expect([early.status, early.invoiceId, late.status]).toEqual(['registered', null, 'waiting']);
    const eventMails = async () => (await outbox(org.admin)).filter((m) => m.kind.startsWith('event_')).map((m) => `${m.kind} ${m.toEmail}`).sort();
    const invoices = async () => (await org.admin.get(`/api/v1/members/${firm.id}/invoices`)).json().items as Array<{ id: string; amount: number; status: string }>;
    expect(await eventMails()).toEqual([]);
    expect(await invoices()).toEqual([]);

    // Published: the seat taken meanwhile is invoiced and mailed now, once.
    expect((await org.admin.post(`/api/v1/events/${draft.id}/state`, { state: 'published' })).statusCode).toBe(200);
    expect(await eventMails()).toEqual(['event_registration early@draft.example']);
    const issued = await invoices();
    expect(issued.map((i) => [i.amount, i.status])).toEqual([[100_00, 'open']]);
    const seated = (await org.admin.get(`/api/v1/events/${draft.id}/registrations`)).json().items.find((r: Registration) => r.id === early.id) as Registration;
    expect(seated.invoiceId).toBe(issued[0]!.id);
    const audit = (await org.admin.get('/api/v1/audit?entityType=event_registration&limit=100')).json().items as Array<{ action: string; entityId: string }>;
    expect(audit.filter((e) => e.action === 'event_registration.confirm').map((e) => e.entityId)).toEqual([early.id]);
    // Back to draft and published again: nobody is invoiced or mailed twice.
    await org.admin.post(`/api/v1/events/${draft.id}/state`, { state: 'draft' });
    await org.admin.post(`/api/v1/events/${draft.id}/state`, { state: 'published' });
    expect(await eventMails()).toEqual(['event_registration early@draft.example']);
    expect(await invoices()).toHaveLength(1);

    // Cancelled is final: not published again, not a draft again.
    expect((await org.admin.post(`/api/v1/events/${draft.id}/state`, { state: 'cancelled' })).statusCode).toBe(200);
    for (const state of ['published', 'draft']) {
      const again = await org.admin.post(`/api/v1/events/${draft.id}/state`, { state });
      expect([again.statusCode, again.json().code]).toEqual([409, 'events.cancelled_final']);
    }
    expect((await org.admin.get(`/api/v1/events/${draft.id}`)).json().state).toBe('cancelled');
  });

  it('refuses a member’s cancellation once the event started or the person came, keeps an attended seat’s invoice, and seats no one waiting for an event that is over', async () => {
    const org = await createOrg(t.app);
    const firm = await createMemberFirm(org.admin, { legalName: 'Late Cancellers Ltd' });
    const owner = await createFirmUser(t.app, org.admin, org.orgId, firm.id);
    const invoices = async () => (await org.admin.get(`/api/v1/members/${firm.id}/invoices`)).json().items as Array<{ id: string; status: string }>;

    // A coming event: once ticked present, the member can no longer cancel; staff can, and the invoice stays.
    const coming = await createEvent(org.admin, { title: 'Coming workshop', capacity: 1 });
    const fee = (await org.admin.post(`/api/v1/events/${coming.id}/ticket-types`, { name: 'Seat', fee: 40_00 })).json().ticketTypes[0];
    const came = (await owner.post(`/api/v1/events/${coming.id}/registrations`, { kind: 'member_staff', name: 'Came Along', ticketTypeId: fee.id })).json() as Registration;
    const wendy = (await owner.post(`/api/v1/events/${coming.id}/registrations`, { kind: 'member_staff', name: 'Waiting Wendy', ticketTypeId: fee.id })).json() as Registration;
    expect([came.status, wendy.status]).toEqual(['registered', 'waiting']);
    await org.admin.post(`/api/v1/events/${coming.id}/check-in`, { items: [{ registrationId: came.id }] });
    const refused = await owner.post(`/api/v1/events/${coming.id}/registrations/${came.id}/cancel`);
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'events.too_late']);
    expect((await org.admin.post(`/api/v1/events/${coming.id}/registrations/${came.id}/cancel`)).json()).toEqual({ promoted: [wendy.id] });
    expect((await invoices()).find((i) => i.id === came.invoiceId)?.status).toBe('open');

    // An event that is over: the member cannot cancel; staff can, and nobody waiting is seated into it, nor by more seats.
    const past = await createEvent(org.admin, { title: 'Past workshop', capacity: 1, startsAt: '2020-01-10T09:00:00Z', endsAt: '2020-01-10T12:00:00Z' });
    const sat = (await owner.post(`/api/v1/events/${past.id}/registrations`, { kind: 'member_staff', name: 'Sat There' })).json() as Registration;
    const waited = (await owner.post(`/api/v1/events/${past.id}/registrations`, { kind: 'member_staff', name: 'Waited In Vain', email: 'vain@late.example' })).json() as Registration;
    expect(waited.status).toBe('waiting');
    expect((await owner.post(`/api/v1/events/${past.id}/registrations/${sat.id}/cancel`)).json().code).toBe('events.too_late');
    expect((await org.admin.post(`/api/v1/events/${past.id}/registrations/${sat.id}/cancel`)).json()).toEqual({ promoted: [] });
    const current = (await org.admin.get(`/api/v1/events/${past.id}`)).json() as EventDetail;
    expect((await org.admin.put(`/api/v1/events/${past.id}`, { ...current, branchId: null, capacity: 5 })).json()).toMatchObject({ registered: 0, waiting: 1 });
    expect((await outbox(org.admin)).filter((m) => m.toEmail === 'vain@late.example')).toEqual([]);
  });

  it('keeps staff tickets to staff, caps how many a firm registers for one event, and checks addresses only within the caller’s firm', async () => {
    const org = await createOrg(t.app);
    const firm = await createMemberFirm(org.admin, { legalName: 'Capped Firm Ltd' });
    const rival = await createMemberFirm(org.admin, { legalName: 'Rival Firm Ltd' });
    const owner = await createFirmUser(t.app, org.admin, org.orgId, firm.id);
    const event = await createEvent(org.admin, { title: 'Capped forum' });
    await org.admin.post(`/api/v1/events/${event.id}/ticket-types`, { name: 'Delegate', fee: 20_00 });
    const types = (await org.admin.post(`/api/v1/events/${event.id}/ticket-types`, { name: 'Speaker', fee: 0, staffOnly: true })).json().ticketTypes as Array<{ id: string; name: string; staffOnly: boolean }>;
    const speaker = types.find((x) => x.name === 'Speaker')!;
    const delegate = types.find((x) => x.name === 'Delegate')!;
    expect([speaker.staffOnly, delegate.staffOnly]).toEqual([true, false]);

    // The free speaker's ticket: staff give it, a member firm's user cannot take it.
    const taken = await owner.post(`/api/v1/events/${event.id}/registrations`, { kind: 'member_staff', name: 'Free Rider', ticketTypeId: speaker.id });
    expect(taken.json().errors).toEqual([expect.objectContaining({ path: 'ticketTypeId', code: 'events.ticket_type_staff_only' })]);
    expect((await org.admin.post(`/api/v1/events/${event.id}/registrations`, { kind: 'member_staff', memberId: firm.id, name: 'Real Speaker', ticketTypeId: speaker.id })).statusCode).toBe(201);

    // A rival firm's person registered: the member learns nothing of it, and its own duplicate is still refused.
    expect((await org.admin.post(`/api/v1/events/${event.id}/registrations`, { kind: 'member_staff', memberId: rival.id, name: 'Shared Address', email: 'shared@rival.example', ticketTypeId: delegate.id })).statusCode).toBe(201);
    const mine = { kind: 'member_staff', name: 'Shared Address', email: 'shared@rival.example', ticketTypeId: delegate.id };
    expect((await owner.post(`/api/v1/events/${event.id}/registrations`, mine)).statusCode).toBe(201);
    expect((await owner.post(`/api/v1/events/${event.id}/registrations`, mine)).json().code).toBe('events.already_registered');

    // Ten of the firm's people per event (the speaker counts); the eleventh is refused, and each typed address is in the audit log.
    for (let i = 3; i <= 10; i++) {
      const res = await owner.post(`/api/v1/events/${event.id}/registrations`, { kind: 'member_staff', name: `Delegate ${i}`, email: `d${i}@capped.example`, ticketTypeId: delegate.id });
      expect(res.statusCode, res.body).toBe(201);
    }
    const eleventh = await owner.post(`/api/v1/events/${event.id}/registrations`, { kind: 'member_staff', name: 'One too many', email: 'spam@victim.example', ticketTypeId: delegate.id });
    expect([eleventh.statusCode, eleventh.json().code]).toEqual([409, 'events.firm_limit']);
    expect(eleventh.json().title).toContain('10');
    const audit = (await org.admin.get('/api/v1/audit?entityType=event_registration&limit=100')).json().items as Array<{ action: string; after: { email?: string } }>;
    expect(audit.filter((e) => e.action === 'event_registration.create').map((e) => e.after.email)).toContain('d10@capped.example');
  });

  it('ticks no registration cancelled while the check-in was under way', async () => {
    const org = await createOrg(t.app);
    const event = await createEvent(org.admin, { title: 'Raced door', audience: 'public' });
    const reg = (await org.admin.post(`/api/v1/events/${event.id}/registrations`, { kind: 'public', name: 'Cancelled Meanwhile' })).json() as Registration;
    const { checkIn } = await import('./check-in-service.js');
    // One transaction cancels the registration and holds it; the check-in reads it as registered, then waits on the row.
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    const cancelling = asStaff(org.orgId)(async ({ tx }) => {
      await tx.update(eventRegistrations).set({ status: 'cancelled' }).where(eq(eventRegistrations.id, reg.id));
      await held;
    });
    const checking = asStaff(org.orgId)((ctx) => checkIn(ctx, event.id, { items: [{ registrationId: reg.id, ticketCode: null }] }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await cancelling;
    const result = await checking;
    expect(result.checkedIn).toEqual([]);
    const [row] = await asStaff(org.orgId)(({ tx }) => tx.select().from(eventRegistrations).where(eq(eventRegistrations.id, reg.id)));
    expect([row!.status, row!.attendedAt]).toEqual(['cancelled', null]);
  });

  it('writes to those registered in the organisation’s language, not in the language of whoever registered them', async () => {
    // The organisation works in Twi first, which the interface does not have: its mail goes in English, as the reminders do.
    const org = await createOrg(t.app, { languages: ['tw', 'en'] });
    const event = await createEvent(org.admin, { title: 'Language workshop', audience: 'public' });
    const { registerFor } = await import('./registration-service.js');
    const input = { kind: 'public' as const, name: 'Esi', ticketTypeId: null, memberId: null, contactId: null, userId: null, email: 'esi@lang.example', phone: '', sex: 'not_stated' as const, ageBand: null };
    await withTenant(t.database.db, { orgId: org.orgId, role: 'staff', actor: { userId: null, name: 'Russian-speaking staff' }, locale: 'ru' }, (ctx) => registerFor(ctx, event.id, input));
    const mail = (await outbox(org.admin)).find((m) => m.toEmail === 'esi@lang.example')!;
    expect(mail.subject).toBe('Your place: Language workshop');
  });

  it('reminds everyone holding a seat the day before, once per event', async () => {
    const org = await createOrg(t.app);
    const event = await createEvent(org.admin, { title: 'Reminded workshop', audience: 'public', startsAt: '2027-07-01T09:00:00Z', endsAt: '2027-07-01T12:00:00Z' });
    await org.admin.post(`/api/v1/events/${event.id}/registrations`, { kind: 'public', name: 'Esi', email: 'esi@example.test' });
    await org.admin.post(`/api/v1/events/${event.id}/registrations`, { kind: 'public', name: 'No address' });
    expect((await sendEventReminders(t.database, new Date('2027-06-29T10:00:00Z'))).mails).toBe(0);
    const sent = await sendEventReminders(t.database, new Date('2027-06-30T10:00:00Z'));
    expect(sent.mails).toBe(1);
    expect((await sendEventReminders(t.database, new Date('2027-06-30T11:00:00Z'))).mails).toBe(0);
    const reminder = (await outbox(org.admin)).find((m) => m.kind === 'event_reminder')!;
    expect(reminder).toMatchObject({ toEmail: 'esi@example.test' });
    expect(reminder.subject).toContain('Reminded workshop');
  });
});
