import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { Client, useTestApp } from '../../test/app.js';
import { createEvent, createFirmUser, createMemberFirm, createOrg, createPerson } from '../../test/factories.js';
import { createPublishedForm, mailedLinks } from '../../test/survey-factories.js';

const t = useTestApp();
const good = { imports: 'yes', days: 12, problems: ['fees', 'inspection'], satisfaction: 2, rating: { speed: 'poor', cost: 'poor' }, comment: 'Fewer inspections' };
// The test organisations are Ghanaian: their calendar is UTC's.
const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number, hour = 9) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};
/** The first day of the month `n` months before this one (UTC). */
function monthStart(n: number) {
  const d = new Date(`${today().slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 10);
}

async function activeFirm(admin: Client, overrides: Record<string, unknown> = {}) {
  const firm = await createMemberFirm(admin, overrides);
  expect((await admin.post(`/api/v1/members/${firm.id}/status`, { status: 'active' })).statusCode).toBe(200);
  return firm;
}

async function consultation(admin: Client, formId: string, title: string, extra: Record<string, unknown> = {}) {
  const id = (await admin.post('/api/v1/consultations', { title, formId, identity: 'firm', ...extra })).json().id as string;
  expect((await admin.post(`/api/v1/consultations/${id}/open`)).statusCode).toBe(200);
  return id;
}

describe('a member firm’s home', () => {
  it('lists what is asked of the firm, what it owes and where its issues stand, and opens its answer without the mailed link', async () => {
    const { admin, orgId } = await createOrg(t.app, { regions: ['GH-AA', 'GH-NP'] });
    await admin.post('/api/v1/membership/tiers', { name: 'Ordinary', fees: { micro: 20000, small: 50000, medium: 150000, large: 400000 } });
    const tierId = (await admin.get('/api/v1/membership/tiers')).json().items[0].id as string;
    const firm = await activeFirm(admin, { legalName: 'Tamale Shea Butter Co-operative', region: 'GH-NP', email: 'shea@tamale.example', tierId });
    const other = await activeFirm(admin, { legalName: 'Accra Auto Repairs', region: 'GH-AA', email: 'auto@accra.example' });
    const owner = await createFirmUser(t.app, admin, orgId, firm.id);

    // Three consultations to the firm: one not started, one answered, one with a draft; one only to Accra firms.
    const form = await createPublishedForm(admin);
    const notStarted = await consultation(admin, form.id, 'Port clearance delays 2026', { closesOn: inDays(30).slice(0, 10) });
    const answered = await consultation(admin, form.id, 'Electricity tariffs');
    await admin.put(`/api/v1/consultations/${answered}/firms/${firm.id}/response`, { answers: good, submit: true, channel: 'phone' });
    const drafted = await consultation(admin, form.id, 'Access to credit');
    await admin.put(`/api/v1/consultations/${drafted}/firms/${firm.id}/response`, { answers: { imports: 'no' }, submit: false, channel: 'phone' });
    const elsewhere = await consultation(admin, form.id, 'Accra parking', { audience: { region: 'GH-AA' } });

    // The invoice of its membership, paid in part.
    const [invoice] = (await admin.get(`/api/v1/members/${firm.id}/invoices`)).json().items as Array<{ id: string; amount: number }>;
    expect((await admin.post(`/api/v1/invoices/${invoice!.id}/payments`, { amount: 5000, paidOn: today(), method: 'mobile_money' })).statusCode).toBe(200);

    // Issues: one it raised, one it shares, one it raised that was declined, and one of another firm only.
    const raised = (await owner.post('/api/v1/member-issues', { title: 'Shea nut export permits take months', description: 'Permits from three agencies.', category: 'regulation' })).json();
    const othersIssue = (await admin.post('/api/v1/member-issues', { title: 'Power cuts in Kumasi industrial area', description: 'Daily cuts.', category: 'infrastructure', memberId: other.id })).json();
    await owner.post(`/api/v1/member-issues/${othersIssue.id}/firms`, { note: 'Our press stops too' });
    const declined = (await owner.post('/api/v1/member-issues', { title: 'Parking fees at Tamale market', description: 'Fees doubled.', category: 'other' })).json();
    await admin.post(`/api/v1/member-issues/${declined.id}/status`, { status: 'declined', note: 'A matter for the municipal assembly.' });
    await admin.post('/api/v1/member-issues', { title: 'Spare parts import duty', description: 'Duty raised.', category: 'tax', memberId: other.id });

    const res = await owner.get('/api/v1/home/member');
    expect(res.statusCode).toBe(200);
    const home = res.json();
    expect(home.firm).toMatchObject({ id: firm.id, legalName: 'Tamale Shea Butter Co-operative', status: 'active' });
    // A closing date first, then the newest opened; the answered one and the one to other firms are not asked of it.
    expect(home.consultations.map((c: { id: string; answer: string }) => [c.id, c.answer])).toEqual([[notStarted, 'none'], [drafted, 'draft']]);
    expect(home.consultations.map((c: { id: string }) => c.id)).not.toContain(elsewhere);
    expect(home.answered).toBe(1);
    expect(home.invoicesDue).toEqual([expect.objectContaining({ id: invoice!.id, amount: invoice!.amount, paid: 5000, status: 'open' })]);
    expect(home.issues.map((i: { title: string; status: string; affectsUs: boolean }) => [i.title, i.status, i.affectsUs]).sort()).toEqual([
      ['Parking fees at Tamale market', 'declined', true],
      ['Power cuts in Kumasi industrial area', 'new', true],
      ['Shea nut export permits take months', 'new', true],
    ]);
    expect(home.issues.find((i: { id: string }) => i.id === declined.id).responseNote).toBe('A matter for the municipal assembly.');
    expect(home.issues.map((i: { id: string }) => i.id)).toContain(raised.id);
    // Each issue opens for the member (no dead end), the declined one included.
    for (const i of home.issues) expect((await owner.get(`/api/v1/member-issues/${i.id}`)).statusCode).toBe(200);

    // Opening the answer renews the personal link: the draft is there, the mailed link no longer opens.
    const mailed = (await mailedLinks(admin)).find((l) => l.to === 'shea@tamale.example')!;
    const link = await owner.post(`/api/v1/home/member/consultations/${drafted}/answer-link`);
    expect(link.statusCode).toBe(200);
    const token = /^\/r\/(i-[\w-]+)$/.exec(link.json().url)![1]!;
    const view = (await new Client(t.app).get(`/api/v1/respond/${token}`)).json();
    expect(view).toMatchObject({ status: 'draft', answers: { imports: 'no' } });
    const audit = await t.database.db.execute<{ action: string; entity_id: string }>(sql`SELECT action, entity_id FROM audit_log WHERE org_id = ${orgId} ORDER BY id DESC LIMIT 1`);
    expect(audit.rows[0]).toEqual({ action: 'consultation.link_renewed', entity_id: drafted });
    expect((await new Client(t.app).get(`/api/v1/respond/${mailed.token}`)).statusCode).toBeGreaterThanOrEqual(400);
    // A consultation answered, or not asked of the firm, gives no link.
    expect((await owner.post(`/api/v1/home/member/consultations/${answered}/answer-link`)).statusCode).toBe(409);
    expect((await owner.post(`/api/v1/home/member/consultations/${elsewhere}/answer-link`)).statusCode).toBe(409);

    // Not a staff page, nor an official's.
    expect((await admin.get('/api/v1/home/member')).statusCode).toBe(403);
    const official = await createPerson(t.app, orgId, 'official', 'Hon. Kwame Asante');
    expect((await official.client.get('/api/v1/home/member')).statusCode).toBe(403);
  });

  it('has empty lists for a firm nobody asked anything yet', async () => {
    const { admin, orgId } = await createOrg(t.app);
    const firm = await createMemberFirm(admin, { legalName: 'Quiet Kente Weavers' });
    const owner = await createFirmUser(t.app, admin, orgId, firm.id);
    expect((await owner.get('/api/v1/home/member')).json()).toMatchObject({ firm: { status: 'applicant' }, consultations: [], answered: 0, invoicesDue: [], issues: [], events: [] });
  });

  it('shows the coming events the firm holds seats or waits for first, then ones it may register for', async () => {
    const { admin, orgId } = await createOrg(t.app);
    const firm = await createMemberFirm(admin, { legalName: 'Bonwire Kente Weavers' });
    const other = await createMemberFirm(admin, { legalName: 'Tamale Shea Processors' });
    const owner = await createFirmUser(t.app, admin, orgId, firm.id);
    const later = await createEvent(admin, { title: 'Export clinic', startsAt: '2027-05-10T09:00:00Z', endsAt: '2027-05-10T12:00:00Z' });
    const full = await createEvent(admin, { title: 'B2B day', capacity: 2, startsAt: '2027-06-01T09:00:00Z', endsAt: '2027-06-01T17:00:00Z' });
    await createEvent(admin, { title: 'Draft fair', startsAt: '2027-04-01T09:00:00Z', endsAt: '2027-04-01T17:00:00Z' }, false);
    const register = async (memberId: string, name: string) => {
      const res = await admin.post(`/api/v1/events/${full.id}/registrations`, { kind: 'member_staff', memberId, name });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; status: string };
    };
    await register(other.id, 'Fuseini Alhassan');
    await register(firm.id, 'Abena Owusu');
    const cancelled = await register(firm.id, 'Kofi Mensah');
    await register(firm.id, 'Ama Serwaa');
    expect((await admin.post(`/api/v1/events/${full.id}/registrations/${cancelled.id}/cancel`)).statusCode).toBe(200);
    const { events } = (await owner.get('/api/v1/home/member')).json();
    // Independent count: two seats, the other firm's and Abena's; Kofi and Ama wait, and Kofi withdrew.
    expect(events).toEqual([
      expect.objectContaining({ id: full.id, title: 'B2B day', registered: 1, waiting: 1 }),
      expect.objectContaining({ id: later.id, title: 'Export clinic', registered: 0, waiting: 0 }),
    ]);
  });
});

describe('an official’s home', () => {
  it('shows the next meetings, the decisions owed and what to read, of the forums the official sits in only', async () => {
    const org = await createOrg(t.app);
    const { admin, orgId } = org;
    const official = await createPerson(t.app, orgId, 'official', 'Hon. Mercy Adjei');
    const issue = (await admin.post('/api/v1/advocacy-issues', { title: 'Single window for port inspections', problem: 'Three agencies inspect the same container.', category: 'red_tape' })).json();
    await admin.post(`/api/v1/advocacy-issues/${issue.id}/publication`, { published: true });
    const paper = (await admin.post(`/api/v1/advocacy-issues/${issue.id}/papers`, { title: 'A single window at Tema', problem: 'Three inspections.', proposals: 'One inspection.' })).json();
    await admin.post(`/api/v1/position-papers/${paper.id}/submit`);
    await admin.post(`/api/v1/position-papers/${paper.id}/review`, { decision: 'approve' });
    expect((await admin.post(`/api/v1/position-papers/${paper.id}/publication`, { published: true })).statusCode).toBe(200);
    const draftIssue = (await admin.post('/api/v1/advocacy-issues', { title: 'Tax stamps on local drinks', problem: 'Stamps cost more than the drink.', category: 'tax' })).json();
    await admin.post(`/api/v1/advocacy-issues/${draftIssue.id}/papers`, { title: 'Stamps for small brewers', problem: 'Cost.', proposals: 'Exempt micro brewers.' });

    const forum = (await admin.post('/api/v1/forums', { name: 'Trade facilitation round table', kind: 'round_table', isPublic: true })).json();
    await admin.post(`/api/v1/forums/${forum.id}/members`, { side: 'public', name: 'Hon. Mercy Adjei', affiliation: 'Ministry of Trade', role: 'co_chair', userId: official.userId });
    const closed = (await admin.post('/api/v1/forums', { name: 'Tourism committee', kind: 'committee', isPublic: false })).json();

    const past = (await admin.post(`/api/v1/forums/${forum.id}/meetings`, { title: 'First session', startsAt: inDays(-20, 9), endsAt: inDays(-20, 12) })).json();
    const owed = (await admin.post(`/api/v1/meetings/${past.id}/decisions`, { text: 'Ministry drafts a single-window notice', owner: 'Ministry of Trade', dueOn: inDays(-1).slice(0, 10) })).json().decisions[0];
    const byName = (await admin.post(`/api/v1/meetings/${past.id}/decisions`, { text: 'Hon. Adjei briefs the port authority', owner: 'Hon. Mercy Adjei' })).json().decisions.find((d: { owner: string }) => d.owner === 'Hon. Mercy Adjei');
    const chamber = (await admin.post(`/api/v1/meetings/${past.id}/decisions`, { text: 'Chamber surveys importers again', owner: 'Chamber secretariat' })).json().decisions.find((d: { owner: string }) => d.owner === 'Chamber secretariat');
    const done = (await admin.post(`/api/v1/meetings/${past.id}/decisions`, { text: 'Ministry names a focal person', owner: 'Ministry of Trade' })).json().decisions.find((d: { text: string }) => d.text === 'Ministry names a focal person');
    await admin.post(`/api/v1/decisions/${done.id}/follow-ups`, { note: 'Named', status: 'done' });
    const next = (await admin.post(`/api/v1/forums/${forum.id}/meetings`, { title: 'Second session', startsAt: inDays(7, 9), endsAt: inDays(7, 12) })).json();
    const item = (await admin.post(`/api/v1/meetings/${next.id}/agenda`, { title: 'Port inspections', issueId: issue.id, notes: 'Read the paper first.' })).json().agenda[0];
    await admin.post(`/api/v1/meetings/${next.id}/agenda`, { title: 'Stamps', issueId: draftIssue.id });

    // A forum the official does not sit in: its meeting, agenda and decisions stay out of sight.
    const hidden = (await admin.post(`/api/v1/forums/${closed.id}/meetings`, { title: 'Tourism levy', startsAt: inDays(3, 9), endsAt: inDays(3, 11) })).json();
    await admin.post(`/api/v1/meetings/${hidden.id}/agenda`, { title: 'Levy on guest houses' });
    await admin.post(`/api/v1/meetings/${hidden.id}/decisions`, { text: 'Ministry of Trade reviews the levy', owner: 'Ministry of Trade' });

    const res = await official.client.get('/api/v1/home/official');
    expect(res.statusCode).toBe(200);
    const home = res.json();
    expect(home.meetings.map((m: { id: string }) => m.id)).toEqual([next.id]);
    expect(home.owed.map((d: { id: string }) => d.id).sort()).toEqual([owed.id, byName.id].sort());
    expect(home.owed.find((d: { id: string }) => d.id === owed.id)).toMatchObject({ overdue: true, meeting: { id: past.id } });
    expect(home.openInForums.map((d: { id: string }) => d.id)).toEqual([chamber.id]);
    expect(home.agenda).toEqual([
      { meeting: { id: next.id, title: 'Second session', startsAt: next.startsAt, forumName: 'Trade facilitation round table' }, item: { id: item.id, title: 'Port inspections', notes: 'Read the paper first.' }, papers: [{ id: paper.id, title: 'A single window at Tema' }] },
      expect.objectContaining({ item: expect.objectContaining({ title: 'Stamps' }), papers: [] }),
    ]);
    // The paper it lists opens for the official, on the public tracker.
    const pdf = await official.client.get(`/reforms/${orgId}/papers/${paper.id}`);
    expect(pdf.statusCode).toBe(200);
    // And each meeting and decision it links to opens.
    expect((await official.client.get(`/api/v1/meetings/${next.id}`)).statusCode).toBe(200);
    expect((await official.client.get(`/api/v1/meetings/${hidden.id}`)).statusCode).toBe(404);

    // Staff see every forum's; a viewer and a member firm have no such home.
    const staff = await createPerson(t.app, orgId, 'staff', 'Esi Staff');
    expect((await staff.client.get('/api/v1/home/official')).json().meetings.map((m: { id: string }) => m.id)).toEqual([hidden.id, next.id]);
    const viewer = await createPerson(t.app, orgId, 'viewer', 'Board member');
    expect((await viewer.client.get('/api/v1/home/official')).statusCode).toBe(403);

    // An official in no forum: every list empty.
    const newcomer = await createPerson(t.app, orgId, 'official', 'Hon. New Deputy');
    expect((await newcomer.client.get('/api/v1/home/official')).json()).toEqual({ meetings: [], owed: [], openInForums: [], agenda: [] });
  });
});

describe('the board’s home in figures', () => {
  it('counts the last twelve months with the modules’ figures, each month checked against the records made here', async () => {
    const { admin, orgId } = await createOrg(t.app);
    // Members: three active now, one of which joined two months ago; one still an applicant.
    const firms = [await activeFirm(admin), await activeFirm(admin), await activeFirm(admin)];
    await createMemberFirm(admin);
    const joined = monthStart(2);
    await t.database.db.execute(sql`UPDATE members SET joined_on = ${joined}::date WHERE org_id = ${orgId} AND id = ${firms[0]!.id}`);
    // Consultation answers: two firms submit.
    const form = await createPublishedForm(admin);
    const c = await consultation(admin, form.id, 'Port clearance delays 2026');
    for (const f of firms.slice(0, 2)) await admin.put(`/api/v1/consultations/${c}/firms/${f.id}/response`, { answers: good, submit: true, channel: 'field' });
    // Advocacy: three open issues (one moved on), one won.
    const issue = async (title: string) => (await admin.post('/api/v1/advocacy-issues', { title, problem: 'A problem firms raised.', category: 'regulation' })).json().id as string;
    await issue('Export permits for shea');
    const moved = await issue('Single window at Tema port');
    await admin.post(`/api/v1/advocacy-issues/${moved}/step`, { step: 'advocacy', note: 'Paper handed over' });
    await issue('Tax stamps on local drinks');
    const won = await issue('Fire certificates for small shops');
    expect((await admin.post(`/api/v1/advocacy-issues/${won}/outcome`, { outcome: 'adopted', evidence: 'Gazette notice 14/2026' })).statusCode).toBe(200);
    // Dialogue: one meeting held this month, two decisions: one done, one overdue.
    const forum = (await admin.post('/api/v1/forums', { name: 'Trade round table', kind: 'round_table' })).json();
    const heldAt = inDays(0, 0);
    const meeting = (await admin.post(`/api/v1/forums/${forum.id}/meetings`, { title: 'Session', startsAt: heldAt, endsAt: inDays(0, 1) })).json();
    await admin.put(`/api/v1/meetings/${meeting.id}/minutes`, { minutes: 'Agreed.', present: [], status: 'held' });
    const decisions = (await admin.post(`/api/v1/meetings/${meeting.id}/decisions`, { text: 'Ministry drafts a notice', owner: 'Ministry of Trade', dueOn: inDays(-3).slice(0, 10) })).json().decisions;
    const second = (await admin.post(`/api/v1/meetings/${meeting.id}/decisions`, { text: 'Chamber writes to the port', owner: 'Chamber' })).json().decisions.find((d: { id: string }) => d.id !== decisions[0].id);
    await admin.post(`/api/v1/decisions/${second.id}/follow-ups`, { note: 'Letter sent', status: 'done' });

    const viewer = await createPerson(t.app, orgId, 'viewer', 'Board member');
    const res = await viewer.client.get('/api/v1/home/figures');
    expect(res.statusCode).toBe(200);
    const home = res.json();
    const month = today().slice(0, 7);
    expect(home.to).toBe(today());
    expect(home.from).toBe(`${monthStart(11)}`);
    expect(home.months).toHaveLength(12);
    expect(home.months.at(-1).month).toBe(month);
    const total = (key: string) => home.months.reduce((s: number, m: Record<string, number>) => s + m[key]!, 0);
    const inMonth = (m: string, key: string) => home.months.find((x: { month: string }) => x.month === m)[key];
    expect(home.activeMembers).toBe(firms.length);
    expect(total('newMembers')).toBe(firms.length);
    expect(inMonth(joined.slice(0, 7), 'newMembers')).toBe(1);
    expect(inMonth(month, 'newMembers')).toBe(joined.slice(0, 7) === month ? 3 : 2);
    expect(total('answers')).toBe(2);
    expect(inMonth(month, 'answers')).toBe(2);
    expect(inMonth(heldAt.slice(0, 7), 'meetings')).toBe(1);
    expect(total('meetings')).toBe(1);
    expect(total('decisionsDone')).toBe(1);
    expect(total('reforms')).toBe(1);
    expect(home.issuesByStep).toEqual([
      { step: 'diagnostic', count: 2 }, { step: 'solution_design', count: 0 }, { step: 'advocacy', count: 1 }, { step: 'legislative', count: 0 }, { step: 'implementation', count: 0 },
    ]);
    expect(home).toMatchObject({ openDecisions: 1, overdueDecisions: 1 });

    // The director sees the same figures; staff and member firms have no such home.
    expect((await admin.get('/api/v1/home/figures')).json()).toEqual(home);
    const staff = await createPerson(t.app, orgId, 'staff', 'Esi Staff');
    expect((await staff.client.get('/api/v1/home/figures')).statusCode).toBe(403);
    const owner = await createFirmUser(t.app, admin, orgId, firms[0]!.id);
    expect((await owner.get('/api/v1/home/figures')).statusCode).toBe(403);

    // Another organisation's board sees none of it.
    const other = await createOrg(t.app);
    const theirs = (await other.admin.get('/api/v1/home/figures')).json();
    expect(theirs).toMatchObject({ activeMembers: 0, openDecisions: 0, overdueDecisions: 0, yearlySaving: 0 });
    expect(theirs.months.every((m: Record<string, number | string>) => m.newMembers === 0 && m.answers === 0 && m.meetings === 0 && m.reforms === 0)).toBe(true);
  });
});
