import { describe, expect, it } from 'vitest';
import { Client, useTestApp } from '../../test/app.js';
import { createFirmUser, createMemberFirm, createOrg } from '../../test/factories.js';

const t = useTestApp();
const paper = { title: 'One inspection per container', problem: 'Three agencies inspect each container.', evidence: 'Median of 12 days.', proposals: 'A joint inspection within 48 hours.', expectedImpact: 'Days saved.' };
const inDays = (days: number, hour: number) => new Date(Date.UTC(2026, 5, 1 + days, hour)).toISOString();

/** An approved, published paper on a published issue. */
async function publishedPaper(admin: Client, issueTitle: string, input = paper) {
  const issue = (await admin.post('/api/v1/advocacy-issues', { title: issueTitle, problem: 'Containers wait at Tema.', category: 'red_tape' })).json();
  const created = (await admin.post(`/api/v1/advocacy-issues/${issue.id}/papers`, input)).json();
  await admin.post(`/api/v1/position-papers/${created.id}/submit`);
  await admin.post(`/api/v1/position-papers/${created.id}/review`, { decision: 'approve' });
  await admin.post(`/api/v1/position-papers/${created.id}/publication`, { published: true });
  await admin.post(`/api/v1/advocacy-issues/${issue.id}/publication`, { published: true });
  return { issue, paper: created };
}

describe('position paper titles are versioned', () => {
  it('keeps the approved title on the tracker and in the approved PDF while a draft renames the paper', async () => {
    const org = await createOrg(t.app);
    const { paper: p } = await publishedPaper(org.admin, 'Single window at Tema');
    await org.admin.put(`/api/v1/position-papers/${p.id}`, { ...paper, title: 'Unapproved draft rename' });

    const staffView = (await org.admin.get(`/api/v1/position-papers/${p.id}`)).json();
    expect(staffView.title).toBe('Unapproved draft rename');
    expect(staffView.versions.map((v: { title: string }) => v.title)).toEqual([paper.title, 'Unapproved draft rename']);
    expect((await org.admin.get(`/api/v1/position-papers/${p.id}?version=1`)).json().shown.title).toBe(paper.title);

    const anon = new Client(t.app);
    const page = (await anon.get(`/reforms/${org.orgId}`)).body;
    expect(page).toContain(paper.title);
    expect(page).not.toContain('Unapproved draft rename');
    const pdf = (await anon.get(`/reforms/${org.orgId}/papers/${p.id}`)).rawPayload.toString('latin1');
    expect(pdf).toContain(`(${paper.title})`);
    expect(pdf).not.toContain('Unapproved draft rename');
  });
});

describe('the public reform tracker', () => {
  it('escapes what staff typed', async () => {
    const org = await createOrg(t.app);
    const nasty = `<script>alert("x")</script> & 'quoted'`;
    await publishedPaper(org.admin, `Issue ${nasty}`, { ...paper, title: `Paper ${nasty}` });
    const page = (await new Client(t.app).get(`/reforms/${org.orgId}`)).body;
    expect(page).not.toContain('<script>');
    expect(page).not.toContain(`"x"`);
    expect(page).toContain('Issue &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;');
    expect(page).toContain('Paper &lt;script&gt;');
  });

  it('hides unpublished issues, draft papers, private forums’ decisions and the firms and people behind an issue', async () => {
    const org = await createOrg(t.app, { regions: ['GH-AA'] });
    const { issue } = await publishedPaper(org.admin, 'Published port issue');
    const hidden = (await org.admin.post('/api/v1/advocacy-issues', { title: 'Quiet lobbying issue', problem: 'Not for the public.', category: 'tax' })).json();
    expect((await org.admin.post(`/api/v1/advocacy-issues/${issue.id}/papers`, { ...paper, title: 'Draft paper never approved' })).statusCode).toBe(201);

    // The firm that raised the problem, and its contact.
    const firm = await createMemberFirm(org.admin, { legalName: 'Confidential Foods Ltd', email: 'owner@confidential-foods.example' });
    const firmUser = await createFirmUser(t.app, org.admin, org.orgId, firm.id);
    const raised = (await firmUser.post('/api/v1/member-issues', { title: 'Port clearance takes nine days', description: 'Raised by a member.', category: 'infrastructure' })).json();
    expect((await org.admin.post(`/api/v1/advocacy-issues/${issue.id}/evidence`, { memberIssueId: raised.id })).statusCode).toBe(200);

    // A decision of a public forum shows; one of a private forum does not, nor forum members' names or addresses.
    for (const [name, isPublic, text] of [['Public round table', true, 'Ministry drafts a notice'], ['Private committee', false, 'Secret side deal']] as const) {
      const forum = (await org.admin.post('/api/v1/forums', { name, kind: 'round_table', isPublic })).json();
      expect((await org.admin.post(`/api/v1/forums/${forum.id}/members`, { side: 'public', name: 'Hon. Hidden Member', email: 'hidden.member@gov.example' })).statusCode).toBe(200);
      const meeting = (await org.admin.post(`/api/v1/forums/${forum.id}/meetings`, { title: 'Session', startsAt: inDays(1, 9), endsAt: inDays(1, 11) })).json();
      const withIssue = (await org.admin.post(`/api/v1/meetings/${meeting.id}/agenda`, { title: 'Port', issueId: issue.id })).json();
      const decided = await org.admin.post(`/api/v1/meetings/${meeting.id}/decisions`, { text, owner: 'Ministry of Trade', agendaItemId: withIssue.agenda[0].id });
      expect(decided.statusCode).toBe(200);
    }

    const page = (await new Client(t.app).get(`/reforms/${org.orgId}`)).body;
    expect(page).toContain('Published port issue');
    expect(page).toContain('Ministry drafts a notice');
    for (const secret of [hidden.title, 'Draft paper never approved', 'Secret side deal', 'Private committee', 'Confidential Foods', 'confidential-foods.example', 'Hon. Hidden Member', 'hidden.member@gov.example', 'Port clearance takes nine days']) {
      expect(page, secret).not.toContain(secret);
    }
  });
});
