import { describe, expect, it } from 'vitest';
import { CAPACITY_CATALOGUE, type Assessment, type BranchCapacity } from '../../../contracts/capacity.js';
import { useTestApp, type Client } from '../../test/app.js';
import { createOrg, createPerson, orgInput } from '../../test/factories.js';

const t = useTestApp();

/** Every item at a level: governance 1, 2, 4; finances 3, 3, 2; every other item 3 (or `rest`). */
function levels(rest = 3): Array<{ item: string; level: number; note: string }> {
  const set: Record<string, number> = { governance_board: 1, governance_strategy: 2, governance_staff: 4, finances_income: 3, finances_accounts: 3, finances_fees: 2 };
  return CAPACITY_CATALOGUE.map((i) => ({ item: i.key, level: set[i.key] ?? rest, note: i.key === 'governance_board' ? 'No board meeting since 2024' : '' }));
}

async function start(client: Client, year: number): Promise<Assessment> {
  const res = await client.post('/api/v1/training/capacity/assessments', { year });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function fillAndSubmit(client: Client, year: number, rest = 3): Promise<Assessment> {
  const a = await start(client, year);
  expect((await client.put(`/api/v1/training/capacity/assessments/${a.id}`, { answers: levels(rest) })).statusCode).toBe(200);
  const res = await client.post(`/api/v1/training/capacity/assessments/${a.id}/submit`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('capacity self-assessment', () => {
  it('one a year: a draft saved part-way, submitted when complete, reopened by an admin only, every step audited', async () => {
    const org = await createOrg(t.app);
    const staff = (await createPerson(t.app, org.orgId, 'staff', 'Staff Abena')).client;
    const a = await start(staff, 2026);
    expect(a.status).toBe('draft');
    expect(a.answers).toHaveLength(CAPACITY_CATALOGUE.length);
    expect((await staff.post('/api/v1/training/capacity/assessments', { year: 2026 })).json().code).toBe('capacity.year_taken');

    // Part-way: two items; submitting now is refused and says how many are missing.
    const part = await staff.put(`/api/v1/training/capacity/assessments/${a.id}`, { answers: [{ item: 'governance_board', level: 1, note: 'Minutes not kept' }, { item: 'governance_staff', level: 4 }] });
    expect(part.statusCode, part.body).toBe(200);
    expect(part.json().answered).toBe(2);
    const early = await staff.post(`/api/v1/training/capacity/assessments/${a.id}/submit`);
    expect([early.statusCode, early.json().code]).toEqual([409, 'capacity.incomplete']);

    const done = await staff.put(`/api/v1/training/capacity/assessments/${a.id}`, { answers: levels() });
    const saved: Assessment = done.json();
    // Governance (1 + 2 + 4) / 3 and finances (3 + 3 + 2) / 3, computed here from the levels sent.
    const sent = levels();
    const mean = (domain: string) => { const l = sent.filter((x) => x.item.startsWith(`${domain}_`)).map((x) => x.level); return l.reduce((s, v) => s + v, 0) / l.length; };
    expect(saved.scores.find((s) => s.domain === 'governance')!.mean).toBe(Math.round(mean('governance') * 100) / 100);
    expect(saved.scores.find((s) => s.domain === 'finances')!.share).toBe(Math.round((mean('finances') / 4) * 1000) / 10);
    expect(saved.gaps.map((g) => g.item)).toEqual(['governance_board', 'governance_strategy', 'finances_fees']);

    const submitted = await staff.post(`/api/v1/training/capacity/assessments/${a.id}/submit`);
    expect(submitted.json().status).toBe('submitted');
    // Submitted: no more changes, and staff cannot reopen it.
    expect((await staff.put(`/api/v1/training/capacity/assessments/${a.id}`, { answers: [{ item: 'led_analysis', level: 1 }] })).json().code).toBe('capacity.submitted');
    expect((await staff.post(`/api/v1/training/capacity/assessments/${a.id}/reopen`, { reason: 'Fix' })).statusCode).toBe(403);
    expect((await org.admin.post(`/api/v1/training/capacity/assessments/${a.id}/reopen`, { reason: ' ' })).statusCode).toBe(400);
    const reopened = await org.admin.post(`/api/v1/training/capacity/assessments/${a.id}/reopen`, { reason: 'Finance figures were from 2025' });
    expect([reopened.statusCode, reopened.json().status, reopened.json().submittedAt]).toEqual([200, 'draft', null]);

    const audit = (await org.admin.get(`/api/v1/audit?entityType=capacity_assessment&entityId=${a.id}`)).json().items as Array<{ action: string; after: Record<string, unknown> | null }>;
    expect(audit.map((e) => e.action).sort()).toEqual(['capacity_assessment.create', 'capacity_assessment.reopen', 'capacity_assessment.save', 'capacity_assessment.save', 'capacity_assessment.submit']);
    expect(audit.find((e) => e.action === 'capacity_assessment.reopen')!.after).toEqual({ status: 'draft', reason: 'Finance figures were from 2025' });

    // The list, newest year first, with an earlier year beside it for comparison.
    await fillAndSubmit(staff, 2025, 2);
    const list = (await org.admin.get('/api/v1/training/capacity/assessments')).json().items as Assessment[];
    expect(list.map((x) => [x.year, x.status])).toEqual([[2026, 'draft'], [2025, 'submitted']]);
    // 2025: every item at 2 but governance (1, 2, 4) and finances (3, 3, 2); training (2, 2, 2) is at 50 %.
    expect(list[1]!.scores.find((s) => s.domain === 'training')!.share).toBe(50);

    // Another organisation sees none of it.
    const other = await createOrg(t.app);
    expect((await other.admin.get(`/api/v1/training/capacity/assessments/${a.id}`)).statusCode).toBe(404);
    expect((await other.admin.get('/api/v1/training/capacity/assessments')).json().items).toEqual([]);
    expect((await other.admin.put(`/api/v1/training/capacity/assessments/${a.id}`, { answers: [] })).statusCode).toBe(404);
  });

  it('an umbrella sees its branches\' submitted self-assessments side by side, never a draft nor another organisation\'s', async () => {
    const umbrella = await createOrg(t.app, { name: 'Umbrella Chamber' });
    const branch = async (name: string) => {
      const res = await umbrella.admin.post('/api/v1/org/branches', orgInput({ name }));
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const [kumasi, tamale, ho] = [await branch('Branch Kumasi'), await branch('Branch Tamale'), await branch('Branch Ho')];
    const as = async (orgId: string) => expect((await umbrella.admin.post('/api/v1/auth/switch-org', { orgId })).statusCode).toBe(200);
    await as(kumasi);
    await fillAndSubmit(umbrella.admin, 2026, 4);
    await as(tamale);
    await fillAndSubmit(umbrella.admin, 2026, 1);
    await fillAndSubmit(umbrella.admin, 2025, 2);
    await as(ho);
    const draft = await start(umbrella.admin, 2026);
    await umbrella.admin.put(`/api/v1/training/capacity/assessments/${draft.id}`, { answers: levels() });
    // An organisation that is not a branch of the umbrella submits too.
    const stranger = await createOrg(t.app, { name: 'Stranger Chamber' });
    await fillAndSubmit(stranger.admin, 2026);
    await as(umbrella.orgId);

    const viewer = (await createPerson(t.app, umbrella.orgId, 'viewer')).client;
    const res = await viewer.get('/api/v1/training/capacity/branches?year=2026');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as BranchCapacity[];
    expect(items.map((b) => [b.name, b.submitted])).toEqual([['Branch Ho', false], ['Branch Kumasi', true], ['Branch Tamale', true]]);
    const led = (b: BranchCapacity) => b.scores.find((s) => s.domain === 'led')!;
    expect(led(items[0]!).mean).toBeNull();
    expect([led(items[1]!).mean, led(items[1]!).share, led(items[2]!).share]).toEqual([4, 100, 25]);
    // Governance is 1, 2, 4 in every one submitted: (1 + 2 + 4) / 3.
    expect(items[1]!.scores[0]!.mean).toBe(Math.round((7 / 3) * 100) / 100);
    expect(JSON.stringify(res.json())).not.toContain('No board meeting');
    expect((await viewer.get('/api/v1/training/capacity/branches?year=2025')).json().items.filter((b: BranchCapacity) => b.submitted).map((b: BranchCapacity) => b.name)).toEqual(['Branch Tamale']);
    // A branch sees no branches of its own; the stranger sees none of the umbrella's.
    expect((await stranger.admin.get('/api/v1/training/capacity/branches?year=2026')).json().items).toEqual([]);
  });

  it('a gap becomes a course, and each side shows the other', async () => {
    const org = await createOrg(t.app);
    const a = await start(org.admin, 2026);
    await org.admin.put(`/api/v1/training/capacity/assessments/${a.id}`, { answers: levels() });
    const course = { title: 'Board elected per statutes, meeting four times a year', kind: 'workshop', audience: 'Staff and board' };
    // A draft's gaps are not yet training needs.
    expect((await org.admin.post(`/api/v1/training/capacity/assessments/${a.id}/courses`, { item: 'governance_board', course })).json().code).toBe('capacity.not_submitted');
    await org.admin.post(`/api/v1/training/capacity/assessments/${a.id}/submit`);
    expect((await org.admin.post(`/api/v1/training/capacity/assessments/${a.id}/courses`, { item: 'governance_staff', course })).json().code).toBe('capacity.not_a_gap');
    const planned = await org.admin.post(`/api/v1/training/capacity/assessments/${a.id}/courses`, { item: 'governance_board', course });
    expect(planned.statusCode, planned.body).toBe(201);
    const { courseId } = planned.json();

    const made = (await org.admin.get(`/api/v1/training/courses/${courseId}`)).json();
    expect([made.title, made.kind, made.audience]).toEqual([course.title, 'workshop', 'Staff and board']);
    expect((await org.admin.get(`/api/v1/training/courses/${courseId}/capacity-gaps`)).json().items).toEqual([{ assessmentId: a.id, year: 2026, item: 'governance_board', level: 1 }]);
    const gaps = ((await org.admin.get(`/api/v1/training/capacity/assessments/${a.id}`)).json() as Assessment).gaps;
    expect(gaps.find((g) => g.item === 'governance_board')!.courses).toEqual([{ id: courseId, title: course.title }]);
    expect(gaps.find((g) => g.item === 'governance_strategy')!.courses).toEqual([]);
    const audit = (await org.admin.get(`/api/v1/audit?entityType=capacity_assessment&entityId=${a.id}`)).json().items as Array<{ action: string; after: Record<string, unknown> | null }>;
    expect(audit.find((e) => e.action === 'capacity_assessment.course_plan')!.after).toEqual({ item: 'governance_board', courseId });

    const other = await createOrg(t.app);
    expect((await other.admin.get(`/api/v1/training/courses/${courseId}/capacity-gaps`)).statusCode).toBe(404);
    expect((await other.admin.post(`/api/v1/training/capacity/assessments/${a.id}/courses`, { item: 'governance_board', course })).statusCode).toBe(404);
  });
});
