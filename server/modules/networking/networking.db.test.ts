import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Match, Offer, OfferDetail, Profile, WhyNot } from '../../../contracts/networking.js';
import { withSystem, withTenant } from '../../platform/db/tenancy.js';
import { useTestApp, type Client } from '../../test/app.js';
import { createFirmUser, createMemberFirm, createOrg } from '../../test/factories.js';
import { planDirectoryText, publicDirectoryPage, type DirectoryTextPlan } from './directory-search-service.js';
import { sendNetworkingReminders } from './renewal-reminders.js';

const t = useTestApp();
const ghana = { country: 'GH', regions: ['GH-AA', 'GH-NP'] };

async function activeFirm(admin: Client, fields: Record<string, unknown>) {
  const firm = await createMemberFirm(admin, fields);
  expect((await admin.post(`/api/v1/members/${firm.id}/status`, { status: 'active' })).statusCode).toBe(200);
  return firm;
}

const profile = (over: Record<string, unknown> = {}) => ({
  optedIn: true, summary: 'Shea butter from Tamale', offerings: [{ name: 'Shea butter', kind: 'product', hsCode: '151590' }],
  exportMarkets: ['NG', 'FR'], certifications: ['FDA Ghana'], languages: ['en', 'dag'], publicFields: ['summary', 'offerings', 'sector', 'region'], ...over,
});

const auditOf = async (admin: Client, type: string, id: string) =>
  (await admin.get(`/api/v1/audit?entityType=${type}&entityId=${id}`)).json().items.map((e: { action: string }) => e.action).reverse();

describe('directory profiles', () => {
  it('shows only listed profiles, only their public fields, contacts only when the firm allows; expired ones leave search and matching', async () => {
    const { admin, orgId } = await createOrg(t.app, ghana);
    const shea = await activeFirm(admin, { legalName: 'Tamale Shea Co', isicClass: '1040', region: 'GH-NP', email: 'sales@shea.example', phone: '+233 20 111 2222', website: 'https://shea.example' });
    const nuts = await activeFirm(admin, { legalName: 'Savannah Nut Collectors', isicClass: '0126', region: 'GH-NP', email: 'nuts@collect.example' });
    const hidden = await activeFirm(admin, { legalName: 'Not Listed Ltd', isicClass: '1040' });
    const owner = await createFirmUser(t.app, admin, orgId, shea.id);

    // The firm edits its own profile (members.self-style); staff edit another firm's.
    const own = await owner.put('/api/v1/networking/my/profile', profile());
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ memberId: shea.id, state: 'published', sector: '1040', region: 'GH-NP' } satisfies Partial<Profile>);
    expect(Date.parse(own.json().expiresAt) - Date.now()).toBeGreaterThan(360 * 86_400_000);
    expect((await owner.put('/api/v1/networking/profiles/' + nuts.id, profile())).statusCode).toBe(403);
    expect((await admin.put(`/api/v1/networking/profiles/${nuts.id}`, profile({ summary: 'Shea nuts picked by women groups', offerings: [{ name: 'Shea nuts', kind: 'product', hsCode: '120792' }] }))).statusCode).toBe(200);
    expect((await admin.put(`/api/v1/networking/profiles/${hidden.id}`, profile({ optedIn: false, summary: 'Secret summary' }))).statusCode).toBe(200);
    const bad = await admin.put(`/api/v1/networking/profiles/${nuts.id}`, profile({ offerings: [{ name: 'X', kind: 'product', hsCode: '1515901' }, { name: 'Y', kind: 'product', hsCode: '77' }] }));
    expect(bad.json().errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([['offerings.0.hsCode', 'networking.hs_code_format'], ['offerings.1.hsCode', 'networking.hs_code_format']]);

    // Search by HS prefix, sector, region, market, certification, text.
    const search = async (q: string) => (await admin.get(`/api/v1/networking/profiles?state=published&${q}`)).json().items.map((p: Profile) => p.firmName).sort();
    expect(await search('hs=1515')).toEqual(['Tamale Shea Co']);
    expect(await search('hs=12')).toEqual(['Savannah Nut Collectors']);
    expect(await search('sector=01')).toEqual(['Savannah Nut Collectors']);
    expect(await search('region=GH-NP&market=NG&certification=fda%20ghana')).toEqual(['Savannah Nut Collectors', 'Tamale Shea Co']);
    expect(await search('q=women')).toEqual(['Savannah Nut Collectors']);
    expect(await search('q=tamale')).toEqual(['Tamale Shea Co']);
    // Staff find words as the public directory does (names of products, not the JSON around them), in every field, public or not.
    expect(await search('q=product')).toEqual([]);
    expect(await search('q=fda')).toEqual(['Savannah Nut Collectors', 'Tamale Shea Co']);
    expect((await admin.get('/api/v1/networking/profiles?q=secret')).json().items.map((p: Profile) => p.firmName)).toEqual(['Not Listed Ltd']);

    // The public directory: listed firms only, no contacts, schema.org data.
    const directory = await new (owner.constructor as typeof Client)(t.app).get(`/directory/${orgId}`);
    expect(directory.statusCode).toBe(200);
    expect(directory.body).toContain('Tamale Shea Co');
    expect(directory.body).toContain('"makesOffer"');
    expect(directory.body).not.toContain('Not Listed Ltd');
    expect(directory.body).not.toContain('Secret summary');
    for (const secret of ['sales@shea.example', '111 2222', 'shea.example', 'nuts@collect.example', 'FDA Ghana']) expect(directory.body).not.toContain(secret);
    const firmUrl = `/directory/${orgId}/firms/${shea.id}`;
    const page = await new (owner.constructor as typeof Client)(t.app).get(firmUrl);
    expect(page.body).toContain('HS 151590');
    expect(page.body).not.toContain('sales@shea.example');
    expect((await new (owner.constructor as typeof Client)(t.app).get(`/directory/${orgId}/firms/${hidden.id}`)).statusCode).toBe(404);
    // The firm allows its contacts: now they show, on the page and in its JSON-LD.
    await owner.put('/api/v1/networking/my/profile', profile({ publicFields: ['summary', 'offerings', 'contacts'] }));
    const allowed = (await new (owner.constructor as typeof Client)(t.app).get(firmUrl)).body;
    expect(allowed).toContain('"email":"sales@shea.example"');
    expect(allowed).not.toContain('GH-NP');
    // A public search matches only what a firm made public: the shea firm hid its region, nobody its markets or certifications.
    const publicSearch = async (q: string) => (await new (owner.constructor as typeof Client)(t.app).get(`/directory/${orgId}?${q}`)).body;
    const byRegion = await publicSearch('region=GH-NP');
    expect(byRegion).toContain('Savannah Nut Collectors');
    expect(byRegion).not.toContain('Tamale Shea Co');
    for (const q of ['market=NG', 'certification=fda%20ghana', 'q=fda']) {
      const body = await publicSearch(q);
      expect(body, q).not.toContain('Savannah Nut Collectors');
      expect(body, q).not.toContain('Tamale Shea Co');
    }
    // Staff cannot make a firm's contacts public; the firm's own choice stays.
    const nutsProfile = { summary: 'Shea nuts picked by women groups', offerings: [{ name: 'Shea nuts', kind: 'product', hsCode: '120792' }] };
    await admin.put(`/api/v1/networking/profiles/${nuts.id}`, profile({ ...nutsProfile, publicFields: ['summary', 'offerings', 'sector', 'region', 'contacts'] }));
    expect((await admin.get(`/api/v1/networking/profiles/${nuts.id}`)).json().publicFields).toEqual(['summary', 'offerings', 'sector', 'region']);
    await admin.put(`/api/v1/networking/profiles/${shea.id}`, profile({ publicFields: ['summary', 'offerings', 'contacts'] }));
    expect((await admin.get(`/api/v1/networking/profiles/${shea.id}`)).json().publicFields).toContain('contacts');
    // Another organisation's directory does not list these firms, nor serve their pages.
    const other = await createOrg(t.app, ghana);
    expect((await new (owner.constructor as typeof Client)(t.app).get(`/directory/${other.orgId}`)).body).not.toContain('Tamale Shea Co');
    expect((await new (owner.constructor as typeof Client)(t.app).get(`/directory/${other.orgId}/firms/${shea.id}`)).statusCode).toBe(404);
    expect((await other.admin.get(`/api/v1/networking/profiles/${shea.id}`)).statusCode).toBe(404);
    expect((await other.admin.get('/api/v1/networking/profiles')).json().items).toEqual([]);

    // Matching from the nut collectors finds the shea processor, with reasons.
    const matches = (await admin.get(`/api/v1/networking/profiles/${nuts.id}/matches`)).json().items as Match[];
    expect(matches.map((m) => m.firmName)).toEqual(['Tamale Shea Co']);
    expect(matches[0]!.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['supply_link', 'linked_products', 'same_region']));

    // Expired: off the directory, out of search and matching, and "why not" says so.
    await withSystem(t.database.db, (tx) => tx.execute(sql`UPDATE networking_profiles SET expires_at = now() - interval '1 day' WHERE member_id = ${shea.id}`));
    expect(await search('hs=1515')).toEqual([]);
    expect((await new (owner.constructor as typeof Client)(t.app).get(`/directory/${orgId}`)).body).not.toContain('Tamale Shea Co');
    expect((await new (owner.constructor as typeof Client)(t.app).get(firmUrl)).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/networking/profiles/${nuts.id}/matches`)).json().items).toEqual([]);
    const why = (await admin.get(`/api/v1/networking/profiles/${nuts.id}/why-not/${shea.id}`)).json() as WhyNot;
    expect(why).toMatchObject({ matched: false, blockers: ['expired'] });
    expect(await auditOf(admin, 'networking_profile', shea.id)).toEqual(['networking_profile.create', 'networking_profile.update', 'networking_profile.update']);
  });
});

describe('cooperation offers, interest and introductions', () => {
  it('runs the review, expresses interest through the chamber, and follows the introduction to a deal', async () => {
    const { admin, orgId } = await createOrg(t.app, ghana);
    const seller = await activeFirm(admin, { legalName: 'Kumasi Cocoa Traders', isicClass: '0127', region: 'GH-AA' });
    const buyer = await activeFirm(admin, { legalName: 'Accra Chocolate Works', isicClass: '1073', region: 'GH-AA' });
    const rival = await activeFirm(admin, { legalName: 'Another Cocoa Seller', isicClass: '0127', region: 'GH-AA' });
    const sellerUser = await createFirmUser(t.app, admin, orgId, seller.id);
    const buyerUser = await createFirmUser(t.app, admin, orgId, buyer.id);

    const input = { kind: 'supplier', side: 'offer', title: 'Grade 1 cocoa beans', offered: '20 t a month', sought: 'A chocolate maker', hsCodes: ['180100'], sectors: ['0127'], countries: ['GH'] };
    const draft = (await sellerUser.post('/api/v1/networking/my/offers', input)).json() as OfferDetail;
    expect(draft).toMatchObject({ state: 'draft', memberId: seller.id, firmName: 'Kumasi Cocoa Traders' });
    expect((await buyerUser.put(`/api/v1/networking/my/offers/${draft.id}`, input)).statusCode).toBe(404);
    expect((await admin.post(`/api/v1/networking/offers/${draft.id}/approve`)).statusCode).toBe(409);
    await sellerUser.post(`/api/v1/networking/my/offers/${draft.id}/submit`);
    expect((await admin.get('/api/v1/networking/offers?state=submitted')).json().items.map((o: Offer) => o.id)).toEqual([draft.id]);
    expect((await admin.post(`/api/v1/networking/offers/${draft.id}/return`, { reason: ' ' })).json().errors[0].code).toBe('networking.reason_required');
    const returned = (await admin.post(`/api/v1/networking/offers/${draft.id}/return`, { reason: 'Name the quality grade standard' })).json();
    expect(returned).toMatchObject({ state: 'returned', returnReason: 'Name the quality grade standard' });
    await sellerUser.put(`/api/v1/networking/my/offers/${draft.id}`, { ...input, offered: '20 t a month, COCOBOD grade 1' });
    await sellerUser.post(`/api/v1/networking/my/offers/${draft.id}/submit`);
    const published = (await admin.post(`/api/v1/networking/offers/${draft.id}/approve`)).json() as OfferDetail;
    expect(published).toMatchObject({ state: 'published', returnReason: null });
    const months = (Date.parse(published.expiresAt!) - Date.parse(published.publishedAt!)) / (30.44 * 86_400_000);
    expect(Math.round(months)).toBe(12);

    // The buyer asks for a supplier; the rival offers the same thing (same side).
    const request = (await admin.post('/api/v1/networking/offers', { memberId: buyer.id, kind: 'supplier', side: 'request', title: 'Cocoa beans wanted', hsCodes: ['1801'], sectors: ['1073'], countries: [] })).json();
    await admin.post(`/api/v1/networking/offers/${request.id}/submit`);
    await admin.post(`/api/v1/networking/offers/${request.id}/approve`);
    const same = (await admin.post('/api/v1/networking/offers', { memberId: rival.id, ...input, title: 'More cocoa beans' })).json();
    await admin.post(`/api/v1/networking/offers/${same.id}/submit`);
    await admin.post(`/api/v1/networking/offers/${same.id}/approve`);
    const matches = (await admin.get(`/api/v1/networking/offers/${draft.id}/matches`)).json().items as Match[];
    expect(matches.map((m) => [m.firmName, m.offer?.title])).toEqual([['Accra Chocolate Works', 'Cocoa beans wanted']]);
    expect(matches[0]!.reasons.map((r) => r.code)).toEqual(['opposite_sides', 'supply_link', 'same_hs_4', 'same_region', 'same_size']);
    expect(((await admin.get(`/api/v1/networking/offers/${draft.id}/why-not/${rival.id}`)).json() as WhyNot).blockers).toContain('same_side');
    const whyBuyer = (await admin.get(`/api/v1/networking/offers/${draft.id}/why-not/${buyer.id}`)).json() as WhyNot;
    expect(whyBuyer).toMatchObject({ matched: true, rank: 1, blockers: [] });
    // Staff change the weights: the explanation follows.
    const settings = (await admin.get('/api/v1/networking/settings')).json();
    await admin.put('/api/v1/networking/settings', { ...settings, weights: { ...settings.weights, place: 0 } });
    expect(((await admin.get(`/api/v1/networking/offers/${draft.id}/matches`)).json().items as Match[])[0]!.reasons.map((r) => r.code)).not.toContain('same_region');

    // The buyer sees the published offer of another firm and says it is interested: it goes to the chamber.
    const market = (await buyerUser.get('/api/v1/networking/my/market')).json().items.map((o: Offer) => o.title).sort();
    expect(market).toEqual(['Grade 1 cocoa beans', 'More cocoa beans']);
    expect((await sellerUser.post(`/api/v1/networking/my/market/${draft.id}/interest`, { message: 'mine' })).json().code).toBe('networking.own_offer');
    const interest = (await buyerUser.post(`/api/v1/networking/my/market/${draft.id}/interest`, { message: 'We need 5 t a month' })).json().items[0];
    expect((await buyerUser.post(`/api/v1/networking/my/market/${draft.id}/interest`, {})).statusCode).toBe(409);
    expect((await admin.get('/api/v1/networking/interests')).json().items.map((i: { firmName: string }) => i.firmName)).toEqual(['Accra Chocolate Works']);
    // The chamber sees who is interested; the offering firm does not (the chamber chooses whom to introduce).
    expect((await admin.get(`/api/v1/networking/offers/${draft.id}`)).json().interestList).toHaveLength(1);
    expect((await sellerUser.get(`/api/v1/networking/my/offers/${draft.id}`)).json().interestList).toEqual([]);

    // Staff introduce the firms; the status goes proposed → accepted → met → deal, never skipping.
    const intro = (await admin.post('/api/v1/networking/introductions', { firmA: seller.id, firmB: buyer.id, offerId: draft.id, interestId: interest.id, note: 'Met at the chamber' })).json();
    expect(intro).toMatchObject({ state: 'proposed', firmA: { name: 'Kumasi Cocoa Traders' }, firmB: { name: 'Accra Chocolate Works' }, offer: { id: draft.id } });
    expect((await admin.post(`/api/v1/networking/introductions/${intro.id}/state`, { state: 'deal' })).statusCode).toBe(409);
    for (const state of ['accepted', 'met', 'deal']) expect((await admin.post(`/api/v1/networking/introductions/${intro.id}/state`, { state })).json().state).toBe(state);
    expect((await admin.post(`/api/v1/networking/introductions/${intro.id}/state`, { state: 'no_deal' })).statusCode).toBe(409);
    const mine = (await buyerUser.get('/api/v1/networking/my/interests')).json();
    expect(mine.interests[0]).toMatchObject({ state: 'introduced', offerTitle: 'Grade 1 cocoa beans' });
    expect(mine.introductions.map((i: { state: string }) => i.state)).toEqual(['deal']);
    expect((await admin.get(`/api/v1/networking/offers/${draft.id}`)).json().introductions[0].state).toBe('deal');

    // Every change is audited, on the offer and on the introduction.
    expect(await auditOf(admin, 'networking_offer', draft.id)).toEqual([
      'networking_offer.create', 'networking_offer.submit', 'networking_offer.return', 'networking_offer.update', 'networking_offer.submit', 'networking_offer.approve', 'networking_offer.interest',
    ]);
    expect(await auditOf(admin, 'networking_introduction', intro.id)).toEqual(['networking_introduction.create', 'networking_introduction.state', 'networking_introduction.state', 'networking_introduction.state']);

    // Another organisation sees none of it.
    const other = await createOrg(t.app, ghana);
    expect((await other.admin.get(`/api/v1/networking/offers/${draft.id}`)).statusCode).toBe(404);
    expect((await other.admin.get(`/api/v1/networking/offers/${draft.id}/matches`)).statusCode).toBe(404);
    expect((await other.admin.post(`/api/v1/networking/introductions/${intro.id}/state`, { state: 'no_deal' })).statusCode).toBe(404);
    expect((await other.admin.get('/api/v1/networking/offers')).json().items).toEqual([]);

    // A renewal reminder goes before expiry, once; an expired offer leaves matching and the market.
    await withSystem(t.database.db, (tx) => tx.execute(sql`UPDATE networking_offers SET expires_at = now() + interval '10 days' WHERE id = ${draft.id}`));
    await admin.post(`/api/v1/members/${seller.id}/contacts`, { name: 'Yaw Mensah', email: 'yaw@cocoa.example', consentToContact: true });
    expect(await sendNetworkingReminders(t.database)).toMatchObject({ offers: 1, mails: 1 });
    expect(await sendNetworkingReminders(t.database)).toMatchObject({ offers: 0, mails: 0 });
    const mail = (await admin.get('/api/v1/mail/outbox')).json().items.find((m: { kind: string }) => m.kind === 'networking_renewal');
    expect(mail).toMatchObject({ toEmail: 'yaw@cocoa.example' });
    await withSystem(t.database.db, (tx) => tx.execute(sql`UPDATE networking_offers SET expires_at = now() - interval '1 day' WHERE id = ${draft.id}`));
    expect((await admin.get(`/api/v1/networking/offers/${request.id}/matches`)).json().items.map((m: Match) => m.offer?.title)).toEqual(['More cocoa beans']);
    expect((await admin.get(`/api/v1/networking/offers/${draft.id}`)).json().state).toBe('expired');
    expect((await buyerUser.get('/api/v1/networking/my/market')).json().items.map((o: Offer) => o.title)).toEqual(['More cocoa beans']);
  });
});

describe('introductions and deals in results', () => {
  it('counts every introduction, and a deal once per pair of firms whichever side reported it', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const [a, b, c] = [
      await activeFirm(admin, { legalName: 'Tamale Shea Processors', isicClass: '1040', region: 'GH-NP' }),
      await activeFirm(admin, { legalName: 'Accra Cosmetics', isicClass: '2023', region: 'GH-AA' }),
      await activeFirm(admin, { legalName: 'Tema Packaging', isicClass: '1702', region: 'GH-AA' }),
    ];
    const introduce = async (firmA: string, firmB: string, states: string[]) => {
      const intro = (await admin.post('/api/v1/networking/introductions', { firmA, firmB, note: '' })).json();
      for (const state of states) expect((await admin.post(`/api/v1/networking/introductions/${intro.id}/state`, { state })).statusCode).toBe(200);
      return intro.id as string;
    };
    const first = await introduce(a.id, b.id, ['accepted', 'met', 'deal']);
    // The same deal reported from the other side: the pair counts once, dated by its first deal.
    const second = await introduce(b.id, a.id, ['accepted', 'met', 'deal']);
    await introduce(a.id, c.id, ['accepted', 'met']);
    await introduce(b.id, c.id, ['no_deal']);

    const framework = (await admin.post('/api/v1/results/frameworks', { name: 'Linkages', donor: 'Donor X' })).json();
    for (const [library, name, level] of [['networking.introductions', 'Introductions', 'output'], ['networking.deals', 'Deals', 'outcome']]) {
      expect((await admin.post(`/api/v1/results/frameworks/${framework.id}/indicators`, { library, name, level, kind: 'count', dimensions: [] })).statusCode).toBe(201);
    }
    const year = new Date().getUTCFullYear();
    const period = (await admin.post(`/api/v1/results/frameworks/${framework.id}/periods`, { label: String(year), startsOn: `${year}-01-01`, endsOn: `${year}-12-31` })).json();
    const report = (await admin.get(`/api/v1/results/periods/${period.id}`)).json();
    const byName = new Map(report.results.map((r: { name: string; total: { n: number }; indicatorId: string }) => [r.name, r]));
    expect((byName.get('Introductions') as { total: { n: number } }).total.n).toBe(4);
    const deals = byName.get('Deals') as { total: { n: number }; indicatorId: string };
    expect(deals.total.n).toBe(1);
    const records = (await admin.get(`/api/v1/results/periods/${period.id}/indicators/${deals.indicatorId}/records`)).json();
    expect(records.items).toHaveLength(1);
    expect(records.items[0].type).toBe('networking_introduction');
    expect([first, second]).toContain(records.items[0].id);
    // A period before the deals counts none.
    const before = (await admin.post(`/api/v1/results/frameworks/${framework.id}/periods`, { label: String(year - 1), startsOn: `${year - 1}-01-01`, endsOn: `${year - 1}-12-31` })).json();
    expect((await admin.get(`/api/v1/results/periods/${before.id}`)).json().results.map((r: { total: { n: number } }) => r.total.n)).toEqual([0, 0]);
  });

  it('pages the public directory in name order, counts every firm that matches, and keeps the search on the next page', async () => {
    const { admin, orgId } = await createOrg(t.app, ghana);
    const anon = new (admin.constructor as typeof Client)(t.app);
    // Five listed firms, given out of order; one more whose membership lapsed, one not listed.
    const names = ['Ewe Kente House', 'Accra Cassava Mills', 'Dagbon Shea Works', 'Bolga Baskets', 'Cape Coast Salt'];
    const listed = new Map<string, string>();
    for (const name of names) {
      const firm = await activeFirm(admin, { legalName: name, region: 'GH-NP' });
      await admin.put(`/api/v1/networking/profiles/${firm.id}`, profile({ summary: name.includes('Salt') ? 'Salt evaporated by the sun' : 'Made in Ghana' }));
      listed.set(name, firm.id);
    }
    const lapsed = await activeFirm(admin, { legalName: 'Aaa Lapsed Traders' });
    await admin.put(`/api/v1/networking/profiles/${lapsed.id}`, profile());
    expect((await admin.post(`/api/v1/members/${lapsed.id}/status`, { status: 'lapsed' })).statusCode).toBe(200);
    const unlisted = await activeFirm(admin, { legalName: 'Aab Unlisted' });
    await admin.put(`/api/v1/networking/profiles/${unlisted.id}`, profile({ optedIn: false }));

    // Two at a time: every listed firm once, in name order, whatever order they were entered in.
    const asPublic = { orgId, role: 'viewer' as const, actor: { userId: null, name: 'Public' }, locale: 'en' };
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await withTenant(t.database.db, asPublic, (ctx) => publicDirectoryPage(ctx, {}, new Date(), { cursor, limit: 2 }));
      expect(page.found).toBe(5);
      seen.push(...page.profiles.map((p) => p.firm.name));
      cursor = page.next ?? undefined;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(pages).toBe(3);

    // Words find a firm by its name (a prefix) or by its public text; the count is of what matches.
    const byText = await withTenant(t.database.db, asPublic, (ctx) => publicDirectoryPage(ctx, { q: 'evaporated' }, new Date()));
    expect([byText.found, byText.profiles.map((p) => p.firm.name)]).toEqual([1, ['Cape Coast Salt']]);
    const byName = await withTenant(t.database.db, asPublic, (ctx) => publicDirectoryPage(ctx, { q: 'bolg' }, new Date()));
    expect(byName.profiles.map((p) => p.firm.name)).toEqual(['Bolga Baskets']);

    // The page: the count, and a cursor in the address that continues after the first firm, with the search kept.
    const first = await withTenant(t.database.db, asPublic, (ctx) => publicDirectoryPage(ctx, { region: 'GH-NP' }, new Date(), { limit: 1 }));
    const html = (await anon.get(`/directory/${orgId}?region=GH-NP&cursor=${encodeURIComponent(first.next!)}`)).body;
    expect(html).toContain('Firms listed: 5');
    expect(html).not.toContain('Accra Cassava Mills');
    for (const name of names.filter((n) => n !== 'Accra Cassava Mills')) expect(html).toContain(name);
    expect(html).toContain(`href="/directory/${orgId}?region=GH-NP">First page</a>`);
    expect(html).not.toContain('Aaa Lapsed Traders');
    expect(html).not.toContain('Aab Unlisted');
    // An edited cursor starts at the first page rather than failing.
    const edited = await anon.get(`/directory/${orgId}?cursor=not-a-cursor`);
    expect(edited.statusCode).toBe(200);
    expect(edited.body).toContain('Accra Cassava Mills');
  });

  it('finds the same firms and counts by every way of searching the words, and estimates a word\'s share from the tenant\'s own profiles', async () => {
    const { admin, orgId } = await createOrg(t.app, ghana);
    // Six listed firms: "sun" in the public summary of four, hidden (summary not public) in a fifth.
    const firms: Array<[name: string, summary: string, publicFields: string[]]> = [
      ['Accra Cassava Mills', 'Cassava flour dried in the sun', ['summary', 'offerings']],
      ['Bolga Baskets', 'Baskets woven in the sun', ['summary', 'offerings']],
      ['Cape Coast Salt', 'Salt evaporated by the sun', ['summary', 'offerings']],
      ['Dagbon Shea Works', 'Shea butter, sun dried nuts', ['summary', 'offerings']],
      ['Ewe Kente House', 'Kente woven in the sun, 100% cotton', ['offerings']],
      ['Fante Fish Smokers', 'Smoked fish', ['summary', 'offerings']],
    ];
    for (const [legalName, summary, publicFields] of firms) {
      const firm = await activeFirm(admin, { legalName, region: 'GH-NP', email: `${legalName.split(' ')[0]!.toLowerCase()}@contact.example` });
      expect((await admin.put(`/api/v1/networking/profiles/${firm.id}`, profile({ summary, publicFields, offerings: [{ name: `${legalName} goods`, kind: 'product', hsCode: '151590' }] }))).statusCode).toBe(200);
    }
    // Another organisation's profiles, all holding a word none of this one's do.
    const other = await createOrg(t.app, ghana);
    for (const legalName of ['Zebra One', 'Zebra Two']) {
      const firm = await activeFirm(other.admin, { legalName });
      await other.admin.put(`/api/v1/networking/profiles/${firm.id}`, profile({ summary: 'Zanzibar cloves' }));
    }

    const asPublic = { orgId, role: 'viewer' as const, actor: { userId: null, name: 'Public' }, locale: 'en' };
    const shareOf = async (q: string) => Number((await withTenant(t.database.db, asPublic, (ctx) => ctx.tx.execute<{ s: number }>(sql`SELECT networking_profile_text_share(${q}) AS s`))).rows[0]!.s);
    expect(await shareOf('sun')).toBeCloseTo(4 / 6, 5);
    expect(await shareOf('zanzibar')).toBe(0);
    expect(await shareOf('smoked')).toBeCloseTo(1 / 6, 5);

    // Every page, two firms at a time, and each page's count, by one way.
    const allPages = async (q: string, plan?: DirectoryTextPlan) => {
      const pages: Array<{ names: string[]; found: number }> = [];
      let cursor: string | undefined;
      do {
        const page = await withTenant(t.database.db, asPublic, (ctx) => publicDirectoryPage(ctx, { q }, new Date(), { cursor, limit: 2 }, plan ? async () => plan : planDirectoryText));
        pages.push({ names: page.profiles.map((p) => p.firm.name), found: page.found });
        cursor = page.next ?? undefined;
      } while (cursor && pages.length < 10);
      return pages;
    };
    const ways: DirectoryTextPlan[] = [{ way: 'gather' }, { way: 'test' }, { way: 'walk', window: 1000 }, { way: 'walk', window: 2 }, { way: 'walk', window: 1 }];
    const expected: Record<string, string[]> = {
      sun: ['Accra Cassava Mills', 'Bolga Baskets', 'Cape Coast Salt', 'Dagbon Shea Works'],
      // A word of a name (Ewe Kente House hid its summary: only its name finds it).
      house: ['Ewe Kente House'],
      // Names of products and services are public text.
      goods: firms.map(([n]) => n),
      // A misspelt name, as the member list finds it.
      cassave: ['Accra Cassava Mills'],
      // Hidden fields and contacts are not searched; a wildcard is a character like any other.
      cotton: [], 'contact.example': [], '%': [], _: [], 'sun_': [], '100%': [],
      zanzibar: [],
    };
    for (const [q, names] of Object.entries(expected)) {
      const byDefault = await allPages(q);
      expect([q, byDefault.flatMap((p) => p.names)]).toEqual([q, names]);
      // Every page counts all the matches (independently: the names listed), however many pages there are.
      expect([q, byDefault.map((p) => p.found)]).toEqual([q, byDefault.map(() => names.length)]);
      if (names.length > 2) expect(byDefault.length).toBe(Math.ceil(names.length / 2));
      for (const plan of ways) expect([q, plan, await allPages(q, plan)]).toEqual([q, plan, byDefault]);
    }
  });
});
