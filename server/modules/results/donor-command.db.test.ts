import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../platform/auth/passwords.js';
import { users } from '../../platform/auth/tables.js';
import { withSystem } from '../../platform/db/tenancy.js';
import { useTestApp, Client } from '../../test/app.js';
import { createOrg, createPerson, PASSWORD, uniqueEmail } from '../../test/factories.js';
import { addDonorPerson } from './donor-command.js';

const t = useTestApp();

describe('roundtable donor add', () => {
  it('adds a donor and a new person who signs in for it; again, the donor is kept and an existing account keeps its password', async () => {
    const donor = `Development agency ${randomUUID().slice(0, 8)}`;
    const email = uniqueEmail('donor');
    const first = await addDonorPerson(t.app.database.db, { donor, email, name: 'Greta Donor', passwordHash: await hashPassword(PASSWORD), resetPassword: false });
    expect(first).toMatchObject({ donor: { name: donor }, user: { email, name: 'Greta Donor' }, created: true, orgs: 0 });

    // The new person signs in with no organisation and reads the donor's dashboard: nothing shared yet.
    const person = await new Client(t.app).login(email, PASSWORD);
    const session = (await person.get('/api/v1/auth/session')).json();
    expect(session.org).toBeNull();
    const empty = await person.get('/api/v1/donor/dashboard');
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json()).toEqual({ donors: [donor], programmes: [] });

    // A partner shares a framework with the donor, chosen from the list of donors.
    const a = await createOrg(t.app, { name: 'Kumasi Chamber' });
    const framework = (await a.admin.post('/api/v1/results/frameworks', { name: 'Export readiness', donor })).json();
    const listed = (await a.admin.get('/api/v1/results/donors')).json().items as Array<{ id: string; name: string }>;
    expect(listed.find((d) => d.name === donor)?.id).toBe(first.donor.id);
    expect((await a.admin.post(`/api/v1/results/frameworks/${framework.id}/shares`, { donorId: first.donor.id })).statusCode).toBe(200);
    const seen = (await person.get('/api/v1/donor/dashboard')).json();
    expect(seen.programmes.map((p: { orgName: string; name: string; periods: unknown[] }) => [p.orgName, p.name, p.periods])).toEqual([['Kumasi Chamber', 'Export readiness', []]]);

    // Run again with the same e-mail in other case: the same donor and account, the password unchanged.
    const again = await addDonorPerson(t.app.database.db, { donor, email: email.toUpperCase(), name: 'Someone else', passwordHash: await hashPassword('another password 123'), resetPassword: false });
    expect(again).toMatchObject({ donor: { id: first.donor.id }, user: { id: first.user.id, name: 'Greta Donor' }, created: false });
    await new Client(t.app).login(email, PASSWORD);

    // An existing person of an organisation can be added too (told of it), and a password given resets theirs.
    const staff = await createPerson(t.app, a.orgId, 'staff');
    const staffUser = (await staff.client.get('/api/v1/auth/session')).json().user as { email: string };
    const both = await addDonorPerson(t.app.database.db, { donor, email: staffUser.email, name: 'x', passwordHash: await hashPassword('a brand new password'), resetPassword: true });
    expect(both).toMatchObject({ created: false, orgs: 1 });
    const relogged = await new Client(t.app).login(staffUser.email, 'a brand new password');
    expect((await relogged.get('/api/v1/donor/dashboard')).json().donors).toEqual([donor]);
  });

  it('tells a person with no organisation and no donor that the account is not a donor\'s', async () => {
    const email = uniqueEmail('nobody');
    await withSystem(t.app.database.db, async (tx) => tx.insert(users).values({ email, name: 'Nobody Yet', passwordHash: await hashPassword(PASSWORD) }));
    const nobody = await new Client(t.app).login(email, PASSWORD);
    const refused = await nobody.get('/api/v1/donor/dashboard');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('results.not_a_donor');
    // Nor is a person of an organisation, signed in for it.
    const outsider = await createOrg(t.app, { name: 'Tamale Chamber' });
    expect((await outsider.admin.get('/api/v1/donor/dashboard')).json().code).toBe('results.not_a_donor');
  });
});
