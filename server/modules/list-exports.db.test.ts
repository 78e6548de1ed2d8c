import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { MemberIssue } from '../../contracts/intake.js';
import type { Consultation, FormSummary } from '../../contracts/surveys.js';
import type { EventSummary, Registration } from '../../contracts/events.js';
import type { PlannedAction } from '../../contracts/action-plan.js';
import type { Forum, MeetingSummary } from '../../contracts/dialogue.js';
import type { DecisionMaker } from '../../contracts/decision-makers.js';
import type { ApiToken, Branch, Invitation } from '../../contracts/orgs.js';
import type { LedRegion } from '../../contracts/led.js';
import type { FrameworkSummary, Indicator, PeriodSummary } from '../../contracts/results.js';
import type { B2bMeeting, B2bMine, B2bParticipantRow } from '../../contracts/b2b.js';
import type { CourseParticipant } from '../../contracts/training.js';
import { CAPACITY_CATALOGUE, type AssessmentSummary } from '../../contracts/capacity.js';
import { hashSecret } from '../platform/auth/tokens.js';
import { useTestApp } from '../test/app.js';
import { createEvent, createFirmUser, createMemberFirm, createOrg, createPerson, orgInput } from '../test/factories.js';
import { exportedTable, walkList } from '../test/lists.js';
import { createPublishedForm, portClearanceForm } from '../test/survey-factories.js';

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
  it('event registrations: seats, the waiting list in its order, then the cancelled, or by name over pages; the download of one status for staff only', async () => {
    const { admin, orgId } = await createOrg(t.app);
    const event = await createEvent(admin, { capacity: 2, audience: 'public' });
    const path = `/api/v1/events/${event.id}/registrations`;
    const ids: Record<string, string> = {};
    for (const [key, name] of [['kofi', 'Kofi Boateng'], ['ama', 'ama Owusu'], ['yaw', 'Yaw Darko'], ['efua', 'Efua Sarpong'], ['ben1', 'Ben Asante'], ['ben2', 'Ben Asante']] as const) {
      const res = await admin.post(path, { kind: 'public', name, email: `${key}@example.test` });
      expect(res.statusCode, res.body).toBe(201);
      ids[key] = res.json<Registration>().id;
    }
    // Ama gives her seat back: Yaw, first to wait, takes it.
    expect((await admin.post(`${path}/${ids.ama}/cancel`)).json()).toEqual({ promoted: [ids.yaw] });

    const byStatus = await walkList<Registration>(admin, path, {});
    expect(byStatus.map((r) => [r.id, r.status, r.waitingPlace])).toEqual([
      [ids.kofi, 'registered', null], [ids.yaw, 'registered', null], [ids.efua, 'waiting', 1], [ids.ben1, 'waiting', 2], [ids.ben2, 'waiting', 3], [ids.ama, 'cancelled', null],
    ]);
    const bens = [ids.ben1!, ids.ben2!].sort().reverse();
    expect((await walkList<Registration>(admin, path, { sort: '-name' }, 4)).map((r) => r.id)).toEqual([ids.yaw, ids.kofi, ids.efua, ...bens, ids.ama]);

    const waiting = await count(sql`SELECT count(*)::int AS n FROM event_registrations WHERE org_id = ${orgId} AND event_id = ${event.id} AND status = 'waiting'`);
    for (const format of ['csv', 'xlsx'] as const) {
      const [header, ...rows] = await exportedTable(admin, path, format, { status: 'waiting', sort: 'registered' });
      expect(header!.slice(0, 6)).toEqual(['Name', 'Member firm', 'E-mail', 'Phone', 'Status', 'Place on the waiting list']);
      expect(rows).toHaveLength(waiting);
      expect(rows.map((r) => [r[0], r[2], r[4], r[5]])).toEqual([
        ['Efua Sarpong', 'efua@example.test', 'Waiting', '1'], ['Ben Asante', 'ben1@example.test', 'Waiting', '2'], ['Ben Asante', 'ben2@example.test', 'Waiting', '3'],
      ]);
    }
    const [, ...found] = await exportedTable(admin, path, 'csv', { q: 'OWUSU' });
    expect(found.map((r) => [r[0], r[4]])).toEqual([['ama Owusu', 'Cancelled']]);
    // A member firm's user lists the firm's own people (none here) but downloads nothing.
    const firmUser = await createFirmUser(t.app, admin, orgId, (await createMemberFirm(admin)).id);
    expect((await firmUser.get(path)).json()).toEqual({ items: [], nextCursor: null });
    expect((await firmUser.get(`${path}/export.csv`)).statusCode).toBe(403);
    expect((await admin.get(`/api/v1/events/${crypto.randomUUID()}/registrations/export.csv`)).statusCode).toBe(404);
  });

  it('advocacy activities: by deadline or issue over pages, the download of one status for staff only', async () => {
    const { admin, orgId } = await createOrg(t.app);
    const raise = async (title: string) => (await admin.post('/api/v1/advocacy-issues', { title, problem: `${title}.`, category: 'tax' })).json<{ id: string }>().id;
    const vat = await raise('VAT refunds');
    const port = await raise('Port fees');
    const plan = async (issueId: string, kind: string, title: string, dueOn: string) => {
      const res = await admin.post(`/api/v1/advocacy-issues/${issueId}/actions`, { kind, title, dueOn });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ actions: PlannedAction[] }>().actions.find((a) => a.title === title)!.id;
    };
    await plan(vat, 'letter', 'Letter to the Commissioner', '2030-03-01');
    const oped = await plan(vat, 'media', 'Op-ed', '2030-01-15');
    await plan(port, 'meeting', 'Meet the port authority', '2030-02-01');
    await plan(port, 'research', 'Survey shippers', '2030-01-15');
    expect((await admin.post(`/api/v1/advocacy-issues/${vat}/actions/${oped}/status`, { status: 'done' })).statusCode).toBe(200);

    const byDue = await walkList<PlannedAction>(admin, '/api/v1/advocacy-actions', { sort: 'due' });
    expect(byDue.map((a) => a.dueOn)).toEqual(['2030-01-15', '2030-01-15', '2030-02-01', '2030-03-01']);
    const tied = byDue.slice(0, 2).map((a) => a.id);
    expect(tied).toEqual([...tied].sort());
    expect((await walkList<PlannedAction>(admin, '/api/v1/advocacy-actions', { sort: '-issue', issueId: vat }, 1)).map((a) => a.title)).toEqual(
      [...byDue].filter((a) => a.issueId === vat).sort((a, b) => (a.id < b.id ? 1 : -1)).map((a) => a.title),
    );
    expect((await walkList<PlannedAction>(admin, '/api/v1/advocacy-actions', { sort: 'status' }, 3)).map((a) => a.status)).toEqual(['planned', 'planned', 'planned', 'done']);

    const planned = await count(sql`SELECT count(*)::int AS n FROM advocacy_actions WHERE org_id = ${orgId} AND status = 'planned'`);
    for (const format of ['csv', 'xlsx'] as const) {
      const [header, ...rows] = await exportedTable(admin, '/api/v1/advocacy-actions', format, { status: 'planned', sort: '-due' });
      expect(header!.slice(0, 3)).toEqual(['Activity', 'Kind', 'Issue']);
      expect(rows).toHaveLength(planned);
      expect(rows.map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
        ['Letter to the Commissioner', 'Letter', 'VAT refunds', '2030-03-01'], ['Meet the port authority', 'Meeting', 'Port fees', '2030-02-01'], ['Survey shippers', 'Research', 'Port fees', '2030-01-15'],
      ]);
    }
    const viewer = (await createPerson(t.app, orgId, 'viewer')).client;
    expect((await viewer.get('/api/v1/advocacy-actions')).statusCode).toBe(200);
    expect((await viewer.get('/api/v1/advocacy-actions/export.xlsx')).statusCode).toBe(403);
  });

  it('forums and meetings: by name, size, start or forum over pages, an official sees their own; downloads for staff only', async () => {
    const { admin, orgId } = await createOrg(t.app);
    const official = await createPerson(t.app, orgId, 'official', 'Hon. Mercy Adjei');
    const forum = async (name: string, kind: string, members: number) => {
      const id = (await admin.post('/api/v1/forums', { name, kind })).json<{ id: string }>().id;
      for (let i = 0; i < members; i++) await admin.post(`/api/v1/forums/${id}/members`, { side: 'private', name: `${name} member ${i}`, ...(i === 0 && name === 'Tax committee' ? { userId: official.userId } : {}) });
      return id;
    };
    const tax = await forum('Tax committee', 'committee', 2);
    const trade = await forum('Trade round table', 'round_table', 3);
    const energy = await forum('energy working group', 'working_group', 2);
    expect((await walkList<Forum>(admin, '/api/v1/forums', {}, 1)).map((f) => f.name)).toEqual(['energy working group', 'Tax committee', 'Trade round table']);
    const twos = [energy, tax].sort().reverse();
    expect((await walkList<Forum>(admin, '/api/v1/forums', { sort: '-members' })).map((f) => f.id)).toEqual([trade, ...twos]);
    expect((await walkList<Forum>(official.client, '/api/v1/forums', {})).map((f) => f.name)).toEqual(['Tax committee']);

    const meet = async (forumId: string, title: string, day: string) => {
      const res = await admin.post(`/api/v1/forums/${forumId}/meetings`, { title, startsAt: `${day}T09:00:00Z`, endsAt: `${day}T11:00:00Z`, location: 'Accra' });
      expect(res.statusCode, res.body).toBe(201);
    };
    await meet(trade, 'Quarterly session', '2030-03-01');
    await meet(tax, 'Budget hearing', '2030-01-10');
    await meet(trade, 'Port fees', '2030-01-10');
    await meet(energy, 'Tariffs', '2029-12-01');
    const byStart = await walkList<MeetingSummary>(admin, '/api/v1/meetings', { sort: 'starts', from: '2030-01-01' }, 1);
    expect(byStart.map((m) => m.startsAt.slice(0, 10))).toEqual(['2030-01-10', '2030-01-10', '2030-03-01']);
    expect(byStart.slice(0, 2).map((m) => m.id)).toEqual(byStart.slice(0, 2).map((m) => m.id).sort());
    expect((await walkList<MeetingSummary>(admin, '/api/v1/meetings', { sort: '-forum' }, 3)).map((m) => m.forumName)).toEqual(['Trade round table', 'Trade round table', 'Tax committee', 'energy working group']);
    expect((await walkList<MeetingSummary>(official.client, '/api/v1/meetings', {})).map((m) => m.title)).toEqual(['Budget hearing']);

    const tradeMeetings = await count(sql`SELECT count(*)::int AS n FROM forum_meetings WHERE org_id = ${orgId} AND forum_id = ${trade}`);
    const committees = await count(sql`SELECT count(*)::int AS n FROM forums WHERE org_id = ${orgId} AND kind = 'committee'`);
    for (const format of ['csv', 'xlsx'] as const) {
      const [header, ...rows] = await exportedTable(admin, '/api/v1/meetings', format, { forumId: trade, sort: '-starts' });
      expect(header!.slice(0, 2)).toEqual(['Title', 'Forum']);
      expect(rows).toHaveLength(tradeMeetings);
      expect(rows.map((r) => [r[0], r[1], r[5]])).toEqual([['Quarterly session', 'Trade round table', 'Planned'], ['Port fees', 'Trade round table', 'Planned']]);
      const [forumHeader, ...forums] = await exportedTable(admin, '/api/v1/forums', format, { kind: 'committee' });
      expect(forumHeader!.slice(0, 4)).toEqual(['Name', 'Kind', 'Public forum', 'Members']);
      expect(forums).toHaveLength(committees);
      expect(forums.map((r) => [r[0], r[1], r[3], r[5]])).toEqual([['Tax committee', 'Standing committee', '2', 'Budget hearing']]);
    }
    const viewer = (await createPerson(t.app, orgId, 'viewer')).client;
    for (const list of ['/api/v1/forums', '/api/v1/meetings']) {
      expect((await viewer.get(list)).statusCode).toBe(200);
      expect((await viewer.get(`${list}/export.csv`)).statusCode).toBe(403);
      expect((await official.client.get(`${list}/export.xlsx`)).statusCode).toBe(403);
    }
  });

  it('invitations: by address (one invited twice, tied by id) both ways, and a download of one status for the admin only', async () => {
    const { admin, orgId } = await createOrg(t.app);
    const invite = async (email: string, role: string) => {
      const res = await admin.post('/api/v1/org/invitations', { email, role });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<Invitation>();
    };
    const ama = await invite('ama@example.test', 'staff');
    const kofi = await invite('kofi@example.test', 'viewer');
    const amaAgain = await invite('ama@example.test', 'admin');
    const yaw = await invite('yaw@example.test', 'staff');
    expect((await admin.delete(`/api/v1/org/invitations/${kofi.id}`)).statusCode).toBe(200);
    await t.database.db.execute(sql`UPDATE invitations SET expires_at = now() - interval '1 day' WHERE id = ${yaw.id}`);
    const amas = [ama.id, amaAgain.id].sort();
    expect((await walkList<Invitation>(admin, '/api/v1/org/invitations', { sort: 'email' }, 1)).map((i) => i.id)).toEqual([...amas, kofi.id, yaw.id]);
    const descending = await walkList<Invitation>(admin, '/api/v1/org/invitations', { sort: '-email' }, 3);
    expect(descending.map((i) => i.id)).toEqual([yaw.id, kofi.id, ...[...amas].reverse()]);
    expect(descending.map((i) => i.status)).toEqual(['expired', 'revoked', 'pending', 'pending']);

    const pending = await count(sql`SELECT count(*)::int AS n FROM invitations WHERE org_id = ${orgId} AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at >= now()`);
    const roleOf = new Map([[ama.id, 'Staff'], [amaAgain.id, 'Admin']]);
    for (const format of ['csv', 'xlsx'] as const) {
      const [header, ...rows] = await exportedTable(admin, '/api/v1/org/invitations', format, { status: 'pending', sort: 'email' });
      expect(header).toEqual(['E-mail', 'Role', 'Status', 'Sent', 'Expires']);
      expect(rows).toHaveLength(pending);
      expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual(amas.map((id) => ['ama@example.test', roleOf.get(id), 'Pending']));
      const [, ...revoked] = await exportedTable(admin, '/api/v1/org/invitations', format, { q: 'KOFI', status: 'revoked' });
      expect(revoked.map((r) => [r[0], r[1], r[2]])).toEqual([['kofi@example.test', 'Viewer', 'Revoked']]);
    }
    // Invitations are the admin's: staff, who read the people, neither list nor download them.
    const staff = (await createPerson(t.app, orgId, 'staff')).client;
    expect((await staff.get('/api/v1/org/invitations')).statusCode).toBe(403);
    expect((await staff.get('/api/v1/org/invitations/export.csv')).statusCode).toBe(403);
  });

  it('LED regions: by name and by measures (ties by id) over pages, one subdivision downloaded under its name, staff only', async () => {
    const { admin, orgId } = await createOrg(t.app);
    const region = async (name: string, code: string, measures: number) => {
      const res = await admin.post('/api/v1/led/regions', { name, region: code });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json<LedRegion>().id;
      for (let i = 0; i < measures; i += 1) {
        expect((await admin.post(`/api/v1/led/regions/${id}/measures`, { title: `${name} measure ${i}`, budget: 1000, startsOn: '2026-03-01', endsOn: '2026-09-01' })).statusCode).toBe(200);
      }
      return id;
    };
    const kumasi = await region('Kumasi', 'GH-AH', 2);
    const tema = await region('Tema', 'GH-AA', 0);
    const tamale = await region('Tamale', 'GH-NP', 1);
    const accra = await region('Accra', 'GH-AA', 0);
    expect((await walkList<LedRegion>(admin, '/api/v1/led/regions', { sort: 'name' }, 1)).map((r) => r.name)).toEqual(['Accra', 'Kumasi', 'Tamale', 'Tema']);
    const none = [tema, accra].sort();
    expect((await walkList<LedRegion>(admin, '/api/v1/led/regions', { sort: '-measures' }, 3)).map((r) => r.id)).toEqual([kumasi, tamale, ...[...none].reverse()]);
    const byMeasures = await walkList<LedRegion>(admin, '/api/v1/led/regions', { sort: 'measures' }, 1);
    expect(byMeasures.map((r) => [r.id, r.measures])).toEqual([[none[0], 0], [none[1], 0], [tamale, 1], [kumasi, 2]]);

    const greaterAccra = await count(sql`SELECT count(*)::int AS n FROM led_regions WHERE org_id = ${orgId} AND region = 'GH-AA'`);
    for (const format of ['csv', 'xlsx'] as const) {
      const [header, ...rows] = await exportedTable(admin, '/api/v1/led/regions', format, { region: 'GH-AA', sort: '-name' });
      expect(header!.slice(0, 3)).toEqual(['Name', 'Subdivision', 'District']);
      expect(rows).toHaveLength(greaterAccra);
      expect(rows.map((r) => [r[0], r[1], r[6]])).toEqual([['Tema', 'Greater Accra', '0'], ['Accra', 'Greater Accra', '0']]);
      const [, ...found] = await exportedTable(admin, '/api/v1/led/regions', format, { q: 'kum' });
      expect(found.map((r) => [r[0], r[1], r[6]])).toEqual([['Kumasi', 'Ashanti', '2']]);
    }
    const viewer = (await createPerson(t.app, orgId, 'viewer')).client;
    expect((await viewer.get('/api/v1/led/regions')).statusCode).toBe(200);
    expect((await viewer.get('/api/v1/led/regions/export.xlsx')).statusCode).toBe(403);
  });

  it('results: a framework\'s indicators by level along the chain and its periods by first day (ties by id), each downloaded filtered, staff only', async () => {
    const { admin, orgId } = await createOrg(t.app);
    const framework = (await admin.post('/api/v1/results/frameworks', { name: 'SME Programme', donor: 'Donor X' })).json<{ id: string }>();
    const path = `/api/v1/results/frameworks/${framework.id}`;
    const ids: Record<string, string> = {};
    for (const [name, level, library] of [['Jobs created', 'outcome', null], ['Firms advised', 'output', null], ['Trainings held', 'activity', null], ['Active members', 'output', 'members.active'], ['Exports grown', 'outcome', null]] as const) {
      const res = await admin.post(`${path}/indicators`, { name, level, kind: library ? 'unique_firms' : 'count', library });
      expect(res.statusCode, res.body).toBe(201);
      ids[name] = res.json<{ indicators: Indicator[] }>().indicators.find((i) => i.name === name)!.id;
    }
    const tie = (a: string, b: string) => [ids[a]!, ids[b]!].sort();
    expect((await walkList<Indicator>(admin, `${path}/indicators`, {}, 2)).map((i) => [i.position, i.name])).toEqual([
      [1, 'Jobs created'], [2, 'Firms advised'], [3, 'Trainings held'], [4, 'Active members'], [5, 'Exports grown'],
    ]);
    expect((await walkList<Indicator>(admin, `${path}/indicators`, { sort: 'level' }, 2)).map((i) => i.id)).toEqual([
      ids['Trainings held'], ...tie('Firms advised', 'Active members'), ...tie('Jobs created', 'Exports grown'),
    ]);
    expect((await walkList<Indicator>(admin, `${path}/indicators`, { sort: '-level' }, 1)).map((i) => i.id)).toEqual([
      ...tie('Jobs created', 'Exports grown').reverse(), ...tie('Firms advised', 'Active members').reverse(), ids['Trainings held'],
    ]);

    const period = async (label: string, startsOn: string, endsOn: string) => {
      const res = await admin.post(`${path}/periods`, { label, startsOn, endsOn });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string }>().id;
    };
    const y2025 = await period('2025', '2025-01-01', '2025-12-31');
    const h1 = await period('2026 first half', '2026-01-01', '2026-06-30');
    const y2024 = await period('2024', '2024-01-01', '2024-12-31');
    const y2026 = await period('2026', '2026-01-01', '2026-12-31');
    expect((await admin.post(`/api/v1/results/periods/${y2024}/submit`)).statusCode).toBe(200);
    const of2026 = [h1, y2026].sort();
    expect((await walkList<PeriodSummary>(admin, `${path}/periods`, { sort: 'starts' }, 1)).map((p) => p.id)).toEqual([y2024, y2025, ...of2026]);
    expect((await walkList<PeriodSummary>(admin, `${path}/periods`, { sort: '-starts' }, 3)).map((p) => p.id)).toEqual([...[...of2026].reverse(), y2025, y2024]);

    const outcomes = await count(sql`SELECT count(*)::int AS n FROM results_indicators WHERE org_id = ${orgId} AND framework_id = ${framework.id} AND level = 'outcome'`);
    const drafts = await count(sql`SELECT count(*)::int AS n FROM results_periods WHERE org_id = ${orgId} AND framework_id = ${framework.id} AND state = 'draft'`);
    for (const format of ['csv', 'xlsx'] as const) {
      const [header, ...rows] = await exportedTable(admin, `${path}/indicators`, format, { level: 'outcome', sort: 'name' });
      expect(header!.slice(0, 6)).toEqual(['No.', 'Indicator', 'Level', 'How it counts', 'Unit', 'Source']);
      expect(rows).toHaveLength(outcomes);
      expect(rows.map((r) => [r[0], r[1], r[2], r[5]])).toEqual([['5', 'Exports grown', 'Outcome', 'Entered by hand'], ['1', 'Jobs created', 'Outcome', 'Entered by hand']]);
      const [, ...counted] = await exportedTable(admin, `${path}/indicators`, format, { source: 'library' });
      expect(counted.map((r) => [r[1], r[5]])).toEqual([['Active members', 'Counted from records']]);
      const [periodHeader, ...periods] = await exportedTable(admin, `${path}/periods`, format, { state: 'draft', sort: 'label' });
      expect(periodHeader).toEqual(['Label', 'First day', 'Last day', 'Status', 'Approved on']);
      expect(periods).toHaveLength(drafts);
      expect(periods.map((r) => [r[0], r[1], r[3]])).toEqual([['2025', '2025-01-01', 'Draft'], ['2026', '2026-01-01', 'Draft'], ['2026 first half', '2026-01-01', 'Draft']]);
    }
    expect((await admin.get('/api/v1/results/frameworks/00000000-0000-4000-8000-000000000000/periods/export.csv')).statusCode).toBe(404);
    const viewer = (await createPerson(t.app, orgId, 'viewer')).client;
    for (const list of ['indicators', 'periods']) {
      expect((await viewer.get(`${path}/${list}`)).statusCode).toBe(200);
      expect((await viewer.get(`${path}/${list}/export.csv`)).statusCode).toBe(403);
    }
  });
  it('results frameworks: by name, donor (none last) and indicators (ties by id) over pages, the published ones downloaded, staff only', async () => {
    const { admin, orgId } = await createOrg(t.app);
    const framework = async (name: string, donor: string, indicators: number, periods: number) => {
      const res = await admin.post('/api/v1/results/frameworks', { name, donor });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json<{ id: string }>().id;
      for (let i = 0; i < indicators; i += 1) expect((await admin.post(`/api/v1/results/frameworks/${id}/indicators`, { name: `${name} indicator ${i}`, level: 'output', kind: 'count' })).statusCode).toBe(201);
      for (let i = 0; i < periods; i += 1) expect((await admin.post(`/api/v1/results/frameworks/${id}/periods`, { label: `${2026 + i}`, startsOn: `${2026 + i}-01-01`, endsOn: `${2026 + i}-12-31` })).statusCode).toBe(201);
      return id;
    };
    const sme = await framework('SME Programme', 'Donor X', 2, 1);
    const agri = await framework('agri linkages', 'Donor Y', 1, 2);
    const youth = await framework('Youth jobs', '', 0, 0);
    const women = await framework('Women in trade', 'donor x', 2, 0);
    const list = '/api/v1/results/frameworks';
    expect((await walkList<FrameworkSummary>(admin, list, { sort: 'name' }, 1)).map((f) => f.name)).toEqual(['agri linkages', 'SME Programme', 'Women in trade', 'Youth jobs']);
    const twos = [sme, women].sort();
    expect((await walkList<FrameworkSummary>(admin, list, { sort: '-indicators' }, 3)).map((f) => [f.id, f.indicators])).toEqual([[twos[1], 2], [twos[0], 2], [agri, 1], [youth, 0]]);
    expect((await walkList<FrameworkSummary>(admin, list, { sort: 'donor' }, 1)).map((f) => f.id)).toEqual([...twos, agri, youth]);
    expect((await walkList<FrameworkSummary>(admin, list, { sort: '-donor' }, 2)).map((f) => f.id)).toEqual([agri, ...[...twos].reverse(), youth]);

    await t.database.db.execute(sql`UPDATE results_frameworks SET iati_activity_id = 'GH-RGD-1-' || left(name, 3), iati_published_at = '2026-06-01T10:00:00Z' WHERE org_id = ${orgId} AND id IN (${sme}, ${agri}, ${youth})`);
    const published = await count(sql`SELECT count(*)::int AS n FROM results_frameworks WHERE org_id = ${orgId} AND iati_published_at IS NOT NULL AND (name ILIKE '%o%' OR donor ILIKE '%o%')`);
    for (const format of ['csv', 'xlsx'] as const) {
      const [header, ...rows] = await exportedTable(admin, list, format, { iati: 'published', q: 'o', sort: '-periods' });
      expect(header).toEqual(['Name', 'Donor', 'Indicators', 'Reporting periods', 'Activity identifier', 'Published to IATI']);
      expect(rows).toHaveLength(published);
      // An empty cell of a workbook is a hole in its row.
      expect(rows.map((r) => Array.from(r.slice(0, 5), (c) => c ?? ''))).toEqual([['agri linkages', 'Donor Y', '1', '2', 'GH-RGD-1-agr'], ['SME Programme', 'Donor X', '2', '1', 'GH-RGD-1-SME'], ['Youth jobs', '', '0', '0', 'GH-RGD-1-You']]);
      expect(rows.every((r) => r[5]!.startsWith('2026-06-01'))).toBe(true);
      const [, ...unpublished] = await exportedTable(admin, list, format, { iati: 'unpublished' });
      expect(unpublished.map((r) => [r[0], r[4] ?? '', r[5] ?? ''])).toEqual([['Women in trade', '', '']]);
    }
    const viewer = (await createPerson(t.app, orgId, 'viewer')).client;
    expect((await viewer.get(list)).statusCode).toBe(200);
    expect((await viewer.get(`${list}/export.csv`)).statusCode).toBe(403);
  });
  it('B2B participants and meetings: by requests, meetings or state (ties by id) over pages, downloads of a filter with names for staff only', async () => {
    const { admin, orgId } = await createOrg(t.app);
    const event = await createEvent(admin, { title: 'Shea B2B day', kind: 'b2b_day', startsAt: '2027-05-04T08:00:00Z', endsAt: '2027-05-04T17:00:00Z', audience: 'public' });
    const firms = await Promise.all(['Akosua Shea', 'Bolga Baskets', 'Cape Coast Cocoa'].map((legalName) => createMemberFirm(admin, { legalName })));
    const register = async (name: string, firm: number | null) => {
      const res = await admin.post(`/api/v1/events/${event.id}/registrations`, firm === null ? { kind: 'public', name, email: `${name.toLowerCase()}@b2b.example` } : { kind: 'member_staff', memberId: firms[firm]!.id, name, email: `${name.toLowerCase()}@b2b.example` });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<Registration>().id;
    };
    const [A, B, C, D, E] = [await register('Ama', 0), await register('Badu', 1), await register('cobbina', 2), await register('Dede', null), await register('Efua', 1)];
    // One who gives back the seat is no participant.
    const gone = await register('Kojo', 2);
    expect((await admin.post(`/api/v1/events/${event.id}/registrations/${gone}/cancel`)).statusCode).toBe(200);
    const base = `/api/v1/b2b/events/${event.id}`;
    expect((await admin.put(`${base}/settings`, { firstSlotAt: '2027-05-04T09:00:00Z', slotMinutes: 20, slotCount: 3, breaks: [], tableCount: 2, tableNames: ['Cocoa'], requestDeadline: '2027-05-01T00:00:00Z' })).statusCode).toBe(200);
    expect((await admin.put(`${base}/participants/${A}/profile`, { offer: 'Shea butter', seek: 'Export buyers' })).statusCode).toBe(200);
    expect((await admin.put(`${base}/participants/${D}/profile`, { offer: 'Dawadawa' })).statusCode).toBe(200);
    const ask = async (from: string, to: string) => {
      const res = await admin.post(`${base}/participants/${from}/requests`, { toRegistrationId: to });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<B2bMine>().outgoing.find((r) => r.to.registrationId === to)!.id;
    };
    const answer = async (to: string, id: string, accept: boolean) => expect((await admin.post(`${base}/participants/${to}/requests/${id}/answer`, { accept })).statusCode).toBe(200);
    const ab = await ask(A, B);
    const ac = await ask(A, C);
    const bc = await ask(B, C);
    const da = await ask(D, A);
    const ea = await ask(E, A);
    await answer(B, ab, true);
    await answer(C, bc, true);
    await answer(A, da, false);
    expect((await admin.post(`${base}/participants/${E}/requests/${ea}/cancel`)).statusCode).toBe(200);
    expect((await admin.post(`${base}/schedule`)).statusCode).toBe(200);

    // Requests sent and received, the withdrawn one not counted: Ama 3, Badu 2, cobbina 2, Dede 1, Efua 0; meetings: Badu 2, Ama 1, cobbina 1.
    const participants = `${base}/participants`;
    expect((await walkList<B2bParticipantRow>(admin, participants, {}, 2)).map((p) => p.name)).toEqual(['Ama', 'Badu', 'cobbina', 'Dede', 'Efua']);
    const tie = (x: string, y: string) => [x, y].sort();
    const byRequests = await walkList<B2bParticipantRow>(admin, participants, { sort: '-requests' }, 2);
    expect(byRequests.map((p) => p.registrationId)).toEqual([A, ...tie(B, C).reverse(), D, E]);
    expect(byRequests.map((p) => [p.sent, p.received])).toEqual([[2, 1], ...(tie(B, C)[1] === B ? [[1, 1], [0, 2]] : [[0, 2], [1, 1]]), [1, 0], [0, 0]]);
    expect((await walkList<B2bParticipantRow>(admin, participants, { sort: 'meetings' }, 1)).map((p) => p.registrationId)).toEqual([...tie(D, E), ...tie(A, C), B]);

    const meetings = `${base}/meetings`;
    expect((await walkList<B2bMeeting>(admin, meetings, {}, 3)).map((m) => m.id)).toEqual([ea, da, bc, ac, ab]);
    const byState = await walkList<B2bMeeting>(admin, meetings, { sort: 'state' }, 2);
    expect(byState.map((m) => m.id)).toEqual([...tie(ab, bc), ac, da, ea]);
    expect(byState.map((m) => m.state)).toEqual(['accepted', 'accepted', 'pending', 'declined', 'cancelled']);
    const bySlot = await walkList<B2bMeeting>(admin, meetings, { sort: 'slot' }, 1);
    expect(bySlot.slice(0, 2).map((m) => m.id).sort()).toEqual(tie(ab, bc));
    expect(bySlot.map((m) => m.startsAt !== null)).toEqual([true, true, false, false, false]);
    expect(bySlot[0]!.startsAt! <= bySlot[1]!.startsAt!).toBe(true);

    const filled = await count(sql`SELECT count(*)::int AS n FROM event_registrations r JOIN b2b_profiles p ON p.org_id = r.org_id AND p.registration_id = r.id
      WHERE r.org_id = ${orgId} AND r.event_id = ${event.id} AND r.status = 'registered' AND (p.offer <> '' OR p.seek <> '')`);
    const accepted = await count(sql`SELECT count(*)::int AS n FROM b2b_requests WHERE org_id = ${orgId} AND event_id = ${event.id} AND status = 'accepted'`);
    for (const format of ['csv', 'xlsx'] as const) {
      const [header, ...rows] = await exportedTable(admin, participants, format, { profile: 'filled', sort: '-requests' });
      expect(header).toEqual(['Name', 'Firm', 'Offers', 'Seeks', 'Requests sent', 'Requests received', 'Meetings']);
      expect(rows).toHaveLength(filled);
      // An empty cell of a workbook is a hole in its row.
      expect(rows.map((r) => Array.from(r, (c) => c ?? ''))).toEqual([['Ama', 'Akosua Shea', 'Shea butter', 'Export buyers', '2', '1', '1'], ['Dede', '', 'Dawadawa', '', '1', '0', '0']]);
      const [meetingHeader, ...placed] = await exportedTable(admin, meetings, format, { state: 'accepted', sort: 'from' });
      expect(meetingHeader).toEqual(['From', 'Firm asking', 'To', 'Firm asked', 'State', 'Slot', 'Table', 'Requested on']);
      expect(placed).toHaveLength(accepted);
      expect(placed.map((r) => r.slice(0, 5))).toEqual([['Ama', 'Akosua Shea', 'Badu', 'Bolga Baskets', 'Accepted'], ['Badu', 'Bolga Baskets', 'cobbina', 'Cape Coast Cocoa', 'Accepted']]);
      expect(placed.every((r) => /^2027-05-04 \d\d:\d\d$/.test(r[5]!) && ['Cocoa', '2'].includes(r[6]!))).toBe(true);
      const [, ...declined] = await exportedTable(admin, meetings, format, { state: 'declined', q: 'DEDE' });
      expect(declined.map((r) => [r[0], r[2], r[4]])).toEqual([['Dede', 'Ama', 'Declined']]);
    }
    // Staff data: a viewer and a member firm's user neither list nor download them.
    const viewer = (await createPerson(t.app, orgId, 'viewer')).client;
    const firmUser = await createFirmUser(t.app, admin, orgId, firms[0]!.id);
    for (const list of [participants, meetings]) {
      for (const client of [viewer, firmUser]) {
        expect((await client.get(list)).statusCode).toBe(403);
        expect((await client.get(`${list}/export.csv`)).statusCode).toBe(403);
      }
    }
    expect((await admin.get(`/api/v1/b2b/events/${crypto.randomUUID()}/meetings/export.xlsx`)).statusCode).toBe(404);
  });
  it('course participants: by name or share attended (ties by id) over pages, the completers downloaded with sex and age in words, staff only', async () => {
    const { admin, orgId } = await createOrg(t.app);
    const created = await admin.post('/api/v1/training/courses', { title: 'Export readiness', kind: 'course', completionShare: 60 });
    expect(created.statusCode, created.body).toBe(201);
    const courseId = created.json<{ id: string }>().id;
    const session = async (day: number) => {
      const res = await admin.post(`/api/v1/training/courses/${courseId}/sessions`, { title: `Day ${day}`, startsAt: `2027-03-0${day}T09:00:00Z`, endsAt: `2027-03-0${day}T13:00:00Z`, capacity: 30, audience: 'public' });
      expect(res.statusCode, res.body).toBe(200);
      const id = res.json<{ sessionList: Array<{ id: string; title: string }> }>().sessionList.find((s) => s.title === `Day ${day}`)!.id;
      expect((await admin.post(`/api/v1/events/${id}/state`, { state: 'published' })).statusCode).toBe(200);
      return id;
    };
    const people = {
      ama: { name: 'Ama Boateng', email: 'ama@example.test', sex: 'female', ageBand: '15_24' },
      kofi: { name: 'kofi Mensah', email: 'kofi@example.test', sex: 'male', ageBand: '35_plus' },
      efua: { name: 'Efua Owusu', email: 'efua@example.test', sex: 'female' },
      yaw: { name: 'Yaw Darko', email: 'yaw@example.test', sex: 'male' },
    };
    const attend = async (eventId: string, who: Array<keyof typeof people>) => {
      const ids: string[] = [];
      for (const key of who) {
        const res = await admin.post(`/api/v1/events/${eventId}/registrations`, { kind: 'public', ...people[key] });
        expect(res.statusCode, res.body).toBe(201);
        ids.push(res.json<Registration>().id);
      }
      expect((await admin.post(`/api/v1/events/${eventId}/check-in`, { items: ids.map((registrationId) => ({ registrationId })) })).statusCode).toBe(200);
    };
    await attend(await session(1), ['ama', 'kofi', 'efua', 'yaw']);
    await attend(await session(2), ['ama', 'efua']);
    await attend(await session(3), ['ama', 'yaw']);
    const path = `/api/v1/training/courses/${courseId}/participants`;
    const byName = await walkList<CourseParticipant>(admin, path, {}, 1);
    expect(byName.map((p) => [p.name, p.attended, p.share, p.completed])).toEqual([
      ['Ama Boateng', 3, 100, true], ['Efua Owusu', 2, 66, true], ['kofi Mensah', 1, 33, false], ['Yaw Darko', 2, 66, true],
    ]);
    const id = Object.fromEntries(byName.map((p) => [p.name.split(' ')[0]!.toLowerCase(), p.personId]));
    const twoThirds = [id.efua!, id.yaw!].sort();
    expect((await walkList<CourseParticipant>(admin, path, { sort: '-attended' }, 2)).map((p) => p.personId)).toEqual([id.ama, ...[...twoThirds].reverse(), id.kofi]);
    expect((await walkList<CourseParticipant>(admin, path, { sort: 'attended' }, 3)).map((p) => p.personId)).toEqual([id.kofi, ...twoThirds, id.ama]);
    expect((await walkList<CourseParticipant>(admin, path, { q: 'MENSAH' })).map((p) => p.name)).toEqual(['kofi Mensah']);

    // Completers counted apart: people with at least 60 % of the three sessions attended.
    const completers = await count(sql`SELECT count(*)::int AS n FROM (
      SELECT r.person_id FROM event_registrations r JOIN training_sessions s ON s.org_id = r.org_id AND s.event_id = r.event_id
      WHERE r.org_id = ${orgId} AND s.course_id = ${courseId} AND r.attended_at IS NOT NULL GROUP BY r.person_id HAVING count(DISTINCT r.event_id) * 100 >= 60 * 3) c`);
    for (const format of ['csv', 'xlsx'] as const) {
      const [header, ...rows] = await exportedTable(admin, path, format, { completion: 'completed', sort: '-attended' });
      expect(header!.slice(0, 8)).toEqual(['Name', 'Firm', 'Sex', 'Age band', 'Sessions attended', 'Sessions held', 'Share attended (%)', 'Completed']);
      expect(rows).toHaveLength(completers);
      expect(rows.map((r) => [r[0], r[2], r[3], r[4], r[5], r[6], r[7]])).toEqual([
        ['Ama Boateng', 'Female', '15–24 (youth)', '3', '3', '100', 'Yes'],
        ...(twoThirds[1] === id.yaw ? [['Yaw Darko', 'Male', 'Not known', '2', '3', '66', 'Yes'], ['Efua Owusu', 'Female', 'Not known', '2', '3', '66', 'Yes']]
          : [['Efua Owusu', 'Female', 'Not known', '2', '3', '66', 'Yes'], ['Yaw Darko', 'Male', 'Not known', '2', '3', '66', 'Yes']]),
      ]);
      const [, ...others] = await exportedTable(admin, path, format, { completion: 'not_completed' });
      expect(others.map((r) => [r[0], r[7]])).toEqual([['kofi Mensah', 'No']]);
    }
    const viewer = (await createPerson(t.app, orgId, 'viewer')).client;
    expect((await viewer.get(path)).statusCode).toBe(403);
    expect((await viewer.get(`${path}/export.csv`)).statusCode).toBe(403);
    expect((await admin.get(`/api/v1/training/courses/${crypto.randomUUID()}/participants/export.csv`)).statusCode).toBe(404);
  });
  it('capacity self-assessments: by year or items answered (ties by id) over pages, the drafts downloaded with each domain\'s share, staff only', async () => {
    const { admin, orgId } = await createOrg(t.app);
    const base = '/api/v1/training/capacity/assessments';
    const start = async (year: number, answered: number, submit = false) => {
      const res = await admin.post(base, { year });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json<{ id: string }>().id;
      const answers = CAPACITY_CATALOGUE.slice(0, answered).map((i) => ({ item: i.key, level: 2, note: '' }));
      if (answers.length) expect((await admin.put(`${base}/${id}`, { answers })).statusCode).toBe(200);
      if (submit) expect((await admin.post(`${base}/${id}/submit`)).statusCode).toBe(200);
      return id;
    };
    const all = CAPACITY_CATALOGUE.length;
    const y2023 = await start(2023, all, true);
    const y2024 = await start(2024, 3);
    const y2025 = await start(2025, 3);
    const y2026 = await start(2026, 0);
    expect((await walkList<AssessmentSummary>(admin, base, {}, 1)).map((a) => a.year)).toEqual([2026, 2025, 2024, 2023]);
    const threes = [y2024, y2025].sort();
    const byAnswered = await walkList<AssessmentSummary>(admin, base, { sort: 'answered' }, 3);
    expect(byAnswered.map((a) => [a.id, a.answered])).toEqual([[y2026, 0], [threes[0], 3], [threes[1], 3], [y2023, all]]);
    expect((await walkList<AssessmentSummary>(admin, base, { sort: '-answered' }, 2)).map((a) => a.id)).toEqual([y2023, threes[1], threes[0], y2026]);
    // By submission: the submitted one, then the drafts (never submitted) last, tied by id.
    expect((await walkList<AssessmentSummary>(admin, base, { sort: '-submitted' }, 1)).map((a) => a.id)).toEqual([y2023, ...[y2024, y2025, y2026].sort().reverse()]);

    const drafts = await count(sql`SELECT count(*)::int AS n FROM capacity_assessments WHERE org_id = ${orgId} AND status = 'draft'`);
    for (const format of ['csv', 'xlsx'] as const) {
      const [header, ...rows] = await exportedTable(admin, base, format, { status: 'draft', sort: 'year' });
      expect(header!.slice(0, 5)).toEqual(['Year', 'Status', 'Items answered', 'Items', 'Governance']);
      expect(header!.slice(-2)).toEqual(['Submitted on', 'Submitted by']);
      expect(rows).toHaveLength(drafts);
      expect(rows.map((r) => [r[0], r[1], r[2], r[3]])).toEqual([['2024', 'Draft', '3', String(all)], ['2025', 'Draft', '3', String(all)], ['2026', 'Draft', '0', String(all)]]);
      // The first three items are governance's, each at level 2 of 4: half the highest level; the other domains are not answered.
      expect(rows.map((r) => [r[4] ?? '', r[5] ?? ''])).toEqual([['50', ''], ['50', ''], ['', '']]);
      const [, ...submitted] = await exportedTable(admin, base, format, { status: 'submitted' });
      expect(submitted.map((r) => [r[0], r[1], r[2]])).toEqual([['2023', 'Submitted', String(all)]]);
    }
    const viewer = (await createPerson(t.app, orgId, 'viewer')).client;
    expect((await viewer.get(base)).statusCode).toBe(200);
    expect((await viewer.get(`${base}/export.csv`)).statusCode).toBe(403);
  });

  it('forms: by title (two of one title, tied by id) or last change over pages, the published ones of a purpose downloaded, staff only', async () => {
    const { admin, orgId } = await createOrg(t.app);
    const form = async (title: string, purpose: string, publish: boolean, updated: string) => {
      const res = await admin.post('/api/v1/forms', { definition: { ...portClearanceForm(), title: { en: title } }, purpose });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json<{ id: string }>().id;
      if (publish) expect((await admin.post(`/api/v1/forms/${id}/publish`)).statusCode).toBe(200);
      await t.database.db.execute(sql`UPDATE forms SET updated_at = ${updated}::timestamptz WHERE id = ${id}`);
      return id;
    };
    const port = await form('Port delays', 'survey', true, '2026-03-01T10:00:00Z');
    const portAgain = await form('Port delays', 'interview', false, '2026-03-04T10:00:00Z');
    const power = await form('Power cuts', 'survey', true, '2026-03-02T10:00:00Z');
    const quiz = await form('Export quiz', 'evaluation', false, '2026-03-03T10:00:00Z');
    const ports = [port, portAgain].sort();
    expect((await walkList<FormSummary>(admin, '/api/v1/forms', { sort: 'title' }, 1)).map((f) => f.id)).toEqual([quiz, ...ports, power]);
    expect((await walkList<FormSummary>(admin, '/api/v1/forms', { sort: '-title' }, 3)).map((f) => f.id)).toEqual([power, ...[...ports].reverse(), quiz]);
    const byChange = await walkList<FormSummary>(admin, '/api/v1/forms', {}, 2);
    expect(byChange.map((f) => [f.id, f.publishedVersion])).toEqual([[portAgain, 0], [quiz, 0], [power, 1], [port, 1]]);
    // "Export quiz" holds "port" too.
    expect((await walkList<FormSummary>(admin, '/api/v1/forms', { q: 'PORT', status: 'never' }, 1)).map((f) => f.id)).toEqual([portAgain, quiz]);
    // The pickers' read: the published forms by title.
    expect((await admin.get('/api/v1/forms?status=published&sort=title&limit=200')).json<{ items: FormSummary[] }>().items.map((f) => f.id)).toEqual([port, power]);

    const publishedSurveys = await count(sql`SELECT count(*)::int AS n FROM forms WHERE org_id = ${orgId} AND purpose = 'survey' AND published_version > 0`);
    for (const format of ['csv', 'xlsx'] as const) {
      const [header, ...rows] = await exportedTable(admin, '/api/v1/forms', format, { purpose: 'survey', status: 'published', sort: 'title' });
      expect(header).toEqual(['Title', 'Used for', 'Version', 'unpublished changes', 'Changed']);
      expect(rows).toHaveLength(publishedSurveys);
      expect(rows.map((r) => r.slice(0, 4))).toEqual([['Port delays', 'Member survey', '1', 'No'], ['Power cuts', 'Member survey', '1', 'No']]);
      const [, ...never] = await exportedTable(admin, '/api/v1/forms', format, { status: 'never', sort: '-updated' });
      expect(never.map((r) => r.slice(0, 3))).toEqual([['Port delays', 'Interview', 'not published yet'], ['Export quiz', 'Evaluation', 'not published yet']]);
    }
    const viewer = (await createPerson(t.app, orgId, 'viewer')).client;
    expect((await viewer.get('/api/v1/forms')).statusCode).toBe(200);
    expect((await viewer.get('/api/v1/forms/export.csv')).statusCode).toBe(403);
    expect((await viewer.get('/api/v1/forms/export.xlsx')).statusCode).toBe(403);
  });

  it('branches and API tokens: by name (ties by id) or by date over pages, downloads of a filter; no secret nor hash in a token\'s file; viewers refused', async () => {
    const { admin, orgId } = await createOrg(t.app, { name: 'Ghana National Chamber' });
    const branch = async (name: string, kind: string, created: string) => {
      const res = await admin.post('/api/v1/org/branches', orgInput({ name, kind: kind as 'chamber', regions: ['GH-AH'], languages: ['en', 'tw'] }));
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json<Branch>().id;
      await t.database.db.execute(sql`UPDATE orgs SET created_at = ${created}::timestamptz WHERE id = ${id}`);
      return id;
    };
    const kumasi = await branch('Kumasi Chamber', 'chamber', '2025-05-01T00:00:00Z');
    const kumasiAgain = await branch('Kumasi Chamber', 'association', '2025-02-01T00:00:00Z');
    const tamale = await branch('Tamale Traders', 'association', '2025-03-01T00:00:00Z');
    const accra = await branch('Accra Chamber', 'chamber', '2025-04-01T00:00:00Z');
    const kumasis = [kumasi, kumasiAgain].sort();
    expect((await walkList<Branch>(admin, '/api/v1/org/branches', {}, 1)).map((b) => b.id)).toEqual([accra, ...kumasis, tamale]);
    expect((await walkList<Branch>(admin, '/api/v1/org/branches', { sort: '-name' }, 3)).map((b) => b.id)).toEqual([tamale, ...[...kumasis].reverse(), accra]);
    expect((await walkList<Branch>(admin, '/api/v1/org/branches', { sort: '-since' }, 2)).map((b) => b.id)).toEqual([kumasi, accra, tamale, kumasiAgain]);
    // The pickers' read still answers every branch in one page.
    expect((await admin.get('/api/v1/org/branches?limit=200')).json<{ items: Branch[] }>().items).toHaveLength(4);

    const associations = await count(sql`SELECT count(*)::int AS n FROM orgs WHERE parent_id = ${orgId} AND kind = 'association'`);
    const staff = (await createPerson(t.app, orgId, 'staff')).client;
    for (const format of ['csv', 'xlsx'] as const) {
      const [header, ...rows] = await exportedTable(staff, '/api/v1/org/branches', format, { kind: 'association', sort: 'since' });
      expect(header).toEqual(['Name', 'Type', 'Country', 'Regions', 'Working languages', 'Since']);
      expect(rows).toHaveLength(associations);
      expect(rows.map((r) => r.slice(0, 5))).toEqual([
        ['Kumasi Chamber', 'Business association', 'GH', 'Ashanti', 'English, Twi'],
        ['Tamale Traders', 'Business association', 'GH', 'Ashanti', 'English, Twi'],
      ]);
      const [, ...found] = await exportedTable(admin, '/api/v1/org/branches', format, { q: 'accra' });
      expect(found.map((r) => r[0])).toEqual(['Accra Chamber']);
    }

    const token = async (name: string, role: string, used: string | null) => {
      const res = await admin.post('/api/v1/org/api-tokens', { name, role });
      expect(res.statusCode, res.body).toBe(201);
      const created = res.json<{ token: ApiToken; secret: string }>();
      if (used) await t.database.db.execute(sql`UPDATE api_tokens SET last_used_at = ${used}::timestamptz WHERE id = ${created.token.id}`);
      return { id: created.token.id, secret: created.secret };
    };
    const dashboard = await token('Donor dashboard', 'viewer', '2026-01-10T00:00:00Z');
    const script = await token('Import script', 'staff', null);
    const dashboardAgain = await token('Donor dashboard', 'staff', '2026-02-10T00:00:00Z');
    const old = await token('Old sync', 'staff', '2026-01-01T00:00:00Z');
    expect((await admin.delete(`/api/v1/org/api-tokens/${old.id}`)).statusCode).toBe(200);
    const dashboards = [dashboard.id, dashboardAgain.id].sort();
    expect((await walkList<ApiToken>(admin, '/api/v1/org/api-tokens', {}, 1)).map((k) => k.id)).toEqual([...dashboards, script.id, old.id]);
    // Never used: last both ways.
    expect((await walkList<ApiToken>(admin, '/api/v1/org/api-tokens', { sort: '-used' }, 3)).map((k) => k.id)).toEqual([dashboardAgain.id, dashboard.id, old.id, script.id]);
    expect((await walkList<ApiToken>(admin, '/api/v1/org/api-tokens', { sort: 'used' }, 1)).map((k) => k.id)).toEqual([old.id, dashboard.id, dashboardAgain.id, script.id]);

    const activeStaff = await count(sql`SELECT count(*)::int AS n FROM api_tokens WHERE org_id = ${orgId} AND role = 'staff' AND revoked_at IS NULL`);
    const secrets = [dashboard, script, dashboardAgain, old].flatMap((k) => [k.secret, hashSecret(k.secret)]);
    for (const format of ['csv', 'xlsx'] as const) {
      const [header, ...rows] = await exportedTable(admin, '/api/v1/org/api-tokens', format, { role: 'staff', status: 'active', sort: 'name' });
      expect(header).toEqual(['Name', 'Role', 'Created', 'Last used', 'Revoked']);
      expect(rows).toHaveLength(activeStaff);
      // A row's empty cells at its end are not written to XLSX.
      expect(rows.map((r) => [r[0], r[1], r[3] ?? '', r[4] ?? ''])).toEqual([['Donor dashboard', 'Staff', '2026-02-10T00:00:00.000Z', ''], ['Import script', 'Staff', '', '']]);
      const [, ...all] = await exportedTable(admin, '/api/v1/org/api-tokens', format);
      expect(all).toHaveLength(4);
      expect(all.find((r) => r[0] === 'Old sync')![4]).toMatch(/^\d{4}-\d\d-\d\dT/);
      const cells = all.flat().join('\n');
      for (const secret of secrets) expect(cells).not.toContain(secret);
    }

    const viewer = (await createPerson(t.app, orgId, 'viewer')).client;
    expect((await viewer.get('/api/v1/org/branches')).statusCode).toBe(200);
    expect((await viewer.get('/api/v1/org/branches/export.csv')).statusCode).toBe(403);
    expect((await viewer.get('/api/v1/org/api-tokens/export.xlsx')).statusCode).toBe(403);
    // Tokens are the admin's: staff neither list nor download them.
    expect((await staff.get('/api/v1/org/api-tokens')).statusCode).toBe(403);
    expect((await staff.get('/api/v1/org/api-tokens/export.csv')).statusCode).toBe(403);
  });
});
