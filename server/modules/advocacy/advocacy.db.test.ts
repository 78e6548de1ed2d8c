import { describe, expect, it } from 'vitest';
import type { AdvocacyIssue } from '../../../contracts/advocacy.js';
import { useTestApp } from '../../test/app.js';
import { createFirmUser, createMemberFirm, createOrg, createPerson } from '../../test/factories.js';
import { exportedTable, walkList } from '../../test/lists.js';
import { createPublishedForm } from '../../test/survey-factories.js';

const t = useTestApp();
const ghana = { regions: ['GH-AA', 'GH-AH', 'GH-NP'] };
const port = { title: 'Port clearance takes nine days', description: 'Containers wait at Tema for inspections repeated by three agencies.', category: 'infrastructure' };
const answers = { imports: 'yes', days: 12, problems: ['fees', 'inspection'], satisfaction: 2, rating: { speed: 'poor', cost: 'poor' }, comment: 'One inspection' };

async function chamber() {
  const org = await createOrg(t.app, ghana);
  const food = await createMemberFirm(org.admin, { legalName: 'Accra Foods', isicClass: '1079', region: 'GH-AA' });
  const weaver = await createMemberFirm(org.admin, { legalName: 'Bonwire Kente', isicClass: '1312', region: 'GH-AH' });
  const foodUser = await createFirmUser(t.app, org.admin, org.orgId, food.id);
  return { ...org, food, weaver, foodUser };
}

describe('advocacy issues', () => {
  it('builds an issue on member issues and consultation answers whose figures stay live, and scores its priority', async () => {
    const c = await chamber();
    const raised = (await c.foodUser.post('/api/v1/member-issues', port)).json();

    // Started from the member issue: it becomes the first evidence, and the member issue is forwarded.
    const created = await c.admin.post('/api/v1/advocacy-issues', {
      title: 'Single window for port inspections', problem: 'Three agencies inspect the same container.', category: 'red_tape',
      sectors: ['C'], regions: ['GH-AA'], severity: 4, feasibility: 3, fromMemberIssueId: raised.id,
    });
    expect(created.statusCode).toBe(201);
    const issue = created.json();
    expect(issue).toMatchObject({ step: 'diagnostic', outcome: null, published: false, priority: { firms: 1, severity: 4, feasibility: 3 } });
    expect(issue.evidence).toEqual([expect.objectContaining({ kind: 'member_issue', memberIssue: expect.objectContaining({ id: raised.id, status: 'forwarded', affectedFirms: 1 }) })]);
    // The member issue points the other way, and its firm sees where its problem went.
    expect((await c.foodUser.get(`/api/v1/member-issues/${raised.id}`)).json().takenUpIn).toEqual([{ id: issue.id, title: 'Single window for port inspections' }]);

    // Another firm joins the member issue: the advocacy issue's figures and priority follow.
    await c.admin.post(`/api/v1/member-issues/${raised.id}/firms`, { memberId: c.weaver.id });
    const grown = (await c.admin.get(`/api/v1/advocacy-issues/${issue.id}`)).json();
    expect(grown.priority.firms).toBe(2);
    expect(grown.priority.score).toBeGreaterThan(issue.priority.score);
    expect(grown.evidence[0].memberIssue.breakdown.byRegion).toEqual(expect.arrayContaining([{ key: 'GH-AH', count: 1 }]));

    // A consultation question as evidence: its counts move as firms answer.
    const form = await createPublishedForm(c.admin);
    const consultation = (await c.admin.post('/api/v1/consultations', { title: 'Port clearance 2026', formId: form.id, identity: 'firm' })).json();
    await c.admin.post(`/api/v1/consultations/${consultation.id}/open`);
    await c.admin.put(`/api/v1/consultations/${consultation.id}/firms/${c.food.id}/response`, { answers, submit: true, channel: 'phone' });
    expect((await c.admin.post(`/api/v1/advocacy-issues/${issue.id}/evidence`, { consultationId: consultation.id, question: 'nope' })).json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'question', code: 'advocacy.question_not_found' }] });
    const withDays = (await c.admin.post(`/api/v1/advocacy-issues/${issue.id}/evidence`, { consultationId: consultation.id, question: 'days', note: 'Days to clear' })).json();
    const days = withDays.evidence.find((e: { kind: string }) => e.kind === 'survey_question').question;
    expect(days).toMatchObject({ consultationTitle: 'Port clearance 2026', label: 'Days to clear a container', submitted: 1, answered: 1, stats: { median: 12 } });
    expect((await c.admin.post(`/api/v1/advocacy-issues/${issue.id}/evidence`, { consultationId: consultation.id, question: 'days' })).json().code).toBe('advocacy.evidence_exists');
    await c.admin.put(`/api/v1/consultations/${consultation.id}/firms/${c.weaver.id}/response`, { answers: { ...answers, days: 20 }, submit: true, channel: 'field' });
    const later = (await c.admin.get(`/api/v1/advocacy-issues/${issue.id}`)).json();
    expect(later.evidence.find((e: { kind: string }) => e.kind === 'survey_question').question).toMatchObject({ submitted: 2, stats: { median: 16 } });

    // Removing evidence is a step of the history too.
    const evidenceId = later.evidence.find((e: { kind: string }) => e.kind === 'survey_question').id;
    expect((await c.admin.delete(`/api/v1/advocacy-issues/${issue.id}/evidence/${evidenceId}`)).json().evidence).toHaveLength(1);
    expect(later.history.map((h: { action: string }) => h.action)).toEqual(['created', 'evidence_added', 'evidence_added']);
  });

  it('prices a regulation with the Standard Cost Model and claims the saving when the reform is adopted', async () => {
    const c = await chamber();
    const issue = (await c.admin.post('/api/v1/advocacy-issues', { title: 'Monthly VAT return for micro firms', problem: 'Micro firms file monthly.', category: 'tax' })).json();
    const filing = { name: 'File the return', minutes: 90, hourlyTariff: 2000, outOfPocket: 500, perYear: 12, firms: { micro: 100, small: 20, medium: 0, large: 0 } };
    const bad = await c.admin.post(`/api/v1/advocacy-issues/${issue.id}/cost-activities`, { ...filing, minutes: -5, perYear: 0 });
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['minutes', 'perYear']);
    const priced = (await c.admin.post(`/api/v1/advocacy-issues/${issue.id}/cost-activities`, filing)).json();
    expect(priced.costs).toMatchObject({ currency: 'GHS', yearlyCost: 42000 * 120, perFirm: 42000, bySize: { micro: 4200000, small: 840000 } });
    expect(priced.yearlyCost).toBe(5040000);
    const activityId = priced.costs.activities[0].id;
    const fewer = (await c.admin.put(`/api/v1/advocacy-issues/${issue.id}/cost-activities/${activityId}`, { ...filing, perYear: 4 })).json();
    expect(fewer.costs.yearlyCost).toBe(14000 * 120);
    expect(fewer.history.filter((h: { action: string }) => h.action === 'cost').map((h: { from: string; to: string }) => [h.from, h.to])).toEqual([['0', '5040000'], ['5040000', '1680000']]);

    // An outcome needs its evidence; adopted claims the saving share of the yearly cost.
    expect((await c.admin.post(`/api/v1/advocacy-issues/${issue.id}/outcome`, { outcome: 'adopted' })).json().errors).toEqual([expect.objectContaining({ path: 'evidence', code: 'advocacy.outcome_evidence_required' })]);
    const adopted = (await c.admin.post(`/api/v1/advocacy-issues/${issue.id}/outcome`, { outcome: 'adopted', evidence: 'Finance Act 2026, section 12', savingShare: 75 })).json();
    expect(adopted).toMatchObject({ outcome: 'adopted', savingClaimed: 1260000, outcomeEvidence: 'Finance Act 2026, section 12' });
    // A donor report counts the saving in cedis, not pesewas: 75 % of GHS 16,800.00 a year.
    const framework = (await c.admin.post('/api/v1/results/frameworks', { name: 'Reform programme', donor: 'Donor' })).json();
    expect((await c.admin.post(`/api/v1/results/frameworks/${framework.id}/indicators`, { library: 'advocacy.yearly_saving', name: 'Yearly saving', level: 'impact', kind: 'sum', dimensions: [] })).statusCode).toBe(201);
    const year = new Date().getUTCFullYear();
    const period = (await c.admin.post(`/api/v1/results/frameworks/${framework.id}/periods`, { label: 'Around now', startsOn: `${year - 1}-01-01`, endsOn: `${year + 1}-12-31` })).json();
    expect(period.results[0].total).toEqual({ n: (16800_00 * 0.75) / 100 });
    expect((await c.admin.get('/api/v1/advocacy-issues?state=open')).json().items).toEqual([]);
    expect((await c.admin.get('/api/v1/advocacy-issues?state=closed')).json().items).toHaveLength(1);
  });

  it('follows the five steps with 0–3 scores whose history is never overwritten, and keeps who did what', async () => {
    const c = await chamber();
    const viewer = (await createPerson(t.app, c.orgId, 'viewer')).client;
    const issue = (await c.admin.post('/api/v1/advocacy-issues', { title: 'Truck licences renewed twice a year', problem: 'Hauliers queue twice.', category: 'regulation', regions: ['GH-NP'] })).json();
    expect((await c.admin.post('/api/v1/advocacy-issues', { title: 'Somewhere else entirely', problem: 'x', category: 'tax', regions: ['FR-75'] })).json().errors).toEqual([expect.objectContaining({ path: 'regions.0', code: 'members.region_not_in_org' })]);
    await c.admin.post(`/api/v1/advocacy-issues/${issue.id}/scores`, { step: 'diagnostic', score: 2 });
    await c.admin.post(`/api/v1/advocacy-issues/${issue.id}/step`, { step: 'solution_design', note: 'Evidence agreed with the ministry' });
    const rescored = (await c.admin.post(`/api/v1/advocacy-issues/${issue.id}/scores`, { step: 'diagnostic', score: 3, note: 'Ministry co-signed the diagnostic' })).json();
    expect(rescored.step).toBe('solution_design');
    expect(rescored.scores).toEqual([expect.objectContaining({ step: 'diagnostic', score: 3, note: 'Ministry co-signed the diagnostic' })]);
    expect(rescored.history.filter((h: { action: string }) => h.action === 'score').map((h: { from: string | null; to: string }) => [h.from, h.to])).toEqual([[null, 'diagnostic:2'], ['diagnostic:2', 'diagnostic:3']]);
    expect(rescored.history.every((h: { actor: string }) => h.actor.length > 0)).toBe(true);
    expect((await c.admin.post(`/api/v1/advocacy-issues/${issue.id}/scores`, { step: 'diagnostic', score: 4 })).statusCode).toBe(400);

    // Changing the severity is recorded with who judged it.
    await c.admin.put(`/api/v1/advocacy-issues/${issue.id}`, { title: issue.title, problem: 'Hauliers queue twice a year.', category: 'regulation', regions: ['GH-NP'], severity: 5, feasibility: 3 });
    const after = (await viewer.get(`/api/v1/advocacy-issues/${issue.id}`)).json();
    expect(after.history.filter((h: { action: string }) => h.action === 'severity' || h.action === 'edited').map((h: { action: string; from: string | null; to: string | null }) => [h.action, h.from, h.to])).toEqual([['severity', '3', '5'], ['edited', null, null]]);

    // Viewers read; they and members change nothing.
    expect((await viewer.post(`/api/v1/advocacy-issues/${issue.id}/step`, { step: 'advocacy' })).statusCode).toBe(403);
    expect((await c.foodUser.get('/api/v1/advocacy-issues')).statusCode).toBe(403);
    expect((await c.admin.get(`/api/v1/advocacy-issues/${c.food.id}`)).statusCode).toBe(404);
  });
  it('lists issues by the priority the database computes, over pages, and downloads the same order', async () => {
    const c = await chamber();
    const add = async (title: string, severity: number, feasibility: number, fromMemberIssueId?: string) =>
      (await c.admin.post('/api/v1/advocacy-issues', { title, problem: `${title}.`, category: 'tax', severity, feasibility, fromMemberIssueId })).json<{ id: string }>();
    // Two member issues behind one advocacy issue, Accra Foods behind both: two distinct firms, not three.
    const first = (await c.foodUser.post('/api/v1/member-issues', port)).json<{ id: string }>();
    const second = (await c.admin.post('/api/v1/member-issues', { ...port, title: 'Inspections repeated at Takoradi', memberId: c.food.id })).json<{ id: string }>();
    expect((await c.admin.post(`/api/v1/member-issues/${second.id}/firms`, { memberId: c.weaver.id })).statusCode).toBe(200);
    const reach = await add('Port inspections', 3, 3, first.id);
    expect((await c.admin.post(`/api/v1/advocacy-issues/${reach.id}/evidence`, { memberIssueId: second.id })).statusCode).toBe(200);
    await add('Severe but hard', 5, 1);
    await add('Mild but easy', 1, 5);
    await add('Neither', 1, 1);
    const closed = await add('Settled long ago', 3, 3);
    expect((await c.admin.post(`/api/v1/advocacy-issues/${closed.id}/outcome`, { outcome: 'dropped', evidence: 'The ministry closed the file.' })).statusCode).toBe(200);

    // 40 × ln 3 / ln 101 + 35 × ½ + 25 × ½ = 39.5 → 40; 35; 30; 25; 0.
    const byPriority = await walkList<AdvocacyIssue>(c.admin, '/api/v1/advocacy-issues', {});
    expect(byPriority.map((i) => [i.title, i.priority.score, i.priority.firms])).toEqual([
      ['Port inspections', 40, 2], ['Severe but hard', 35, 0], ['Settled long ago', 30, 0], ['Mild but easy', 25, 0], ['Neither', 0, 0],
    ]);
    expect((await walkList<AdvocacyIssue>(c.admin, '/api/v1/advocacy-issues', { sort: 'priority', state: 'open' }, 3)).map((i) => i.title)).toEqual(['Neither', 'Mild but easy', 'Severe but hard', 'Port inspections']);

    const [header, ...rows] = await exportedTable(c.admin, '/api/v1/advocacy-issues', 'csv', { state: 'open' });
    expect(header!.slice(0, 2)).toEqual(['Issue', 'Priority']);
    expect(rows.map((r) => [r[0], r[1]])).toEqual([['Port inspections', '40'], ['Severe but hard', '35'], ['Mild but easy', '25'], ['Neither', '0']]);
    const [, ...byTitle] = await exportedTable(c.admin, '/api/v1/advocacy-issues', 'xlsx', { sort: '-title', q: 'but' });
    expect(byTitle.map((r) => r[0])).toEqual(['Severe but hard', 'Mild but easy']);
    // A viewer reads the list but does not download it.
    const viewer = (await createPerson(t.app, c.orgId, 'viewer')).client;
    expect((await viewer.get('/api/v1/advocacy-issues')).statusCode).toBe(200);
    expect((await viewer.get('/api/v1/advocacy-issues/export.csv')).statusCode).toBe(403);
  });
});
