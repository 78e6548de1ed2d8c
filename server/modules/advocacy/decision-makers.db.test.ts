import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.js';
import { createOrg, createPerson } from '../../test/factories.js';

const t = useTestApp();

type Body = { id: string; name: string; people: number; posts: Array<{ id: string; label: string; holders: Array<{ name: string }> }> };

describe('decision-makers and the map of an issue', () => {
  it('keeps people, public bodies, posts and who held them when, and finds them by name or body', async () => {
    const org = await createOrg(t.app);
    const viewer = await createPerson(t.app, org.orgId, 'viewer');
    const created = (await org.admin.post('/api/v1/public-bodies', { name: 'Ministry of Trade and Industry', classification: 'ministry' })).json();
    const ministry: Body = created.items[0];
    expect(created.createdId).toBe(ministry.id);
    const other: Body = (await org.admin.post('/api/v1/public-bodies', { name: 'Food and Drugs Authority', classification: 'regulator' })).json().items.find((b: Body) => b.name.startsWith('Food'));
    const minister = (await org.admin.post(`/api/v1/public-bodies/${ministry.id}/posts`, { label: 'Minister' })).json().items.find((b: Body) => b.id === ministry.id).posts[0];
    const fdaPost = (await org.admin.post(`/api/v1/public-bodies/${other.id}/posts`, { label: 'Chief Executive' })).json().items.find((b: Body) => b.id === other.id).posts[0];

    // Bad input: every field's message, nothing stored.
    const bad = await org.admin.post('/api/v1/decision-makers', { name: '', email: 'not-an-address' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['email', 'name']);
    expect((await org.admin.post('/api/v1/public-bodies', { name: 'Somewhere', classification: 'club' })).statusCode).toBe(400);

    const ansah = (await org.admin.post('/api/v1/decision-makers', { name: 'Kofi Ansah', honorificPrefix: 'Hon.', email: 'K.Ansah@Trade.gov.example' })).json();
    expect(ansah).toMatchObject({ name: 'Kofi Ansah', email: 'k.ansah@trade.gov.example', memberships: [], issues: [] });
    const sarfo = (await org.admin.post('/api/v1/decision-makers', { name: 'Adwoa Sarfo' })).json();
    const quaye = (await org.admin.post('/api/v1/decision-makers', { name: 'Esi Quaye', honorificPrefix: 'Dr.' })).json();

    // A post must be one of the body's own; an end cannot come before the start.
    const wrongPost = await org.admin.post(`/api/v1/decision-makers/${ansah.id}/memberships`, { organizationId: ministry.id, postId: fdaPost.id });
    expect(wrongPost.json().errors).toEqual([expect.objectContaining({ path: 'postId', code: 'advocacy.post_not_in_body' })]);
    const backwards = await org.admin.post(`/api/v1/decision-makers/${ansah.id}/memberships`, { organizationId: ministry.id, startDate: '2025-02-01', endDate: '2024-01-01' });
    expect(backwards.json().errors).toEqual([expect.objectContaining({ path: 'endDate', code: 'advocacy.membership_dates', message: 'The end cannot come before the start.' })]);

    const withPost = (await org.admin.post(`/api/v1/decision-makers/${ansah.id}/memberships`, { organizationId: ministry.id, postId: minister.id, startDate: '2025-01-20' })).json();
    expect(withPost.memberships).toEqual([expect.objectContaining({ organization: expect.objectContaining({ name: 'Ministry of Trade and Industry' }), post: { id: minister.id, label: 'Minister' }, current: true })]);
    // The predecessor held the same post until January: the post's holder today is Ansah alone.
    await org.admin.post(`/api/v1/decision-makers/${sarfo.id}/memberships`, { organizationId: ministry.id, postId: minister.id, startDate: '2021-02-01', endDate: '2025-01-07' });
    const quayeAt = (await org.admin.post(`/api/v1/decision-makers/${quaye.id}/memberships`, { organizationId: other.id, postId: fdaPost.id, startDate: '2023-09-15' })).json().memberships[0];
    // Ended, then the end taken back: a post is current until its end date passes.
    const ended = (await org.admin.put(`/api/v1/decision-makers/${quaye.id}/memberships/${quayeAt.id}`, { organizationId: other.id, postId: fdaPost.id, startDate: '2023-09-15', endDate: '2024-12-31' })).json();
    expect(ended.memberships[0]).toMatchObject({ current: false, endDate: '2024-12-31' });
    await org.admin.put(`/api/v1/decision-makers/${quaye.id}/memberships/${quayeAt.id}`, { organizationId: other.id, postId: fdaPost.id, startDate: '2023-09-15' });
    expect((await org.admin.put(`/api/v1/decision-makers/${ansah.id}/memberships/${quayeAt.id}`, { organizationId: other.id })).statusCode).toBe(404);
    const listed: Body[] = (await viewer.client.get('/api/v1/public-bodies')).json().items;
    expect(listed.find((b) => b.id === ministry.id)).toMatchObject({ people: 1, posts: [{ label: 'Minister', holders: [{ name: 'Kofi Ansah' }] }] });
    const sarfoNow = (await org.admin.get(`/api/v1/decision-makers/${sarfo.id}`)).json();
    expect(sarfoNow.memberships[0]).toMatchObject({ current: false, endDate: '2025-01-07' });

    // Found by a part of the name, or by the body they sit in; paged by name.
    const names = async (query: string) => (await viewer.client.get(`/api/v1/decision-makers?${query}`)).json().items.map((p: { name: string }) => p.name);
    expect(await names('q=quay')).toEqual(['Esi Quaye']);
    expect(await names('q=drugs')).toEqual(['Esi Quaye']);
    expect(await names(`organizationId=${ministry.id}`)).toEqual(['Adwoa Sarfo', 'Kofi Ansah']);
    expect(await names('q=%25')).toEqual([]);
    const first = (await viewer.client.get('/api/v1/decision-makers?limit=2')).json();
    expect(first.items.map((p: { name: string }) => p.name)).toEqual(['Adwoa Sarfo', 'Esi Quaye']);
    const second = (await viewer.client.get(`/api/v1/decision-makers?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second).toMatchObject({ items: [expect.objectContaining({ name: 'Kofi Ansah' })], nextCursor: null });

    // Viewers read; only staff change the directory.
    expect((await viewer.client.post('/api/v1/decision-makers', { name: 'Someone' })).statusCode).toBe(403);
    expect((await viewer.client.delete(`/api/v1/public-bodies/${ministry.id}`)).statusCode).toBe(403);

    // Removing a post keeps the person in the body; removing a body keeps the person.
    await org.admin.delete(`/api/v1/public-bodies/${other.id}/posts/${fdaPost.id}`);
    expect((await org.admin.get(`/api/v1/decision-makers/${quaye.id}`)).json().memberships[0]).toMatchObject({ post: null, organization: { name: 'Food and Drugs Authority' } });
    await org.admin.delete(`/api/v1/public-bodies/${other.id}`);
    expect((await org.admin.get(`/api/v1/decision-makers/${quaye.id}`)).json()).toMatchObject({ name: 'Esi Quaye', memberships: [] });
    const audit = (await org.admin.get('/api/v1/audit?entityType=public_body')).json().items.map((e: { action: string }) => e.action);
    expect(audit).toContain('public_body.delete');
  });

  it('maps who decides an issue, where they stand and their weight, keeping every move in the history', async () => {
    const org = await createOrg(t.app);
    const issue = (await org.admin.post('/api/v1/advocacy-issues', { title: 'One joint inspection at Tema', problem: 'Three agencies inspect each container.', category: 'red_tape' })).json();
    const body = (await org.admin.post('/api/v1/public-bodies', { name: 'Ministry of Trade and Industry', classification: 'ministry' })).json().items[0];
    const post = (await org.admin.post(`/api/v1/public-bodies/${body.id}/posts`, { label: 'Minister' })).json().items[0].posts[0];
    const minister = (await org.admin.post('/api/v1/decision-makers', { name: 'Kofi Ansah', honorificPrefix: 'Hon.' })).json();
    await org.admin.post(`/api/v1/decision-makers/${minister.id}/memberships`, { organizationId: body.id, postId: post.id });
    const fda = (await org.admin.post('/api/v1/decision-makers', { name: 'Esi Quaye' })).json();

    expect((await org.admin.put(`/api/v1/advocacy-issues/${issue.id}/stakeholders/${minister.id}`, { stance: 3, influence: 0 })).json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['influence', 'stance']);
    await org.admin.put(`/api/v1/advocacy-issues/${issue.id}/stakeholders/${fda.id}`, { stance: -1, influence: 2, note: 'Fears losing fees' });
    const map = (await org.admin.put(`/api/v1/advocacy-issues/${issue.id}/stakeholders/${minister.id}`, { stance: 0, influence: 3 })).json();
    // The most influential first.
    expect(map.items.map((s: { person: { name: string }; posts: string[]; stance: number }) => [s.person.name, s.posts, s.stance])).toEqual([
      ['Kofi Ansah', ['Minister, Ministry of Trade and Industry'], 0],
      ['Esi Quaye', [], -1],
    ]);
    // The minister comes round; the same note again is no new step.
    await org.admin.put(`/api/v1/advocacy-issues/${issue.id}/stakeholders/${minister.id}`, { stance: 2, influence: 3, note: 'Promised a directive' });
    await org.admin.put(`/api/v1/advocacy-issues/${issue.id}/stakeholders/${minister.id}`, { stance: 2, influence: 3, note: 'Promised a directive' });
    await org.admin.put(`/api/v1/advocacy-issues/${issue.id}/stakeholders/${fda.id}`, { stance: -1, influence: 2, note: 'Fears losing fees; open to sharing them' });
    const objective = (await org.admin.post(`/api/v1/advocacy-issues/${issue.id}/objectives`, { text: 'The minister signs a joint inspection directive', targetPersonId: minister.id })).json();
    expect(objective.objectives[0].target).toEqual({ id: minister.id, name: 'Kofi Ansah' });
    expect((await org.admin.post(`/api/v1/advocacy-issues/${issue.id}/objectives`, { text: 'Someone unknown', targetPersonId: issue.id })).json().errors)
      .toEqual([expect.objectContaining({ path: 'targetPersonId', code: 'advocacy.decision_maker_not_found' })]);

    // From the person, the way back to the issue and to what aims at them.
    const person = (await org.admin.get(`/api/v1/decision-makers/${minister.id}`)).json();
    expect(person.issues).toEqual([{ issueId: issue.id, title: 'One joint inspection at Tema', stance: 2, influence: 3, note: 'Promised a directive' }]);
    expect(person.objectives).toEqual([expect.objectContaining({ issueId: issue.id, text: 'The minister signs a joint inspection directive' })]);

    await org.admin.delete(`/api/v1/advocacy-issues/${issue.id}/stakeholders/${fda.id}`);
    expect((await org.admin.delete(`/api/v1/advocacy-issues/${issue.id}/stakeholders/${fda.id}`)).statusCode).toBe(404);
    // Leaving the directory takes the person off every map, and the history says who it was.
    await org.admin.delete(`/api/v1/decision-makers/${minister.id}`);
    expect((await org.admin.get(`/api/v1/advocacy-issues/${issue.id}/stakeholders`)).json().items).toEqual([]);
    expect((await org.admin.get(`/api/v1/advocacy-issues/${issue.id}/plan`)).json().objectives[0].target).toBeNull();
    const history = (await org.admin.get(`/api/v1/advocacy-issues/${issue.id}`)).json().history;
    expect(history.filter((h: { action: string }) => h.action.startsWith('stakeholder')).map((h: { action: string; from: string | null; to: string | null; note: string }) => [h.action, h.from, h.to, h.note])).toEqual([
      ['stakeholder_added', null, '-1:2', 'Esi Quaye'],
      ['stakeholder_added', null, '0:3', 'Kofi Ansah'],
      ['stakeholder_moved', '0:3', '2:3', 'Kofi Ansah — Promised a directive'],
      ['stakeholder_note', 'Fears losing fees', 'Fears losing fees; open to sharing them', 'Esi Quaye'],
      ['stakeholder_removed', 'Esi Quaye', null, ''],
      ['stakeholder_removed', 'Kofi Ansah', null, ''],
    ]);
  });

  it('keeps the documents behind an issue, downloaded as attachments only', async () => {
    const org = await createOrg(t.app);
    const viewer = await createPerson(t.app, org.orgId, 'viewer');
    const issue = (await org.admin.post('/api/v1/advocacy-issues', { title: 'Pay VAT refunds within 90 days', problem: 'Refunds take a year.', category: 'tax' })).json();
    const pdf = Buffer.from('%PDF-1.4 the VAT Act, section 7');
    const added = await org.admin.upload(`/api/v1/advocacy-issues/${issue.id}/documents`, pdf, 'VAT Act 2013 (Act 870).pdf', { description: 'The law as it stands' });
    expect(added.statusCode).toBe(201);
    const doc = added.json().items[0];
    expect(doc).toMatchObject({ name: 'VAT Act 2013 (Act 870).pdf', description: 'The law as it stands', size: pdf.length });

    const download = await viewer.client.get(`/api/v1/advocacy-issues/${issue.id}/documents/${doc.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(download.headers['content-disposition']).toContain('attachment;');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-type']).toBe('application/octet-stream');

    // A name with a path keeps only its own part; an empty or too large file is refused whole.
    const pathy = (await org.admin.upload(`/api/v1/advocacy-issues/${issue.id}/documents`, pdf, '../../etc/pass\u0007wd')).json().items;
    expect(pathy.map((d: { name: string }) => d.name)).toContain('pass_wd');
    expect((await org.admin.upload(`/api/v1/advocacy-issues/${issue.id}/documents`, Buffer.alloc(0), 'empty.pdf')).json().code).toBe('file.empty');
    const big = await org.admin.upload(`/api/v1/advocacy-issues/${issue.id}/documents`, Buffer.alloc(10 * 1024 * 1024 + 1), 'big.pdf');
    expect([big.statusCode, big.json().code]).toEqual([413, 'file.too_large']);
    expect((await viewer.client.upload(`/api/v1/advocacy-issues/${issue.id}/documents`, pdf, 'x.pdf')).statusCode).toBe(403);
    expect((await org.admin.get(`/api/v1/advocacy-issues/${issue.id}/documents`)).json().items).toHaveLength(2);

    await org.admin.delete(`/api/v1/advocacy-issues/${issue.id}/documents/${doc.id}`);
    expect((await org.admin.get(`/api/v1/advocacy-issues/${issue.id}/documents/${doc.id}`)).statusCode).toBe(404);
    const history = (await org.admin.get(`/api/v1/advocacy-issues/${issue.id}`)).json().history.map((h: { action: string }) => h.action);
    expect(history).toEqual(['created', 'document_added', 'document_added', 'document_removed']);
  });
});
