import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { withSystem } from '../../platform/db/tenancy.js';
import { mailOutbox } from '../../platform/mail/tables.js';
import { Client, useTestApp } from '../../test/app.js';
import { activeFirm, followUps, introduce, makeDue as makeDueIn } from '../../test/introduction-factories.js';
import { createOrg } from '../../test/factories.js';
import { resolveFollowUpFormLink, sendDueFollowUps } from '../surveys/follow-up-form-service.js';

const t = useTestApp();
const ghana = { country: 'GH', regions: ['GH-AA', 'GH-NP'] };
const URL = 'https://roundtable.example';
type Admin = Client;

const firmNamed = (admin: Admin, name: string) => activeFirm(admin, { legalName: name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@firm.example` });
const rows = async (admin: Admin, introId: string) => (await followUps(admin, introId)).map((f) => `${f.firm.name}:${f.months}:${f.state}`).sort();
const makeDue = (orgId: string, months: number) => makeDueIn(t.database.db, orgId, months);

/** Each follow-up mailed, by its id: the link in its mail (the link names its own follow-up and nothing else). */
async function links(orgId: string) {
  const mails = await withSystem(t.database.db, (tx) => tx.select().from(mailOutbox).where(and(eq(mailOutbox.orgId, orgId), eq(mailOutbox.kind, 'follow_up_form'))));
  const byId = new Map<string, string>();
  for (const m of mails) {
    const token = /\/r\/(fu-[\w-]+)/.exec(m.sealedBody!)![1]!;
    byId.set((await withSystem(t.database.db, (tx) => resolveFollowUpFormLink(tx, token))).id, token);
  }
  return byId;
}

/** A firm answers its follow-up of some months about an introduction, on the link it was mailed. */
async function answer(admin: Admin, orgId: string, introId: string, firmId: string, months: number, answers: object) {
  const followUp = (await followUps(admin, introId)).find((f) => f.firm.id === firmId && f.months === months)!;
  const token = (await links(orgId)).get(followUp.id)!;
  const res = await new Client(t.app).put(`/api/v1/follow-ups/respond/${token}`, { answers, submissionKey: null });
  expect(res.statusCode, res.body).toBe(200);
  return followUp.id;
}

const auditActions = async (admin: Admin, type: string, id: string) =>
  (await admin.get(`/api/v1/audit?entityType=${type}&entityId=${id}`)).json().items.map((e: { action: string }) => e.action).reverse();

describe('deal follow-ups stop after no deal', () => {
  it('sends no later follow-up of an introduction once a firm answers no deal and none expected, or staff close it as no deal; a deal or a "not yet" keeps them', async () => {
    const { admin, orgId } = await createOrg(t.app, ghana);
    const [a, b, c, d] = [await firmNamed(admin, 'Alpha Foods'), await firmNamed(admin, 'Beta Packaging'), await firmNamed(admin, 'Gamma Logistics'), await firmNamed(admin, 'Delta Oils')];
    const closed = await introduce(admin, a.id, b.id, ['accepted', 'met']);
    const open = await introduce(admin, c.id, d.id, ['accepted', 'met']);
    const byStaff = await introduce(admin, a.id, c.id, ['accepted', 'met']);
    await makeDue(orgId, 3);
    expect(await sendDueFollowUps(t.database, URL)).toEqual({ sent: 6, mails: 6 });

    // The form offers the answer that ends the follow-ups.
    const token = (await links(orgId)).values().next().value!;
    const signed = (await new Client(t.app).get(`/api/v1/follow-ups/respond/${token}`)).json().form.questions[0] as { name: string; choices: Array<{ value: string }> };
    expect([signed.name, signed.choices.map((ch) => ch.value)]).toEqual(['signed', ['yes', 'no', 'no_deal']]);

    // No deal at 3 months, none expected: the 6- and 12-month follow-ups of both firms are taken back, audited.
    await answer(admin, orgId, closed, a.id, 3, { signed: 'no_deal' });
    expect(await rows(admin, closed)).toEqual(['Alpha Foods:3:answered', 'Beta Packaging:3:sent']);
    expect((await followUps(admin, closed)).find((f) => f.firm.id === a.id)!.report).toMatchObject({ signed: false, noneExpected: true });
    const cancelled = await withSystem(t.database.db, (tx) => tx.execute<{ action: string; n: number }>(sql`
      SELECT action, count(*)::int AS n FROM audit_log WHERE org_id = ${orgId} AND action = 'survey_follow_up.cancel' GROUP BY action`));
    expect(cancelled.rows).toEqual([{ action: 'survey_follow_up.cancel', n: 4 }]);

    // A deal at 3 months (one firm) and "not yet" (the other): 6 and 12 months stay.
    await answer(admin, orgId, open, c.id, 3, { signed: 'yes', deal_type: 'supplier', deal_value: 100, jobs_created: 1 });
    await answer(admin, orgId, open, d.id, 3, { signed: 'no' });
    expect(await rows(admin, open)).toEqual([
      'Delta Oils:12:planned', 'Delta Oils:3:answered', 'Delta Oils:6:planned', 'Gamma Logistics:12:planned', 'Gamma Logistics:3:answered', 'Gamma Logistics:6:planned',
    ]);

    // Staff close an introduction as no deal: its follow-ups not yet sent are taken back; those sent stay.
    expect((await admin.post(`/api/v1/networking/introductions/${byStaff}/state`, { state: 'no_deal' })).statusCode).toBe(200);
    expect(await rows(admin, byStaff)).toEqual(['Alpha Foods:3:sent', 'Gamma Logistics:3:sent']);

    // Months later: only the open introduction's follow-ups are sent (two firms × 6 and 12 months).
    await makeDue(orgId, 6);
    await makeDue(orgId, 12);
    expect(await sendDueFollowUps(t.database, URL)).toEqual({ sent: 4, mails: 4 });
    expect(await rows(admin, open)).toEqual([
      'Delta Oils:12:sent', 'Delta Oils:3:answered', 'Delta Oils:6:sent', 'Gamma Logistics:12:sent', 'Gamma Logistics:3:answered', 'Gamma Logistics:6:sent',
    ]);
    expect(await rows(admin, closed)).toEqual(['Alpha Foods:3:answered', 'Beta Packaging:3:sent']);
    expect((await admin.get('/api/v1/networking/deal-follow-ups?state=due')).json().items).toEqual([]);
    const taken = await withSystem(t.database.db, (tx) => tx.execute<{ entity_id: string }>(sql`
      SELECT entity_id FROM audit_log WHERE org_id = ${orgId} AND action = 'survey_follow_up.cancel' ORDER BY at LIMIT 1`));
    expect(await auditActions(admin, 'survey_follow_up', taken.rows[0]!.entity_id)).toEqual(['survey_follow_up.schedule', 'survey_follow_up.cancel']);
  });
});

describe('deal value and jobs as results indicators', () => {
  it('counts each pair once with its latest figures, equal to an independent sum, and drills down to the introductions', async () => {
    const { admin, orgId } = await createOrg(t.app, ghana);
    const [a, b, c, d] = [await firmNamed(admin, 'Alpha Foods'), await firmNamed(admin, 'Beta Packaging'), await firmNamed(admin, 'Gamma Logistics'), await firmNamed(admin, 'Delta Oils')];
    const ab = await introduce(admin, a.id, b.id, ['accepted', 'met']);
    const cd = await introduce(admin, c.id, d.id, ['accepted', 'met']);

    // [introduction, firm, months, answers], in the order given (the later answer is the latest).
    const given: Array<[string, string, number, Record<string, unknown>]> = [
      [ab, a.id, 3, { signed: 'yes', deal_type: 'supplier', deal_value: 10000.5, jobs_created: 2 }],
      [cd, c.id, 3, { signed: 'yes', deal_type: 'buyer', deal_value: 5000, jobs_created: 1 }],
      [cd, d.id, 3, { signed: 'no' }],
      [ab, a.id, 6, { signed: 'yes', deal_type: 'supplier', deal_value: 12000, jobs_created: 3 }],
      [ab, b.id, 6, { signed: 'yes', deal_type: 'supplier', deal_value: 12000, jobs_created: 4 }],
      [cd, d.id, 6, { signed: 'yes', deal_type: 'buyer', deal_value: 5500.25, jobs_created: 2 }],
    ];
    await makeDue(orgId, 3);
    expect(await sendDueFollowUps(t.database, URL)).toEqual({ sent: 4, mails: 4 });
    for (const g of given.filter((x) => x[2] === 3)) await answer(admin, orgId, ...g);
    await makeDue(orgId, 6);
    expect(await sendDueFollowUps(t.database, URL)).toEqual({ sent: 4, mails: 4 });
    for (const g of given.filter((x) => x[2] === 6)) await answer(admin, orgId, ...g);

    // Independently: per pair, the latest value given; per pair and firm, the latest jobs; summed.
    const value = new Map<string, number>();
    const jobs = new Map<string, number>();
    for (const [intro, firm, , ans] of given) {
      if (ans.signed !== 'yes') continue;
      value.set(intro, ans.deal_value as number);
      jobs.set(`${intro}:${firm}`, ans.jobs_created as number);
    }
    const sum = (m: Map<string, number>) => [...m.values()].reduce((s, n) => s + n, 0);
    expect([value.size, sum(value), sum(jobs)]).toEqual([2, 17500.25, 10]);
    // Summing every answer would count the repeated totals again.
    const naive = given.filter((g) => g[3].signed === 'yes').reduce((s, g) => s + (g[3].deal_value as number), 0);
    expect(naive).not.toBe(sum(value));

    const framework = (await admin.post('/api/v1/results/frameworks', { name: 'Linkages', donor: 'Donor X' })).json();
    const lines: Array<[string, string, string, string]> = [
      ['networking.deals_reported', 'Deals reported', 'outcome', 'count'],
      ['networking.deal_value', 'Value of deals', 'outcome', 'sum'],
      ['networking.deal_jobs', 'Jobs from deals', 'impact', 'sum'],
    ];
    for (const [library, name, level, kind] of lines) {
      expect((await admin.post(`/api/v1/results/frameworks/${framework.id}/indicators`, { library, name, level, kind, dimensions: [] })).statusCode).toBe(201);
    }
    const library = (await admin.get('/api/v1/results/library')).json().items as Array<{ code: string; unit: string; name: string }>;
    expect(library.filter((i) => i.code.startsWith('networking.deal')).map((i) => [i.code, i.unit])).toEqual([
      ['networking.deals', 'deals'], ['networking.deals_reported', 'deals'], ['networking.deal_value', 'currency'], ['networking.deal_jobs', 'jobs'],
    ]);
    expect(library.find((i) => i.code === 'networking.deal_value')!.name).toContain('latest');

    const year = new Date().getUTCFullYear();
    const period = (await admin.post(`/api/v1/results/frameworks/${framework.id}/periods`, { label: String(year), startsOn: `${year}-01-01`, endsOn: `${year}-12-31` })).json();
    const report = (await admin.get(`/api/v1/results/periods/${period.id}`)).json().results as Array<{ name: string; indicatorId: string; total: { n: number } }>;
    expect(report.map((r) => [r.name, r.total.n])).toEqual([['Deals reported', 2], ['Value of deals', sum(value)], ['Jobs from deals', sum(jobs)]]);
    for (const r of report) {
      const records = (await admin.get(`/api/v1/results/periods/${period.id}/indicators/${r.indicatorId}/records`)).json().items as Array<{ type: string; id: string }>;
      expect(records.map((x) => [x.type, x.id]).sort()).toEqual([['networking_introduction', ab], ['networking_introduction', cd]].sort());
    }
    // Counted in the period of the pair's first report only.
    const before = (await admin.post(`/api/v1/results/frameworks/${framework.id}/periods`, { label: String(year - 1), startsOn: `${year - 1}-01-01`, endsOn: `${year - 1}-12-31` })).json();
    expect((await admin.get(`/api/v1/results/periods/${before.id}`)).json().results.map((r: { total: { n: number } }) => r.total.n)).toEqual([0, 0, 0]);
  });
});
