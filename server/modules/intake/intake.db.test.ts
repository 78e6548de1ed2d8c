import { describe, expect, it } from 'vitest';
import { Client, useTestApp } from '../../test/app.js';
import { createFirmUser, createMemberFirm, createOrg, createPerson } from '../../test/factories.js';

const t = useTestApp();
const ghana = { regions: ['GH-AA', 'GH-AH', 'GH-NP'] };
const port = { title: 'Port clearance takes nine days', description: 'Containers wait at Tema for inspections that are repeated by three agencies.', category: 'infrastructure' };

async function chamber() {
  const org = await createOrg(t.app, ghana);
  const food = await createMemberFirm(org.admin, { legalName: 'Accra Foods', isicClass: '1079', region: 'GH-AA' });
  const weaver = await createMemberFirm(org.admin, { legalName: 'Bonwire Kente', isicClass: '1312', region: 'GH-AH' });
  const shea = await createMemberFirm(org.admin, { legalName: 'Tamale Shea', isicClass: '1040', region: 'GH-NP' });
  const foodUser = await createFirmUser(t.app, org.admin, org.orgId, food.id);
  const weaverUser = await createFirmUser(t.app, org.admin, org.orgId, weaver.id);
  return { ...org, food, weaver, shea, foodUser, weaverUser };
}

describe('issue intake', () => {
  it('lets a firm raise a problem and others say it affects them too, with counts by sector, region and size but no names', async () => {
    const c = await chamber();
    const raised = await c.foodUser.post('/api/v1/member-issues', port);
    expect(raised.statusCode).toBe(201);
    const issue = raised.json();
    expect(issue).toMatchObject({ status: 'new', affectedFirms: 1, affectsUs: true, raisedBy: null });

    // Another firm finds it while typing its own, and joins it instead of raising a duplicate.
    const similar = (await c.weaverUser.get('/api/v1/member-issues/similar?text=port clearance delays')).json().items;
    expect(similar).toEqual([expect.objectContaining({ id: issue.id, affectsUs: false })]);
    const joined = (await c.weaverUser.post(`/api/v1/member-issues/${issue.id}/firms`, { note: 'Our yarn waits too' })).json();
    expect(joined).toMatchObject({ affectedFirms: 2, affectsUs: true });
    expect((await c.weaverUser.post(`/api/v1/member-issues/${issue.id}/firms`, {})).json().affectedFirms).toBe(2);
    expect(joined.breakdown.bySector).toEqual(expect.arrayContaining([{ key: 'C', count: 2 }]));
    expect(joined.breakdown.byRegion).toEqual(expect.arrayContaining([{ key: 'GH-AA', count: 1 }, { key: 'GH-AH', count: 1 }]));
    expect(joined.breakdown.bySize.reduce((n: number, x: { count: number }) => n + x.count, 0)).toBe(2);

    // Members see neither the firms nor the staff's names.
    expect((await c.weaverUser.get(`/api/v1/member-issues/${issue.id}/firms`)).statusCode).toBe(403);
    expect((await c.weaverUser.get(`/api/v1/member-issues/${issue.id}`)).json().history.every((h: { actor: string }) => h.actor === '')).toBe(true);
    const firms = (await c.admin.get(`/api/v1/member-issues/${issue.id}/firms`)).json().items;
    expect(firms.map((f: { name: string; via: string }) => [f.name, f.via])).toEqual([['Accra Foods', 'portal'], ['Bonwire Kente', 'portal']]);
    expect((await c.admin.get(`/api/v1/member-issues/${issue.id}`)).json().raisedBy).toBe('Accra Foods');
    // A firm's data export holds the issues it raised or shares.
    const exported = (await c.admin.get(`/api/v1/members/${c.food.id}/privacy-export`)).json();
    expect(exported.memberIssues).toEqual([expect.objectContaining({ title: port.title, raisedByThisFirm: true, via: 'portal' })]);

    // "Not us after all" takes the firm off again.
    await c.weaverUser.delete(`/api/v1/member-issues/${issue.id}/firms`);
    expect((await c.admin.get(`/api/v1/member-issues/${issue.id}`)).json().affectedFirms).toBe(1);
  });

  it('lets staff record issues for firms, triage with a reason, merge duplicates and forward to advocacy, keeping every step', async () => {
    const c = await chamber();
    const first = (await c.foodUser.post('/api/v1/member-issues', port)).json();
    expect((await c.admin.post('/api/v1/member-issues', { ...port, title: 'Tema port delays' })).json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'memberId' }] });
    const dup = (await c.admin.post('/api/v1/member-issues', { ...port, title: 'Tema port delays', memberId: c.shea.id })).json();
    await c.weaverUser.post(`/api/v1/member-issues/${dup.id}/firms`, {});
    await c.admin.post(`/api/v1/member-issues/${dup.id}/firms`, { memberId: c.food.id });

    // Declining needs a reason the members will read; members cannot triage.
    expect((await c.admin.post(`/api/v1/member-issues/${first.id}/status`, { status: 'declined' })).json().errors[0]).toMatchObject({ path: 'note', code: 'intake.note_required' });
    expect((await c.foodUser.post(`/api/v1/member-issues/${first.id}/status`, { status: 'triaged' })).statusCode).toBe(403);
    await c.admin.post(`/api/v1/member-issues/${first.id}/status`, { status: 'triaged', note: 'We are collecting evidence.' });

    // Merging: the duplicate's firms join (a firm in both counts once), the duplicate closes pointing there.
    const merged = (await c.admin.post(`/api/v1/member-issues/${dup.id}/merge`, { into: first.id })).json();
    expect(merged).toMatchObject({ id: first.id, affectedFirms: 3, mergedFrom: [{ id: dup.id, title: 'Tema port delays' }] });
    const closed = (await c.admin.get(`/api/v1/member-issues/${dup.id}`)).json();
    expect(closed).toMatchObject({ status: 'merged', mergedInto: { id: first.id, title: port.title } });
    expect((await c.admin.post(`/api/v1/member-issues/${dup.id}/merge`, { into: first.id })).json().code).toBe('intake.issue_merged');
    expect((await c.admin.post(`/api/v1/member-issues/${first.id}/merge`, { into: first.id })).json().code).toBe('intake.merge_into_self');
    expect((await c.weaverUser.post(`/api/v1/member-issues/${dup.id}/firms`, {})).json().code).toBe('intake.issue_merged');
    // A member who shared the duplicate can still follow where it went; the list shows only live issues.
    expect((await c.weaverUser.get(`/api/v1/member-issues/${dup.id}`)).json().mergedInto.id).toBe(first.id);
    expect((await c.weaverUser.get('/api/v1/member-issues')).json().items.map((i: { id: string }) => i.id)).toEqual([first.id]);

    const forwarded = (await c.admin.post(`/api/v1/member-issues/${first.id}/status`, { status: 'forwarded', note: 'Taken up by the trade policy committee.' })).json();
    expect(forwarded).toMatchObject({ status: 'forwarded', responseNote: 'Taken up by the trade policy committee.' });
    expect(forwarded.history.map((h: { action: string; toStatus: string | null }) => [h.action, h.toStatus])).toEqual([
      ['raised', 'new'], ['status', 'triaged'], ['merged_from', null], ['status', 'forwarded'],
    ]);
    expect(forwarded.history[1].actor).not.toBe('');

    // Lists: filter by status and category, most affected first, searched by word.
    const newer = (await c.admin.post('/api/v1/member-issues', { title: 'Loans need land titles', description: 'Banks ask for land as collateral.', category: 'finance', memberId: c.shea.id })).json();
    const ids = async (query: string) => (await c.admin.get(`/api/v1/member-issues?${query}`)).json().items.map((i: { id: string }) => i.id);
    expect(await ids('status=forwarded,new&sort=-affected')).toEqual([first.id, newer.id]);
    expect(await ids('status=forwarded,new')).toEqual([newer.id, first.id]);
    expect(await ids('status=merged')).toEqual([dup.id]);
    expect((await c.admin.get('/api/v1/member-issues?q=tema inspections')).json().items).toHaveLength(2);
    expect((await c.admin.get('/api/v1/member-issues?category=tax')).json().items).toEqual([]);
  });

  it('pages through many issues and refuses bad input with field messages', async () => {
    const c = await chamber();
    for (let i = 0; i < 5; i++) await c.admin.post('/api/v1/member-issues', { ...port, title: `Issue number ${i}`, memberId: c.food.id });
    const one = (await c.admin.get('/api/v1/member-issues?limit=3')).json();
    expect(one.items).toHaveLength(3);
    const two = (await c.admin.get(`/api/v1/member-issues?limit=3&cursor=${one.nextCursor}`)).json();
    expect(two.items).toHaveLength(2);
    expect(two.nextCursor).toBeNull();
    const bad = (await c.foodUser.post('/api/v1/member-issues', { title: 'Tax', description: '', category: 'weather' })).json();
    expect(bad.errors.map((e: { path: string }) => e.path).sort()).toEqual(['category', 'description', 'title']);
    const viewer = await createPerson(t.app, c.orgId, 'viewer');
    expect((await viewer.client.get('/api/v1/member-issues')).json().items).toHaveLength(5);
    expect((await viewer.client.post('/api/v1/member-issues', port)).statusCode).toBe(403);
    const stranger = new Client(t.app);
    expect((await stranger.get('/api/v1/member-issues')).statusCode).toBe(401);
  });
});
