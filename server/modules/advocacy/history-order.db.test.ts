import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.js';
import { createMemberFirm, createOrg } from '../../test/factories.js';

const t = useTestApp();

// Two steps of one request can share a clock tick (the embedded database's
// clock is coarser than PostgreSQL's). Pinning every step of a history to
// one instant makes that tie certain: the order must still be the order in
// which the steps were taken.
async function pinClock(table: 'advocacy_events' | 'advocacy_step_scores' | 'member_issue_events', issueId: string) {
  await t.database.db.execute(sql`UPDATE ${sql.identifier(table)} SET at = '2026-06-01T10:00:00Z' WHERE issue_id = ${issueId}::uuid`);
}

describe('histories', () => {
  it('keep the order in which steps were taken when their clocks tie', async () => {
    const { admin } = await createOrg(t.app, { regions: ['GH-AA', 'GH-NP'] });
    const issue = (await admin.post('/api/v1/advocacy-issues', { title: 'Truck licences renewed twice a year', problem: 'Hauliers queue twice.', category: 'regulation', regions: ['GH-NP'] })).json();
    for (const score of [1, 2, 3, 0, 1, 2, 3]) await admin.post(`/api/v1/advocacy-issues/${issue.id}/scores`, { step: 'diagnostic', score });
    for (const severity of [5, 1, 4, 2]) {
      await admin.put(`/api/v1/advocacy-issues/${issue.id}`, { title: issue.title, problem: 'Hauliers queue twice.', category: 'regulation', regions: ['GH-NP'], severity, feasibility: 3 });
    }
    await pinClock('advocacy_events', issue.id);
    await pinClock('advocacy_step_scores', issue.id);
    const read = (await admin.get(`/api/v1/advocacy-issues/${issue.id}`)).json();
    const scores = read.history.filter((h: { action: string }) => h.action === 'score').map((h: { to: string }) => h.to);
    expect(scores).toEqual(['diagnostic:1', 'diagnostic:2', 'diagnostic:3', 'diagnostic:0', 'diagnostic:1', 'diagnostic:2', 'diagnostic:3']);
    const severities = read.history.filter((h: { action: string }) => h.action === 'severity').map((h: { from: string; to: string }) => [h.from, h.to]);
    expect(severities).toEqual([['3', '5'], ['5', '1'], ['1', '4'], ['4', '2']]);
    // The latest score is the last one given, not one of the same instant.
    expect(read.scores).toEqual([expect.objectContaining({ step: 'diagnostic', score: 3 })]);

    const firm = await createMemberFirm(admin, { region: 'GH-NP' });
    const raised = (await admin.post('/api/v1/member-issues', { title: 'Power cuts in Tamale', description: 'Cold rooms fail every afternoon.', category: 'infrastructure', memberId: firm.id })).json();
    const steps = ['triaged', 'new', 'triaged', 'new', 'triaged'];
    for (const status of steps) expect((await admin.post(`/api/v1/member-issues/${raised.id}/status`, { status, note: `Step to ${status}` })).statusCode).toBe(200);
    await pinClock('member_issue_events', raised.id);
    const history = (await admin.get(`/api/v1/member-issues/${raised.id}`)).json().history;
    expect(history.filter((h: { action: string }) => h.action === 'status').map((h: { toStatus: string }) => h.toStatus)).toEqual(steps);
  });

  it('keep the order of a firm\'s membership statuses when their clocks tie', async () => {
    const { admin } = await createOrg(t.app, { regions: ['GH-AA'] });
    const firm = await createMemberFirm(admin, { region: 'GH-AA' });
    const steps = ['active', 'suspended', 'active', 'lapsed', 'active'];
    for (const status of steps) expect((await admin.post(`/api/v1/members/${firm.id}/status`, { status, reason: `To ${status}` })).statusCode).toBe(200);
    await t.database.db.execute(sql`UPDATE membership_status_history SET changed_at = '2026-06-01T10:00:00Z' WHERE member_id = ${firm.id}::uuid`);
    const history = (await admin.get(`/api/v1/members/${firm.id}/status-history`)).json().items;
    // Newest first, down to the application.
    expect(history.map((h: { toStatus: string }) => h.toStatus)).toEqual([...steps].reverse().concat('applicant'));
  });
});
