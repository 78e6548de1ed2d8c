import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { createMemberFirm, createOrg, createPerson } from '../../test/factories.js';
import { recordParticipations } from '../people/participation-service.js';
import { pdfText } from '../../test/pdf-text.js';

const t = useTestApp();
const YEAR = { label: '2026', startsOn: '2026-01-01', endsOn: '2026-12-31' };

/** A firm through the API; an active one is approved as staff do, so its status history says when it joined. */
async function firm(admin: Awaited<ReturnType<typeof createOrg>>['admin'], fields: { status?: string; womenLed?: boolean; region?: string } = {}) {
  const { status, ...rest } = fields;
  const created = await createMemberFirm(admin, rest);
  if (status === 'active') {
    const res = await admin.post(`/api/v1/members/${created.id}/status`, { status: 'active' });
    expect(res.statusCode, res.body).toBe(200);
  }
  return created;
}

async function frameworkWith(admin: Awaited<ReturnType<typeof createOrg>>['admin'], indicators: object[]) {
  const created = await admin.post('/api/v1/results/frameworks', { name: 'SME Programme', donor: 'Donor X' });
  expect(created.statusCode).toBe(201);
  let framework = created.json();
  for (const indicator of indicators) {
    const res = await admin.post(`/api/v1/results/frameworks/${framework.id}/indicators`, indicator);
    expect(res.statusCode, res.body).toBe(201);
    framework = res.json();
  }
  return framework as { id: string; indicators: Array<{ id: string; name: string }> };
}

describe('results counted from the records', () => {
  it('counts members from their history, pools a percentage, and keeps every breakdown equal to its total', async () => {
    const { admin } = await createOrg(t.app, { regions: ['GH-AA', 'GH-AH'] });
    const firms = [
      { status: 'active', womenLed: true, region: 'GH-AA' },
      { status: 'active', womenLed: false, region: 'GH-AA' },
      { status: 'active', womenLed: false, region: 'GH-AH' },
      { status: 'applicant', womenLed: true, region: 'GH-AH' },
    ];
    for (const f of firms) await firm(admin, f);
    const framework = await frameworkWith(admin, [
      { library: 'members.active', name: 'Active members', level: 'output', kind: 'unique_firms', dimensions: ['region', 'women_led'] },
      { library: 'members.women_led_share', name: 'Women-led share', level: 'outcome', kind: 'pooled_percentage', dimensions: ['region'] },
    ]);
    const period = (await admin.post(`/api/v1/results/frameworks/${framework.id}/periods`, YEAR)).json();
    const [active, share] = period.results;
    // Independent sums, from the firms made above.
    const activeFirms = firms.filter((f) => f.status === 'active');
    expect(active.total).toEqual({ n: activeFirms.length });
    expect(active.breakdowns.region).toEqual({ categories: [{ category: 'GH-AA', figure: { n: 2 } }, { category: 'GH-AH', figure: { n: 1 } }], overlap: 0 });
    expect(active.breakdowns.women_led.categories.reduce((s: number, c: { figure: { n: number } }) => s + c.figure.n, 0)).toBe(active.total.n);
    const womenLed = activeFirms.filter((f) => f.womenLed).length;
    expect(share.total).toEqual({ num: womenLed, den: activeFirms.length, pct: (womenLed / activeFirms.length) * 100 });
    // Per region 1/2 and 0/1: pooled, the regions give 1/3 again, not the mean of 50 % and 0 %.
    expect(share.breakdowns.region.categories.map((c: { figure: unknown }) => c.figure)).toEqual([{ num: 1, den: 2, pct: 50 }, { num: 0, den: 1, pct: 0 }]);

    const drill = (await admin.get(`/api/v1/results/periods/${period.id}/indicators/${active.indicatorId}/records`)).json();
    expect(drill.total).toBe(3);
    expect(drill.items.every((r: { type: string }) => r.type === 'member')).toBe(true);
  });

  it('adds values entered by hand by their cells: women + men + not stated = total', async () => {
    const { admin } = await createOrg(t.app);
    const framework = await frameworkWith(admin, [{ library: null, name: 'People trained by partners', level: 'output', kind: 'unique_people', dimensions: ['sex'] }]);
    const period = (await admin.post(`/api/v1/results/frameworks/${framework.id}/periods`, YEAR)).json();
    const indicatorId = framework.indicators[0]!.id;
    const entries = [
      { cell: { sex: 'female' }, value: 12, evidence: 'Attendance sheets, partner A' },
      { cell: { sex: 'male' }, value: 8, evidence: 'Attendance sheets, partner A' },
      { cell: {}, value: 3, evidence: 'Sheet without sex column' },
    ];
    let report;
    for (const e of entries) {
      const res = await admin.post(`/api/v1/results/periods/${period.id}/indicators/${indicatorId}/values`, e);
      expect(res.statusCode, res.body).toBe(201);
      report = res.json();
    }
    const [trained] = report.results;
    expect(trained.total).toEqual({ n: 23 });
    expect(trained.breakdowns.sex.categories).toEqual([
      { category: 'female', figure: { n: 12 } },
      { category: 'male', figure: { n: 8 } },
      { category: 'not_stated', figure: { n: 3 } },
    ]);
    // A value must fit its indicator, and its cell a breakdown the indicator has.
    const bad = await admin.post(`/api/v1/results/periods/${period.id}/indicators/${indicatorId}/values`, { cell: { region: 'GH-AA' }, value: 1, evidence: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ path: 'cell', code: 'results.cell_not_a_breakdown' });
    const noEvidence = await admin.post(`/api/v1/results/periods/${period.id}/indicators/${indicatorId}/values`, { value: 1, evidence: '' });
    expect(noEvidence.statusCode).toBe(400);
  });

  it('freezes an approved report with a checksum, and shows a late record as a dated correction', async () => {
    const { orgId, admin } = await createOrg(t.app);
    await firm(admin, { status: 'active' });
    const framework = await frameworkWith(admin, [{ library: 'members.new', name: 'New members', level: 'output', kind: 'unique_firms', dimensions: [] }]);
    const period = (await admin.post(`/api/v1/results/frameworks/${framework.id}/periods`, YEAR)).json();
    const indicatorId = framework.indicators[0]!.id;
    expect((await admin.put(`/api/v1/results/periods/${period.id}/targets/${indicatorId}`, { value: 5 })).json().results[0].target).toBe(5);

    // Approving needs a submitted report, and staff may submit but not approve.
    expect((await admin.post(`/api/v1/results/periods/${period.id}/approve`)).statusCode).toBe(409);
    const staff = await createPerson(t.app, orgId, 'staff');
    expect((await staff.client.post(`/api/v1/results/periods/${period.id}/submit`)).json().state).toBe('submitted');
    expect((await staff.client.post(`/api/v1/results/periods/${period.id}/approve`)).statusCode).toBe(403);
    const approved = (await admin.post(`/api/v1/results/periods/${period.id}/approve`)).json();
    expect(approved.state).toBe('approved');
    expect(approved.approved.intact).toBe(true);
    expect(approved.results[0].total).toEqual({ n: 1 });
    expect(approved.corrections).toEqual([]);

    // A firm that joins after the approval, within the period: the report stays as reported.
    const late = await firm(admin, { status: 'active' });
    const after = (await admin.get(`/api/v1/results/periods/${period.id}`)).json();
    expect(after.results[0].total).toEqual({ n: 1 });
    expect(after.corrections).toEqual([{ indicatorId, name: 'New members', reported: { n: 1 }, now: { n: 2 }, added: [{ type: 'member', id: late.id, on: expect.stringMatching(/^2026-/) }], gone: [] }]);
    // Nothing of an approved report can be changed.
    expect((await admin.put(`/api/v1/results/periods/${period.id}/targets/${indicatorId}`, { value: 9 })).statusCode).toBe(409);

    // The checksum is SHA-256 of the frozen report; a change behind the app's back shows.
    const [row] = (await t.app.database.pool.query<{ frozen: unknown; checksum: string }>('SELECT frozen, checksum FROM results_periods WHERE id = $1', [period.id])).rows;
    expect(row!.checksum).toMatch(/^[0-9a-f]{64}$/);
    await t.app.database.pool.query(`UPDATE results_periods SET frozen = jsonb_set(frozen, '{indicators,0,total,n}', '7') WHERE id = $1`, [period.id]);
    expect((await admin.get(`/api/v1/results/periods/${period.id}`)).json().approved.intact).toBe(false);
  });

  it('prints the donor report as PDF and XLSX with the figures of the report page, cell for cell, regions by name', async () => {
    const { admin } = await createOrg(t.app, { regions: ['GH-AA', 'GH-AH'] });
    const firms = [
      { status: 'active', womenLed: true, region: 'GH-AA' },
      { status: 'active', womenLed: false, region: 'GH-AA' },
      { status: 'active', womenLed: true, region: 'GH-AH' },
    ];
    for (const f of firms) await firm(admin, f);
    const framework = await frameworkWith(admin, [
      { library: 'members.active', name: 'Active members', level: 'output', kind: 'unique_firms', dimensions: ['region'] },
      { library: 'members.women_led_share', name: 'Women-led share', level: 'outcome', kind: 'pooled_percentage', dimensions: ['region'] },
    ]);
    const period = (await admin.post(`/api/v1/results/frameworks/${framework.id}/periods`, YEAR)).json();
    await admin.put(`/api/v1/results/periods/${period.id}/targets/${framework.indicators[0]!.id}`, { value: 6 });
    const page = (await admin.get(`/api/v1/results/periods/${period.id}`)).json();
    // The page itself, against the firms made above.
    expect(page.results[0].total).toEqual({ n: 3 });
    expect(page.results[1].total).toEqual({ num: 2, den: 3, pct: (2 / 3) * 100 });

    const xlsx = await admin.get(`/api/v1/results/periods/${period.id}/report.xlsx`);
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    expect(xlsx.headers['content-disposition']).toMatch(/attachment; filename="results-.*\.xlsx"/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = (name: string) => {
      const out: unknown[][] = [];
      book.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    };
    const indicators = rows('Indicators');
    const header = indicators.findIndex((r) => r[0] === 'Indicator');
    expect(indicators.slice(header + 1)).toEqual([
      ['Active members', 'Output', 'Firms, each once', '', null, 6, 3, '3', 50, 3].map((v) => v ?? undefined),
      ['Women-led share', 'Outcome', 'Percentage (Σ numerators ÷ Σ denominators)', '', null, null, 66.7, '66.7 % (2 of 3)', null, 3].map((v) => v ?? undefined),
    ]);
    const breakdowns = rows('Breakdowns').slice(1);
    expect(breakdowns).toEqual([
      ['Active members', 'Region', 'Greater Accra', 2, '2'],
      ['Active members', 'Region', 'Ashanti', 1, '1'],
      ['Active members', 'Region', 'Total', 3, '3'],
      ['Women-led share', 'Region', 'Greater Accra', 50, '50.0 % (1 of 2)'],
      ['Women-led share', 'Region', 'Ashanti', 100, '100.0 % (1 of 1)'],
      ['Women-led share', 'Region', 'Total', 66.7, '66.7 % (2 of 3)'],
    ]);
    // The parts of a count add up to the total the file prints.
    expect(breakdowns.filter((r) => r[0] === 'Active members' && r[2] !== 'Total').reduce((sum, r) => sum + (r[3] as number), 0)).toBe(page.results[0].total.n);

    const pdf = await admin.get(`/api/v1/results/periods/${period.id}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('SME Programme: results report');
    expect(text).toContain('Donor: Donor X');
    for (const words of ['Active members', 'Greater Accra 2', 'Ashanti 1', 'Total 3', '6 (50 %)', 'Women-led share', '66.7 % (2 of 3)', '50.0 % (1 of 2)']) expect(text).toContain(words);
    expect(text).not.toContain('GH-AA');

    // Another organisation's period is not found; a format the product does not make is refused.
    const other = await createOrg(t.app);
    expect((await other.admin.get(`/api/v1/results/periods/${period.id}/report.pdf`)).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/results/periods/${period.id}/report.docx`)).statusCode).toBe(400);
  });

  it('is read by viewers, changed by staff, and hidden from other organisations', async () => {
    const { orgId, admin } = await createOrg(t.app);
    const framework = await frameworkWith(admin, [{ library: 'dialogue.meetings_held', name: 'Meetings', level: 'activity', kind: 'count', dimensions: [] }]);
    const viewer = await createPerson(t.app, orgId, 'viewer');
    expect((await viewer.client.get(`/api/v1/results/frameworks/${framework.id}`)).statusCode).toBe(200);
    expect((await viewer.client.post('/api/v1/results/frameworks', { name: 'Mine' })).statusCode).toBe(403);
    const other = await createOrg(t.app);
    expect((await other.admin.get(`/api/v1/results/frameworks/${framework.id}`)).statusCode).toBe(404);
    expect((await other.admin.post(`/api/v1/results/frameworks/${framework.id}/periods`, YEAR)).statusCode).toBe(404);
    // A library indicator keeps its kind and the breakdowns its records carry.
    const wrongKind = await admin.post(`/api/v1/results/frameworks/${framework.id}/indicators`, { library: 'members.active', name: 'x', level: 'output', kind: 'count' });
    expect(wrongKind.json().errors[0]).toMatchObject({ path: 'kind', code: 'results.kind_differs_from_library' });
    const wrongDimension = await admin.post(`/api/v1/results/frameworks/${framework.id}/indicators`, { library: 'members.active', name: 'x', level: 'output', kind: 'unique_firms', dimensions: ['sex'] });
    expect(wrongDimension.json().errors[0]).toMatchObject({ path: 'dimensions', code: 'results.dimension_not_supported' });
    const period = await admin.post(`/api/v1/results/frameworks/${framework.id}/periods`, { label: 'Backwards', startsOn: '2026-06-01', endsOn: '2026-01-01' });
    expect(period.statusCode).toBe(400);
  });
});

describe('periods are days of the organisation', () => {
  it('counts a meeting held at half past one on New Year in Kolkata in the new year', async () => {
    const { admin } = await createOrg(t.app, { country: 'IN', regions: ['IN-MH'], currency: 'INR', timeZone: 'Asia/Kolkata' });
    const forum = (await admin.post('/api/v1/forums', { name: 'Round table', kind: 'round_table' })).json();
    for (const startsAt of ['2026-12-31T17:00:00Z', '2026-12-31T20:00:00Z']) {
      const meeting = (await admin.post(`/api/v1/forums/${forum.id}/meetings`, { title: `Meeting ${startsAt}`, startsAt, endsAt: '2026-12-31T21:00:00Z' })).json();
      expect((await admin.put(`/api/v1/meetings/${meeting.id}/minutes`, { minutes: 'Held', present: [], status: 'held' })).statusCode).toBe(200);
    }
    const framework = await frameworkWith(admin, [{ library: 'dialogue.meetings_held', name: 'Meetings', level: 'activity', kind: 'count' }]);
    const y2026 = (await admin.post(`/api/v1/results/frameworks/${framework.id}/periods`, YEAR)).json();
    const y2027 = (await admin.post(`/api/v1/results/frameworks/${framework.id}/periods`, { label: '2027', startsOn: '2027-01-01', endsOn: '2027-12-31' })).json();
    // 22:30 on 31 December there, and 01:30 on 1 January: one meeting each year, not two in 2026 as in UTC.
    expect(y2026.results[0].total).toEqual({ n: 1 });
    expect(y2027.results[0].total).toEqual({ n: 1 });
    const drill = (await admin.get(`/api/v1/results/periods/${y2027.id}/indicators/${framework.indicators[0]!.id}/records`)).json();
    expect(drill.items.map((i: { on: string }) => i.on)).toEqual(['2027-01-01']);
  });
});

describe('people reached, from every module that records them', () => {
  it('counts a person who took part twice once, by sex and by age band on the day', async () => {
    const { orgId, admin, adminId } = await createOrg(t.app);
    const add = async (body: object) => (await admin.post('/api/v1/people-reached', { confirmedNew: true, ...body })).json() as { id: string };
    const ama = await add({ name: 'Ama Boateng', sex: 'female', birthYear: 2003 });
    const kofi = await add({ name: 'Kofi Mensah', sex: 'male' });
    const scope = { orgId, role: 'staff' as const, actor: { userId: adminId, name: 'Test Admin' }, locale: 'en' };
    const course = '00000000-0000-4000-8000-000000000001';
    const measure = '00000000-0000-4000-8000-000000000002';
    await withTenant(t.app.database.db, scope, (ctx) =>
      recordParticipations(ctx, [
        { personId: ama.id, kind: 'course', source: 'training', sourceId: course, role: 'participant', on: '2026-03-10' },
        { personId: ama.id, kind: 'measure', source: 'led', sourceId: measure, role: 'participant', on: '2026-05-02' },
        { personId: kofi.id, kind: 'course', source: 'training', sourceId: course, role: 'participant', on: '2026-03-10' },
        { personId: kofi.id, kind: 'course', source: 'training', sourceId: course, role: 'trainer', on: '2026-03-11' },
        { personId: kofi.id, kind: 'course', source: 'training', sourceId: course, role: 'participant', on: '2025-11-01' },
      ]),
    );
    const framework = await frameworkWith(admin, [{ library: 'people.reached', name: 'People reached', level: 'output', kind: 'unique_people', dimensions: ['sex', 'age_band'] }]);
    const [reached] = (await admin.post(`/api/v1/results/frameworks/${framework.id}/periods`, YEAR)).json().results;
    // Three participations in 2026 as participants (the trainer's day and 2025 are not counted), two people.
    expect(reached.records).toBe(3);
    expect(reached.total).toEqual({ n: 2 });
    expect(reached.breakdowns.sex).toEqual({ categories: [{ category: 'female', figure: { n: 1 } }, { category: 'male', figure: { n: 1 } }], overlap: 0 });
    // Ama, born 2003, is 23 in 2026; Kofi's age is not known.
    expect(reached.breakdowns.age_band).toEqual({ categories: [{ category: '15_24', figure: { n: 1 } }, { category: 'not_stated', figure: { n: 1 } }], overlap: 0 });
  });
});

describe('the IATI activity file', () => {
  it('carries the approved figures, validates against the IATI 2.03 schema, and is published at a stable public address', async () => {
    const { orgId, admin } = await createOrg(t.app, { regions: ['GH-AA', 'GH-AH'] });
    for (const region of ['GH-AA', 'GH-AA', 'GH-AH']) await firm(admin, { status: 'active', region });
    const framework = await frameworkWith(admin, [
      { library: 'members.new', name: 'New member firms', level: 'output', kind: 'unique_firms', dimensions: ['region'], baseline: 0, baselineYear: 2025 },
      { library: 'members.women_led_share', name: 'Women-led share', level: 'outcome', kind: 'pooled_percentage' },
      { library: null, name: 'Stories of change', level: 'impact', kind: 'qualitative' },
    ]);
    // Without identifiers there is no file, and a malformed identifier is refused with its field.
    expect((await admin.get(`/api/v1/results/frameworks/${framework.id}/iati.xml`)).json().code).toBe('results.iati_identifiers_missing');
    const bad = await admin.put(`/api/v1/results/frameworks/${framework.id}`, { name: 'SME Programme', iatiOrgRef: 'not an id', iatiActivityId: 'x', iatiOrgType: '22' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string; code: string }) => e.code)).toContain('results.iati_ref_invalid');
    const wrongPrefix = await admin.put(`/api/v1/results/frameworks/${framework.id}`, { name: 'SME Programme', iatiOrgRef: 'GH-RGD-CS1234', iatiActivityId: 'GH-RGD-OTHER-1', iatiOrgType: '22' });
    expect(wrongPrefix.json().errors[0]).toMatchObject({ path: 'iatiActivityId', code: 'results.iati_activity_prefix' });
    const unknownType = await admin.put(`/api/v1/results/frameworks/${framework.id}`, { name: 'SME Programme', iatiOrgRef: 'GH-RGD-CS1234', iatiActivityId: 'GH-RGD-CS1234-PSD-1', iatiOrgType: '99' });
    expect(unknownType.json().errors[0]).toMatchObject({ path: 'iatiOrgType', code: 'results.iati_ref_invalid' });
    expect((await admin.put(`/api/v1/results/frameworks/${framework.id}`, { name: 'SME Programme', donor: 'Donor X', iatiOrgRef: 'GH-RGD-CS1234', iatiActivityId: 'GH-RGD-CS1234-PSD-1', iatiOrgType: '22' })).statusCode).toBe(200);

    // 2026 approved with a story; 2027 in the future, with a target and no actual (valid in IATI).
    const [newFirms, , story] = framework.indicators;
    const y2026 = (await admin.post(`/api/v1/results/frameworks/${framework.id}/periods`, YEAR)).json();
    await admin.put(`/api/v1/results/periods/${y2026.id}/targets/${newFirms!.id}`, { value: 4 });
    await admin.post(`/api/v1/results/periods/${y2026.id}/indicators/${story!.id}/values`, { text: 'Clearing at Tema port is faster', evidence: 'Interviews' });
    const y2027 = (await admin.post(`/api/v1/results/frameworks/${framework.id}/periods`, { label: '2027', startsOn: '2027-01-01', endsOn: '2027-12-31' })).json();
    await admin.put(`/api/v1/results/periods/${y2027.id}/targets/${newFirms!.id}`, { value: 6 });
    await admin.post(`/api/v1/results/periods/${y2026.id}/submit`);
    const approved = (await admin.post(`/api/v1/results/periods/${y2026.id}/approve`)).json();

    const res = await admin.get(`/api/v1/results/frameworks/${framework.id}/iati.xml`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/xml/);
    const xml = res.body;
    expect(xml).toContain('<iati-identifier>GH-RGD-CS1234-PSD-1</iati-identifier>');
    // Every number is the approved report's: 3 new firms, 2 in GH-AA and 1 in GH-AH, the target 4.
    const reported = approved.results[0];
    expect(reported.total).toEqual({ n: 3 });
    const firstPeriod = xml.slice(xml.indexOf('<period>'), xml.indexOf('</period>'));
    expect(firstPeriod).toContain('<target value="4"/>');
    expect(firstPeriod).toContain('<actual value="3"/>');
    expect(firstPeriod).toMatch(/<actual value="2">\s*<dimension name="region" value="GH-AA"\/>/);
    expect(firstPeriod).toMatch(/<actual value="1">\s*<dimension name="region" value="GH-AH"\/>/);
    // The future period: a target, no actual.
    const periods = xml.split('<period>');
    expect(periods[2]).toContain('<target value="6"/>');
    expect(periods[2]!.slice(0, periods[2]!.indexOf('</period>'))).not.toContain('<actual');
    // A qualitative indicator: measure 5, no values, its text as a comment.
    expect(xml).toMatch(/<indicator measure="5" ascending="1">/);
    expect(xml).toContain('Clearing at Tema port is faster');

    // Not published yet, then published: the public address answers without sign-in.
    expect((await t.app.inject({ method: 'GET', url: `/iati/${orgId}/${framework.id}.xml` })).statusCode).toBe(404);
    expect((await admin.post(`/api/v1/results/frameworks/${framework.id}/iati/publish`)).json().iatiPublishedAt).toBeTruthy();
    const published = await t.app.inject({ method: 'GET', url: `/iati/${orgId}/${framework.id}.xml` });
    expect(published.statusCode).toBe(200);
    expect(published.body).toContain('<actual value="3"/>');
    // Another organisation's id in the address finds nothing.
    const other = await createOrg(t.app);
    expect((await t.app.inject({ method: 'GET', url: `/iati/${other.orgId}/${framework.id}.xml` })).statusCode).toBe(404);
  });
});
