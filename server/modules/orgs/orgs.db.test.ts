import { describe, expect, it } from 'vitest';
import { Client, useTestApp } from '../../test/app.js';
import { createOrg, createPerson, orgInput, PASSWORD, uniqueEmail } from '../../test/factories.js';

const t = useTestApp();

describe('organisation settings', () => {
  it('lets an admin change name, regions, languages and currency, and audits the change', async () => {
    const { admin, orgId } = await createOrg(t.app);
    const res = await admin.put('/api/v1/org', orgInput({ name: 'Ashanti SME Association', kind: 'association', regions: ['GH-AH', 'gh-aa'], languages: ['en', 'tw'], currency: 'ghs' }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: orgId, name: 'Ashanti SME Association', regions: ['GH-AH', 'GH-AA'], currency: 'GHS', languages: ['en', 'tw'] });
    const audit = (await admin.get('/api/v1/audit?action=org.update')).json().items;
    expect(audit[0]).toMatchObject({ action: 'org.update', entityId: orgId, after: expect.objectContaining({ name: 'Ashanti SME Association' }) });
  });

  it('says which field is wrong, and saves nothing', async () => {
    const { admin, orgName } = await createOrg(t.app);
    const res = await admin.put('/api/v1/org', orgInput({ name: 'Changed', country: 'GH', regions: ['KE-30'], currency: 'XXQ', languages: [] }));
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const paths = res.json().errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['currency', 'languages', 'regions.0'].sort());
    const region = res.json().errors.find((e: { path: string }) => e.path === 'regions.0');
    expect(region).toMatchObject({ code: 'orgs.region_not_in_country', message: 'KE-30 is not a region of GH.' });
    expect((await admin.get('/api/v1/org')).json().name).toBe(orgName);
  });

  it('refuses settings changes by staff', async () => {
    const { orgId } = await createOrg(t.app);
    const { client } = await createPerson(t.app, orgId, 'staff');
    expect((await client.put('/api/v1/org', orgInput())).statusCode).toBe(403);
  });
});

describe('branches', () => {
  it('creates branches under an umbrella, lists them, detaches one', async () => {
    const { admin, orgId } = await createOrg(t.app, { regions: ['GH-AA', 'GH-AH', 'GH-NP'] });
    const accra = await admin.post('/api/v1/org/branches', orgInput({ name: 'Accra branch', regions: ['GH-AA'] }));
    expect(accra.statusCode).toBe(201);
    expect(accra.json().parentId).toBe(orgId);
    await admin.post('/api/v1/org/branches', orgInput({ name: 'Kumasi branch', regions: ['GH-AH'] }));
    const list = (await admin.get('/api/v1/org/branches')).json().items.map((b: { name: string }) => b.name);
    expect(list).toEqual(['Accra branch', 'Kumasi branch']);

    // The creating admin administers the new branch and can switch to it.
    const switched = await admin.post('/api/v1/auth/switch-org', { orgId: accra.json().id });
    expect(switched.json().org).toMatchObject({ name: 'Accra branch', role: 'admin' });
    // From the branch, the umbrella's other branches are not visible.
    expect((await admin.get('/api/v1/org/branches')).json().items).toEqual([]);
    await admin.post('/api/v1/auth/switch-org', { orgId });

    expect((await admin.delete(`/api/v1/org/branches/${accra.json().id}`)).json().parentId).toBeNull();
    expect((await admin.get('/api/v1/org/branches')).json().items).toHaveLength(1);
  });

  it('attaches an existing organisation only for someone who administers both, and never in a cycle', async () => {
    const umbrella = await createOrg(t.app);
    const other = await createOrg(t.app);
    const refused = await umbrella.admin.post('/api/v1/org/branches/attach', { orgId: other.orgId });
    expect(refused.json().code).toBe('orgs.not_admin_of_branch');

    const sub = (await umbrella.admin.post('/api/v1/org/branches', orgInput({ name: 'Sub' }))).json();
    // The branch's admin (who also runs the umbrella) tries to put the umbrella under it.
    await umbrella.admin.post('/api/v1/auth/switch-org', { orgId: sub.id });
    const cycle = await umbrella.admin.post('/api/v1/org/branches/attach', { orgId: umbrella.orgId });
    expect(cycle.json().code).toBe('orgs.branch_cycle');
    await umbrella.admin.post('/api/v1/auth/switch-org', { orgId: umbrella.orgId });
    const self = await umbrella.admin.post('/api/v1/org/branches/attach', { orgId: umbrella.orgId });
    expect(self.json().code).toBe('orgs.branch_cycle');
    // A branch that already has an umbrella cannot be attached to another.
    const second = await createOrg(t.app);
    await umbrella.admin.post('/api/v1/auth/switch-org', { orgId: sub.id });
    const subAdmin = await umbrella.admin.get('/api/v1/auth/session');
    expect(subAdmin.json().org.id).toBe(sub.id);
    const invite = await umbrella.admin.post('/api/v1/org/invitations', { email: second.adminEmail, role: 'admin' });
    expect(invite.statusCode).toBe(201);
    const mail = (await umbrella.admin.get('/api/v1/mail/outbox')).json().items[0];
    await second.admin.post(`/api/v1/invitations/${/invitation\/([\w-]+)/.exec(mail.body)![1]}/accept`, {});
    await second.admin.post('/api/v1/auth/switch-org', { orgId: second.orgId });
    expect((await second.admin.post('/api/v1/org/branches/attach', { orgId: sub.id })).json().code).toBe('orgs.already_branch');
  });

  it('refuses a cycle in the database itself', async () => {
    const top = await createOrg(t.app);
    const mid = (await top.admin.post('/api/v1/org/branches', orgInput({ name: 'Mid' }))).json();
    await top.admin.post('/api/v1/auth/switch-org', { orgId: mid.id });
    // Detached top attached under its own branch's branch would be a loop.
    const leaf = (await top.admin.post('/api/v1/org/branches', orgInput({ name: 'Leaf' }))).json();
    const { withSystem } = await import('../../platform/db/tenancy.js');
    const { sql } = await import('drizzle-orm');
    await expect(
      withSystem(t.database.db, (tx) => tx.execute(sql`UPDATE orgs SET parent_id = ${leaf.id} WHERE id = ${top.orgId}`)),
    ).rejects.toThrow();
  });
});

describe('people, roles and invitations', () => {
  it('invites by e-mail, shows the invitation, and the newcomer joins with the role', async () => {
    const { admin, orgId, orgName } = await createOrg(t.app);
    const email = uniqueEmail('newcomer');
    const inv = await admin.post('/api/v1/org/invitations', { email: email.toUpperCase(), role: 'official' });
    expect(inv.statusCode).toBe(201);
    expect(inv.json()).toMatchObject({ email, role: 'official', status: 'pending' });
    expect((await admin.get('/api/v1/org/invitations')).json().items).toHaveLength(1);

    const mail = (await admin.get('/api/v1/mail/outbox')).json().items.find((m: { kind: string }) => m.kind === 'invitation');
    expect(mail).toMatchObject({ toEmail: email, status: 'pending' });
    expect(mail.subject).toContain(orgName);
    const token = /invitation\/([\w-]+)/.exec(mail.body)![1]!;

    const guest = new Client(t.app);
    expect((await guest.get(`/api/v1/invitations/${token}`)).json()).toEqual({ orgName, email, role: 'official', hasAccount: false });
    const missing = await guest.post(`/api/v1/invitations/${token}/accept`, {});
    expect(missing.json().errors.map((e: { path: string }) => e.path)).toEqual(['name', 'password']);
    expect((await guest.post(`/api/v1/invitations/${token}/accept`, { name: 'Hon. Kojo Antwi', password: PASSWORD })).statusCode).toBe(200);
    const session = (await guest.get('/api/v1/auth/session')).json();
    expect(session.org).toMatchObject({ id: orgId, role: 'official' });

    // Used once only.
    expect((await new Client(t.app).get(`/api/v1/invitations/${token}`)).json().code).toBe('orgs.invitation_invalid');
    const people = (await admin.get('/api/v1/org/people')).json().items;
    expect(people.map((p: { name: string; role: string }) => [p.name, p.role])).toContainEqual(['Hon. Kojo Antwi', 'official']);
    expect((await admin.get('/api/v1/org/invitations')).json().items).toHaveLength(0);
  });

  it('refuses to invite someone already in, and revokes an invitation', async () => {
    const { admin, adminEmail } = await createOrg(t.app);
    expect((await admin.post('/api/v1/org/invitations', { email: adminEmail, role: 'staff' })).json().code).toBe('orgs.already_in_organisation');
    const inv = (await admin.post('/api/v1/org/invitations', { email: uniqueEmail(), role: 'staff' })).json();
    expect((await admin.delete(`/api/v1/org/invitations/${inv.id}`)).statusCode).toBe(200);
    expect((await admin.delete(`/api/v1/org/invitations/${inv.id}`)).json().code).toBe('orgs.invitation_not_found');
  });

  it('an existing account must be signed in as the invited address to accept', async () => {
    const a = await createOrg(t.app);
    const b = await createOrg(t.app);
    await a.admin.post('/api/v1/org/invitations', { email: b.adminEmail, role: 'viewer' });
    const mail = (await a.admin.get('/api/v1/mail/outbox')).json().items[0];
    const token = /invitation\/([\w-]+)/.exec(mail.body)![1]!;
    expect((await new Client(t.app).get(`/api/v1/invitations/${token}`)).json().hasAccount).toBe(true);
    const stranger = await new Client(t.app).post(`/api/v1/invitations/${token}/accept`, { name: 'X', password: PASSWORD });
    expect(stranger.json().code).toBe('orgs.invitation_email_mismatch');
    expect((await b.admin.post(`/api/v1/invitations/${token}/accept`, {})).statusCode).toBe(200);
  });

  it('changes roles and removes people, but never the last admin', async () => {
    const { admin, orgId, adminId } = await createOrg(t.app);
    const staff = await createPerson(t.app, orgId, 'staff', 'Esi Staff');
    expect((await admin.put(`/api/v1/org/people/${adminId}/role`, { role: 'staff' })).json().code).toBe('orgs.last_admin');
    expect((await admin.put(`/api/v1/org/people/${staff.userId}/role`, { role: 'admin' })).statusCode).toBe(200);
    expect((await admin.put(`/api/v1/org/people/${adminId}/role`, { role: 'staff' })).statusCode).toBe(200);
    expect((await staff.client.delete(`/api/v1/org/people/${staff.userId}`)).json().code).toBe('orgs.last_admin');
    const audit = (await staff.client.get('/api/v1/audit?action=person.role_change')).json().items;
    expect(audit).toHaveLength(2);
  });

  it('pages through people with a cursor', async () => {
    const { admin, orgId } = await createOrg(t.app);
    for (const name of ['Adjoa', 'Baaba', 'Comfort', 'Dede']) await createPerson(t.app, orgId, 'member', name);
    const first = (await admin.get('/api/v1/org/people?limit=2')).json();
    expect(first.items.map((p: { name: string }) => p.name)).toEqual(['Adjoa', 'Baaba']);
    const second = (await admin.get(`/api/v1/org/people?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((p: { name: string }) => p.name)).toEqual(['Comfort', 'Dede']);
    const third = (await admin.get(`/api/v1/org/people?limit=2&cursor=${second.nextCursor}`)).json();
    expect(third).toEqual({ items: [expect.objectContaining({ name: 'Test Admin' })], nextCursor: null });
    expect((await admin.get('/api/v1/org/people?cursor=garbage')).json().errors[0].code).toBe('invalid_cursor');
  });
});

describe('API tokens', () => {
  it('creates a token shown once, which then reads for the organisation and cannot write settings', async () => {
    const { admin, orgId } = await createOrg(t.app);
    const created = (await admin.post('/api/v1/org/api-tokens', { name: 'Donor dashboard', role: 'viewer' })).json();
    expect(created.secret).toMatch(/^rt_/);
    const bearer = { authorization: `Bearer ${created.secret}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/org', headers: bearer })).json().id).toBe(orgId);
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/org', headers: bearer, payload: orgInput() })).statusCode).toBe(403);
    const listed = (await admin.get('/api/v1/org/api-tokens')).json().items[0];
    expect(listed.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    await admin.delete(`/api/v1/org/api-tokens/${created.token.id}`);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/org', headers: bearer })).statusCode).toBe(401);
  });
});
