import { describe, expect, it } from 'vitest';
import { Client, useTestApp } from '../../test/app.js';
import { createMemberFirm, createOrg, orgInput, PASSWORD } from '../../test/factories.js';

const t = useTestApp();
const ghana = { regions: ['GH-AA', 'GH-AH', 'GH-NP'] };

describe('membership dashboard', () => {
  it('counts statuses, joins, income, arrears and the active membership by sector, size and ownership', async () => {
    const { admin } = await createOrg(t.app, ghana);
    await admin.post('/api/v1/membership/tiers', { name: 'Ordinary', fees: { micro: 10000, small: 20000, medium: 30000, large: 40000 } });
    const tier = (await admin.get('/api/v1/membership/tiers')).json().items[0];
    const a = await createMemberFirm(admin, { isicClass: '1040', womenLed: true, tierId: tier.id });
    const b = await createMemberFirm(admin, { isicClass: '4520', employeesMale: 40, tierId: tier.id });
    await createMemberFirm(admin, { isicClass: '1079' });
    await admin.post(`/api/v1/members/${a.id}/status`, { status: 'active' });
    await admin.post(`/api/v1/members/${b.id}/status`, { status: 'active' });
    const invoice = (await admin.get(`/api/v1/members/${a.id}/invoices`)).json().items[0];
    const today = new Date().toISOString().slice(0, 10);
    await admin.post(`/api/v1/invoices/${invoice.id}/payments`, { amount: 4000, paidOn: today, method: 'cash' });

    const d = (await admin.get('/api/v1/members/dashboard?months=3')).json();
    expect(d.statuses).toEqual({ active: 2, applicant: 1 });
    expect(d.series).toHaveLength(3);
    expect(d.series.at(-1)).toMatchObject({ active: 2, joins: 2, lapses: 0, income: 4000 });
    expect(d.arrears).toEqual({ amount: 0, firms: 0 }); // not yet due
    expect(d.bySector).toEqual(expect.arrayContaining([{ key: 'C', count: 1 }, { key: 'G', count: 1 }]));
    expect(d.bySize).toEqual(expect.arrayContaining([{ key: 'micro', count: 1 }, { key: 'small', count: 1 }]));
    expect(d.byOwnership).toEqual(expect.arrayContaining([{ key: 'women_led', count: 1 }, { key: 'other', count: 1 }]));
  });

  it('gives an umbrella its branches in figures only', async () => {
    const { admin, orgId } = await createOrg(t.app, ghana);
    const branch = (await admin.post('/api/v1/org/branches', orgInput({ name: 'Northern branch', regions: ['GH-NP'] }))).json();
    await admin.post('/api/v1/auth/switch-org', { orgId: branch.id });
    await createMemberFirm(admin, { region: 'GH-NP', womenLed: true });
    const f = await createMemberFirm(admin, { region: 'GH-NP', formality: 'informal' });
    await admin.post(`/api/v1/members/${f.id}/status`, { status: 'active' });
    await admin.post('/api/v1/auth/switch-org', { orgId });
    expect((await admin.get('/api/v1/members')).json().total).toBe(0);
    const items = (await admin.get('/api/v1/members/dashboard/branches')).json().items;
    expect(items).toEqual([{ orgId: branch.id, name: 'Northern branch', sharesMemberData: false, firms: 2, active: 1, applicants: 1, lapsed: 0, womenLedActive: 0, informalActive: 1 }]);
  });
});

describe('the member portal', () => {
  it('lets a firm’s own user see and correct its profile and see its invoices, and nothing else', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const firm = await createMemberFirm(admin, { legalName: 'Bonwire Kente House' });
    await createMemberFirm(admin, { legalName: 'Another Firm' });
    expect((await admin.post(`/api/v1/members/${firm.id}/portal-access`, { email: 'owner@kente.example' })).json()).toEqual({ invited: true });
    const mail = (await admin.get('/api/v1/mail/outbox')).json().items[0];
    const token = /invitation\/([\w-]+)/.exec(mail.body)![1]!;
    const owner = new Client(t.app);
    await owner.post(`/api/v1/invitations/${token}/accept`, { name: 'Kofi Owner', password: PASSWORD });

    const own = (await owner.get('/api/v1/portal/firm')).json();
    expect(own).toMatchObject({ id: firm.id, legalName: 'Bonwire Kente House' });
    const corrected = await owner.put('/api/v1/portal/firm', { ...own, products: 'Kente cloth, stoles', employeesFemale: 5 });
    expect(corrected.json()).toMatchObject({ products: 'Kente cloth, stoles', employeesFemale: 5, version: 2 });
    expect((await owner.get('/api/v1/portal/invoices')).json().items).toEqual([]);
    expect((await owner.get('/api/v1/members')).statusCode).toBe(403);
    expect((await owner.get(`/api/v1/members/${firm.id}`)).statusCode).toBe(403);

    await admin.delete(`/api/v1/members/${firm.id}/portal-access/owner@kente.example`);
    expect((await owner.get('/api/v1/portal/firm')).json().code).toBe('members.not_linked');
  });
});

describe('data protection', () => {
  it('exports everything about a firm and a person, and erases a person while keeping the figures', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const firm = await createMemberFirm(admin, { legalName: 'Yendi Grains' });
    const contact = (await admin.post(`/api/v1/members/${firm.id}/contacts`, { name: 'Abiba Seidu', email: 'abiba@example.test', sex: 'female', consentToContact: true })).json();
    const firmExport = (await admin.get(`/api/v1/members/${firm.id}/privacy-export`)).json();
    expect(firmExport.firm.legalName).toBe('Yendi Grains');
    expect(firmExport.contacts[0].name).toBe('Abiba Seidu');
    expect(firmExport.auditTrail.length).toBeGreaterThan(1);
    const person = (await admin.get(`/api/v1/contacts/${contact.id}/privacy-export`)).json();
    expect(person.person.email).toBe('abiba@example.test');

    expect((await admin.post(`/api/v1/contacts/${contact.id}/erase`)).statusCode).toBe(200);
    const after = (await admin.get(`/api/v1/members/${firm.id}/contacts`)).json().items[0];
    expect(after).toMatchObject({ name: 'Erased person', email: null, sex: 'female', erased: true });
    const audit = JSON.stringify((await admin.get('/api/v1/audit?limit=200')).json());
    expect(audit).not.toContain('Abiba');
    expect(audit).not.toContain('abiba@example.test');
  });

  it('is for admins only', async () => {
    const { admin, orgId } = await createOrg(t.app, ghana);
    const firm = await createMemberFirm(admin);
    const { createPerson } = await import('../../test/factories.js');
    const staff = await createPerson(t.app, orgId, 'staff');
    expect((await staff.client.get(`/api/v1/members/${firm.id}/privacy-export`)).statusCode).toBe(403);
  });
});
