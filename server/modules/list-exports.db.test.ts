import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { MemberIssue } from '../../contracts/intake.js';
import type { Consultation } from '../../contracts/surveys.js';
import type { EventSummary } from '../../contracts/events.js';
import type { DecisionMaker } from '../../contracts/decision-makers.js';
import { useTestApp } from '../test/app.js';
import { createEvent, createMemberFirm, createOrg, createPerson } from '../test/factories.js';
import { exportedTable, walkList } from '../test/lists.js';
import { createPublishedForm } from '../test/survey-factories.js';

const t = useTestApp();

/** What the database holds, counted apart from the routes under test. */
async function count(query: ReturnType<typeof sql>) {
  const res = await t.database.db.execute<{ n: number }>(query);
  return Number(res.rows[0]!.n);
}

describe('lists sorted, paged and downloaded the one way', () => {
  it('member issues: most firms affected first over pages, the download holding exactly what the filter keeps', async () => {
    const { admin, orgId } = await createOrg(t.app);
    const firms: Array<{ id: string }> = [];
    for (const name of ['Accra Foods', 'Bonwire Kente', 'Tamale Shea']) firms.push(await createMemberFirm(admin, { legalName: name }));
    const raise = async (title: string, category: string, affected: number) => {
      const issue = (await admin.post('/api/v1/member-issues', { title, description: `${title}.`, category, memberId: firms[0]!.id })).json<{ id: string }>();
      for (const firm of firms.slice(1, affected)) expect((await admin.post(`/api/v1/member-issues/${issue.id}/firms`, { memberId: firm.id })).statusCode).toBe(200);
      return issue.id;
    };
    await raise('Port clearance delays', 'regulation', 3);
    await raise('Power cuts', 'infrastructure', 1);
    await raise('Export permits', 'regulation', 2);
    await raise('Loans need land titles', 'finance', 2);
    await raise('Customs forms', 'regulation', 1);

    const byAffected = await walkList<MemberIssue>(admin, '/api/v1/member-issues', { sort: '-affected' });
    expect(byAffected.map((i) => i.affectedFirms)).toEqual([3, 2, 2, 1, 1]);
    const tied = byAffected.slice(1, 3).map((i) => i.id);
    expect(tied).toEqual([...tied].sort().reverse());
    expect((await walkList<MemberIssue>(admin, '/api/v1/member-issues', { sort: 'title' }, 1)).map((i) => i.title)).toEqual([
      'Customs forms', 'Export permits', 'Loans need land titles', 'Port clearance delays', 'Power cuts',
    ]);

    const regulation = await count(sql`SELECT count(*)::int AS n FROM member_issues WHERE org_id = ${orgId} AND category = 'regulation'`);
    for (const format of ['csv', 'xlsx'] as const) {
      const [header, ...rows] = await exportedTable(admin, '/api/v1/member-issues', format, { category: 'regulation', sort: '-affected' });
      expect(header).toContain('Firms affected');
      expect(rows).toHaveLength(regulation);
      expect(rows.map((r) => r[0])).toEqual(['Port clearance delays', 'Export permits', 'Customs forms']);
    }
    // Staff may download; a viewer reads the list but not the file.
    const viewer = (await createPerson(t.app, orgId, 'viewer')).client;
    expect((await viewer.get('/api/v1/member-issues')).statusCode).toBe(200);
    expect((await viewer.get('/api/v1/member-issues/export.csv')).statusCode).toBe(403);
  });

  it('consultations: by closing day with the open-ended ones last, and a download of one status', async () => {
    const { admin, orgId } = await createOrg(t.app);
    const form = await createPublishedForm(admin);
    for (const [title, closesOn] of [['Budget 2027', '2027-01-31'], ['Port survey', null], ['Tax survey', '2026-12-01'], ['Energy survey', null]] as const) {
      expect((await admin.post('/api/v1/consultations', { title, formId: form.id, identity: 'anonymous', closesOn })).statusCode).toBe(201);
    }
    const byClosing = await walkList<Consultation>(admin, '/api/v1/consultations', { sort: 'closes' }, 1);
    expect(byClosing.map((c) => c.closesOn)).toEqual(['2026-12-01', '2027-01-31', null, null]);
    expect((await walkList<Consultation>(admin, '/api/v1/consultations', { sort: '-closes' }, 3)).map((c) => c.closesOn)).toEqual(['2027-01-31', '2026-12-01', null, null]);
    const drafts = await count(sql`SELECT count(*)::int AS n FROM consultations WHERE org_id = ${orgId} AND status = 'draft'`);
    const [, ...rows] = await exportedTable(admin, '/api/v1/consultations', 'xlsx', { status: 'draft', sort: 'title' });
    expect(rows).toHaveLength(drafts);
    expect(rows.map((r) => r[0])).toEqual(['Budget 2027', 'Energy survey', 'Port survey', 'Tax survey']);
    const [, ...open] = await exportedTable(admin, '/api/v1/consultations', 'csv', { status: 'open' });
    expect(open).toEqual([]);
  });

  it('events: by title or by start over pages, the download limited to the filter and to staff', async () => {
    const { admin, orgId } = await createOrg(t.app);
    await createEvent(admin, { title: 'Export fair', kind: 'trade_fair', startsAt: '2027-05-01T09:00:00Z', endsAt: '2027-05-01T17:00:00Z' });
    await createEvent(admin, { title: 'Bookkeeping', startsAt: '2027-03-01T09:00:00Z', endsAt: '2027-03-01T12:00:00Z' });
    await createEvent(admin, { title: 'Costing', startsAt: '2027-04-01T09:00:00Z', endsAt: '2027-04-01T12:00:00Z' });
    await createEvent(admin, { title: 'Draft workshop' }, false);
    expect((await walkList<EventSummary>(admin, '/api/v1/events', { sort: '-starts' }, 1)).map((e) => e.title)).toEqual(['Export fair', 'Costing', 'Draft workshop', 'Bookkeeping']);
    expect((await walkList<EventSummary>(admin, '/api/v1/events', { sort: 'title', kind: 'workshop' })).map((e) => e.title)).toEqual(['Bookkeeping', 'Costing', 'Draft workshop']);
    const workshops = await count(sql`SELECT count(*)::int AS n FROM events WHERE org_id = ${orgId} AND kind = 'workshop'`);
    const [header, ...rows] = await exportedTable(admin, '/api/v1/events', 'csv', { kind: 'workshop', sort: 'starts' });
    expect(header!.slice(0, 3)).toEqual(['Title', 'Kind', 'State']);
    expect(rows).toHaveLength(workshops);
    expect(rows.map((r) => [r[0], r[2]])).toEqual([['Bookkeeping', 'Published'], ['Draft workshop', 'Draft'], ['Costing', 'Published']]);
    const viewer = (await createPerson(t.app, orgId, 'viewer')).client;
    expect((await viewer.get('/api/v1/events/export.xlsx')).statusCode).toBe(403);
  });

  it('decision-makers: the directory by name or latest added, and its download with the posts held now', async () => {
    const { admin } = await createOrg(t.app);
    for (const name of ['Mercy Adjei', 'Kwame Boateng', 'Ama Owusu']) expect((await admin.post('/api/v1/decision-makers', { name, honorificPrefix: 'Hon.', email: '', phone: '', notes: '' })).statusCode).toBe(201);
    expect((await walkList<DecisionMaker>(admin, '/api/v1/decision-makers', { sort: 'name' }, 1)).map((p) => p.name)).toEqual(['Ama Owusu', 'Kwame Boateng', 'Mercy Adjei']);
    expect((await walkList<DecisionMaker>(admin, '/api/v1/decision-makers', { sort: '-added' }, 2)).map((p) => p.name)).toEqual(['Ama Owusu', 'Kwame Boateng', 'Mercy Adjei']);
    const [header, ...rows] = await exportedTable(admin, '/api/v1/decision-makers', 'xlsx', { q: 'boateng' });
    expect(header!.slice(0, 2)).toEqual(['Title', 'Name']);
    expect(rows.map((r) => r[1])).toEqual(['Kwame Boateng']);
  });

  it('training courses: by title over pages, one kind downloaded', async () => {
    const { admin, orgId } = await createOrg(t.app);
    for (const [title, kind] of [['Costing', 'workshop'], ['Bookkeeping', 'course'], ['Master trainers', 'tot'], ['Branding', 'workshop']] as const) {
      expect((await admin.post('/api/v1/training/courses', { title, kind, completionShare: 80 })).statusCode).toBe(201);
    }
    expect((await walkList<{ title: string }>(admin, '/api/v1/training/courses', { sort: 'title' }, 1)).map((c) => c.title)).toEqual(['Bookkeeping', 'Branding', 'Costing', 'Master trainers']);
    const workshops = await count(sql`SELECT count(*)::int AS n FROM training_courses WHERE org_id = ${orgId} AND kind = 'workshop'`);
    const [, ...rows] = await exportedTable(admin, '/api/v1/training/courses', 'xlsx', { kind: 'workshop', sort: '-title' });
    expect(rows).toHaveLength(workshops);
    expect(rows.map((r) => r[0])).toEqual(['Costing', 'Branding']);
  });
});
