import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckInList, Registration, SelfCheckIn } from '../../../contracts/events.js';
import { withSystem } from '../../platform/db/tenancy.js';
import { Client, useTestApp } from '../../test/app.js';
import { createEvent, createOrg, createPerson } from '../../test/factories.js';
import { eventRegistrations, events } from './tables.js';

// With a server secret, as production should run (the unit test covers the codes without one).
const t = useTestApp({ CREDENTIAL_SECRET: 'a test server secret of more than 32 characters' });

afterEach(() => vi.useRealTimers());
// Only Date is faked: the database, timers and sockets run as usual. Today's date, so sessions stay valid.
const at = (iso: string) => vi.useFakeTimers({ toFake: ['Date'], now: new Date(iso) });
const day = new Date().toISOString().slice(0, 10);
const nextDay = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const form = { 'content-type': 'application/x-www-form-urlencoded' };
/** The organisations made here keep Accra's clock (UTC): the event's day is the UTC day. */
const today = { startsAt: `${day}T00:30:00Z`, endsAt: `${day}T23:30:00Z` };

type Staff = Client;
const selfCheckIn = async (staff: Staff, eventId: string) => (await staff.get(`/api/v1/events/${eventId}/self-check-in`)).json() as SelfCheckIn;
const switchTo = (staff: Staff, eventId: string, enabled: boolean) => staff.put(`/api/v1/events/${eventId}/self-check-in`, { enabled });
/** The QR's link as the participant's phone opens it: the path and the code, on this server. */
const pathOf = (url: string) => url.replace('http://roundtable.test', '');
const scan = (path: string) => new Client(t.app).request({ method: 'GET', url: path });
const checkInAs = (path: string, who: string) => new Client(t.app).request({ method: 'POST', url: path, payload: `who=${encodeURIComponent(who)}`, headers: form });
const register = async (staff: Staff, eventId: string, who: Record<string, unknown>) => (await staff.post(`/api/v1/events/${eventId}/registrations`, { kind: 'public', ...who })).json() as Registration;
const presentIn = async (staff: Staff, eventId: string) => ((await staff.get(`/api/v1/events/${eventId}/check-in`)).json() as CheckInList).items.filter((i) => i.attended).map((i) => i.name).sort();

describe('self check-in', () => {
  it('is switched on and off by staff, audited; the QR carries a code of the minute, and switching off ends every code', async () => {
    const org = await createOrg(t.app);
    const staff = (await createPerson(t.app, org.orgId, 'staff')).client;
    const viewer = (await createPerson(t.app, org.orgId, 'viewer')).client;
    const event = await createEvent(staff, { title: 'Export readiness workshop', ...today });

    expect(await selfCheckIn(staff, event.id)).toEqual({ enabled: false, open: true, url: null, refreshAt: null, validUntil: null });
    expect((await viewer.get(`/api/v1/events/${event.id}/self-check-in`)).statusCode).toBe(403);
    expect((await switchTo(viewer, event.id, true)).statusCode).toBe(403);

    at(`${day}T10:00:20Z`);
    const on = (await switchTo(staff, event.id, true)).json() as SelfCheckIn;
    expect(on).toMatchObject({ enabled: true, open: true, refreshAt: `${day}T10:01:00.000Z`, validUntil: `${day}T10:03:00.000Z` });
    expect(on.url).toMatch(new RegExp(`^http://roundtable\\.test/check-in/${org.orgId}/${event.id}\\?c=[A-Za-z0-9_-]{16}$`));
    // Switched on again: nothing changes, the same code is shown within the minute.
    expect((await switchTo(staff, event.id, true)).json()).toEqual(on);
    expect((await scan(pathOf(on.url!))).statusCode).toBe(200);

    // Off: the code shown a moment ago stops working at once; on again, a new key makes new codes and the old one stays refused.
    expect((await switchTo(staff, event.id, false)).json()).toMatchObject({ enabled: false, url: null });
    expect((await scan(pathOf(on.url!))).statusCode).toBe(410);
    const again = (await switchTo(staff, event.id, true)).json() as SelfCheckIn;
    expect(again.url).not.toBe(on.url);
    expect((await scan(pathOf(on.url!))).statusCode).toBe(410);
    expect((await scan(pathOf(again.url!))).statusCode).toBe(200);

    const audit = (await org.admin.get(`/api/v1/audit?entityType=event&entityId=${event.id}&limit=100`)).json().items as Array<{ action: string; after: unknown }>;
    expect(audit.filter((e) => e.action.startsWith('event.self_check_in')).map((e) => [e.action, e.after]).reverse()).toEqual([
      ['event.self_check_in_on', { selfCheckIn: true }], ['event.self_check_in_off', { selfCheckIn: false }], ['event.self_check_in_on', { selfCheckIn: true }],
    ]);
    // The key never leaves the server: not in the log, not in the event's page.
    const [row] = await withSystem(t.database.db, (tx) => tx.select().from(events).where(and(eq(events.orgId, org.orgId), eq(events.id, event.id))));
    expect(JSON.stringify(audit)).not.toContain(row!.selfCheckInKey!);
    expect((await staff.get(`/api/v1/events/${event.id}`)).body).not.toContain(row!.selfCheckInKey!);

    // Another organiser's fair takes none; a draft may be prepared, but its page opens for no one until it is published.
    const fair = await createEvent(staff, { title: 'Others’ fair', external: true, organiser: 'GITFC', ...today });
    expect((await switchTo(staff, fair.id, true)).json().code).toBe('events.external');
    const draft = await createEvent(staff, { title: 'Draft session', ...today }, false);
    const drafted = (await switchTo(staff, draft.id, true)).json() as SelfCheckIn;
    expect(drafted).toMatchObject({ enabled: true, open: false });
    expect((await scan(pathOf(drafted.url!))).statusCode).toBe(410);
  });

  it('ticks a participant present by ticket code, e-mail or phone, once, through the check-in service', async () => {
    const org = await createOrg(t.app);
    const staff = (await createPerson(t.app, org.orgId, 'staff')).client;
    const event = await createEvent(staff, { title: 'Shea butter quality workshop', audience: 'public', ...today });
    const ama = await register(staff, event.id, { name: 'Ama Mensah', email: 'ama.mensah@example.test' });
    const kofi = await register(staff, event.id, { name: 'Kofi Boateng', phone: '+233 24 412 3456' });
    const esi = await register(staff, event.id, { name: 'Esi Owusu' });
    const yaw = await register(staff, event.id, { name: 'Yaw Darko', email: 'yaw.darko@example.test' });
    await staff.post(`/api/v1/events/${event.id}/registrations/${yaw.id}/cancel`);

    at(`${day}T09:00:00Z`);
    const { url } = (await switchTo(staff, event.id, true)).json() as SelfCheckIn;
    const path = pathOf(url!);
    const page = await scan(path);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('Shea butter quality workshop');
    expect(page.body).toContain('name="who"');
    // Nobody's name is on the page.
    for (const name of ['Ama Mensah', 'Kofi Boateng', 'Esi Owusu', 'Yaw Darko']) expect(page.body).not.toContain(name);

    // The address as typed on a phone (capitals, spaces), the phone without its country code, the ticket's code in lower case with a dash.
    const byEmail = await checkInAs(path, '  Ama.Mensah@Example.TEST ');
    expect(byEmail.statusCode).toBe(200);
    expect(byEmail.body).toContain('You are checked in.');
    expect((await checkInAs(path, '0244 123 456')).body).toContain('You are checked in.');
    expect((await checkInAs(path, `${esi.ticketCode.slice(0, 5).toLowerCase()}-${esi.ticketCode.slice(5)}`)).body).toContain('You are checked in.');
    // Twice is once: the second answer says so, and nothing more is written.
    const twice = await checkInAs(path, 'ama.mensah@example.test');
    expect(twice.statusCode).toBe(200);
    expect(twice.body).toContain('You were already checked in.');
    expect(await presentIn(staff, event.id)).toEqual(['Ama Mensah', 'Esi Owusu', 'Kofi Boateng']);
    expect((await staff.get(`/api/v1/events/${event.id}`)).json().attended).toBe(3);

    // Recorded as the staff's ticks are, under the actor "Self check-in": each once, each a person of the people module.
    const rows = await withSystem(t.database.db, (tx) => tx.select().from(eventRegistrations).where(and(eq(eventRegistrations.orgId, org.orgId), eq(eventRegistrations.eventId, event.id))));
    const ticked = rows.filter((r) => r.attendedAt);
    expect(ticked.map((r) => [r.name, r.checkedInBy, r.personId !== null]).sort()).toEqual([['Ama Mensah', 'Self check-in', true], ['Esi Owusu', 'Self check-in', true], ['Kofi Boateng', 'Self check-in', true]]);
    const audit = (await org.admin.get(`/api/v1/audit?action=event_registration.check_in&limit=100`)).json().items as Array<{ actorName: string; entityId: string }>;
    expect(audit.map((e) => e.entityId).sort()).toEqual([ama.id, esi.id, kofi.id].sort());
    expect(new Set(audit.map((e) => e.actorName))).toEqual(new Set(['Self check-in']));

    // A cancelled registration and an address nobody registered: one answer, the same words, nobody named.
    const cancelled = await checkInAs(path, 'yaw.darko@example.test');
    const unknown = await checkInAs(path, 'nobody@example.test');
    expect([cancelled.statusCode, unknown.statusCode]).toEqual([404, 404]);
    expect(cancelled.body.replace('yaw.darko@example.test', 'X')).toBe(unknown.body.replace('nobody@example.test', 'X'));
    expect(unknown.body).toContain('No seat for this event was found');
    expect(await presentIn(staff, event.id)).toEqual(['Ama Mensah', 'Esi Owusu', 'Kofi Boateng']);
    expect((await checkInAs(path, '   ')).statusCode).toBe(400);

    // In the browser's language only where the organisation speaks it (this one speaks English).
    const french = await new Client(t.app).request({ method: 'GET', url: path, headers: { 'accept-language': 'fr' } });
    expect(french.body).toContain('<html lang="en">');
  });

  it('makes a participant of a training session who checks in a participant of its course, as a staff tick does', async () => {
    const org = await createOrg(t.app);
    const course = (await org.admin.post('/api/v1/training/courses', { title: 'Export readiness', kind: 'course', completionShare: 50 })).json() as { id: string };
    const made = await org.admin.post(`/api/v1/training/courses/${course.id}/sessions`, { title: 'Export readiness, day one', audience: 'public', ...today });
    const sessionId = (made.json() as { sessionList: Array<{ id: string }> }).sessionList[0]!.id;
    await org.admin.post(`/api/v1/events/${sessionId}/state`, { state: 'published' });
    await register(org.admin, sessionId, { name: 'Abena Sarpong', email: 'abena@example.test' });
    await register(org.admin, sessionId, { name: 'Kojo Addo', email: 'kojo@example.test' });
    at(`${day}T10:00:00Z`);
    const path = pathOf(((await switchTo(org.admin, sessionId, true)).json() as SelfCheckIn).url!);
    const ticked = await checkInAs(path, 'abena@example.test');
    expect(ticked.statusCode, ticked.body.slice(0, 400)).toBe(200);
    const detail = (await org.admin.get(`/api/v1/training/courses/${course.id}`)).json() as { participants: Array<{ name: string; attended: number; completed: boolean }> };
    expect(detail.participants.map((p) => [p.name, p.attended, p.completed])).toEqual([['Abena Sarpong', 1, true]]);
  });

  it('refuses a code older than three minutes, a forged one, another event’s or organisation’s, and a day the event is not held', async () => {
    const org = await createOrg(t.app);
    const staff = (await createPerson(t.app, org.orgId, 'staff')).client;
    const event = await createEvent(staff, { title: 'Cashew exporters clinic', ...today });
    const other = await createEvent(staff, { title: 'Second clinic', ...today });
    await register(staff, event.id, { name: 'Kwame Asante', email: 'kwame@example.test' });
    await switchTo(staff, other.id, true);

    at(`${day}T10:00:00Z`);
    const { url } = (await switchTo(staff, event.id, true)).json() as SelfCheckIn;
    const path = pathOf(url!);
    const code = new URL(url!).searchParams.get('c')!;
    at(`${day}T10:02:59Z`);
    expect((await scan(path)).statusCode).toBe(200);
    // A photo sent home: three minutes on, refused, and nobody is ticked by it.
    at(`${day}T10:03:00Z`);
    const expired = await scan(path);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('This check-in code has expired or is not valid.');
    expect(expired.body).not.toContain('Cashew exporters clinic');
    expect((await checkInAs(path, 'kwame@example.test')).statusCode).toBe(410);
    // Forged, missing, or the code of another event of the same organisation.
    at(`${day}T10:00:30Z`);
    for (const forged of [`/check-in/${org.orgId}/${event.id}?c=${'A'.repeat(16)}`, `/check-in/${org.orgId}/${event.id}`, `/check-in/${org.orgId}/${other.id}?c=${code}`]) {
      expect((await scan(forged)).statusCode, forged).toBe(410);
      expect((await checkInAs(forged, 'kwame@example.test')).statusCode, forged).toBe(410);
    }
    // Another organisation: its own event's code opens nothing here, and this event's code opens nothing under its id.
    const b = await createOrg(t.app);
    const bEvent = await createEvent(b.admin, { title: 'Other chamber’s clinic', ...today });
    const bUrl = ((await switchTo(b.admin, bEvent.id, true)).json() as SelfCheckIn).url!;
    for (const crossed of [`/check-in/${b.orgId}/${event.id}?c=${code}`, `/check-in/${org.orgId}/${bEvent.id}?c=${new URL(bUrl).searchParams.get('c')}`]) {
      const res = await checkInAs(crossed, 'kwame@example.test');
      expect(res.statusCode, crossed).toBe(410);
      expect(res.body).not.toContain('Cashew exporters clinic');
      expect(res.body).not.toContain('Other chamber’s clinic');
    }
    expect((await scan('/check-in/not-an-org/x')).statusCode).toBe(400);
    expect(await presentIn(staff, event.id)).toEqual([]);

    // An event of tomorrow: a current code, but not today.
    const tomorrow = await createEvent(staff, { title: 'Tomorrow’s clinic', startsAt: `${nextDay}T09:00:00Z`, endsAt: `${nextDay}T12:00:00Z` });
    await register(staff, tomorrow.id, { name: 'Kwame Asante', email: 'kwame@example.test' });
    const tomorrowPath = pathOf(((await switchTo(staff, tomorrow.id, true)).json() as SelfCheckIn).url!);
    const notToday = await checkInAs(tomorrowPath, 'kwame@example.test');
    expect(notToday.statusCode).toBe(409);
    expect(notToday.body).toContain('This event is not held today');
    expect(await presentIn(staff, tomorrow.id)).toEqual([]);

    // A cancelled event stops taking them.
    await staff.post(`/api/v1/events/${event.id}/state`, { state: 'cancelled' });
    expect((await checkInAs(path, 'kwame@example.test')).statusCode).toBe(409);
    expect(await presentIn(staff, event.id)).toEqual([]);
  });
});
