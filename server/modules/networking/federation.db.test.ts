import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { FederationOffer, Match, OfferDetail } from '../../../contracts/networking.js';
import type { FederationInfoEntry, InfoEntry } from '../../../contracts/networking-info.js';
import { auditLog } from '../../platform/audit/tables.js';
import { withSystem } from '../../platform/db/tenancy.js';
import { mailOutbox } from '../../platform/mail/tables.js';
import { useTestApp, type Client } from '../../test/app.js';
import { createFirmUser, createMemberFirm, createOrg, orgInput } from '../../test/factories.js';
import { sendInfoDigests } from './info-digest.js';

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

async function share(as: Client, kind: 'Info' | 'Offers', on: boolean, over: Record<string, unknown> = {}) {
  const current = (await as.get('/api/v1/networking/settings')).json();
  const res = await as.put('/api/v1/networking/settings', { ...current, [`share${kind}WithFederation`]: on, ...over });
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

async function activeFirm(as: Client, fields: Record<string, unknown>) {
  const firm = await createMemberFirm(as, fields);
  expect((await as.post(`/api/v1/members/${firm.id}/status`, { status: 'active' })).statusCode).toBe(200);
  return firm;
}

/** An offer entered by staff for a firm, submitted and approved (published for the organisation's expiry period). */
async function publishedOffer(as: Client, memberId: string, input: Record<string, unknown>): Promise<OfferDetail> {
  const created = await as.post('/api/v1/networking/offers', { memberId, ...input });
  expect(created.statusCode, created.body).toBe(201);
  expect((await as.post(`/api/v1/networking/offers/${created.json().id}/submit`)).statusCode).toBe(200);
  const approved = await as.post(`/api/v1/networking/offers/${created.json().id}/approve`);
  expect(approved.statusCode).toBe(200);
  return approved.json();
}

async function sharedOffers(as: Client, query = ''): Promise<FederationOffer[]> {
  const res = await as.get(`/api/v1/networking/federation-offers${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}
const offerTitles = (items: Array<{ title: string }>) => items.map((i) => i.title).sort();

describe('cooperation offers across the federation', () => {
  it('shows a sharing organisation\'s listed offers to its umbrella and siblings, without the firm, matched with reasons, expired ones never', async () => {
    const { umbrella, ashanti, northern, outsider, inOrg } = await federation();

    // Ashanti: a published offer, a published request, a draft, a submitted one and a withdrawn one, all of one firm.
    let as = await inOrg(ashanti.id);
    const seller = await activeFirm(as, { legalName: 'Kumasi Cocoa Traders', isicClass: '0127', region: 'GH-AH', email: 'sales@kumasi-cocoa.example', phone: '+233 20 555 0101' });
    const cocoa = await publishedOffer(as, seller.id, { kind: 'supplier', side: 'offer', title: 'Grade 1 cocoa beans', offered: '20 t a month', sought: 'A chocolate maker', hsCodes: ['180100'], sectors: ['0127'], countries: ['GH'] });
    await publishedOffer(as, seller.id, { kind: 'distributor', side: 'request', title: 'Distributor for cocoa powder', hsCodes: ['1805'], sectors: [], countries: ['NG'] });
    expect((await as.post('/api/v1/networking/offers', { memberId: seller.id, kind: 'supplier', side: 'offer', title: 'Ashanti draft offer', hsCodes: ['1801'] })).statusCode).toBe(201);
    const waiting = (await as.post('/api/v1/networking/offers', { memberId: seller.id, kind: 'supplier', side: 'offer', title: 'Ashanti offer under review', hsCodes: ['1801'] })).json();
    expect((await as.post(`/api/v1/networking/offers/${waiting.id}/submit`)).statusCode).toBe(200);
    const gone = await publishedOffer(as, seller.id, { kind: 'supplier', side: 'offer', title: 'Ashanti withdrawn offer', hsCodes: ['1801'] });
    expect((await as.post(`/api/v1/networking/offers/${gone.id}/withdraw`)).statusCode).toBe(200);
    // A firm whose membership lapsed after it published: its own chamber no longer lists the offer, nor does the federation.
    const lapsed = await activeFirm(as, { legalName: 'Obuasi Cocoa Farmers', isicClass: '0127', region: 'GH-AH' });
    await publishedOffer(as, lapsed.id, { kind: 'supplier', side: 'offer', title: 'Cocoa of a lapsed member', hsCodes: ['1801'], sectors: [], countries: [] });
    expect((await as.post(`/api/v1/members/${lapsed.id}/status`, { status: 'lapsed' })).statusCode).toBe(200);

    // Northern: a chocolate maker asking for cocoa (the match), and an offer of its own it does not share.
    as = await inOrg(northern.id);
    const maker = await activeFirm(as, { legalName: 'Tamale Chocolate Works', isicClass: '1073', region: 'GH-NP' });
    const wanted = await publishedOffer(as, maker.id, { kind: 'supplier', side: 'request', title: 'Cocoa beans wanted', hsCodes: ['1801'], sectors: ['1073'], countries: [] });
    const northernOffer = await publishedOffer(as, maker.id, { kind: 'buyer', side: 'offer', title: 'Northern chocolate buyer', hsCodes: ['1806'] });
    // The outsider shares, but is no one's peer.
    const stranger = await activeFirm(outsider.admin, { legalName: 'Outside Cocoa', isicClass: '0127' });
    await publishedOffer(outsider.admin, stranger.id, { kind: 'supplier', side: 'offer', title: 'Outside cocoa offer', hsCodes: ['1801'] });
    await share(outsider.admin, 'Offers', true, { federationContact: 'Outside desk' });

    // Nobody in the federation shares offers yet; sharing information entries shares no offer.
    as = await inOrg(ashanti.id);
    await share(as, 'Info', true);
    for (const orgId of [umbrella.orgId, ashanti.id, northern.id]) expect(await sharedOffers(await inOrg(orgId))).toEqual([]);
    const before = ((await (await inOrg(northern.id)).get(`/api/v1/networking/offers/${wanted.id}/matches`)).json().items as Match[]);
    expect(before.map((m) => m.offer?.title)).not.toContain('Grade 1 cocoa beans');

    // Ashanti shares its offers, with whom to call: its umbrella and sibling see the listed ones only, marked, the firm not named.
    as = await inOrg(ashanti.id);
    await share(as, 'Offers', true, { federationContact: 'Akosua Mensah, networking desk, +233 32 200 0000' });
    expect(await sharedOffers(as)).toEqual([]);
    for (const orgId of [northern.id, umbrella.orgId]) {
      const items = await sharedOffers(await inOrg(orgId));
      expect(offerTitles(items)).toEqual(['Distributor for cocoa powder', 'Grade 1 cocoa beans']);
      expect(items.every((i) => i.sharedBy.orgId === ashanti.id && i.sharedBy.orgName === 'Ashanti branch' && i.sharedBy.contact === 'Akosua Mensah, networking desk, +233 32 200 0000')).toBe(true);
      // Nothing of the firm crosses: no id, name, address or phone, and no state, interests or introductions.
      const text = JSON.stringify(items);
      for (const secret of [seller.id, 'Kumasi Cocoa Traders', 'sales@kumasi-cocoa.example', '+233 20 555 0101']) expect(text).not.toContain(secret);
      expect(Object.keys(items[0]!)).not.toEqual(expect.arrayContaining(['memberId', 'firmName', 'state', 'interests']));
    }
    as = await inOrg(northern.id);
    expect(await sharedOffers(as, '?side=request')).toEqual([expect.objectContaining({ title: 'Distributor for cocoa powder', kind: 'distributor', countries: ['NG'] })]);
    expect(offerTitles(await sharedOffers(as, '?q=chocolate'))).toEqual(['Grade 1 cocoa beans']);
    expect(offerTitles(await sharedOffers(as, '?kind=supplier'))).toEqual(['Grade 1 cocoa beans']);
    const first = (await as.get('/api/v1/networking/federation-offers?limit=1&sort=title')).json();
    const second = (await as.get(`/api/v1/networking/federation-offers?limit=1&sort=title&cursor=${first.nextCursor}`)).json();
    expect([...first.items, ...second.items].map((o: FederationOffer) => o.title)).toEqual(['Distributor for cocoa powder', 'Grade 1 cocoa beans']);
    expect(second.nextCursor).toBeNull();
    const seen = (await sharedOffers(as, '?q=grade'))[0]!;
    expect(seen).toMatchObject({ id: cocoa.id, offered: '20 t a month', sought: 'A chocolate maker', hsCodes: ['180100'], sectors: ['0127'], publishedAt: cocoa.publishedAt, expiresAt: cocoa.expiresAt });

    // Matchmaking: Northern's request meets Ashanti's shared offer, with its reasons and the chamber to call, not the firm.
    const matches = (await as.get(`/api/v1/networking/offers/${wanted.id}/matches`)).json().items as Match[];
    const across = matches.find((m) => m.offer?.id === cocoa.id)!;
    expect(across).toMatchObject({ memberId: cocoa.id, firmName: '', sharedBy: { orgId: ashanti.id, orgName: 'Ashanti branch', contact: 'Akosua Mensah, networking desk, +233 32 200 0000' } });
    expect(across.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['opposite_sides', 'same_hs_4']));
    // The score is the sum of its reasons' points.
    expect(across.score).toBeCloseTo(across.reasons.reduce((sum, r) => sum + r.points, 0), 6);
    expect(JSON.stringify(matches)).not.toContain('Kumasi Cocoa Traders');
    expect(matches.map((m) => m.offer?.title)).not.toContain('Outside cocoa offer');
    // An introduction stays within one organisation: the shared offer's firm cannot be introduced from here.
    const introduced = await as.post('/api/v1/networking/introductions', { firmA: maker.id, firmB: cocoa.id, offerId: wanted.id });
    expect(introduced.statusCode).toBe(400);
    expect(introduced.json().errors).toEqual([expect.objectContaining({ path: 'firmB', code: 'networking.firm_not_found' })]);

    // Read-only: neither a sibling nor the outsider reads, changes or expresses interest in it by its id.
    const member = await createFirmUser(t.app, as, northern.id, maker.id);
    expect((await member.post(`/api/v1/networking/my/market/${cocoa.id}/interest`, { message: 'We want it' })).statusCode).toBe(404);
    for (const client of [as, outsider.admin]) {
      expect((await client.get(`/api/v1/networking/offers/${cocoa.id}`)).statusCode).toBe(404);
      expect((await client.post(`/api/v1/networking/offers/${cocoa.id}/withdraw`)).statusCode).toBe(404);
    }
    // The outsider sees nothing; Northern does not share, so no one sees its offers.
    expect(await sharedOffers(outsider.admin)).toEqual([]);
    for (const orgId of [ashanti.id, umbrella.orgId]) expect((await sharedOffers(await inOrg(orgId))).map((o) => o.id)).not.toContain(northernOffer.id);

    // Expiry: an offer past its date leaves the list and the matches at once, with nothing written.
    await withSystem(t.database.db, (tx) => tx.execute(sql`UPDATE networking_offers SET expires_at = now() - interval '1 minute' WHERE id = ${cocoa.id}`));
    as = await inOrg(northern.id);
    expect(offerTitles(await sharedOffers(as))).toEqual(['Distributor for cocoa powder']);
    expect(((await as.get(`/api/v1/networking/offers/${wanted.id}/matches`)).json().items as Match[]).map((m) => m.offer?.id)).not.toContain(cocoa.id);

    // Ashanti takes its choice back: nothing of it crosses; the choice and the contact audited with what they were.
    as = await inOrg(ashanti.id);
    await share(as, 'Offers', false);
    expect(await sharedOffers(await inOrg(northern.id))).toEqual([]);
    const audits = await withSystem(t.database.db, (tx) => tx.select().from(auditLog)
      .where(and(eq(auditLog.orgId, ashanti.id), eq(auditLog.action, 'networking_settings.update'))).orderBy(auditLog.id));
    expect(audits.map((a) => [a.before, a.after])).toEqual([
      [{ shareInfoWithFederation: false }, { shareInfoWithFederation: true }],
      [{ shareOffersWithFederation: false, federationContact: '' }, { shareOffersWithFederation: true, federationContact: 'Akosua Mensah, networking desk, +233 32 200 0000' }],
      [{ shareOffersWithFederation: true }, { shareOffersWithFederation: false }],
    ]);
  });
});

describe('the weekly digest across the federation', () => {
  it('lists the entries its federation shares that match the subscription, marked with their organisation, in the one weekly mail', async () => {
    const { umbrella, ashanti, northern, outsider, inOrg } = await federation();
    let as = await inOrg(northern.id);
    const shea = await activeFirm(as, { legalName: 'Tamale Shea Co', isicClass: '1040', email: 'info@tamale-shea.example' });
    const owner = await createFirmUser(t.app, as, northern.id, shea.id);
    expect((await owner.put('/api/v1/networking/my/info/subscription', { active: true, sectors: [], hsCodes: ['151590'], countries: [], types: [] })).statusCode).toBe(200);

    // Northern's own matching entry; Ashanti (sharing) one matching and one not; the umbrella (not sharing) and the outsider (sharing) one matching each.
    await publish(as, 'Northern shea guide');
    as = await inOrg(ashanti.id);
    await share(as, 'Info', true);
    await publish(as, 'Shea butter into the EU');
    await publish(as, 'Cocoa fair in Abidjan', { type: 'trade_fair', hsCodes: ['1801'], countries: ['CI'] });
    const archived = await publish(as, 'Archived shea note');
    expect((await as.post(`/api/v1/networking/info/entries/${archived.id}/state`, { state: 'archived' })).statusCode).toBe(200);
    await publish(await inOrg(umbrella.orgId), 'Umbrella shea rules');
    await share(outsider.admin, 'Info', true);
    await publish(outsider.admin, 'Outside shea secret');

    const digests = () => withSystem(t.database.db, (tx) => tx.select().from(mailOutbox)
      .where(and(eq(mailOutbox.orgId, northern.id), eq(mailOutbox.kind, 'info_digest'))).orderBy(mailOutbox.createdAt));
    const now = Date.now();
    expect(await sendInfoDigests(t.database, new Date(now))).toMatchObject({ digests: 1, mails: 1 });
    const [mail] = await digests();
    expect(mail!.toEmail).toBe('info@tamale-shea.example');
    const listed = (body: string) => body.split('\n').filter((l) => l.startsWith('- '));
    expect(listed(mail!.body)).toEqual([
      '- Export market requirements: Northern shea guide (EU Access2Markets)',
      '- Export market requirements: Shea butter into the EU (EU Access2Markets) — shared by Ashanti branch',
    ]);

    // Still one digest a week: a new shared entry waits for next week's mail.
    as = await inOrg(ashanti.id);
    await publish(as, 'Shea nut export licence');
    expect(await sendInfoDigests(t.database, new Date(now + 1000))).toMatchObject({ digests: 0, mails: 0 });
    // What is shared is read when the digest goes: Ashanti stopped sharing, so next week there is nothing new.
    await share(as, 'Info', false);
    expect(await sendInfoDigests(t.database, new Date(now + 7 * 86_400_000 + 1000))).toMatchObject({ digests: 0, mails: 0 });
    // It shares again: the entry comes, alone, in the one mail of the week.
    await share(as, 'Info', true);
    expect(await sendInfoDigests(t.database, new Date(now + 7 * 86_400_000 + 2000))).toMatchObject({ digests: 1, mails: 1 });
    const mails = await digests();
    expect(mails).toHaveLength(2);
    expect(listed(mails[1]!.body)).toEqual(['- Export market requirements: Shea nut export licence (EU Access2Markets) — shared by Ashanti branch']);
  });
});
