import { describe, expect, it } from 'vitest';
import { exportedTable } from '../../test/lists.js';
import { useTestApp } from '../../test/app.js';
import { createMemberFirm, createOrg, createPerson, orgInput } from '../../test/factories.js';

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

  it('exports the filtered log as CSV and XLSX, headers in the reader\'s language, with formulas neutralised', async () => {
    const { admin } = await createOrg(t.app);
    await admin.put('/api/v1/auth/profile', { name: '=HYPERLINK("http://evil")', locale: 'en' });
    await admin.post('/api/v1/org/invitations', { email: 'csv@example.test', role: 'staff' });
    const res = await admin.get('/api/v1/audit/export.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('Entry,When,Who,Action,Record type,Record id,Record,Before,After');
    expect(lines).toHaveLength(5);
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil"")"`);
    const filtered = await admin.get('/api/v1/audit/export.csv?action=invitation');
    expect(filtered.body.trim().split('\n')).toHaveLength(2);
    // The same filtered rows in XLSX, and in the list's order when it is reversed.
    const [, ...rows] = await exportedTable(admin, '/api/v1/audit', 'xlsx', { sort: 'at' });
    const listed = (await admin.get('/api/v1/audit?sort=at')).json().items as Array<{ id: number }>;
    expect(rows.map((r) => Number(r[0]))).toEqual(listed.map((e) => e.id));
  });

  it('names each entry’s record and the records its fields point at, as they are called now or were called when removed', async () => {
    const { admin, orgId } = await createOrg(t.app, { name: 'Ghana Chamber' });
    const firm = await createMemberFirm(admin, { legalName: 'Accra Foods' });
    expect((await admin.put(`/api/v1/members/${firm.id}`, { legalName: 'Accra Foods Ltd', isicClass: '1079', region: 'GH-AA', employeesFemale: 2, employeesMale: 1, version: firm.version })).statusCode).toBe(200);
    const contact = (await admin.post(`/api/v1/members/${firm.id}/contacts`, { name: 'Efua Asante', role: 'Owner', consentToContact: true })).json();
    const forum = (await admin.post('/api/v1/forums', { name: 'Trade round table', kind: 'round_table' })).json();
    const seat = (await admin.post(`/api/v1/forums/${forum.id}/members`, { side: 'public', name: 'Hon. Mercy Adjei' })).json().memberList[0];
    await admin.delete(`/api/v1/forums/${forum.id}/members/${seat.id}`);
    const staff = await createPerson(t.app, orgId, 'staff', 'Kojo Staff');
    await admin.put(`/api/v1/org/people/${staff.userId}/role`, { role: 'viewer' });
    const items = (await admin.get('/api/v1/audit')).json().items as Array<{ action: string; entityName: string | null; entityExists: boolean; refs: Record<string, { type: string; name: string }>; before: Record<string, unknown> | null }>;
    const entry = (action: string) => items.find((e) => e.action === action)!;

    // The firm is named as it is called now, in every entry about it.
    expect(entry('member.create')).toMatchObject({ entityName: 'Accra Foods Ltd', entityExists: true });
    expect(entry('member.update')).toMatchObject({ entityName: 'Accra Foods Ltd', before: { legalName: 'Accra Foods' } });
    // A contact names its firm by the id it holds.
    expect(entry('contact.create')).toMatchObject({ entityName: 'Efua Asante', refs: { [firm.id]: { type: 'member', name: 'Accra Foods Ltd' } } });
    expect(contact.id).toBeTruthy();
    // In a forum's entries `memberId` is a seat: once removed, the seat is named from the entry, never shown as an id.
    expect(entry('forum.member_add')).toMatchObject({ entityName: 'Trade round table', entityExists: true });
    expect(entry('forum.member_remove').refs).toEqual({});
    expect(entry('person.role_change')).toMatchObject({ entityName: 'Kojo Staff', before: { role: 'staff' } });
    expect(entry('org.create')).toMatchObject({ entityName: 'Ghana Chamber' });
    // Records of another organisation are not named, even by an id planted in a filter.
    const other = await createOrg(t.app);
    const theirs = (await other.admin.get(`/api/v1/audit?entityId=${firm.id}`)).json().items;
    expect(theirs).toEqual([]);
    // The export names the record beside its id.
    expect((await admin.get('/api/v1/audit/export.csv?action=member.update')).body).toContain(',Accra Foods Ltd,');
  });

  it('is for admins only', async () => {
    const { orgId } = await createOrg(t.app);
    const staff = await createPerson(t.app, orgId, 'staff');
    expect((await staff.client.get('/api/v1/audit')).statusCode).toBe(403);
    expect((await staff.client.get('/api/v1/audit/export.csv')).statusCode).toBe(403);
  });
});
