import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.js';
import { createOrg, createPerson, orgInput } from '../../test/factories.js';

const t = useTestApp();

describe('audit log', () => {
  it('records who changed what, with old and new values, newest first', async () => {
    const { admin, orgId } = await createOrg(t.app, { name: 'Before Name' });
    await admin.put('/api/v1/org', orgInput({ name: 'After Name' }));
    const items = (await admin.get('/api/v1/audit')).json().items;
    expect(items.map((e: { action: string }) => e.action)).toEqual(['org.update', 'person.add', 'org.create']);
    expect(items[0]).toMatchObject({ actorName: 'Test Admin', entityType: 'org', entityId: orgId, before: { name: 'Before Name' }, after: { name: 'After Name' } });
    expect(items[0].before).not.toHaveProperty('regions');
  });

  it('filters by actor, action, entity and date, and pages', async () => {
    const { admin, orgId } = await createOrg(t.app);
    const staff = await createPerson(t.app, orgId, 'staff', 'Kojo Filter');
    await admin.put(`/api/v1/org/people/${staff.userId}/role`, { role: 'viewer' });
    await admin.post('/api/v1/org/invitations', { email: 'x1@example.test', role: 'staff' });
    await admin.post('/api/v1/org/invitations', { email: 'x2@example.test', role: 'staff' });
    expect((await admin.get('/api/v1/audit?action=invitation')).json().items).toHaveLength(2);
    expect((await admin.get(`/api/v1/audit?entityType=user&entityId=${staff.userId}`)).json().items[0].action).toBe('person.role_change');
    expect((await admin.get('/api/v1/audit?actor=nobody')).json().items).toHaveLength(0);
    expect((await admin.get('/api/v1/audit?actor=test%20adm')).json().items.length).toBeGreaterThan(3);
    const today = new Date().toISOString().slice(0, 10);
    expect((await admin.get(`/api/v1/audit?from=${today}&to=${today}`)).json().items.length).toBeGreaterThan(3);
    expect((await admin.get('/api/v1/audit?to=2000-01-01')).json().items).toHaveLength(0);
    expect((await admin.get('/api/v1/audit?from=not-a-date')).statusCode).toBe(400);
    const page1 = (await admin.get('/api/v1/audit?limit=2')).json();
    const page2 = (await admin.get(`/api/v1/audit?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.items[0].id).toBeLessThan(page1.items[1].id);
  });

  it('exports the filtered log as CSV, with formulas neutralised', async () => {
    const { admin } = await createOrg(t.app);
    await admin.put('/api/v1/auth/profile', { name: '=HYPERLINK("http://evil")', locale: 'en' });
    await admin.post('/api/v1/org/invitations', { email: 'csv@example.test', role: 'staff' });
    const res = await admin.get('/api/v1/audit/export.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('id,at,actor,action,entity_type,entity_id,before,after');
    expect(lines).toHaveLength(5);
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil"")"`);
    const filtered = await admin.get('/api/v1/audit/export.csv?action=invitation');
    expect(filtered.body.trim().split('\n')).toHaveLength(2);
  });

  it('is for admins only', async () => {
    const { orgId } = await createOrg(t.app);
    const staff = await createPerson(t.app, orgId, 'staff');
    expect((await staff.client.get('/api/v1/audit')).statusCode).toBe(403);
    expect((await staff.client.get('/api/v1/audit/export.csv')).statusCode).toBe(403);
  });
});
