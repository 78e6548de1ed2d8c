import { describe, expect, it } from 'vitest';
import { Client, useTestApp } from '../../test/app.js';
import { createOrg, createPerson } from '../../test/factories.js';

const t = useTestApp();
const draft = { title: 'One inspection per container', problem: 'Three agencies inspect each container.', evidence: 'Median of 12 days to clear.', proposals: 'A joint inspection within 48 hours.', expectedImpact: 'GHS 1.5 million a year saved.' };

describe('position papers', () => {
  it('keeps every version, is reviewed and approved by the director, and publishes the approved version while a new draft is written', async () => {
    const org = await createOrg(t.app);
    const staff = (await createPerson(t.app, org.orgId, 'staff', 'Kwame Asante')).client;
    const issue = (await staff.post('/api/v1/advocacy-issues', { title: 'Single window at Tema', problem: 'Repeated inspections.', category: 'red_tape' })).json();
    expect((await staff.post(`/api/v1/advocacy-issues/${issue.id}/papers`, { ...draft, proposals: '' })).json().errors).toEqual([expect.objectContaining({ path: 'proposals' })]);
    const paper = (await staff.post(`/api/v1/advocacy-issues/${issue.id}/papers`, draft)).json();
    expect(paper).toMatchObject({ status: 'draft', latestVersion: 1, approvedVersion: null, shown: { version: 1, author: 'Kwame Asante' } });
    const v2 = (await staff.put(`/api/v1/position-papers/${paper.id}`, { ...draft, proposals: 'A joint inspection within 24 hours.' })).json();
    expect(v2.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect((await staff.get(`/api/v1/position-papers/${paper.id}?version=1`)).json().shown.proposals).toBe('A joint inspection within 48 hours.');

    // Review: frozen while under review; staff cannot approve; returning needs a note.
    expect((await staff.post(`/api/v1/position-papers/${paper.id}/publication`, { published: true })).json().code).toBe('advocacy.paper_not_approved');
    await staff.post(`/api/v1/position-papers/${paper.id}/submit`);
    expect((await staff.put(`/api/v1/position-papers/${paper.id}`, draft)).json().code).toBe('advocacy.paper_in_review');
    expect((await staff.post(`/api/v1/position-papers/${paper.id}/review`, { decision: 'approve' })).statusCode).toBe(403);
    expect((await org.admin.post(`/api/v1/position-papers/${paper.id}/review`, { decision: 'return' })).json().errors).toEqual([expect.objectContaining({ path: 'note', code: 'advocacy.review_note_required' })]);
    await org.admin.post(`/api/v1/position-papers/${paper.id}/review`, { decision: 'return', note: 'Add the cost per firm.' });
    await staff.put(`/api/v1/position-papers/${paper.id}`, { ...draft, expectedImpact: 'GHS 6,000 a year per firm.' });
    await staff.post(`/api/v1/position-papers/${paper.id}/submit`);
    const approved = (await org.admin.post(`/api/v1/position-papers/${paper.id}/review`, { decision: 'approve' })).json();
    expect(approved).toMatchObject({ status: 'approved', approvedVersion: 3 });
    const pdf = await staff.get(`/api/v1/position-papers/${paper.id}/pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // Published with its issue; a new draft leaves the approved version on the tracker.
    await staff.post(`/api/v1/position-papers/${paper.id}/publication`, { published: true });
    await staff.put(`/api/v1/position-papers/${paper.id}`, { ...draft, title: 'One inspection per container (2027)' });
    const anon = new Client(t.app);
    expect((await anon.get(`/reforms/${org.orgId}/papers/${paper.id}`)).statusCode).toBe(404);
    await staff.post(`/api/v1/advocacy-issues/${issue.id}/publication`, { published: true });
    expect((await anon.get(`/reforms/${org.orgId}`)).body).toContain(`/reforms/${org.orgId}/papers/${paper.id}`);
    const published = await anon.get(`/reforms/${org.orgId}/papers/${paper.id}`);
    expect(published.statusCode).toBe(200);
    expect(published.headers['content-disposition']).toContain('position-paper-v3.pdf');

    const history = (await staff.get(`/api/v1/advocacy-issues/${issue.id}`)).json().history.map((h: { action: string }) => h.action);
    expect(history.filter((a: string) => a.startsWith('paper_'))).toEqual(['paper_created', 'paper_version', 'paper_submitted', 'paper_returned', 'paper_version', 'paper_submitted', 'paper_approved', 'paper_published', 'paper_version']);
    expect((await staff.get(`/api/v1/advocacy-issues/${issue.id}/papers`)).json().items).toEqual([expect.objectContaining({ status: 'draft', latestVersion: 4, approvedVersion: 3, published: true })]);
  });
});
