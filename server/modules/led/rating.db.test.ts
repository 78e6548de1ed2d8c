import { describe, expect, it } from 'vitest';
import type { RatingBoard, RunDetail, Score } from '../../../contracts/led-rating.js';
import { withSystem } from '../../platform/db/tenancy.js';
import { Client, useTestApp } from '../../test/app.js';
import { createMemberFirm, createOrg, createPerson } from '../../test/factories.js';
import { pdfText } from '../../test/pdf-text.js';
import { ledApplications, ledCallCriteria, ledCallRegions, ledCalls } from './call-tables.js';

const t = useTestApp();
const ghana = { country: 'GH', regions: ['GH-AA', 'GH-NP'] };
const noResults = { total: 0, female: 0, male: 0, youth: 0, adult: 0 };

/** A closed call with three criteria (the third of weight 0) and its applications, written as the calls module (17.5) keeps them. */
async function callWith(orgId: string, regionId: string, apps: Array<{ title: string; amount: number; memberIds?: string[]; status?: string }>) {
  return withSystem(t.database.db, async (tx) => {
    const [call] = await tx.insert(ledCalls).values({ orgId, title: 'Call 2026', budget: 100_000, deadlineOn: '2026-03-31', status: 'closed' }).returning();
    await tx.insert(ledCallRegions).values({ orgId, callId: call!.id, regionId });
    const criteria = await tx.insert(ledCallCriteria).values([
      { orgId, callId: call!.id, key: 'local_focus', weight: 2, position: 0 },
      { orgId, callId: call!.id, key: 'feasibility', weight: 1, position: 1 },
      { orgId, callId: call!.id, key: 'sustainability', weight: 0, position: 2 },
    ]).returning();
    const ids: Record<string, string> = {};
    for (const [i, a] of apps.entries()) {
      const [row] = await tx.insert(ledApplications).values({
        orgId, callId: call!.id, regionId, title: a.title, leadName: `${a.title} lead`, leadSector: 'private', leadEmail: `${a.title.toLowerCase()}@lead.example`,
        memberIds: a.memberIds ?? [], requestedTotal: a.amount, expectedResults: { trained: noResults, jobs: noResults, higherIncome: noResults },
        status: a.status ?? 'submitted', submittedAt: new Date(Date.UTC(2026, 2, 1 + i)), enteredBy: 'staff', activities: `Activities of ${a.title}`,
      }).returning();
      ids[a.title] = row!.id;
    }
    return { callId: call!.id, k1: criteria[0]!.id, k2: criteria[1]!.id, k3: criteria[2]!.id, ids };
  });
}

describe('LED rating and selection', () => {
  it('runs a panel: conflicts refused, history kept, the best set within the budget, runs kept, a measure made', async () => {
    const { admin, orgId } = await createOrg(t.app, ghana);
    const region = (await admin.post('/api/v1/led/regions', { name: 'Accra', region: 'GH-AA' })).json();
    const a = await createPerson(t.app, orgId, 'staff', 'Abena Staff');
    const b = await createPerson(t.app, orgId, 'viewer', 'Bright Board');
    const c = await createPerson(t.app, orgId, 'staff', 'Comfort Contact');
    const outsider = await createPerson(t.app, orgId, 'staff', 'Not on panel');
    // C is a contact of the firm partnering in X (same address, other capitals).
    const firm = await createMemberFirm(admin, { legalName: 'Partner Firm Ltd' });
    expect((await admin.post(`/api/v1/members/${firm.id}/contacts`, { name: 'Comfort', role: 'Director', email: c.email.toUpperCase(), consentToContact: true })).statusCode).toBe(201);
    const { callId, k1, k2, k3, ids } = await callWith(orgId, region.id, [
      { title: 'X', amount: 60_000, memberIds: [firm.id] },
      { title: 'Y', amount: 50_000 },
      { title: 'Z', amount: 50_000 },
      { title: 'W', amount: 10_000, status: 'draft' },
    ]);
    const base = `/api/v1/led/calls/${callId}`;

    for (const p of [a, b, c]) expect((await admin.post(`${base}/reviewers`, { userId: p.userId })).statusCode).toBe(200);
    const elsewhere = await createOrg(t.app, ghana);
    const stranger = await createPerson(t.app, elsewhere.orgId, 'staff');
    expect((await admin.post(`${base}/reviewers`, { userId: stranger.userId })).json().code).toBe('led.reviewer_not_in_org');
    expect((await b.client.post(`${base}/reviewers`, { userId: outsider.userId })).statusCode).toBe(403);
    let board = (await admin.get(`${base}/rating`)).json() as RatingBoard;
    expect(board.reviewers.map((r) => r.name)).toEqual(['Abena Staff', 'Bright Board', 'Comfort Contact']);
    // Draft applications are not rated.
    expect(board.applications.map((x) => x.title)).toEqual(['X', 'Y', 'Z']);
    expect(board.conflicts).toEqual([{ userId: c.userId, applicationId: ids.X, causes: [{ kind: 'contact', memberId: firm.id }] }]);

    const score = (who: Client, app: string, criterionId: string, s: number, comment = '') => who.post(`${base}/scores`, { applicationId: ids[app], criterionId, score: s, comment });
    const refused = await score(c.client, 'X', k1, 5);
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'led.reviewer_conflicted']);
    expect(refused.json().title).not.toBe('led.reviewer_conflicted');
    expect((await score(outsider.client, 'Y', k1, 5)).json().code).toBe('led.not_a_reviewer');
    expect((await score(a.client, 'W', k1, 5)).json().code).toBe('led.application_not_found');
    expect((await score(a.client, 'Y', k1, 6)).statusCode).toBe(400);
    // B declares a conflict with Z: from then on B cannot score it.
    expect((await b.client.post(`${base}/conflicts`, { applicationId: ids.Z, note: 'My cousin runs it' })).statusCode).toBe(200);
    expect((await score(b.client, 'Z', k1, 3)).json().code).toBe('led.reviewer_conflicted');

    const plan: Array<[Client, string, number, number]> = [
      [a.client, 'X', 5, 5], [a.client, 'Y', 3, 3], [a.client, 'Z', 4, 4],
      [b.client, 'X', 2, 2], [b.client, 'Y', 4, 4],
      [c.client, 'Y', 5, 5], [c.client, 'Z', 1, 1],
    ];
    for (const [who, app, s1, s2] of plan) {
      expect((await score(who, app, k1, s1)).statusCode).toBe(200);
      expect((await score(who, app, k2, s2)).statusCode).toBe(200);
    }
    // A changes a score: a new row, the old one kept; the same score again changes nothing.
    board = (await score(a.client, 'Y', k1, 4, 'Read the budget again')).json();
    expect(board.myScores.find((s) => s.applicationId === ids.Y && s.criterionId === k1)).toMatchObject({ score: 4, comment: 'Read the budget again' });
    expect((await score(a.client, 'Y', k1, 4, 'Read the budget again')).statusCode).toBe(200);
    const history = (await admin.get(`${base}/applications/${ids.Y}/scores`)).json().items as Score[];
    expect(history.filter((s) => s.userId === a.userId && s.criterionId === k1).map((s) => [s.score, s.latest])).toEqual([[4, true], [3, false]]);
    expect(history).toHaveLength(7);
    // Every weighted criterion scored: X by A and B, Y by all three, Z by A and C (the weight-0 one is not needed).
    expect(board.scored).toEqual({ [ids.X!]: 2, [ids.Y!]: 3, [ids.Z!]: 2 });
    expect((await admin.delete(`${base}/reviewers/${a.userId}`)).json().code).toBe('led.reviewer_has_scores');

    // Raw totals, computed here: Σ weight × mean / Σ weight, criteria weighted 2 and 1.
    const total = (k1Scores: number[], k2Scores: number[]) => (2 * mean(k1Scores) + mean(k2Scores)) / 3;
    const raw = { X: total([5, 2], [5, 2]), Y: total([4, 4, 5], [3, 4, 5]), Z: total([4, 1], [4, 1]) };
    const run = await admin.post(`${base}/selections`, { normalised: false });
    expect(run.statusCode).toBe(201);
    const first = run.json() as RunDetail;
    const by = new Map(first.results.map((r) => [r.title, r]));
    expect(by.get('X')!.rawScore).toBeCloseTo(raw.X, 10);
    expect(by.get('Y')!.rawScore).toBeCloseTo(raw.Y, 10);
    expect(by.get('Z')!.rawScore).toBeCloseTo(raw.Z, 10);
    // Y + Z (100,000) score more than X alone (60,000), though X ranks above Z: not the top of the list.
    expect(first.results.filter((r) => r.selected).map((r) => r.title).sort()).toEqual(['Y', 'Z']);
    expect(by.get('X')!.rawRank).toBe(2);
    expect(by.get('X')!.reason).toEqual({ code: 'exceeds_remaining', remaining: 0 });
    expect(by.get('X')!.conflictedScores).toBe(0);
    expect(first.spent).toBe(50_000 + 50_000);
    expect(first.spent).toBeLessThanOrEqual(first.budget);
    expect(first.inputs.criteria.map((c) => c.weight)).toEqual([2, 1, 0]);
    expect(first.inputs.scores).toHaveLength(14);
    expect(first.sensitivity.map((s) => [s.criterionId, s.change])).toEqual([[k1, 10], [k1, -10], [k2, 10], [k2, -10]]);
    expect(first.sensitivity.every((s) => !s.entering.length && !s.leaving.length)).toBe(true);
    expect(k3).toBeTruthy();

    const second = (await admin.post(`${base}/selections`, { normalised: true })).json() as RunDetail;
    const chosen = second.results.filter((r) => r.selected);
    expect(second.spent).toBe(chosen.reduce((s, r) => s + r.amount, 0));
    expect(second.spent).toBeLessThanOrEqual(100_000);
    // Both runs kept, the first as it was.
    board = (await admin.get(`${base}/rating`)).json();
    expect(board.runs.map((r) => [r.seq > 0, r.normalised])).toEqual([[true, true], [true, false]]);
    expect((await admin.get(`${base}/selections/${first.id}`)).json()).toEqual(first);

    const pdf = await admin.get(`${base}/selections/${first.id}/report.pdf`);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Selection report');
    expect(text).toContain('Call 2026');
    expect(text).toContain('Not selected: does not fit');
    expect(text).toContain('No choice changes');

    // A selected application becomes a measure of its region, once; a rejected one does not.
    expect((await admin.post(`${base}/selections/${first.id}/measures`, { applicationId: ids.X })).json().code).toBe('led.application_not_selected');
    const made = await admin.post(`${base}/selections/${first.id}/measures`, { applicationId: ids.Y });
    expect(made.statusCode).toBe(201);
    const measureId = (made.json() as RunDetail).measures[ids.Y!]!;
    const measure = (await admin.get(`/api/v1/led/measures/${measureId}`)).json();
    expect(measure).toMatchObject({ title: 'Y', budget: 50_000, leadEmail: 'y@lead.example', status: 'planned' });
    expect((await admin.post(`${base}/selections/${first.id}/measures`, { applicationId: ids.Y })).json().code).toBe('led.application_has_measure');
    // The call is decided: no more scores.
    expect((await score(a.client, 'Z', k1, 5)).json().code).toBe('led.call_not_rating');

    const audit = (await admin.get(`/api/v1/audit?entityType=led_application&entityId=${ids.Y}`)).json();
    expect(audit.items.filter((e: { action: string }) => e.action === 'led_application.score')).toHaveLength(7);
    // Another organisation sees nothing of the call.
    expect((await elsewhere.admin.get(`${base}/rating`)).statusCode).toBe(404);
  });
});

function mean(xs: number[]) {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}
