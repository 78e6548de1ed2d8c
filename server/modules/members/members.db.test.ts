import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.js';
import { createMemberFirm, createOrg, createPerson } from '../../test/factories.js';

const t = useTestApp();
const ghana = { regions: ['GH-AA', 'GH-AH', 'GH-NP'] };

describe('member firms', () => {
  it('records a firm with its sector, region and size class, and audits it', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const res = await admin.post('/api/v1/members', {
      legalName: 'Bonwire Kente Weavers Cooperative',
      tradeName: 'Bonwire Kente',
      registrationNumber: 'CS-123456',
      isicClass: '1312',
      region: 'gh-ah',
      employeesFemale: 14,
      employeesMale: 6,
      womenLed: true,
      ownerSex: 'female',
      foundedYear: 1998,
      exportStatus: 'occasional',
      tags: ['Kente', 'crafts', 'kente'],
      latitude: 6.7,
      longitude: -1.5,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ region: 'GH-AH', sizeClass: 'small', status: 'applicant', tags: ['kente', 'crafts'], version: 1 });
    const audit = (await admin.get('/api/v1/audit?action=member.create')).json().items;
    expect(audit[0].after).toMatchObject({ legalName: 'Bonwire Kente Weavers Cooperative', isicDivision: '13' });
  });

  it('refuses unknown sectors, regions outside the organisation, unknown districts and half a map point', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const res = await admin.post('/api/v1/members', { legalName: 'X', isicClass: '9999', latitude: 5 });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['isicClass', 'longitude']);
    const outside = await admin.post('/api/v1/members', { legalName: 'X', region: 'GH-UE', district: 'Bolgatanga' });
    expect(outside.json().errors.map((e: { code: string }) => e.code).sort()).toEqual(['members.district_unknown', 'members.region_not_in_org']);
    expect((await admin.get('/api/v1/members')).json().total).toBe(0);
  });

  it('never overwrites a change made by someone else in the meantime', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const firm = await createMemberFirm(admin);
    const body = { legalName: 'Renamed Ltd', isicClass: '1079', region: 'GH-AA', version: firm.version };
    expect((await admin.put(`/api/v1/members/${firm.id}`, body)).json().version).toBe(2);
    const stale = await admin.put(`/api/v1/members/${firm.id}`, { ...body, legalName: 'Other name' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('members.version_conflict');
    expect((await admin.get(`/api/v1/members/${firm.id}`)).json().legalName).toBe('Renamed Ltd');
  });
});

describe('finding firms', () => {
  it('searches names fuzzily and without accents, filters at any ISIC level, and pages', async () => {
    const { admin } = await createOrg(t.app, ghana);
    await createMemberFirm(admin, { legalName: 'Société Kenté Bonwire', isicClass: '1312', region: 'GH-AH', tags: ['crafts'] });
    await createMemberFirm(admin, { legalName: 'Tamale Shea Butter Processors', isicClass: '1040', region: 'GH-NP', formality: 'informal', womenLed: true });
    await createMemberFirm(admin, { legalName: 'Kumasi Auto Repairs', isicClass: '4520', region: 'GH-AH', employeesMale: 30 });
    await createMemberFirm(admin, { legalName: 'Accra Cassava Gari Ltd', isicClass: '1061', region: 'GH-AA' });
    const names = async (query: string) => (await admin.get(`/api/v1/members?${query}`)).json().items.map((m: { legalName: string }) => m.legalName);

    expect(await names('q=societe%20kente')).toEqual(['Société Kenté Bonwire']);
    expect(await names('q=kentey')).toEqual(['Société Kenté Bonwire']);
    expect(await names('q=shea')).toEqual(['Tamale Shea Butter Processors']);
    // Each word on its own: order and a misspelling do not matter, every word must match.
    expect(await names('q=procesors%20%20tamale')).toEqual(['Tamale Shea Butter Processors']);
    expect(await names('q=tamale%20gari')).toEqual([]);
    // A short word matches the start of a word only; a word of symbols alone is ignored.
    expect(await names('q=ku')).toEqual(['Kumasi Auto Repairs']);
    expect(await names('q=%25%20_')).toEqual([]);
    expect(await names('sector=C')).toHaveLength(3);
    expect(await names('sector=10')).toEqual(['Accra Cassava Gari Ltd', 'Tamale Shea Butter Processors']);
    expect(await names('sector=106')).toEqual(['Accra Cassava Gari Ltd']);
    expect(await names('sector=4520')).toEqual(['Kumasi Auto Repairs']);
    expect(await names('region=GH-AH&sort=-name')).toEqual(['Société Kenté Bonwire', 'Kumasi Auto Repairs']);
    expect(await names('size=small')).toEqual(['Kumasi Auto Repairs']);
    expect(await names('informal=true')).toEqual(['Tamale Shea Butter Processors']);
    expect(await names('womenLed=true')).toEqual(['Tamale Shea Butter Processors']);
    expect(await names('tag=crafts')).toEqual(['Société Kenté Bonwire']);
    expect(await names('status=active')).toEqual([]);

    const first = (await admin.get('/api/v1/members?limit=3')).json();
    expect(first.total).toBe(4);
    const second = (await admin.get(`/api/v1/members?limit=3&cursor=${first.nextCursor}`)).json();
    expect([...first.items, ...second.items].map((m: { legalName: string }) => m.legalName)).toEqual([
      'Accra Cassava Gari Ltd',
      'Kumasi Auto Repairs',
      'Société Kenté Bonwire',
      'Tamale Shea Butter Processors',
    ]);
    expect(second.nextCursor).toBeNull();
    const created = (await admin.get('/api/v1/members?sort=-created&limit=2')).json();
    const rest = (await admin.get(`/api/v1/members?sort=-created&limit=2&cursor=${created.nextCursor}`)).json();
    expect(new Set([...created.items, ...rest.items].map((m: { id: string }) => m.id)).size).toBe(4);
  });

  it('exports the filtered list as CSV and XLSX', async () => {
    const { admin } = await createOrg(t.app, ghana);
    await createMemberFirm(admin, { legalName: '=cmd|calc', region: 'GH-AA' });
    await createMemberFirm(admin, { legalName: 'Kumasi Kente', region: 'GH-AH' });
    const csv = await admin.get('/api/v1/members/export.csv?region=GH-AA');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("'=cmd|calc");
    const xlsx = await admin.request({ method: 'GET', url: '/api/v1/members/export.xlsx' });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('members')!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(1).getCell(2).value).toBe('legal_name');
  });

  it('keeps saved views per person', async () => {
    const { admin, orgId } = await createOrg(t.app, ghana);
    const view = (await admin.post('/api/v1/members/views', { name: 'Northern shea', query: { region: 'GH-NP', sector: '1040' } })).json();
    expect((await admin.get('/api/v1/members/views')).json().items).toEqual([view]);
    const staff = await createPerson(t.app, orgId, 'staff');
    expect((await staff.client.get('/api/v1/members/views')).json().items).toEqual([]);
    expect((await staff.client.delete(`/api/v1/members/views/${view.id}`)).json().code).toBe('members.view_not_found');
    // Views belong to a person: an API token has none.
    const token = (await admin.post('/api/v1/org/api-tokens', { name: 'Dashboard', role: 'staff' })).json().secret;
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/members/views', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(403);
    expect((await admin.delete(`/api/v1/members/views/${view.id}`)).statusCode).toBe(200);
  });
});

describe('membership and fees', () => {
  it('approves an applicant, starts the year, invoices the fee of tier and size, records payments and arrears', async () => {
    const { admin } = await createOrg(t.app, ghana);
    expect((await admin.post('/api/v1/membership/tiers', { name: 'Ordinary', fees: { micro: 20000, small: 50000, medium: 150000, large: 400000 } })).statusCode).toBe(201);
    const tier = (await admin.get('/api/v1/membership/tiers')).json().items[0];
    const firm = await createMemberFirm(admin, { tierId: tier.id, employeesFemale: 3, employeesMale: 2 });
    const approved = (await admin.post(`/api/v1/members/${firm.id}/status`, { status: 'active', reason: 'Board approval' })).json();
    const today = new Date().toISOString().slice(0, 10);
    expect(approved).toMatchObject({ status: 'active', joinedOn: today });
    expect(approved.renewalDueOn.slice(0, 4)).toBe(String(Number(today.slice(0, 4)) + 1));
    const history = (await admin.get(`/api/v1/members/${firm.id}/status-history`)).json().items;
    expect(history.map((h: { toStatus: string }) => h.toStatus)).toEqual(['active', 'applicant']);
    expect(history[0]).toMatchObject({ fromStatus: 'applicant', reason: 'Board approval', changedBy: 'Test Admin' });

    const [invoice] = (await admin.get(`/api/v1/members/${firm.id}/invoices`)).json().items;
    expect(invoice).toMatchObject({ amount: 20000, paid: 0, currency: 'GHS', status: 'open' });
    expect(invoice.number).toMatch(/^\d{4}-00001$/);
    const over = await admin.post(`/api/v1/invoices/${invoice.id}/payments`, { amount: 30000, paidOn: today, method: 'mobile_money' });
    expect(over.json().errors[0]).toMatchObject({ path: 'amount', code: 'members.payment_exceeds' });
    expect((await admin.post(`/api/v1/invoices/${invoice.id}/payments`, { amount: 5000, paidOn: today, method: 'mobile_money', reference: 'MM-77' })).json()).toMatchObject({ paid: 5000, status: 'open' });
    expect((await admin.post(`/api/v1/invoices/${invoice.id}/payments`, { amount: 15000, paidOn: today, method: 'cash' })).json()).toMatchObject({ paid: 20000, status: 'paid' });
    expect((await admin.post(`/api/v1/invoices/${invoice.id}/payments`, { amount: 1, paidOn: today, method: 'cash' })).json().code).toBe('members.invoice_not_open');
    expect((await admin.post(`/api/v1/members/${firm.id}/status`, { status: 'active' })).json().code).toBe('members.status_unchanged');
  });

  it('reclassifies members when the thresholds change, and checks districts', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const firm = await createMemberFirm(admin, { employeesFemale: 4, employeesMale: 2 });
    expect(firm.sizeClass).toBe('micro');
    const bad = await admin.put('/api/v1/members/settings', { microMaxEmployees: 50, smallMaxEmployees: 10, mediumMaxEmployees: 100, microMaxTurnover: null, smallMaxTurnover: null, mediumMaxTurnover: null, districts: [] });
    expect(bad.json().errors[0].code).toBe('members.thresholds_order');
    const settings = { microMaxEmployees: 5, smallMaxEmployees: 29, mediumMaxEmployees: 99, microMaxTurnover: null, smallMaxTurnover: null, mediumMaxTurnover: null, districts: [{ region: 'GH-NP', name: 'Tamale Metropolitan' }] };
    expect((await admin.put('/api/v1/members/settings', settings)).statusCode).toBe(200);
    expect((await admin.get(`/api/v1/members/${firm.id}`)).json().sizeClass).toBe('small');
    await createMemberFirm(admin, { region: 'GH-NP', district: 'tamale metropolitan' });
    const wrongRegion = await admin.post('/api/v1/members', { legalName: 'Y', region: 'GH-AA', district: 'Tamale Metropolitan' });
    expect(wrongRegion.json().errors[0].code).toBe('members.district_unknown');
  });
});

describe('contacts and timeline', () => {
  it('keeps contacts with their consent date, and a timeline of services', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const firm = await createMemberFirm(admin);
    const contact = (await admin.post(`/api/v1/members/${firm.id}/contacts`, { name: 'Akua Boateng', role: 'Managing director', email: 'akua@example.test', consentToContact: true })).json();
    expect(contact.consentRecordedAt).not.toBeNull();
    const withdrawn = (await admin.put(`/api/v1/members/${firm.id}/contacts/${contact.id}`, { name: 'Akua Boateng', role: 'Managing director', consentToContact: false })).json();
    expect(withdrawn).toMatchObject({ consentToContact: false, consentRecordedAt: null, email: null });
    await admin.post(`/api/v1/members/${firm.id}/interactions`, { kind: 'service', occurredOn: '2026-03-02', summary: 'Export documentation advice', service: 'Export advisory' });
    await admin.post(`/api/v1/members/${firm.id}/interactions`, { kind: 'visit', occurredOn: '2026-05-10', summary: 'Workshop visit' });
    const timeline = (await admin.get(`/api/v1/members/${firm.id}/interactions`)).json().items;
    expect(timeline.map((i: { occurredOn: string }) => i.occurredOn)).toEqual(['2026-05-10', '2026-03-02']);
  });
});

describe('who may see the registry', () => {
  it('lets viewers read, not write; keeps member firms out of the list', async () => {
    const { admin, orgId } = await createOrg(t.app, ghana);
    await createMemberFirm(admin);
    const viewer = await createPerson(t.app, orgId, 'viewer');
    expect((await viewer.client.get('/api/v1/members')).json().total).toBe(1);
    expect((await viewer.client.post('/api/v1/members', { legalName: 'No' })).statusCode).toBe(403);
    const member = await createPerson(t.app, orgId, 'member');
    expect((await member.client.get('/api/v1/members')).statusCode).toBe(403);
  });
});
