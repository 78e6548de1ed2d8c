import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '../../platform/auth/tables.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { withSystem, withTenant } from '../../platform/db/tenancy.js';
import { useTestApp, Client } from '../../test/app.js';
import { createMemberFirm, createOrg, createPerson, PASSWORD, uniqueEmail } from '../../test/factories.js';
import { addDonorUser, createDonor } from './donor-service.js';

const t = useTestApp();
const YEAR = { label: '2026', startsOn: '2026-01-01', endsOn: '2026-12-31' };
type Admin = Awaited<ReturnType<typeof createOrg>>['admin'];

/** A framework with one indicator typed by hand, its 2026 report approved with `value`. */
async function approvedFramework(admin: Admin, name: string, value: number) {
  const framework = (await admin.post('/api/v1/results/frameworks', { name, donor: 'GIZ' })).json();
  const indicator = (await admin.post(`/api/v1/results/frameworks/${framework.id}/indicators`, { name: 'Firms advised', level: 'output', kind: 'count', dimensions: [] })).json().indicators[0];
  const period = (await admin.post(`/api/v1/results/frameworks/${framework.id}/periods`, YEAR)).json();
  const valued = await admin.post(`/api/v1/results/periods/${period.id}/indicators/${indicator.id}/values`, { cell: {}, value, evidence: `Secret evidence of ${name}` });
  expect(valued.statusCode, valued.body).toBe(201);
  expect((await admin.put(`/api/v1/results/periods/${period.id}/targets/${indicator.id}`, { value: 50 })).statusCode).toBe(200);
  expect((await admin.post(`/api/v1/results/periods/${period.id}/submit`)).statusCode).toBe(200);
  const approved = await admin.post(`/api/v1/results/periods/${period.id}/approve`);
  expect(approved.statusCode, approved.body).toBe(200);
  return { frameworkId: framework.id as string, periodId: period.id as string, indicatorId: indicator.id as string };
}

/** A person who signs in for `donorId` and holds no role in any organisation. */
async function donorPerson(donorId: string) {
  const email = uniqueEmail('donor');
  const passwordHash = await hashPassword(PASSWORD);
  const [user] = await withSystem(t.app.database.db, (tx) => tx.insert(users).values({ email, name: 'Greta Donor', passwordHash }).returning());
  await addDonorUser(t.app.database.db, donorId, user!.id);
  return new Client(t.app).login(email, PASSWORD);
}

describe('a donor sees the frameworks partner organisations share with it, and nothing else', () => {
  it('across two partners, nothing of a third, nothing once revoked, no member data through any route', async () => {
    const giz = await createDonor(t.app.database.db, 'GIZ');
    const other = await createDonor(t.app.database.db, 'KfW');
    const a = await createOrg(t.app, { name: 'Accra Chamber' });
    const b = await createOrg(t.app, { name: 'Bolgatanga Chamber' });
    const c = await createOrg(t.app, { name: 'Cape Coast Chamber' });
    for (const o of [a, b, c]) await createMemberFirm(o.admin, { name: `Hidden Firm of ${o.orgName}` });
    const fa = await approvedFramework(a.admin, 'SME growth A', 12);
    const fb = await approvedFramework(b.admin, 'SME growth B', 30);
    const fc = await approvedFramework(c.admin, 'SME growth C', 99);

    // Sharing is the director's: staff may not; an unknown donor is refused.
    const staff = await createPerson(t.app, a.orgId, 'staff');
    expect((await staff.client.post(`/api/v1/results/frameworks/${fa.frameworkId}/shares`, { donorId: giz.id })).statusCode).toBe(403);
    expect((await a.admin.post(`/api/v1/results/frameworks/${fa.frameworkId}/shares`, { donorId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    // Another organisation's framework cannot be shared from here.
    expect((await c.admin.post(`/api/v1/results/frameworks/${fa.frameworkId}/shares`, { donorId: giz.id })).statusCode).toBe(404);
    const shared = await a.admin.post(`/api/v1/results/frameworks/${fa.frameworkId}/shares`, { donorId: giz.id });
    expect(shared.statusCode, shared.body).toBe(200);
    expect(shared.json().items.map((s: { donorName: string }) => s.donorName)).toEqual(['GIZ']);
    expect((await b.admin.post(`/api/v1/results/frameworks/${fb.frameworkId}/shares`, { donorId: giz.id })).statusCode).toBe(200);
    expect((await c.admin.post(`/api/v1/results/frameworks/${fc.frameworkId}/shares`, { donorId: other.id })).statusCode).toBe(200);

    const donor = await donorPerson(giz.id);
    const seen = await donor.get('/api/v1/donor/dashboard');
    expect(seen.statusCode, seen.body).toBe(200);
    const dashboard = seen.json();
    expect(dashboard.donors).toEqual(['GIZ']);
    expect(dashboard.programmes.map((p: { orgName: string; name: string }) => [p.orgName, p.name])).toEqual([
      ['Accra Chamber', 'SME growth A'],
      ['Bolgatanga Chamber', 'SME growth B'],
    ]);
    const totals = dashboard.programmes.map((p: { periods: Array<{ indicators: Array<{ total: unknown; target: number; records: number }> }> }) => p.periods[0]!.indicators[0]);
    expect(totals).toEqual([expect.objectContaining({ total: { n: 12 }, target: 50, records: 1 }), expect.objectContaining({ total: { n: 30 }, target: 50, records: 1 })]);
    // Equal to the organisation's own dashboard and its report, cell for cell.
    const own = (await a.admin.get('/api/v1/results/dashboard')).json();
    expect(own.programmes[0].periods).toEqual(dashboard.programmes[0].periods);
    expect((await a.admin.get(`/api/v1/results/periods/${fa.periodId}`)).json().results[0].total).toEqual({ n: 12 });
    // Figures only: no record ids, no evidence, nothing of the third organisation.
    const text = seen.body;
    expect(text).not.toMatch(/Secret evidence|Hidden Firm|Cape Coast|SME growth C|KfW/);
    expect(text).not.toContain(fc.frameworkId);

    // Every other route, given the partners' ids, answers the donor nothing.
    const ids: Record<string, string> = { id: fa.frameworkId, childId: fa.indicatorId, indicatorId: fa.indicatorId, orgId: a.orgId, frameworkId: fa.frameworkId, donorId: giz.id };
    const leaks: string[] = [];
    for (const route of t.app.routeTable) {
      // The person's own routes (signing out, the profile) are theirs to use.
      if (route.url === '/api/v1/donor/dashboard' || route.url.includes('*') || (route.config.auth === 'user' && route.method !== 'GET')) continue;
      for (const url of [route.url.replace(/:(\w+)/g, (_, k: string) => ids[k] ?? fa.frameworkId), route.url.replace(/:(\w+)/g, (_, k: string) => (k === 'id' ? fa.periodId : (ids[k] ?? fa.periodId)))]) {
        const res = await donor.request({ method: route.method as 'GET', url, payload: route.method === 'GET' ? undefined : { donorId: giz.id } });
        if (/Secret evidence|Hidden Firm|SME growth|Firms advised/.test(res.body)) leaks.push(`${route.method} ${url} ${res.statusCode}`);
        if (res.statusCode < 300 && route.config.auth === 'tenant') leaks.push(`${route.method} ${url} ${res.statusCode}`);
      }
    }
    expect(leaks).toEqual([]);
    // The partner's share still stands, untouched by the walk.
    expect((await a.admin.get(`/api/v1/results/frameworks/${fa.frameworkId}/shares`)).json().items).toHaveLength(1);

    // A person of an organisation is no donor; nor is a made-up session, even for the app role.
    expect((await c.admin.get('/api/v1/donor/dashboard')).statusCode).toBe(403);
    const forged = await withTenant(t.app.database.db, { orgId: c.orgId, role: 'admin', actor: { userId: null, name: 'x' }, locale: 'en' }, async (ctx) => ({
      rows: (await ctx.tx.execute(sql`SELECT * FROM results_donor_programmes(${'0'.repeat(64)})`)).rows,
      // Row-level security: another organisation's shares are invisible.
      shares: (await ctx.tx.execute(sql`SELECT * FROM results_framework_shares`)).rows,
      // The app role never reads who signs in for a donor.
      denied: await ctx.tx.execute(sql`SELECT 1 FROM results_donor_users`).then(() => false, () => true),
    }));
    expect(forged.rows).toEqual([]);
    expect(forged.shares.map((s) => (s as { framework_id: string }).framework_id)).toEqual([fc.frameworkId]);
    expect(forged.denied).toBe(true);

    // Revoked: the donor sees only the second partner, and the revocation is in the audit log.
    const revoked = await a.admin.delete(`/api/v1/results/frameworks/${fa.frameworkId}/shares/${giz.id}`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().items).toEqual([]);
    expect((await a.admin.delete(`/api/v1/results/frameworks/${fa.frameworkId}/shares/${giz.id}`)).statusCode).toBe(404);
    const after = (await donor.get('/api/v1/donor/dashboard')).json();
    expect(after.programmes.map((p: { orgName: string }) => p.orgName)).toEqual(['Bolgatanga Chamber']);
    expect(JSON.stringify(after)).not.toContain('Accra');
    const actions = await withSystem(t.app.database.db, (tx) =>
      tx.execute<{ action: string }>(sql`SELECT action FROM audit_log WHERE org_id = ${a.orgId} AND entity_id = ${fa.frameworkId} AND action LIKE 'results.framework_%share' ORDER BY id`),
    );
    expect(actions.rows.map((r) => r.action)).toEqual(['results.framework_share', 'results.framework_unshare']);

    // Signed out, the donor's session reads nothing.
    expect((await donor.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await donor.get('/api/v1/donor/dashboard')).statusCode).toBe(401);
  });
});
