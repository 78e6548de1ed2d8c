import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Enquiry, InfoEntry } from '../../../contracts/networking-info.js';
import { withSystem } from '../../platform/db/tenancy.js';
import { mailOutbox } from '../../platform/mail/tables.js';
import { useTestApp, type Client } from '../../test/app.js';
import { createFirmUser, createMemberFirm, createOrg } from '../../test/factories.js';
import { sendInfoDigests } from './info-digest.js';

const t = useTestApp();
const ghana = { country: 'GH', regions: ['GH-AA', 'GH-NP'] };
const DAY = 86_400_000;

async function activeFirm(admin: Client, fields: Record<string, unknown>) {
  const firm = await createMemberFirm(admin, fields);
  expect((await admin.post(`/api/v1/members/${firm.id}/status`, { status: 'active' })).statusCode).toBe(200);
  return firm;
}

const entry = (over: Record<string, unknown> = {}) => ({
  type: 'export_requirements', title: 'Shea butter into the EU', body: 'Labelling and residue limits.', source: 'EU Access2Markets',
  sourceUrl: 'https://trade.ec.europa.eu/access-to-markets', reviewOn: '2099-01-01', sectors: [], hsCodes: ['1515'], countries: ['FR'], ...over,
});

async function published(admin: Client, over: Record<string, unknown> = {}): Promise<InfoEntry> {
  const created = await admin.post('/api/v1/networking/info/entries', entry(over));
  expect(created.statusCode).toBe(201);
  const done = await admin.post(`/api/v1/networking/info/entries/${created.json().id}/state`, { state: 'published' });
  expect(done.statusCode).toBe(200);
  return done.json();
}

const digestsTo = (orgId: string) => withSystem(t.database.db, (tx) => tx.select().from(mailOutbox)
  .where(and(eq(mailOutbox.orgId, orgId), eq(mailOutbox.kind, 'info_digest'))).orderBy(mailOutbox.createdAt));

describe('information service', () => {
  it('sends a subscribed firm one digest a week at most, listing only new entries that match it', async () => {
    const { admin, orgId } = await createOrg(t.app, ghana);
    const shea = await activeFirm(admin, { legalName: 'Tamale Shea Co', isicClass: '1040', email: 'info@shea.example' });
    const owner = await createFirmUser(t.app, admin, orgId, shea.id);

    // Before subscribing: an entry that would match is never sent.
    await published(admin, { title: 'Old shea rules' });
    const saved = await owner.put('/api/v1/networking/my/info/subscription', { active: true, sectors: ['10'], hsCodes: ['151590'], countries: [], types: [] });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ active: true, sectors: ['10'], hsCodes: ['151590'], lastDigestAt: null });

    await published(admin, { title: 'Shea butter into the EU' }); // HS 1515 ⊃ 151590
    await published(admin, { title: 'Food processing guarantee fund', type: 'finance', hsCodes: [], countries: [], sectors: ['1040'] });
    await published(admin, { title: 'Cocoa fair in Abidjan', type: 'trade_fair', hsCodes: ['1801'], countries: ['CI'] });
    // A draft is never sent.
    expect((await admin.post('/api/v1/networking/info/entries', entry({ title: 'Draft shea note' }))).statusCode).toBe(201);

    const now = Date.now();
    expect(await sendInfoDigests(t.database, new Date(now))).toMatchObject({ digests: 1, mails: 1 });
    let mails = await digestsTo(orgId);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.toEmail).toBe('info@shea.example');
    expect(mails[0]!.body).toContain('Shea butter into the EU');
    expect(mails[0]!.body).toContain('Food processing guarantee fund');
    for (const absent of ['Cocoa fair in Abidjan', 'Old shea rules', 'Draft shea note']) expect(mails[0]!.body).not.toContain(absent);

    // Nothing more the same day, nor three days later, even with a new matching entry.
    expect(await sendInfoDigests(t.database, new Date(now + 1000))).toMatchObject({ digests: 0, mails: 0 });
    await published(admin, { title: 'New EU shea residue limits' });
    expect(await sendInfoDigests(t.database, new Date(now + 3 * DAY))).toMatchObject({ digests: 0 });
    expect(await digestsTo(orgId)).toHaveLength(1);
    // A week after the last one: the new entry only.
    expect(await sendInfoDigests(t.database, new Date(now + 7 * DAY + 1000))).toMatchObject({ digests: 1, mails: 1 });
    mails = await digestsTo(orgId);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.body).toContain('New EU shea residue limits');
    expect(mails[1]!.body).not.toContain('Shea butter into the EU');
    // Nothing new: no mail, however long it has been.
    expect(await sendInfoDigests(t.database, new Date(now + 30 * DAY))).toMatchObject({ digests: 0, mails: 0 });
    expect((await owner.get('/api/v1/networking/my/info/subscription')).json().lastDigestAt).not.toBeNull();
  });

  it('shows a member firm only published entries of its own organisation; staff see review dates due', async () => {
    const { admin, orgId } = await createOrg(t.app, ghana);
    const firm = await activeFirm(admin, { legalName: 'Kumasi Crafts', isicClass: '3290' });
    const owner = await createFirmUser(t.app, admin, orgId, firm.id);
    const shown = await published(admin, { title: 'Export credit guarantee', type: 'finance', reviewOn: '2000-01-01', hsCodes: [], countries: [] });
    const draft = (await admin.post('/api/v1/networking/info/entries', entry({ title: 'Unchecked rumour' }))).json() as InfoEntry;
    const archived = await published(admin, { title: 'Old fair' });
    expect((await admin.post(`/api/v1/networking/info/entries/${archived.id}/state`, { state: 'archived' })).statusCode).toBe(200);

    const mine = (await owner.get('/api/v1/networking/my/info/entries')).json().items as InfoEntry[];
    expect(mine.map((e) => e.title)).toEqual(['Export credit guarantee']);
    expect(mine[0]!.reviewDue).toBe(false);
    expect((await owner.get(`/api/v1/networking/my/info/entries/${draft.id}`)).statusCode).toBe(404);
    expect((await owner.get(`/api/v1/networking/my/info/entries/${archived.id}`)).statusCode).toBe(404);
    expect((await owner.get('/api/v1/networking/my/info/entries?q=guarantee&type=finance')).json().items).toHaveLength(1);
    expect((await owner.get('/api/v1/networking/my/info/entries?q=rumour')).json().items).toHaveLength(0);
    expect((await owner.get('/api/v1/networking/info/entries')).statusCode).toBe(403);

    // Staff: search, filter, the entries past their review date.
    const staff = async (q: string) => ((await admin.get(`/api/v1/networking/info/entries?${q}`)).json().items as InfoEntry[]).map((e) => e.title).sort();
    expect(await staff('')).toEqual(['Export credit guarantee', 'Old fair', 'Unchecked rumour']);
    expect(await staff('reviewDue=true')).toEqual(['Export credit guarantee']);
    expect(await staff('state=draft')).toEqual(['Unchecked rumour']);
    expect(await staff('hs=151590&country=FR')).toEqual(['Old fair', 'Unchecked rumour']);
    expect(await staff('limit=1&sort=title')).toEqual(['Export credit guarantee']);

    // Another organisation sees none of it.
    const other = await createOrg(t.app, ghana);
    const stranger = await activeFirm(other.admin, { legalName: 'Other Org Firm' });
    const strangerUser = await createFirmUser(t.app, other.admin, other.orgId, stranger.id);
    expect((await other.admin.get('/api/v1/networking/info/entries')).json().items).toEqual([]);
    expect((await strangerUser.get('/api/v1/networking/my/info/entries')).json().items).toEqual([]);
    expect((await strangerUser.get(`/api/v1/networking/my/info/entries/${shown.id}`)).statusCode).toBe(404);
    expect((await other.admin.get(`/api/v1/networking/info/entries/${shown.id}`)).statusCode).toBe(404);
    expect((await other.admin.put(`/api/v1/networking/info/entries/${shown.id}`, entry())).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/networking/info/entries/${shown.id}`)).json().title).toBe('Export credit guarantee');
  });

  it('logs an enquiry, its answer and the time to answer, and makes an entry of it', async () => {
    const { admin, orgId } = await createOrg(t.app, ghana);
    const firm = await activeFirm(admin, { legalName: 'Volta Fish Ltd', isicClass: '1020' });
    const owner = await createFirmUser(t.app, admin, orgId, firm.id);
    const asked = await owner.post('/api/v1/networking/my/info/enquiries', { subject: 'Smoked fish to Nigeria', question: 'Which permits do we need to send smoked fish to Lagos?' });
    expect(asked.statusCode).toBe(201);
    const enquiry = asked.json() as Enquiry;
    expect(enquiry).toMatchObject({ state: 'open', answer: null, secondsToAnswer: null, firmName: 'Volta Fish Ltd' });
    expect((await admin.get('/api/v1/networking/info/enquiries?state=open')).json().items.map((e: Enquiry) => e.id)).toEqual([enquiry.id]);
    expect((await admin.post(`/api/v1/networking/info/enquiries/${enquiry.id}/entry`, { type: 'regulation', source: 'Chamber staff', reviewOn: '2099-01-01' })).statusCode).toBe(409);

    // Asked two hours ago.
    await withSystem(t.database.db, (tx) => tx.execute(sql`UPDATE networking_enquiries SET asked_at = asked_at - interval '2 hours' WHERE id = ${enquiry.id}`));
    const answered = await admin.post(`/api/v1/networking/info/enquiries/${enquiry.id}/answer`, { answer: 'A health certificate from the Fisheries Commission and an ECOWAS certificate of origin.' });
    expect(answered.statusCode).toBe(200);
    expect(answered.json().state).toBe('answered');
    expect(answered.json().secondsToAnswer).toBeGreaterThanOrEqual(7200);
    expect(answered.json().secondsToAnswer).toBeLessThan(7200 + 120);
    expect((await admin.post(`/api/v1/networking/info/enquiries/${enquiry.id}/answer`, { answer: 'Again' })).statusCode).toBe(409);
    const mine = (await owner.get('/api/v1/networking/my/info/enquiries')).json().items as Enquiry[];
    expect(mine[0]).toMatchObject({ id: enquiry.id, state: 'answered', answer: expect.stringContaining('Fisheries Commission') });

    const made = await admin.post(`/api/v1/networking/info/enquiries/${enquiry.id}/entry`, { type: 'regulation', source: 'Chamber staff', reviewOn: '2099-01-01' });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ state: 'draft', title: 'Smoked fish to Nigeria', enquiryId: enquiry.id, type: 'regulation' });
    expect(made.json().body).toContain('ECOWAS certificate of origin');
    expect((await admin.get(`/api/v1/networking/info/enquiries/${enquiry.id}`)).json().entryId).toBe(made.json().id);
    expect((await admin.post(`/api/v1/networking/info/enquiries/${enquiry.id}/entry`, { type: 'regulation', source: 'Chamber staff', reviewOn: '2099-01-01' })).statusCode).toBe(409);

    // Another organisation cannot read or answer it; another firm's user does not see it.
    const other = await createOrg(t.app, ghana);
    expect((await other.admin.get(`/api/v1/networking/info/enquiries/${enquiry.id}`)).statusCode).toBe(404);
    expect((await other.admin.get('/api/v1/networking/info/enquiries')).json().items).toEqual([]);
    const neighbour = await activeFirm(admin, { legalName: 'Neighbour Ltd' });
    const neighbourUser = await createFirmUser(t.app, admin, orgId, neighbour.id);
    expect((await neighbourUser.get('/api/v1/networking/my/info/enquiries')).json().items).toEqual([]);
  });
});
