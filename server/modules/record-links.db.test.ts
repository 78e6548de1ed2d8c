import { describe, expect, it } from 'vitest';
import { useTestApp } from '../test/app.js';
import { createFirmUser, createMemberFirm, createOrg, createPerson } from '../test/factories.js';
import { createPublishedForm } from '../test/survey-factories.js';

// Nothing is a dead end (issue 15.6): each record links to the records it came
// from and those it led to, both ways, across the modules' floors.

const t = useTestApp();
const port = { title: 'Port clearance takes nine days', description: 'Containers wait at Tema for inspections repeated by three agencies.', category: 'infrastructure' };
const answers = { imports: 'yes', days: 12, problems: ['fees', 'inspection'], satisfaction: 2, rating: { speed: 'poor', cost: 'poor' }, comment: 'One inspection' };
const paper = { title: 'One inspection per container', problem: 'Three agencies inspect the same container.', evidence: 'Median 12 days.', proposals: 'A joint inspection within 48 hours.', expectedImpact: '' };
const inDays = (days: number, hour = 9) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

async function chamber() {
  const org = await createOrg(t.app, { regions: ['GH-AA', 'GH-AH'] });
  const food = await createMemberFirm(org.admin, { legalName: 'Accra Foods', isicClass: '1079', region: 'GH-AA' });
  const weaver = await createMemberFirm(org.admin, { legalName: 'Bonwire Kente', isicClass: '1312', region: 'GH-AH' });
  const foodUser = await createFirmUser(t.app, org.admin, org.orgId, food.id);
  return { ...org, food, weaver, foodUser };
}

describe('records link to where they came from and what they led to', () => {
  it('shows a firm what it answered and raised, a consultation the advocacy issues citing it, and the firm behind "raised by"', async () => {
    const c = await chamber();
    const viewer = await createPerson(t.app, c.orgId, 'viewer');
    // Nothing yet: empty lists, not an error.
    expect((await c.admin.get(`/api/v1/members/${c.food.id}/activity`)).json()).toEqual({ answers: [], issues: [] });

    const raised = (await c.foodUser.post('/api/v1/member-issues', port)).json();
    await c.admin.post(`/api/v1/member-issues/${raised.id}/firms`, { memberId: c.weaver.id });
    const form = await createPublishedForm(c.admin);
    const consultation = (await c.admin.post('/api/v1/consultations', { title: 'Port clearance 2026', formId: form.id, identity: 'firm' })).json();
    await c.admin.post(`/api/v1/consultations/${consultation.id}/open`);
    await c.admin.put(`/api/v1/consultations/${consultation.id}/firms/${c.food.id}/response`, { answers, submit: true, channel: 'phone' });

    const activity = (await c.admin.get(`/api/v1/members/${c.food.id}/activity`)).json();
    expect(activity.answers).toEqual([expect.objectContaining({ consultationId: consultation.id, consultation: 'Port clearance 2026', status: 'submitted', channel: 'phone' })]);
    expect(activity.issues).toEqual([expect.objectContaining({ id: raised.id, title: port.title, raisedBy: 'Accra Foods', raisedById: c.food.id })]);
    // The firm that shares it sees the issue too, raised by another.
    expect((await c.admin.get(`/api/v1/members/${c.weaver.id}/activity`)).json().issues).toEqual([expect.objectContaining({ id: raised.id, raisedById: c.food.id })]);
    // "Raised by" links to the firm, for staff; members and viewers see no firm.
    expect((await c.admin.get(`/api/v1/member-issues/${raised.id}`)).json()).toMatchObject({ raisedBy: 'Accra Foods', raisedById: c.food.id });
    expect((await c.admin.get('/api/v1/member-issues')).json().items[0]).toMatchObject({ raisedById: c.food.id });
    expect((await c.foodUser.get(`/api/v1/member-issues/${raised.id}`)).json()).toMatchObject({ raisedBy: null, raisedById: null });
    expect((await viewer.client.get(`/api/v1/members/${c.food.id}/activity`)).json().issues[0]).toMatchObject({ raisedById: null });
    // A member firm's user does not read the staff's page of firms.
    expect((await c.foodUser.get(`/api/v1/members/${c.food.id}/activity`)).statusCode).toBe(403);

    // The consultation shows the advocacy issue built on its answers.
    expect((await c.admin.get(`/api/v1/consultations/${consultation.id}/cited-by`)).json()).toEqual({ items: [] });
    const issue = (await c.admin.post('/api/v1/advocacy-issues', { title: 'Single window for port inspections', problem: 'Three agencies inspect the same container.', category: 'red_tape' })).json();
    await c.admin.post(`/api/v1/advocacy-issues/${issue.id}/evidence`, { consultationId: consultation.id, question: 'days' });
    await c.admin.post(`/api/v1/advocacy-issues/${issue.id}/evidence`, { consultationId: consultation.id, question: 'satisfaction' });
    expect((await c.admin.get(`/api/v1/consultations/${consultation.id}/cited-by`)).json()).toEqual({ items: [{ id: issue.id, title: 'Single window for port inspections', questions: expect.arrayContaining(['days', 'satisfaction']) }] });

    // Another organisation's ids lead nowhere.
    const other = await createOrg(t.app);
    expect((await other.admin.get(`/api/v1/members/${c.food.id}/activity`)).statusCode).toBe(404);
    expect((await other.admin.get(`/api/v1/consultations/${consultation.id}/cited-by`)).statusCode).toBe(404);
  });

  it('links a forum seat to the decision-maker who holds it, and lets an official read the approved paper behind an agenda item', async () => {
    const c = await chamber();
    const official = await createPerson(t.app, c.orgId, 'official', 'Hon. Mercy Adjei');
    const dm = (await c.admin.post('/api/v1/decision-makers', { name: 'Mercy Adjei', honorificPrefix: 'Hon.', email: 'M.Adjei@trade.gov.example' })).json();
    const byName = (await c.admin.post('/api/v1/decision-makers', { name: 'Kofi  Boateng' })).json();
    const forum = (await c.admin.post('/api/v1/forums', { name: 'Trade facilitation round table', kind: 'round_table' })).json();
    await c.admin.post(`/api/v1/forums/${forum.id}/members`, { side: 'public', name: 'Hon. Mercy Adjei', email: 'm.adjei@trade.gov.example', affiliation: 'Ministry of Trade', userId: official.userId });
    await c.admin.post(`/api/v1/forums/${forum.id}/members`, { side: 'private', name: 'kofi boateng', affiliation: 'Shippers council' });
    const seats = (await c.admin.post(`/api/v1/forums/${forum.id}/members`, { side: 'private', name: 'Ama Mensah', affiliation: 'Chamber' })).json().memberList;
    const linked = Object.fromEntries(seats.map((m: { name: string; decisionMakerId: string | null }) => [m.name, m.decisionMakerId]));
    expect(linked).toEqual({ 'Hon. Mercy Adjei': dm.id, 'kofi boateng': byName.id, 'Ama Mensah': null });
    // Both ways: the directory lists the forums the person sits in.
    expect((await c.admin.get(`/api/v1/decision-makers/${dm.id}/forums`)).json()).toEqual({ items: [{ forumId: forum.id, forumName: 'Trade facilitation round table', side: 'public', role: 'member' }] });
    expect((await c.admin.get(`/api/v1/decision-makers/${byName.id}/forums`)).json().items).toHaveLength(1);
    // An official does not read the directory: no link to it.
    expect((await official.client.get(`/api/v1/forums/${forum.id}`)).json().memberList.every((m: { decisionMakerId: string | null }) => m.decisionMakerId === null)).toBe(true);

    const issue = (await c.admin.post('/api/v1/advocacy-issues', { title: 'Single window for port inspections', problem: 'Three agencies inspect the same container.', category: 'red_tape' })).json();
    const meeting = (await c.admin.post(`/api/v1/forums/${forum.id}/meetings`, { title: 'Quarterly session', startsAt: inDays(7, 9), endsAt: inDays(7, 12) })).json();
    const agenda = (await c.admin.post(`/api/v1/meetings/${meeting.id}/agenda`, { title: 'Port inspections', issueId: issue.id })).json().agenda;
    const opening = (await c.admin.post(`/api/v1/meetings/${meeting.id}/agenda`, { title: 'Opening' })).json().agenda.find((a: { title: string }) => a.title === 'Opening');
    const item = agenda[0].id;
    const papers = (who = official.client) => who.get(`/api/v1/meetings/${meeting.id}/agenda/${item}/papers`);

    // A draft is the organisation's own: the official reads nothing until it is approved.
    const created = (await c.admin.post(`/api/v1/advocacy-issues/${issue.id}/papers`, paper)).json();
    expect((await papers()).json()).toEqual({ items: [] });
    expect((await official.client.get(`/api/v1/position-papers/${created.id}`)).statusCode).toBe(403);
    await c.admin.post(`/api/v1/position-papers/${created.id}/submit`);
    await c.admin.post(`/api/v1/position-papers/${created.id}/review`, { decision: 'approve' });
    // A newer draft does not replace what was approved.
    await c.admin.put(`/api/v1/position-papers/${created.id}`, { ...paper, proposals: 'Not yet agreed.' });
    const read = (await papers()).json().items;
    expect(read).toEqual([{ paperId: created.id, shown: expect.objectContaining({ version: 1, title: paper.title, proposals: 'A joint inspection within 48 hours.' }) }]);
    expect((await c.admin.get(`/api/v1/meetings/${meeting.id}/agenda/${opening.id}/papers`)).json()).toEqual({ items: [] });

    // Only those who see the meeting: an official of another forum does not, nor another organisation.
    const outsider = await createPerson(t.app, c.orgId, 'official', 'Other official');
    expect((await papers(outsider.client)).statusCode).toBe(404);
    const other = await createOrg(t.app);
    expect((await papers(other.admin)).statusCode).toBe(404);
    expect((await c.admin.get(`/api/v1/meetings/${meeting.id}/agenda/${forum.id}/papers`)).statusCode).toBe(404);
  });
});
