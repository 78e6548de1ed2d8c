import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { FederationEvent } from '../../../contracts/events.js';
import { auditLog } from '../../platform/audit/tables.js';
import { withSystem } from '../../platform/db/tenancy.js';
import { useTestApp, type Client } from '../../test/app.js';
import { createEvent, createFirmUser, createMemberFirm, createOrg, orgInput } from '../../test/factories.js';

const t = useTestApp();
const ghana = { country: 'GH', regions: ['GH-AA', 'GH-AH', 'GH-NP'] };

async function share(as: Client, on: boolean, registrationContact?: string) {
  const res = await as.put('/api/v1/events/federation/sharing', { shareWithFederation: on, registrationContact });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toMatchObject({ shareWithFederation: on, ...(registrationContact === undefined ? {} : { registrationContact }) });
}

async function shared(as: Client, query = ''): Promise<FederationEvent[]> {
  const res = await as.get(`/api/v1/events/federation${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}
const titles = (items: FederationEvent[]) => items.map((i) => i.title);

describe('events across the federation', () => {
  it('shows a sharing organisation\'s published events to its umbrella and siblings only, read-only', async () => {
    // An umbrella with two branches (its admin acts for each by switching), and an organisation outside.
    const umbrella = await createOrg(t.app, { ...ghana, name: 'National Chamber' });
    const branch = async (name: string) => (await umbrella.admin.post('/api/v1/org/branches', orgInput({ ...ghana, name }))).json() as { id: string };
    const ashanti = await branch('Ashanti branch');
    const northern = await branch('Northern branch');
    const outsider = await createOrg(t.app, { ...ghana, name: 'Outside Chamber' });
    const inOrg = async (orgId: string) => {
      expect((await umbrella.admin.post('/api/v1/auth/switch-org', { orgId })).statusCode).toBe(200);
      return umbrella.admin;
    };

    let as = await inOrg(ashanti.id);
    expect((await as.get('/api/v1/events/federation/sharing')).json()).toEqual({ shareWithFederation: false, registrationContact: '' });
    const fair = await createEvent(as, { title: 'Kumasi trade fair', kind: 'trade_fair', audience: 'public', startsAt: '2027-05-01T08:00:00Z', endsAt: '2027-05-03T17:00:00Z', onlineUrl: 'https://meet.example/fair' });
    await createEvent(as, { title: 'Ashanti workshop', audience: 'members', startsAt: '2027-03-10T09:00:00Z', endsAt: '2027-03-10T13:00:00Z', onlineUrl: 'https://meet.example/ashanti-members' });
    await createEvent(as, { title: 'Ashanti draft' }, false);
    const called = await createEvent(as, { title: 'Ashanti called off' });
    expect((await as.post(`/api/v1/events/${called.id}/state`, { state: 'cancelled' })).statusCode).toBe(200);
    as = await inOrg(northern.id);
    const northernEvent = await createEvent(as, { title: 'Northern evening', kind: 'networking_evening' });
    await createEvent(outsider.admin, { title: 'Outside gala' });
    await share(outsider.admin, true);

    // Nobody in the federation shares yet.
    for (const orgId of [umbrella.orgId, ashanti.id, northern.id]) expect(await shared(await inOrg(orgId))).toEqual([]);

    // Ashanti shares, saying how to register: its sibling and umbrella see its published events by start (no draft, no cancelled), marked with it.
    as = await inOrg(ashanti.id);
    await share(as, true, 'Register at https://ashanti.example/register or call Yaw, +233 32 200 0001');
    expect(await shared(as)).toEqual([]);
    for (const orgId of [northern.id, umbrella.orgId]) {
      const items = await shared(await inOrg(orgId));
      expect(titles(items)).toEqual(['Ashanti workshop', 'Kumasi trade fair']);
      expect(items.every((i) => i.orgId === ashanti.id && i.orgName === 'Ashanti branch')).toBe(true);
      // A members-only event's online link stays with Ashanti's own members; a public one's travels.
      expect(items.map((i) => i.onlineUrl)).toEqual(['', 'https://meet.example/fair']);
      // There is no public registration page: every shared event says how to register with its owner.
      expect(items.map((i) => i.registrationContact)).toEqual(Array(2).fill('Register at https://ashanti.example/register or call Yaw, +233 32 200 0001'));
    }
    as = await inOrg(northern.id);
    // Northern's members see them too, to register with Ashanti; the members-only event's online link stays unshared.
    const firm = await createMemberFirm(as, { legalName: 'Tamale Traders' });
    const member = await createFirmUser(t.app, as, northern.id, firm.id);
    const seenByMember = await shared(member);
    expect(titles(seenByMember)).toEqual(['Ashanti workshop', 'Kumasi trade fair']);
    expect(seenByMember.map((i) => [i.onlineUrl, i.registrationContact !== ''])).toEqual([['', true], ['https://meet.example/fair', true]]);
    expect((await shared(as, '?kind=trade_fair'))).toEqual([expect.objectContaining({
      id: fair.id, title: 'Kumasi trade fair', audience: 'public', startsAt: '2027-05-01T08:00:00.000Z', endsAt: '2027-05-03T17:00:00.000Z', venue: 'Chamber House, Accra',
    })]);
    expect(titles(await shared(as, '?from=2027-04-01'))).toEqual(['Kumasi trade fair']);
    const first = (await as.get('/api/v1/events/federation?limit=1')).json();
    const second = (await as.get(`/api/v1/events/federation?limit=1&cursor=${first.nextCursor}`)).json();
    expect([...titles(first.items), ...titles(second.items)]).toEqual(['Ashanti workshop', 'Kumasi trade fair']);
    expect(second.nextCursor).toBeNull();
    // Nothing of the registrations crosses.
    expect(Object.keys((await shared(as))[0]!)).not.toEqual(expect.arrayContaining(['registered', 'capacity', 'ticketTypes']));

    // The outsider sees nothing; nor can it, or a sibling, read or change the event by its id.
    expect(await shared(outsider.admin)).toEqual([]);
    for (const client of [as, outsider.admin]) {
      expect((await client.get(`/api/v1/events/${fair.id}`)).statusCode).toBe(404);
      expect((await client.post(`/api/v1/events/${fair.id}/state`, { state: 'cancelled' })).statusCode).toBe(404);
      expect((await client.post(`/api/v1/events/${fair.id}/registrations`, { kind: 'public', name: 'Guest', email: 'guest@example.test' })).statusCode).toBe(404);
    }
    // Northern does not share: no one else sees its event.
    expect((await shared(await inOrg(ashanti.id))).map((e) => e.id)).not.toContain(northernEvent.id);
    expect((await shared(await inOrg(umbrella.orgId))).map((e) => e.id)).not.toContain(northernEvent.id);

    // A change of the contact alone reaches the others at once; a switch sent without it keeps it.
    as = await inOrg(ashanti.id);
    await share(as, true, 'events@ashanti.example');
    expect((await shared(await inOrg(northern.id))).map((i) => i.registrationContact)).toEqual(['events@ashanti.example', 'events@ashanti.example']);

    // Ashanti takes it back: nothing crosses any more, the contact stays for next time. Every change audited, with what it was before.
    as = await inOrg(ashanti.id);
    await share(as, false);
    expect((await as.get('/api/v1/events/federation/sharing')).json()).toEqual({ shareWithFederation: false, registrationContact: 'events@ashanti.example' });
    expect(await shared(await inOrg(northern.id))).toEqual([]);
    const audits = await withSystem(t.database.db, (tx) => tx.select().from(auditLog)
      .where(and(eq(auditLog.orgId, ashanti.id), eq(auditLog.action, 'event_settings.update'))).orderBy(auditLog.id));
    expect(audits.map((a) => [a.before, a.after])).toEqual([
      [{ shareWithFederation: false, registrationContact: '' }, { shareWithFederation: true, registrationContact: 'Register at https://ashanti.example/register or call Yaw, +233 32 200 0001' }],
      [{ registrationContact: 'Register at https://ashanti.example/register or call Yaw, +233 32 200 0001' }, { registrationContact: 'events@ashanti.example' }],
      [{ shareWithFederation: true }, { shareWithFederation: false }],
    ]);
  });
});
