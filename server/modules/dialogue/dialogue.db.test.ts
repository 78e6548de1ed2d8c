import { describe, expect, it } from 'vitest';
import type { Decision } from '../../../contracts/dialogue.js';
import { useTestApp } from '../../test/app.js';
import { createOrg, createPerson } from '../../test/factories.js';
import { exportedTable, walkList } from '../../test/lists.js';

const t = useTestApp();
const inDays = (days: number, hour = 9) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

async function roundTable() {
  const org = await createOrg(t.app, { regions: ['GH-AA', 'GH-AH'] });
  const official = await createPerson(t.app, org.orgId, 'official', 'Hon. Mercy Adjei');
  const issue = (await org.admin.post('/api/v1/advocacy-issues', { title: 'Single window for port inspections', problem: 'Three agencies inspect the same container.', category: 'red_tape' })).json();
  const forum = (await org.admin.post('/api/v1/forums', { name: 'Trade facilitation round table', kind: 'round_table', isPublic: true })).json();
  await org.admin.post(`/api/v1/forums/${forum.id}/members`, { side: 'public', name: 'Hon. Mercy Adjei', email: 'm.adjei@trade.gov.example', affiliation: 'Ministry of Trade', role: 'co_chair', userId: official.userId });
  await org.admin.post(`/api/v1/forums/${forum.id}/members`, { side: 'private', name: 'Ama Mensah', email: 'ama@chamber.example', affiliation: 'Chamber', role: 'chair' });
  const detail = (await org.admin.post(`/api/v1/forums/${forum.id}/members`, { side: 'private', name: 'Kofi Boateng', affiliation: 'Shippers council' })).json();
  return { ...org, official, issue, forum: detail };
}

describe('public-private dialogue', () => {
  it('runs a meeting from an agenda drawn from advocacy to decisions followed up to closure, navigable both ways', async () => {
    const c = await roundTable();
    expect(c.forum.memberList).toHaveLength(3);
    const bad = await c.admin.post(`/api/v1/forums/${c.forum.id}/meetings`, { title: 'Quarterly session', startsAt: inDays(7, 10), endsAt: inDays(7, 9) });
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'endsAt', code: 'dialogue.ends_before_start' })]);
    const meeting = (await c.admin.post(`/api/v1/forums/${c.forum.id}/meetings`, { title: 'Quarterly session', startsAt: inDays(7, 9), endsAt: inDays(7, 12), location: 'Ministry of Trade, Accra' })).json();
    await c.admin.post(`/api/v1/meetings/${meeting.id}/agenda`, { title: 'Opening' });
    const withIssue = (await c.admin.post(`/api/v1/meetings/${meeting.id}/agenda`, { title: 'Port inspections', issueId: c.issue.id })).json();
    expect(withIssue.agenda.map((a: { title: string; issueTitle: string | null }) => [a.title, a.issueTitle])).toEqual([['Opening', null], ['Port inspections', 'Single window for port inspections']]);
    const moved = (await c.admin.post(`/api/v1/meetings/${meeting.id}/agenda/${withIssue.agenda[1].id}/move`, { direction: 'up' })).json();
    expect(moved.agenda.map((a: { title: string }) => a.title)).toEqual(['Port inspections', 'Opening']);

    // Invitations go to members with an address, each with the meeting as a calendar file; re-sending updates it.
    expect((await c.admin.post(`/api/v1/meetings/${meeting.id}/invitations`)).json()).toEqual({ invited: 2 });
    await c.admin.post(`/api/v1/meetings/${meeting.id}/invitations`);
    const mails = (await c.admin.get('/api/v1/mail/outbox?limit=50')).json().items.filter((m: { kind: string }) => m.kind === 'meeting_invitation');
    expect(mails).toHaveLength(4);
    const ics = mails.map((m: { attachments: Array<{ content: string }> }) => m.attachments[0]!.content);
    expect(ics.every((x: string) => x.includes(`UID:${meeting.id}@roundtable`) && x.includes('METHOD:REQUEST'))).toBe(true);
    expect(ics.filter((x: string) => /SEQUENCE:1/.test(x))).toHaveLength(2);
    expect(mails[0].body).toContain('Port inspections');
    const file = await c.admin.get(`/api/v1/meetings/${meeting.id}/calendar.ics`);
    expect(file.headers['content-type']).toContain('text/calendar');
    expect(file.body).toContain('BEGIN:VEVENT');

    // Minutes and attendance, then decisions under the issue's agenda item.
    const ama = c.forum.memberList.find((m: { name: string }) => m.name === 'Ama Mensah').id;
    const mercy = c.forum.memberList.find((m: { name: string }) => m.name === 'Hon. Mercy Adjei').id;
    const held = (await c.admin.put(`/api/v1/meetings/${meeting.id}/minutes`, { minutes: 'The ministry agreed to study a single window.', present: [ama, mercy], status: 'held' })).json();
    expect(held.attendance.map((a: { name: string; present: boolean }) => [a.name, a.present])).toEqual([['Ama Mensah', true], ['Kofi Boateng', false], ['Hon. Mercy Adjei', true]]);
    const item = held.agenda.find((a: { issueId: string | null }) => a.issueId).id;
    const decided = (await c.admin.post(`/api/v1/meetings/${meeting.id}/decisions`, { text: 'Ministry drafts a single-window notice', owner: 'Ministry of Trade', dueOn: inDays(-1).slice(0, 10), agendaItemId: item })).json();
    expect(decided.decisions).toEqual([expect.objectContaining({ status: 'open', overdue: true, issue: { id: c.issue.id, title: 'Single window for port inspections' } })]);
    const pdf = await c.admin.get(`/api/v1/meetings/${meeting.id}/minutes.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // The issue shows the meeting and the decision: the chain walked back from advocacy.
    const issue = (await c.admin.get(`/api/v1/advocacy-issues/${c.issue.id}`)).json();
    expect(issue.dialogue.meetings).toEqual([expect.objectContaining({ meetingId: meeting.id, forumName: 'Trade facilitation round table', item: 'Port inspections' })]);
    expect(issue.dialogue.decisions).toEqual([expect.objectContaining({ text: 'Ministry drafts a single-window notice', overdue: true })]);
    expect(issue.history.map((h: { action: string }) => h.action)).toEqual(['created', 'agenda', 'decision']);

    // The official reports progress; closing it is a step of its own, kept with who and when.
    const decisionId = decided.decisions[0].id;
    expect((await c.official.client.post(`/api/v1/decisions/${decisionId}/follow-ups`, { note: '' })).statusCode).toBe(400);
    await c.official.client.post(`/api/v1/decisions/${decisionId}/follow-ups`, { note: 'Draft notice circulated to agencies' });
    const closed = (await c.official.client.post(`/api/v1/decisions/${decisionId}/follow-ups`, { note: 'Notice signed', status: 'done' })).json();
    expect(closed).toMatchObject({ status: 'done', overdue: false });
    expect(closed.followUps.map((f: { actor: string; status: string | null }) => [f.actor, f.status])).toEqual([['Hon. Mercy Adjei', null], ['Hon. Mercy Adjei', 'done']]);
    expect((await c.admin.get('/api/v1/decisions?status=open')).json().items).toEqual([]);
    expect((await c.admin.get(`/api/v1/advocacy-issues/${c.issue.id}`)).json().history.at(-1)).toMatchObject({ action: 'decision_status', from: 'open', to: 'done' });
  });

  it('shows an official only the forums they sit in, and lets them change nothing but follow-ups', async () => {
    const c = await roundTable();
    const other = (await c.admin.post('/api/v1/forums', { name: 'Tax committee', kind: 'committee' })).json();
    const taxMeeting = (await c.admin.post(`/api/v1/forums/${other.id}/meetings`, { title: 'Budget hearing', startsAt: inDays(3, 9), endsAt: inDays(3, 11) })).json();
    const theirs = (await c.admin.post(`/api/v1/forums/${c.forum.id}/meetings`, { title: 'Quarterly session', startsAt: inDays(5, 9), endsAt: inDays(5, 11) })).json();
    const taxDecision = (await c.admin.post(`/api/v1/meetings/${taxMeeting.id}/decisions`, { text: 'Publish the draft budget', owner: 'Ministry of Finance' })).json().decisions[0];

    const o = c.official.client;
    expect((await o.get('/api/v1/forums')).json().items.map((f: { name: string }) => f.name)).toEqual(['Trade facilitation round table']);
    expect((await o.get(`/api/v1/forums/${other.id}`)).statusCode).toBe(404);
    expect((await o.get(`/api/v1/meetings/${taxMeeting.id}`)).statusCode).toBe(404);
    expect((await o.get(`/api/v1/meetings/${taxMeeting.id}/minutes.pdf`)).statusCode).toBe(404);
    expect((await o.get('/api/v1/meetings/upcoming')).json().items.map((m: { title: string }) => m.title)).toEqual(['Quarterly session']);
    expect((await o.get('/api/v1/decisions')).json().items).toEqual([]);
    expect((await o.post(`/api/v1/decisions/${taxDecision.id}/follow-ups`, { note: 'x' })).statusCode).toBe(404);
    expect((await o.get(`/api/v1/meetings/${theirs.id}`)).statusCode).toBe(200);
    expect((await o.post(`/api/v1/meetings/${theirs.id}/agenda`, { title: 'Any other business' })).statusCode).toBe(403);
    expect((await o.get('/api/v1/advocacy-issues')).statusCode).toBe(403);
    // Staff see every forum.
    expect((await c.admin.get('/api/v1/forums')).json().items).toHaveLength(2);
    expect((await c.admin.get('/api/v1/forums')).json().items[1]).toMatchObject({ name: 'Trade facilitation round table', members: 3, nextMeeting: expect.objectContaining({ title: 'Quarterly session' }) });
    // An account from elsewhere cannot be seated.
    const stranger = await createOrg(t.app);
    expect((await c.admin.post(`/api/v1/forums/${c.forum.id}/members`, { side: 'public', name: 'X', userId: stranger.adminId })).json().errors).toEqual([expect.objectContaining({ path: 'userId', code: 'dialogue.account_not_in_org' })]);
  });
  it('lists decisions sorted and paged across the forums one may see, and downloads them in that order', async () => {
    const c = await roundTable();
    const tax = (await c.admin.post('/api/v1/forums', { name: 'Tax committee', kind: 'committee' })).json();
    const hearing = (await c.admin.post(`/api/v1/forums/${tax.id}/meetings`, { title: 'Budget hearing', startsAt: inDays(3, 9), endsAt: inDays(3, 11) })).json();
    const session = (await c.admin.post(`/api/v1/forums/${c.forum.id}/meetings`, { title: 'Quarterly session', startsAt: inDays(5, 9), endsAt: inDays(5, 11) })).json();
    const decide = async (meetingId: string, text: string, owner: string, dueOn: string | null) =>
      (await c.admin.post(`/api/v1/meetings/${meetingId}/decisions`, { text, owner, dueOn })).json().decisions.find((d: Decision) => d.text === text) as Decision;
    await decide(session.id, 'Draft the notice', 'Ministry of Trade', inDays(10).slice(0, 10));
    await decide(session.id, 'Share the data', 'Customs', null);
    await decide(hearing.id, 'Publish the draft budget', 'ministry of Finance', inDays(-2).slice(0, 10));
    const consult = await decide(hearing.id, 'Consult firms', 'Chamber', inDays(20).slice(0, 10));
    expect((await c.admin.post(`/api/v1/decisions/${consult.id}/follow-ups`, { note: 'Held two hearings.', status: 'done' })).statusCode).toBe(200);

    const texts = async (query: Record<string, string>, client = c.admin) => (await walkList<Decision>(client, '/api/v1/decisions', query, 1)).map((d) => d.text);
    expect(await texts({})).toEqual(['Publish the draft budget', 'Draft the notice', 'Consult firms', 'Share the data']);
    expect(await texts({ sort: '-due' })).toEqual(['Consult firms', 'Draft the notice', 'Publish the draft budget', 'Share the data']);
    expect(await texts({ sort: 'owner', overdue: 'false' })).toEqual(['Consult firms', 'Share the data', 'Publish the draft budget', 'Draft the notice']);
    expect(await texts({ overdue: 'true' })).toEqual(['Publish the draft budget']);
    const byMeeting = await texts({ sort: '-meeting', status: 'open' });
    expect([byMeeting.slice(0, 2).sort(), byMeeting[2]]).toEqual([['Draft the notice', 'Share the data'], 'Publish the draft budget']);
    // An official sees the decisions of the forum they sit in only, and downloads nothing.
    expect(await texts({}, c.official.client)).toEqual(['Draft the notice', 'Share the data']);
    expect((await c.official.client.get('/api/v1/decisions/export.csv')).statusCode).toBe(403);

    const [header, ...rows] = await exportedTable(c.admin, '/api/v1/decisions', 'csv', { status: 'open', sort: '-due' });
    expect(header!.slice(0, 5)).toEqual(['Decision', 'Owner', 'Deadline', 'Status', 'Overdue']);
    expect(rows.map((r) => [r[0], r[3], r[4], r[7]])).toEqual([
      ['Draft the notice', 'Open', 'No', 'Trade facilitation round table'],
      ['Publish the draft budget', 'Open', 'Yes', 'Tax committee'],
      ['Share the data', 'Open', 'No', 'Trade facilitation round table'],
    ]);
    const [, ...overdue] = await exportedTable(c.admin, '/api/v1/decisions', 'xlsx', { overdue: 'true' });
    expect(overdue.map((r) => r[0])).toEqual(['Publish the draft budget']);
  });
});
