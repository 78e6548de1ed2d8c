import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { FederationInfoEntry, InfoEntry } from '../../../contracts/networking-info.js';
import { auditLog } from '../../platform/audit/tables.js';
import { withSystem } from '../../platform/db/tenancy.js';
import { useTestApp, type Client } from '../../test/app.js';
import { createOrg, orgInput } from '../../test/factories.js';

const t = useTestApp();
const ghana = { country: 'GH', regions: ['GH-AA', 'GH-AH', 'GH-NP'] };

const entry = (title: string, over: Record<string, unknown> = {}) => ({
  type: 'export_requirements', title, body: 'Labelling and residue limits.', source: 'EU Access2Markets',
  sourceUrl: '', reviewOn: '2099-01-01', sectors: [], hsCodes: ['1515'], countries: ['FR'], ...over,
});

async function publish(as: Client, title: string, over: Record<string, unknown> = {}): Promise<InfoEntry> {
  const created = await as.post('/api/v1/networking/info/entries', entry(title, over));
  expect(created.statusCode).toBe(201);
  const done = await as.post(`/api/v1/networking/info/entries/${created.json().id}/state`, { state: 'published' });
  expect(done.statusCode).toBe(200);
  return done.json();
}

async function share(as: Client, kind: 'Info' | 'Events' | 'Profiles', on: boolean) {
  const current = (await as.get('/api/v1/networking/settings')).json();
  const res = await as.put('/api/v1/networking/settings', { ...current, [`share${kind}WithFederation`]: on });
  expect(res.statusCode).toBe(200);
  expect(res.json()[`share${kind}WithFederation`]).toBe(on);
}

async function shared(as: Client, query = ''): Promise<FederationInfoEntry[]> {
  const res = await as.get(`/api/v1/networking/info/federation-entries${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}
const titles = (items: FederationInfoEntry[]) => items.map((i) => i.title).sort();

/**
 * An umbrella with two branches and an organisation outside the federation.
 * The umbrella's admin administers both branches (it made them) and acts for
 * one organisation at a time by switching to it.
 */
async function federation() {
  const umbrella = await createOrg(t.app, { ...ghana, name: 'National Chamber' });
  const branch = async (name: string) => {
    const res = await umbrella.admin.post('/api/v1/org/branches', orgInput({ ...ghana, name }));
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; name: string };
  };
  const ashanti = await branch('Ashanti branch');
  const northern = await branch('Northern branch');
  const outsider = await createOrg(t.app, { ...ghana, name: 'Outside Chamber' });
  const inOrg = async (orgId: string) => {
    const res = await umbrella.admin.post('/api/v1/auth/switch-org', { orgId });
    expect(res.statusCode).toBe(200);
    return umbrella.admin;
  };
  return { umbrella, ashanti, northern, outsider, inOrg };
}

describe('information entries across the federation', () => {
  it('shows a sharing organisation\'s published entries to its umbrella and siblings only, read-only, each audited choice undone', async () => {
    const { umbrella, ashanti, northern, outsider, inOrg } = await federation();

    // Ashanti keeps a published entry and a draft; Northern and the umbrella one each; the outsider one.
    let as = await inOrg(ashanti.id);
    const shea = await publish(as, 'Shea butter into the EU');
    await publish(as, 'Cocoa fair in Abidjan', { type: 'trade_fair', hsCodes: ['1801'], countries: ['CI'] });
    expect((await as.post('/api/v1/networking/info/entries', entry('Ashanti draft note'))).statusCode).toBe(201);
    as = await inOrg(northern.id);
    const northernEntry = await publish(as, 'Northern guarantee fund', { type: 'finance' });
    as = await inOrg(umbrella.orgId);
    await publish(as, 'National export rules');
    await publish(outsider.admin, 'Outside secret');
    await share(outsider.admin, 'Info', true);

    // Nobody shares yet (the outsider's choice reaches no one): nothing crosses.
    for (const orgId of [umbrella.orgId, ashanti.id, northern.id]) expect(await shared(await inOrg(orgId))).toEqual([]);

    // Ashanti shares: its sibling and its umbrella see its published entries, marked with it; it does not see its own.
    as = await inOrg(ashanti.id);
    await share(as, 'Info', true);
    expect(await shared(as)).toEqual([]);
    for (const orgId of [northern.id, umbrella.orgId]) {
      const items = await shared(await inOrg(orgId));
      expect(titles(items)).toEqual(['Cocoa fair in Abidjan', 'Shea butter into the EU']);
      expect(items.every((i) => i.orgId === ashanti.id && i.orgName === 'Ashanti branch')).toBe(true);
    }
    // The outsider sees nothing, and its own list holds only its own.
    expect(await shared(outsider.admin)).toEqual([]);
    expect((await outsider.admin.get('/api/v1/networking/info/entries')).json().items.map((i: InfoEntry) => i.title)).toEqual(['Outside secret']);

    // Searched and paged as the own list: text, type, product (HS prefix either way), country.
    as = await inOrg(northern.id);
    expect(titles(await shared(as, '?q=shea'))).toEqual(['Shea butter into the EU']);
    expect(titles(await shared(as, '?type=trade_fair'))).toEqual(['Cocoa fair in Abidjan']);
    expect(titles(await shared(as, '?hs=151590'))).toEqual(['Shea butter into the EU']);
    expect(titles(await shared(as, '?country=CI'))).toEqual(['Cocoa fair in Abidjan']);
    const first = (await as.get('/api/v1/networking/info/federation-entries?limit=1&sort=title')).json();
    expect(first.items.map((i: FederationInfoEntry) => i.title)).toEqual(['Cocoa fair in Abidjan']);
    const second = (await as.get(`/api/v1/networking/info/federation-entries?limit=1&sort=title&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((i: FederationInfoEntry) => i.title)).toEqual(['Shea butter into the EU']);
    expect(second.nextCursor).toBeNull();
    const sheaSeen = (await shared(as, '?q=shea'))[0]!;
    expect(sheaSeen).toMatchObject({ id: shea.id, type: 'export_requirements', source: 'EU Access2Markets', hsCodes: ['1515'], countries: ['FR'], reviewOn: '2099-01-01' });
    expect(sheaSeen.publishedAt).toBe(shea.publishedAt);
    expect(Object.keys(sheaSeen)).not.toContain('state');

    // Read-only: a sibling, and an outsider guessing the id, neither reads nor writes it.
    for (const client of [as, outsider.admin]) {
      expect((await client.get(`/api/v1/networking/info/entries/${shea.id}`)).statusCode).toBe(404);
      expect((await client.put(`/api/v1/networking/info/entries/${shea.id}`, entry('Taken over'))).statusCode).toBe(404);
      expect((await client.post(`/api/v1/networking/info/entries/${shea.id}/state`, { state: 'archived' })).statusCode).toBe(404);
    }
    // Northern does not share: neither Ashanti nor the umbrella sees its entry, nor can the outsider guess it.
    expect((await shared(await inOrg(ashanti.id))).map((i) => i.id)).not.toContain(northernEntry.id);
    expect(await shared(await inOrg(umbrella.orgId))).not.toContainEqual(expect.objectContaining({ id: northernEntry.id }));
    expect((await outsider.admin.get(`/api/v1/networking/info/entries/${northernEntry.id}`)).statusCode).toBe(404);

    // The umbrella shares too: both branches see its entry; an archived entry leaves at once.
    as = await inOrg(umbrella.orgId);
    await share(as, 'Info', true);
    for (const orgId of [ashanti.id, northern.id]) expect(titles(await shared(await inOrg(orgId)))).toContain('National export rules');
    as = await inOrg(ashanti.id);
    expect((await as.post(`/api/v1/networking/info/entries/${shea.id}/state`, { state: 'archived' })).statusCode).toBe(200);
    expect(titles(await shared(await inOrg(northern.id)))).toEqual(['Cocoa fair in Abidjan', 'National export rules']);

    // Ashanti takes its choice back: nothing of it crosses any more.
    as = await inOrg(ashanti.id);
    await share(as, 'Info', false);
    expect(titles(await shared(await inOrg(northern.id)))).toEqual(['National export rules']);

    // Every choice is audited, on the organisation that made it, with what it was before.
    const audits = await withSystem(t.database.db, (tx) => tx.select().from(auditLog)
      .where(and(eq(auditLog.orgId, ashanti.id), eq(auditLog.action, 'networking_settings.update'))).orderBy(auditLog.id));
    expect(audits.map((a) => [a.before, a.after])).toEqual([
      [{ shareInfoWithFederation: false }, { shareInfoWithFederation: true }],
      [{ shareInfoWithFederation: true }, { shareInfoWithFederation: false }],
    ]);
  });
});
